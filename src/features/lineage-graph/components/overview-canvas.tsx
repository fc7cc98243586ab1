// The whole graph of a big lineage (hundreds to thousands of tables) drawn on one <canvas>:
// painting thousands of DOM nodes would block the page for seconds, a canvas paints them in
// milliseconds. Wheel to zoom, drag to pan, click to select; the selection highlights its paths.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { SEVERITY_STYLE } from '@/lib/severity';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import { layoutExtent, NODE_HEIGHT, NODE_WIDTH, type LayoutResult } from '../model/layout';
import { edgeWidth, nodeSeverity } from '../model/view-model';
import type { LinkDiff } from '../model/draft';
import { DIFF_STYLE } from '../nodes/diff-style';
import type { Emphasis } from '../nodes/emphasis';

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

interface View {
  x: number;
  y: number;
  k: number;
}

const MARGIN = 40;

/**
 * What the edges look like, worked out once per picture: end points and a style per edge in typed
 * arrays. A redraw (selection, pan, zoom) then only decides faded or not, and builds no strings.
 */
interface EdgeGeometry {
  keys: string[];
  /** sx, sy, tx, ty per edge. */
  points: Float64Array;
  style: Uint16Array;
  styles: { color: string; width: number }[];
}

function edgeGeometry(edges: readonly GraphEdge[], layout: LayoutResult, diffs?: ReadonlyMap<string, { diff: LinkDiff }>): EdgeGeometry {
  const keys: string[] = [];
  const points: number[] = [];
  const style: number[] = [];
  const styles: { color: string; width: number }[] = [];
  const styleIds = new Map<string, number>();
  for (const edge of edges) {
    const s = layout.positions.get(edge.source);
    const t = layout.positions.get(edge.target);
    if (!s || !t) continue;
    const diff = diffs?.get(edge.key)?.diff;
    const color = diff ? DIFF_STYLE[diff].color : colorOf(edge);
    const width = diff ? 3 : Math.round(edgeWidth(edge.rowCount) * 2) / 2;
    const id = `${color}|${width}`;
    let index = styleIds.get(id);
    if (index === undefined) {
      index = styles.length;
      styles.push({ color, width });
      styleIds.set(id, index);
    }
    keys.push(edge.key);
    points.push(s.x + NODE_WIDTH, s.y + NODE_HEIGHT / 2, t.x, t.y + NODE_HEIGHT / 2);
    style.push(index);
  }
  return { keys, points: Float64Array.from(points), style: Uint16Array.from(style), styles };
}

