// Where the camera starts. Pure. Readable first: a table name (14 px) is at least 12 px on screen.
// - Everything fits at a readable zoom: fit it.
// - Else the focus table and all its direct neighbours, if they fit readable.
// - Else, at the readable zoom, as much of them as fits, always with the focus and its nearest
//   upstream and nearest downstream neighbour wholly in view.
// - Else (a narrow canvas) the zoom comes down until those three fit, never below MIN_START_ZOOM.
// The rest is reached by panning; the minimap shows where.
import { nearest } from './graph-keys';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Table names are 14 px: at this zoom they are 12 px on screen. */
export const READABLE_ZOOM = 12 / 14;
/** The camera never starts further out than this, whatever it has to show. */
export const MIN_START_ZOOM = 0.4;
/** Space kept free around what is framed, in screen pixels. */
export const FRAME_MARGIN = 24;
export const FIT_MAX_ZOOM = 1.1;
export const MIN_ZOOM = 0.05;

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boundsOf(positions: ReadonlyMap<string, Point>, keys?: Iterable<string>): Box | undefined {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const points = keys ? [...keys].flatMap((key) => positions.get(key) ?? []) : positions.values();
  for (const p of points) {
    box.minX = Math.min(box.minX, p.x);
    box.minY = Math.min(box.minY, p.y);
    box.maxX = Math.max(box.maxX, p.x + NODE_WIDTH);
    box.maxY = Math.max(box.maxY, p.y + NODE_HEIGHT);
  }
  return Number.isFinite(box.minX) ? box : undefined;
}

/** The zoom at which `box` fits the canvas with FRAME_MARGIN around it. */
function fitZoom(box: Box, width: number, height: number): { x: number; y: number; both: number } {
  const x = Math.max(1, width - 2 * FRAME_MARGIN) / (box.maxX - box.minX);
  const y = Math.max(1, height - 2 * FRAME_MARGIN) / (box.maxY - box.minY);
  return { x, y, both: Math.min(x, y) };
}

function centred(cx: number, cy: number, zoom: number, width: number, height: number): Viewport {
  return { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom };
}

/** Moves a camera centred on (cx, cy) as little as needed for `keep` to be wholly in view. */
function keepInView(cx: number, cy: number, keep: Box, zoom: number, width: number, height: number): Viewport {
  const view = centred(cx, cy, zoom, width, height);
  const clamp = (value: number, low: number, high: number) => (low > high ? (low + high) / 2 : Math.min(high, Math.max(low, value)));
  return {
    x: clamp(view.x, FRAME_MARGIN - keep.minX * zoom, width - FRAME_MARGIN - keep.maxX * zoom),
    y: clamp(view.y, FRAME_MARGIN - keep.minY * zoom, height - FRAME_MARGIN - keep.maxY * zoom),
    zoom,
  };
}

/**
 * The camera for a new picture in a canvas of `width` × `height` (the part of the screen the graph
 * really has). `upstream` and `downstream`: the tables linked to `focus` directly.
 */
export function startViewport(
  positions: ReadonlyMap<string, Point>,
  focus: string | undefined,
  width: number,
  height: number,
  neighbours: { upstream: Iterable<string>; downstream: Iterable<string> } = { upstream: [], downstream: [] },
): Viewport {
  const all = boundsOf(positions);
  if (!all || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const whole = Math.min(FIT_MAX_ZOOM, fitZoom(all, width, height).both);
  const anchor = focus ? positions.get(focus) : undefined;
  if (whole >= READABLE_ZOOM || !anchor || !focus) {
    const zoom = Math.max(MIN_ZOOM, whole);
    return centred((all.minX + all.maxX) / 2, (all.minY + all.maxY) / 2, zoom, width, height);
  }
  const upstream = [...neighbours.upstream];
  const downstream = [...neighbours.downstream];
  const near = boundsOf(positions, [focus, ...upstream, ...downstream]) ?? all;
  if (fitZoom(near, width, height).both >= READABLE_ZOOM) {
    return centred((near.minX + near.maxX) / 2, (near.minY + near.maxY) / 2, READABLE_ZOOM, width, height);
  }
  const essential = [focus, nearest(upstream, positions, anchor), nearest(downstream, positions, anchor)].filter((key): key is string => key !== undefined);
  const keep = boundsOf(positions, essential) ?? near;
  const zoom = Math.max(MIN_START_ZOOM, Math.min(READABLE_ZOOM, fitZoom(keep, width, height).both));
  return keepInView((near.minX + near.maxX) / 2, anchor.y + NODE_HEIGHT / 2, keep, zoom, width, height);
}

/**
 * The camera that brings `keys` into view after an action drew them (Show all, +N, a root cause):
 * fitted to them, never closer than 1:1 nor further than MIN_ZOOM. Undefined when none is laid out.
 */
export function frameOn(positions: ReadonlyMap<string, Point>, keys: Iterable<string>, width: number, height: number): Viewport | undefined {
  const box = boundsOf(positions, keys);
  if (!box || width <= 0 || height <= 0) return undefined;
  const zoom = Math.max(MIN_ZOOM, Math.min(1, fitZoom(box, width, height).both));
  return centred((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2, zoom, width, height);
}

/**
 * How far to pan (screen pixels) so that a rectangle on screen is wholly inside a `width` × `height`
 * canvas, `margin` from its edges and above a bottom-right corner covered by `corner` (the minimap),
 * moving as little as possible; the top-left wins when it cannot all fit.
 */
export function nudgeIntoView(
  rect: { left: number; top: number; right: number; bottom: number },
  width: number,
  height: number,
  corner: { width: number; height: number },
  margin = 16,
): { dx: number; dy: number } {
  const floor = rect.right > width - corner.width - margin ? height - corner.height - margin : height - margin;
  const dy = rect.bottom > floor ? Math.max(floor - rect.bottom, margin - rect.top) : rect.top < margin ? margin - rect.top : 0;
  const dx = rect.right > width - margin ? Math.max(width - margin - rect.right, margin - rect.left) : rect.left < margin ? margin - rect.left : 0;
  return { dx, dy };
}
