// The canvas's camera: its size, the first view, re-framing what an action drew, centring on a
// found table, and bringing an opened column list into view. The maths is pure (model/viewport.ts).
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { GraphEdge } from '../model/build-graph';
import { NODE_HEIGHT, NODE_WIDTH, type LayoutResult, type Point } from '../model/layout';
import { frameOn, nudgeIntoView, startViewport, type Viewport } from '../model/viewport';

/** React Flow's minimap size (its default) plus its offset from the corner. */
const MINIMAP_BOX = { width: 215, height: 165 };

interface CameraInput {
  box: RefObject<HTMLDivElement | null>;
  /** The layout on screen (undefined until the first one arrives). */
  layout: LayoutResult | undefined;
  /** Drawn tables that the layout has placed, and the drawn links. */
  drawn: readonly string[];
  edges: readonly GraphEdge[];
  /** The table the first camera frames with its neighbours: the selection, or the focus table. */
  focus: string;
  /** Show all is on: a new picture is fitted whole. */
  showAll: boolean;
  heightOf: (key: string) => number;
}

export function useCamera({ box: element, layout, drawn, edges, focus, showAll, heightOf }: CameraInput) {
  const flow = useReactFlow();
  // The canvas's size, known before the first layout arrives: React Flow is mounted with the
  // right camera (startViewport) instead of drawing every table at zoom 1 and then fitting.
  const [box, setBox] = useState<{ width: number; height: number }>();
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    const measure = () =>
      setBox((old) => (old && old.width === target.clientWidth && old.height === target.clientHeight ? old : { width: target.clientWidth, height: target.clientHeight }));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);

  // The first camera frames the focus table with its direct neighbours when the whole picture is not readable.
  const cameraOn = (positions: ReadonlyMap<string, Point>, size: { width: number; height: number }): Viewport => {
    const upstream = edges.flatMap((e) => (e.target === focus ? [e.source] : []));
    const downstream = edges.flatMap((e) => (e.source === focus ? [e.target] : []));
    return startViewport(positions, focus, size.width, size.height, { upstream, downstream });
  };
  const [initialViewport, setInitialViewport] = useState<Viewport>();
  if (!initialViewport && box && layout && drawn.length > 0) setInitialViewport(cameraOn(layout.positions, box));

  // The minimap comes with the first picture (joining a frame later cost one more redraw).
  const miniMap = initialViewport !== undefined;

  // Re-frame when the set of drawn tables changes. What an action drew is brought into view:
  // Show all fits everything drawn; +N, a root cause or a found table frame the new tables with
  // the drawn tables they attach to. Fewer tables (Show nearby only, a filter): the first camera.
  const count = drawn.length;
  const framedCount = useRef<number>(undefined);
  const drawnBefore = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!initialViewport || !box || !layout) return;
    const before = drawnBefore.current;
    drawnBefore.current = new Set(drawn);
    if (framedCount.current === undefined || framedCount.current === count) {
      framedCount.current = count; // the mount used initialViewport
      return;
    }
    framedCount.current = count;
    const added = new Set(drawn.filter((key) => !before.has(key)));
    if (added.size > 0 && before.size > 0) {
      const attached = edges.flatMap((e) => (added.has(e.source) && before.has(e.target) ? [e.target] : added.has(e.target) && before.has(e.source) ? [e.source] : []));
      const camera = frameOn(layout.positions, showAll ? drawn : [...added, ...attached], box.width, box.height);
      if (camera) return void flow.setViewport(camera, { duration: 300 });
    }
    void flow.setViewport(cameraOn(layout.positions, box));
  }, [flow, count, initialViewport]); // eslint-disable-line react-hooks/exhaustive-deps -- re-frame on a new picture only, not on selection or resize

  // Centre on a found table once its position is known (it may need a new layout first).
  const [centerRequest, setCenterRequest] = useState<{ key: string; n: number }>();
  const centered = useRef(0);
  useEffect(() => {
    if (!centerRequest || centered.current === centerRequest.n || !layout) return;
    const position = layout.positions.get(centerRequest.key);
    if (!position) return;
    centered.current = centerRequest.n;
    void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 350 });
  }, [centerRequest, layout, flow]);
  const centerOn = useCallback((key: string) => setCenterRequest((current) => ({ key, n: (current?.n ?? 0) + 1 })), []);

  // An opened column list is brought into view once the new layout places it (panning as little
  // as possible). A ref: opening the list changes the layout, which runs the effect.
  const listToReveal = useRef<string>(undefined);
  useEffect(() => {
    const key = listToReveal.current;
    if (!key || !box || !layout) return;
    const position = layout.positions.get(key);
    if (!position || heightOf(key) === NODE_HEIGHT) return; // not laid out open yet
    listToReveal.current = undefined;
    const { x, y, zoom } = flow.getViewport();
    const rect = { left: position.x * zoom + x, top: position.y * zoom + y, right: (position.x + NODE_WIDTH) * zoom + x, bottom: (position.y + heightOf(key)) * zoom + y };
    const { dx, dy } = nudgeIntoView(rect, box.width, box.height, MINIMAP_BOX);
    if (dx !== 0 || dy !== 0) void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 250 });
  }, [layout, box, flow, heightOf]);
  const revealColumnList = useCallback((key: string) => (listToReveal.current = key), []);

  return { box, initialViewport, miniMap, centerRequest, centerOn, revealColumnList };
}
