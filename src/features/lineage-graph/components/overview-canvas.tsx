// The whole graph of a big lineage (hundreds to thousands of tables) drawn on one <canvas>:
// painting thousands of DOM nodes would block the page for seconds, a canvas paints them in
// milliseconds. Wheel to zoom, drag to pan, click to select; the selection highlights its paths.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import type { LayoutResult } from '../model/layout';
import type { LinkDiff } from '../model/draft';
import { centredOn, fitCamera, tableAt, zoomAt, type Camera } from '../model/overview-camera';
import type { Emphasis } from '../nodes/emphasis';
import { edgeGeometry, paintOverview } from './paint-overview';

interface Props {
  model: GraphModel;
  nodes: readonly string[];
  edges: readonly GraphEdge[];
  /** Staged draft changes by edge key: drawn in the draft colours. */
  diffs?: ReadonlyMap<string, { diff: LinkDiff }>;
  layout: LayoutResult;
  emphasis: Emphasis;
  onSelect: (key: string | undefined) => void;
  /** Centre on this table (search). */
  centerOn?: { key: string; n: number };
  onPainted?: (kind: 'graph' | 'highlight') => void;
}


export function OverviewCanvas({ model, nodes, edges, diffs, layout, emphasis, onSelect, centerOn, onPainted }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const camera = useRef<Camera>({ x: 0, y: 0, k: 1 });
  const frame = useRef(0);
  const geometry = useMemo(() => edgeGeometry(edges, layout, diffs), [edges, layout, diffs]);
  const latest = useRef({ model, nodes, geometry, layout, emphasis, onPainted });
  const pendingKinds = useRef(new Set<'graph' | 'highlight'>());

  const draw = useCallback(() => {
    frame.current = 0;
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const { model: m, nodes: drawn, geometry: g, layout: l, emphasis: e, onPainted: painted } = latest.current;
    const dpr = window.devicePixelRatio || 1;
    paintOverview(context, camera.current, { model: m, nodes: drawn, positions: l.positions, geometry: g, emphasis: e }, { width: element.width / dpr, height: element.height / dpr, dpr });
    const kinds = [...pendingKinds.current];
    pendingKinds.current.clear();
    for (const kind of kinds) painted?.(kind);
  }, []);

  const schedule = useCallback(
    (kind: 'graph' | 'highlight' = 'graph') => {
      pendingKinds.current.add(kind);
      if (!frame.current) frame.current = requestAnimationFrame(draw);
    },
    [draw],
  );

  // Fit the whole graph when a new picture arrives.
  const fit = useCallback(() => {
    const element = host.current;
    const fitted = element ? fitCamera(latest.current.layout.positions, element.clientWidth, element.clientHeight) : undefined;
    if (fitted) camera.current = fitted;
  }, []);

  useEffect(() => {
    latest.current = { model, nodes, geometry, layout, emphasis, onPainted };
  });
  useEffect(() => {
    fit();
    schedule('graph');
  }, [layout, nodes, fit, schedule]);
  useEffect(() => schedule('highlight'), [emphasis, schedule]);

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
      schedule('graph');
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(element);
    return () => observer.disconnect();
  }, [schedule]);

  useEffect(() => {
    if (!centerOn) return;
    const p = layout.positions.get(centerOn.key);
    const element = host.current;
    if (!p || !element) return;
    camera.current = centredOn(camera.current, p, element.clientWidth, element.clientHeight);
    schedule('graph');
  }, [centerOn, layout, schedule]);

  // Pan with the pointer, zoom with the wheel, select with a click.
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const hit = (clientX: number, clientY: number): string | undefined => {
    const rect = canvas.current?.getBoundingClientRect();
    return rect ? tableAt(camera.current, clientX - rect.left, clientY - rect.top, latest.current.nodes, latest.current.layout.positions) : undefined;
  };

  return (
    <div ref={host} className="ls-overview">
      <canvas
        ref={canvas}
        className="ls-overview__canvas"
        role="img"
        aria-label={`Overview of all ${nodes.length} tables. Use "Find a table" to select one, or the Flows tab for a table of every flow.`}
        onWheel={(event) => {
          const rect = canvas.current?.getBoundingClientRect();
          if (!rect) return;
          camera.current = zoomAt(camera.current, event.clientX - rect.left, event.clientY - rect.top, event.deltaY);
          schedule('graph');
        }}
        onPointerDown={(event) => {
          drag.current = { x: event.clientX, y: event.clientY, moved: false };
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          const d = drag.current;
          if (!d) return;
          const dx = event.clientX - d.x;
          const dy = event.clientY - d.y;
          if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
          d.moved = true;
          camera.current = { ...camera.current, x: camera.current.x + dx, y: camera.current.y + dy };
          d.x = event.clientX;
          d.y = event.clientY;
          schedule('graph');
        }}
        onPointerUp={(event) => {
          const d = drag.current;
          drag.current = null;
          if (d && !d.moved) {
            performance.mark('lineage-select');
            onSelect(hit(event.clientX, event.clientY));
          }
        }}
      />
      <button type="button" className="ls-button ls-overview__fit" onClick={() => (fit(), schedule('graph'))}>
        Fit
      </button>
    </div>
  );
}
