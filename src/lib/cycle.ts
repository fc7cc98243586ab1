// Would a new link close a loop? Pure. It lives here, not beside the graph's traverse.ts, because the
// source editor asks it and features do not import each other; it walks a plain list of flows.
import { sameTable, tableKey, type TableRef } from './table-ref';

/** Whether `source` is already downstream of `target` in these flows: the link source → target would close a loop. */
export function createsCycle(flows: readonly { source: TableRef; target: TableRef }[], target: TableRef, source: TableRef): boolean {
  if (sameTable(source, target)) return false; // a table as its own source is refused by the form
  const targets = new Map<string, string[]>();
  for (const flow of flows) {
    const from = tableKey(flow.source);
    const list = targets.get(from);
    if (list) list.push(tableKey(flow.target));
    else targets.set(from, [tableKey(flow.target)]);
  }
  const wanted = tableKey(source);
  const seen = new Set<string>([tableKey(target)]);
  const queue = [tableKey(target)];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    for (const next of targets.get(key) ?? []) {
      if (next === wanted) return true;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return false;
}
