// Paints the overview of a big lineage on a 2D canvas: links, then tables, then names. Everything
// the picture depends on is an argument (the scene and the camera), so a paint is a function of
// them, and can be checked against a recording context in a test.
import { INK } from '@/lib/palette';
import { SEVERITY_STYLE } from '@/lib/severity';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import type { LinkDiff } from '../model/draft';
import { NODE_HEIGHT, NODE_WIDTH, type LayoutResult, type Point } from '../model/layout';
import { visibleArea, type Camera } from '../model/overview-camera';
import { edgeWidth, nodeSeverity } from '../model/view-model';
import { DIFF_STYLE } from '../nodes/diff-style';
import type { Emphasis } from '../nodes/emphasis';

/** The 2D context calls the painter makes (a CanvasRenderingContext2D has them all). */
export type OverviewContext = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'bezierCurveTo'
  | 'rect'
  | 'stroke'
  | 'fill'
  | 'fillText'
  | 'globalAlpha'
  | 'strokeStyle'
  | 'fillStyle'
  | 'lineWidth'
  | 'font'
  | 'textBaseline'
>;

export interface OverviewScene {
  model: GraphModel;
  /** The drawn tables. */
  nodes: readonly string[];
  positions: ReadonlyMap<string, Point>;
  geometry: EdgeGeometry;
  emphasis: Emphasis;
}

/** The canvas in CSS pixels, and device pixels per CSS pixel. */
export interface CanvasSize {
  width: number;
  height: number;
  dpr: number;
}

/**
 * What the edges look like, worked out once per picture: end points and a style per edge in typed
 * arrays. A redraw (selection, pan, zoom) then only decides faded or not, and builds no strings.
 */
export interface EdgeGeometry {
  keys: string[];
  /** sx, sy, tx, ty per edge. */
  points: Float64Array;
  style: Uint16Array;
  styles: { color: string; width: number }[];
}

export function edgeGeometry(edges: readonly GraphEdge[], layout: LayoutResult, diffs?: ReadonlyMap<string, { diff: LinkDiff }>): EdgeGeometry {
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

/** Clears the canvas and sets the camera's transform; returns the part of the graph on screen. */
export function beginPaint(context: OverviewContext, camera: Camera, size: CanvasSize) {
  const { x, y, k } = camera;
  const { dpr } = size;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, size.width * dpr, size.height * dpr);
  context.setTransform(dpr * k, 0, 0, dpr * k, dpr * x, dpr * y);
  return visibleArea(camera, size.width, size.height);
}

export function paintOverview(context: OverviewContext, camera: Camera, scene: OverviewScene, size: CanvasSize): void {
  const { model: m, nodes: drawn, positions, geometry: g, emphasis: e } = scene;
  const { k } = camera;
  const { left, top, right, bottom } = beginPaint(context, camera, size);

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
    const p = positions.get(key);
    if (!p || p.x > right || p.x + NODE_WIDTH < left || p.y > bottom || p.y + NODE_HEIGHT < top) continue;
    const node = m.nodes.get(key);
    const faded = e.nodes !== undefined && !e.nodes.has(key);
    const alpha = faded ? 0.2 : 1;
    addFill(boxes, node?.isRoot ? INK.focusTint : INK.surface, alpha, p.x, p.y, NODE_WIDTH);
    addFill(bars, SEVERITY_STYLE[nodeSeverity(m, key, e.colourBy)].color, alpha, p.x, p.y, 10);
    const strong = e.selected === key || node?.isRoot === true;
    const color = strong ? INK.focus : INK.border;
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
    context.fillStyle = INK.text;
    for (const [text, tx, ty, alpha] of labels) {
      context.globalAlpha = alpha;
      context.fillText(text, tx, ty, NODE_WIDTH - 28);
    }
  }
  context.globalAlpha = 1;
}

function colorOf(edge: GraphEdge): string {
  const severity = edge.combinedStatus?.severity;
  return severity ? SEVERITY_STYLE[severity].color : SEVERITY_STYLE.none.color;
}
