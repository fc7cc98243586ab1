// The overview's camera (pan and zoom of the canvas that paints a big lineage): pure maths.
// Screen point = graph point × k + (x, y).
import { layoutExtent, NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';

export interface Camera {
  x: number;
  y: number;
  k: number;
}

const MARGIN = 40;

interface Box {
  width: number;
  height: number;
}
const TABLE_BOX: Box = { width: NODE_WIDTH, height: NODE_HEIGHT };
/** No lower bound worth the name: "Fit" shows all of it, however small (5,000 tables are ~600,000 px tall). */
const MIN_K = 1e-5;

/** The camera that shows every placed table, centred, with a margin; undefined when nothing is placed. */
export function fitCamera(positions: ReadonlyMap<string, Point>, width: number, height: number, box: Box = TABLE_BOX): Camera | undefined {
  // The drawn extent (a shifted layout starts above or left of 0).
  const extent = layoutExtent(positions, box);
  if (!extent) return undefined;
  const w = extent.maxX - extent.minX;
  const h = extent.maxY - extent.minY;
  const k = Math.min(2, Math.max(MIN_K, Math.min((width - MARGIN * 2) / Math.max(1, w), (height - MARGIN * 2) / Math.max(1, h))));
  return { k, x: (width - w * k) / 2 - extent.minX * k, y: (height - h * k) / 2 - extent.minY * k };
}

/** Zooms by a wheel's deltaY, keeping the graph point under (cx, cy) where it is. */
export function zoomAt(camera: Camera, cx: number, cy: number, deltaY: number): Camera {
  const { x, y, k } = camera;
  const next = Math.min(3, Math.max(MIN_K, k * Math.exp(-deltaY * 0.0015)));
  return { k: next, x: cx - ((cx - x) * next) / k, y: cy - ((cy - y) * next) / k };
}

/** Centres a table in a box of width × height, zoomed in to at least `atLeast` (0.8: readable names). */
export function centredOn(camera: Camera, position: Point, width: number, height: number, box: Box = TABLE_BOX, atLeast = 0.8): Camera {
  const k = Math.max(camera.k, atLeast);
  return { k, x: width / 2 - (position.x + box.width / 2) * k, y: height / 2 - (position.y + box.height / 2) * k };
}

/** The part of the graph the camera shows in a box of width × height (graph coordinates). */
export function visibleArea(camera: Camera, width: number, height: number) {
  const left = -camera.x / camera.k;
  const top = -camera.y / camera.k;
  return { left, top, right: left + width / camera.k, bottom: top + height / camera.k };
}

/** The table under a point of the canvas (px, py from its top-left corner). */
export function tableAt(camera: Camera, px: number, py: number, keys: Iterable<string>, positions: ReadonlyMap<string, Point>, box: Box = TABLE_BOX): string | undefined {
  const gx = (px - camera.x) / camera.k;
  const gy = (py - camera.y) / camera.k;
  for (const key of keys) {
    const p = positions.get(key);
    if (p && gx >= p.x && gx <= p.x + box.width && gy >= p.y && gy <= p.y + box.height) return key;
  }
  return undefined;
}
