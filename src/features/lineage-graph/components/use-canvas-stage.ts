// A <canvas> that fills its box and is panned by dragging and zoomed by the wheel about the pointer:
// the stage of the overview and of the grouped overview. It repaints on the next animation frame
// after any change, and calls `onClick` with the point clicked (a press without a drag).
import { useCallback, useEffect, useRef, type PointerEvent, type WheelEvent } from 'react';
import { zoomAt, type Camera } from '../model/overview-camera';
import type { CanvasSize } from './paint-overview';

export type Paint = (context: CanvasRenderingContext2D, camera: Camera, size: CanvasSize) => void;

interface StageHandlers {
  onClick?: (x: number, y: number) => void;
  onHover?: (x: number, y: number) => void;
  /** After the wheel zoomed about (x, y). */
  onZoom?: (x: number, y: number) => void;
}

export function useCanvasStage(paint: Paint, handlers: StageHandlers = {}) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const camera = useRef<Camera>({ x: 0, y: 0, k: 1 });
  const frame = useRef(0);
  const latest = useRef({ paint, handlers });
  useEffect(() => {
    latest.current = { paint, handlers };
  });

  const draw = useCallback(() => {
    frame.current = 0;
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const dpr = window.devicePixelRatio || 1;
    latest.current.paint(context, camera.current, { width: element.width / dpr, height: element.height / dpr, dpr });
  }, []);
  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0; // a later schedule asks for a new frame (StrictMode unmounts and mounts again)
    },
    [],
  );

  // Size the canvas to its box (device pixels).
  useEffect(() => {
    const element = host.current;
    const c = canvas.current;
    if (!element || !c) return;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      c.width = Math.max(1, Math.round(element.clientWidth * dpr));
      c.height = Math.max(1, Math.round(element.clientHeight * dpr));
      c.style.width = `${element.clientWidth}px`;
      c.style.height = `${element.clientHeight}px`;
      schedule();
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => observer.disconnect();
  }, [schedule]);

  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const local = (event: { clientX: number; clientY: number }) => {
    const rect = canvas.current?.getBoundingClientRect();
    return rect ? { x: event.clientX - rect.left, y: event.clientY - rect.top } : undefined;
  };
  const events = {
    onWheel: (event: WheelEvent<HTMLCanvasElement>) => {
      const at = local(event);
      if (!at) return;
      camera.current = zoomAt(camera.current, at.x, at.y, event.deltaY);
      latest.current.handlers.onZoom?.(at.x, at.y);
      schedule();
    },
    onPointerDown: (event: PointerEvent<HTMLCanvasElement>) => {
      drag.current = { x: event.clientX, y: event.clientY, moved: false };
      event.currentTarget.setPointerCapture(event.pointerId);
    },
    onPointerMove: (event: PointerEvent<HTMLCanvasElement>) => {
      const d = drag.current;
      if (!d) {
        const at = local(event);
        if (at) latest.current.handlers.onHover?.(at.x, at.y);
        return;
      }
      const dx = event.clientX - d.x;
      const dy = event.clientY - d.y;
      if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      d.moved = true;
      camera.current = { ...camera.current, x: camera.current.x + dx, y: camera.current.y + dy };
      d.x = event.clientX;
      d.y = event.clientY;
      schedule();
    },
    onPointerUp: (event: PointerEvent<HTMLCanvasElement>) => {
      const d = drag.current;
      drag.current = null;
      const at = local(event);
      if (d && !d.moved && at) latest.current.handlers.onClick?.(at.x, at.y);
    },
  };
  const getCamera = useCallback(() => camera.current, []);
  const setCamera = useCallback((next: Camera) => {
    camera.current = next;
  }, []);
  return { host, canvas, getCamera, setCamera, schedule, events };
}