export function OverviewCanvas({ model, nodes, edges, diffs, layout, emphasis, onSelect, centerOn, onPainted }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useRef<View>({ x: 0, y: 0, k: 1 });
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
    const { x, y, k } = view.current;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, element.width, element.height);
    context.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
    const left = -x / k;
    const top = -y / k;
    const right = left + element.width / dpr / k;
    const bottom = top + element.height / dpr / k;

    // Edges, batched by style and focus: one stroke per batch.
    const { keys, points, style, styles } = g;
    const batches: { color: string; width: number; alpha: number; segments: number[] }[] = [];
    for (let i = 0; i < keys.length; i += 1) {
      const sx = points[i * 4] as number;
      const sy = points[i * 4 + 1] as number;
      const tx = points[i * 4 + 2] as number;
      const ty = points[i * 4 + 3] as number;
      if (Math.max(sx, tx) < left || Math.min(sx, tx) > right || Math.max(sy, ty) < top || Math.min(sy, ty) > bottom) continue;
      const faded = e.edges !== undefined && !e.edges.has(keys[i] as string);
      const id = (style[i] as number) * 2 + (faded ? 1 : 0);
      let batch = batches[id];
      if (!batch) {
        const look = styles[style[i] as number] ?? { color: SEVERITY_STYLE.none.color, width: 1 };
        batch = { color: look.color, width: Math.max(look.width, 1 / k), alpha: faded ? 0.08 : 0.7, segments: [] };
        batches[id] = batch;
      }
      batch.segments.push(sx, sy, tx, ty);
    }
    for (const batch of batches) {
      if (!batch) continue;
      context.beginPath();
      for (let i = 0; i < batch.segments.length; i += 4) {
        const [sx, sy, tx, ty] = [batch.segments[i] ?? 0, batch.segments[i + 1] ?? 0, batch.segments[i + 2] ?? 0, batch.segments[i + 3] ?? 0];
        const dx = Math.max(30, (tx - sx) / 2);
        context.moveTo(sx, sy);
        context.bezierCurveTo(sx + dx, sy, tx - dx, ty, tx, ty);
      }
      context.globalAlpha = batch.alpha;
      context.strokeStyle = batch.color;
      context.lineWidth = batch.width;
      context.stroke();
    }

    // Nodes: white boxes with a severity bar; names when they are large enough to read. Rectangles
    // are batched by style (one fill or stroke per batch), as the edges are: 5,000 tables redraw
    // in a few milliseconds when a selection changes.
    const showText = k >= 0.25;
    type FillBatch = { color: string; alpha: number; rects: number[] };
    const boxes = new Map<string, FillBatch>();
    const bars = new Map<string, FillBatch>();
    const strokes = new Map<string, { color: string; width: number; alpha: number; rects: number[] }>();
    const labels: [string, number, number, number][] = [];
    const addFill = (into: Map<string, FillBatch>, color: string, alpha: number, x: number, y: number, width: number) => {
      const id = `${color}|${alpha}`;
      let batch = into.get(id);
      if (!batch) into.set(id, (batch = { color, alpha, rects: [] }));
      batch.rects.push(x, y, width, NODE_HEIGHT);
    };
    const thin = 1 / Math.min(1, k * 2);
    for (const key of drawn) {
      const p = l.positions.get(key);
      if (!p || p.x > right || p.x + NODE_WIDTH < left || p.y > bottom || p.y + NODE_HEIGHT < top) continue;
      const node = m.nodes.get(key);
      const faded = e.nodes !== undefined && !e.nodes.has(key);
      const alpha = faded ? 0.2 : 1;
      addFill(boxes, node?.isRoot ? '#eef4ff' : '#ffffff', alpha, p.x, p.y, NODE_WIDTH);
      addFill(bars, SEVERITY_STYLE[nodeSeverity(m, key, e.colourBy)].color, alpha, p.x, p.y, 10);
      const strong = e.selected === key || node?.isRoot === true;
      const color = strong ? '#1d4ed8' : '#b8c0cc';
      const width = strong ? 3 * thin : thin;
      const id = `${color}|${width}|${alpha}`;
      let batch = strokes.get(id);
      if (!batch) strokes.set(id, (batch = { color, width, alpha, rects: [] }));
      batch.rects.push(p.x, p.y, NODE_WIDTH, NODE_HEIGHT);
      if (showText && node)
        labels.push([node.ref.table.length > 26 ? `${node.ref.table.slice(0, 25)}…` : node.ref.table, p.x + 20, p.y + NODE_HEIGHT / 2, alpha]);
    }
    const rects = (values: number[]) => {
      context.beginPath();
      for (let i = 0; i < values.length; i += 4) context.rect(values[i] ?? 0, values[i + 1] ?? 0, values[i + 2] ?? 0, values[i + 3] ?? 0);
    };
    // Box fills first (white, then the bars drawn over them), then outlines, then names.
    for (const batch of [...boxes.values(), ...bars.values()]) {
      rects(batch.rects);
      context.globalAlpha = batch.alpha;
      context.fillStyle = batch.color;
      context.fill();
    }
    for (const batch of strokes.values()) {
      rects(batch.rects);
      context.globalAlpha = batch.alpha;
      context.strokeStyle = batch.color;
      context.lineWidth = batch.width;
      context.stroke();
    }
    if (labels.length > 0) {
      context.font = '600 15px system-ui, sans-serif';
      context.textBaseline = 'middle';
      context.fillStyle = '#1f2933';
      for (const [text, tx, ty, alpha] of labels) {
        context.globalAlpha = alpha;
        context.fillText(text, tx, ty, NODE_WIDTH - 28);
      }
    }
    context.globalAlpha = 1;
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
    if (!element) return;
    const width = element.clientWidth;
    const height = element.clientHeight;
    // The drawn extent (a shifted layout starts above or left of 0).
    const extent = layoutExtent(latest.current.layout.positions);
    if (!extent) return;
    const w = extent.maxX - extent.minX;
    const h = extent.maxY - extent.minY;
    // No lower bound: "Fit" shows all of it, however small (a 5,000-table lineage is ~600,000 px tall).
    const k = Math.min(2, Math.max(1e-5, Math.min((width - MARGIN * 2) / Math.max(1, w), (height - MARGIN * 2) / Math.max(1, h))));
    view.current = { k, x: (width - w * k) / 2 - extent.minX * k, y: (height - h * k) / 2 - extent.minY * k };
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
    const k = Math.max(view.current.k, 0.8);
    view.current = { k, x: element.clientWidth / 2 - (p.x + NODE_WIDTH / 2) * k, y: element.clientHeight / 2 - (p.y + NODE_HEIGHT / 2) * k };
    schedule('graph');
  }, [centerOn, layout, schedule]);

  // Pan with the pointer, zoom with the wheel, select with a click.
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const hit = (clientX: number, clientY: number): string | undefined => {
    const rect = canvas.current?.getBoundingClientRect();
    if (!rect) return undefined;
    const { x, y, k } = view.current;
    const gx = (clientX - rect.left - x) / k;
    const gy = (clientY - rect.top - y) / k;
    for (const key of latest.current.nodes) {
      const p = latest.current.layout.positions.get(key);
      if (p && gx >= p.x && gx <= p.x + NODE_WIDTH && gy >= p.y && gy <= p.y + NODE_HEIGHT) return key;
    }
    return undefined;
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
          const { x, y, k } = view.current;
          const next = Math.min(3, Math.max(1e-5, k * Math.exp(-event.deltaY * 0.0015)));
          const cx = event.clientX - rect.left;
          const cy = event.clientY - rect.top;
          view.current = { k: next, x: cx - ((cx - x) * next) / k, y: cy - ((cy - y) * next) / k };
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
          view.current = { ...view.current, x: view.current.x + dx, y: view.current.y + dy };
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

function colorOf(edge: GraphEdge): string {
  const severity = edge.combinedStatus?.severity;
  return severity ? SEVERITY_STYLE[severity].color : SEVERITY_STYLE.none.color;
}
