// Where the camera starts. Fitting a big neighbourhood (a hub with 200 neighbours) into the canvas
// shrinks every table to an unreadable sliver; below READABLE_ZOOM the view centres on the focus
// table at a readable zoom instead, and the minimap shows the whole shape. Pure.
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Below this zoom names are hard to read: centre on the focus table instead of fitting. */
export const READABLE_ZOOM = 0.5;
export const FIT_PADDING = 0.15;
export const FIT_MAX_ZOOM = 1.1;
export const MIN_ZOOM = 0.05;

export function startViewport(positions: ReadonlyMap<string, Point>, focus: string | undefined, width: number, height: number): Viewport {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  if (!Number.isFinite(minX) || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  // React Flow's fitView arithmetic: padding is a share of the canvas on each side.
  const fitted = Math.min(FIT_MAX_ZOOM, (width * (1 - 2 * FIT_PADDING)) / (maxX - minX), (height * (1 - 2 * FIT_PADDING)) / (maxY - minY));
  const zoom = Math.max(MIN_ZOOM, fitted);
  const anchor = focus ? positions.get(focus) : undefined;
  if (zoom >= READABLE_ZOOM || !anchor) {
    return { x: width / 2 - ((minX + maxX) / 2) * zoom, y: height / 2 - ((minY + maxY) / 2) * zoom, zoom };
  }
  return {
    x: width / 2 - (anchor.x + NODE_WIDTH / 2) * READABLE_ZOOM,
    y: height / 2 - (anchor.y + NODE_HEIGHT / 2) * READABLE_ZOOM,
    zoom: READABLE_ZOOM,
  };
}
