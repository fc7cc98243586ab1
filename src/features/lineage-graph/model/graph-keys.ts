// Moving around the graph with the keyboard. Pure: which table or arrow an arrow key leads to.
// Left: upstream (the source tables), Right: downstream (the target tables), Up and Down: the
// table above or below in the same column. Among several, the one nearest on screen.
import type { Point } from './layout';
import type { GraphModel } from './build-graph';

export type GraphMove = 'upstream' | 'downstream' | 'up' | 'down';

export const MOVE_KEYS: Readonly<Record<string, GraphMove>> = { ArrowLeft: 'upstream', ArrowRight: 'downstream', ArrowUp: 'up', ArrowDown: 'down' };

/** Among `keys`, the table whose position is nearest to `to` (the camera uses it too). */
export function nearest(keys: Iterable<string>, positions: ReadonlyMap<string, Point>, to: Point): string | undefined {
  let best: string | undefined;
  let distance = Infinity;
  for (const key of keys) {
    const p = positions.get(key);
    if (!p) continue;
    const d = Math.hypot(p.x - to.x, p.y - to.y);
    if (d < distance) [best, distance] = [key, d];
  }
  return best;
}

/** The drawn table a move from `from` leads to, if any. */
export function nextTable(model: GraphModel, positions: ReadonlyMap<string, Point>, from: string, move: GraphMove): string | undefined {
  const at = positions.get(from);
  if (!at) return undefined;
  if (move === 'upstream') return nearest(model.sources.get(from) ?? [], positions, at);
  if (move === 'downstream') return nearest(model.targets.get(from) ?? [], positions, at);
  const column: string[] = [];
  for (const [key, p] of positions) if (key !== from && Math.abs(p.x - at.x) < 1 && (move === 'up' ? p.y < at.y : p.y > at.y)) column.push(key);
  return nearest(column, positions, at);
}

/** The drawn arrow from `from` to its nearest source ('upstream') or target ('downstream'). */
export function nextArrow(model: GraphModel, positions: ReadonlyMap<string, Point>, from: string, move: 'upstream' | 'downstream'): string | undefined {
  const table = nextTable(model, positions, from, move);
  if (!table) return undefined;
  const edges = move === 'upstream' ? model.incoming.get(from) : model.outgoing.get(from);
  return edges?.find((e) => (move === 'upstream' ? e.source : e.target) === table)?.key;
}
