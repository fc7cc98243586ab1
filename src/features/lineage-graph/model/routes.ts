// Arrows around tables, never under one. Pure. Both layouts put each layer in one column (the
// same x); an arrow that skips layers (a source three steps up feeding this table directly) is
// given waypoints in every column it crosses: through the free space between that column's
// tables, as near as possible to the straight line. Arrows between neighbouring columns cross
// only empty space and keep their plain curve (no waypoints).
import { NODE_HEIGHT, NODE_WIDTH, type Point } from './layout';

/** Horizontal run before and after a column, so the arrow passes it level. */
const LEAD = 16;
/** Space kept between an arrow and a table's border. */
const CLEARANCE = 8;

interface Span {
  top: number;
  bottom: number;
}

export interface RoutedEdge {
  key: string;
  source: string;
  target: string;
}

/** Where an arrow at height `y` can pass a column of tables (sorted by top): `y`, or the nearest gap. */
function passAt(column: readonly Span[], y: number): number {
  const blocking = column.findIndex((span) => y >= span.top - CLEARANCE && y <= span.bottom + CLEARANCE);
  if (blocking < 0) return y;
  // Walk to the first free gap above and below the run of tables around `y`.
  let above = blocking;
  while (above > 0 && (column[above - 1] as Span).bottom + 2 * CLEARANCE > (column[above] as Span).top) above -= 1;
  let below = blocking;
  while (below < column.length - 1 && (column[below] as Span).bottom + 2 * CLEARANCE > (column[below + 1] as Span).top) below += 1;
  const top = column[above] as Span;
  const bottom = column[below] as Span;
  const up = above > 0 ? ((column[above - 1] as Span).bottom + top.top) / 2 : top.top - 2 * CLEARANCE;
  const down = below < column.length - 1 ? (bottom.bottom + (column[below + 1] as Span).top) / 2 : bottom.bottom + 2 * CLEARANCE;
  return Math.abs(up - y) <= Math.abs(down - y) ? up : down;
}

/**
 * Waypoints of every arrow that crosses a column of tables, by edge key. `heightOf` gives a table's
 * height (taller with its column list open).
 */
export function routeEdges(
  positions: ReadonlyMap<string, Point>,
  edges: readonly RoutedEdge[],
  heightOf: (key: string) => number = () => NODE_HEIGHT,
): Map<string, Point[]> {
  const columns = new Map<number, Span[]>();
  for (const [key, p] of positions) {
    const column = columns.get(p.x) ?? [];
    column.push({ top: p.y, bottom: p.y + heightOf(key) });
    columns.set(p.x, column);
  }
  for (const column of columns.values()) column.sort((a, b) => a.top - b.top);
  const xs = [...columns.keys()].sort((a, b) => a - b);

  const routes = new Map<string, Point[]>();
  for (const edge of edges) {
    const source = positions.get(edge.source);
    const target = positions.get(edge.target);
    if (!source || !target) continue;
    const x1 = source.x + NODE_WIDTH;
    const x2 = target.x;
    if (x2 <= x1) continue; // backwards (a cycle) or in one column: the plain curve
    const y1 = source.y + heightOf(edge.source) / 2;
    const y2 = target.y + heightOf(edge.target) / 2;
    const crossed = xs.filter((x) => x >= x1 && x + NODE_WIDTH <= x2);
    if (crossed.length === 0) continue;
    const points: Point[] = [];
    for (const x of crossed) {
      const ideal = y1 + ((y2 - y1) * (x + NODE_WIDTH / 2 - x1)) / (x2 - x1);
      const y = passAt(columns.get(x) ?? [], ideal);
      points.push({ x: x - LEAD, y }, { x: x + NODE_WIDTH + LEAD, y });
    }
    routes.set(edge.key, points);
  }
  return routes;
}

/**
 * An SVG path from (sx, sy) through `waypoints` to (tx, ty): level runs as lines, changes of
 * height as S-curves with level ends (as React Flow's bezier leaves and enters a handle).
 * Returns the path and the middle of it for a label.
 */
export function routedPath(sx: number, sy: number, waypoints: readonly Point[], tx: number, ty: number): [path: string, labelX: number, labelY: number] {
  const points = [{ x: sx, y: sy }, ...waypoints, { x: tx, y: ty }];
  let path = `M${sx},${sy}`;
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1] as Point;
    const to = points[i] as Point;
    if (from.y === to.y) path += ` L${to.x},${to.y}`;
    else {
      const half = (to.x - from.x) / 2;
      path += ` C${from.x + half},${from.y} ${to.x - half},${to.y} ${to.x},${to.y}`;
    }
  }
  const middle = Math.floor(points.length / 2);
  const a = points[middle - 1] as Point;
  const b = points[middle] as Point;
  return [path, (a.x + b.x) / 2, (a.y + b.y) / 2];
}
