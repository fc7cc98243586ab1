// Quality status along paths. Pure.
// - upstreamFailures: for every table, how many tables upstream of it fail (own status warning,
//   error or fatal) and the worst of them: the "fed by failing sources" mark.
// - impactOf: "what breaks if this fails": every table downstream of one table, nearest first.
import { severityRank, type Severity } from '@/api/normalize';
import type { GraphModel } from './build-graph';
import { csvCell } from '@/lib/csv';
import { distances } from './traverse';

export interface UpstreamFailure {
  /** Failing tables upstream (each counted once, however many paths lead from it). */
  count: number;
  worst: Severity;
}

/** A table's own severity when it is warning or worse (DQOps's "failing" statuses). */
export function failingSeverity(model: GraphModel, key: string): Severity | undefined {
  const severity = model.nodes.get(key)?.status?.severity;
  return severity !== undefined && severityRank(severity) >= 1 ? severity : undefined;
}

/**
 * Every table's set of failing ancestors as a bitset (one bit per failing table), propagated along
 * the flows in topological order: O((tables + flows) × failing / 32), a few milliseconds on a
 * 5,000-table lineage (one walk per failing table took ~100 ms). Cycles are settled by repeating
 * the pass until nothing changes.
 */
export function upstreamFailures(model: GraphModel): Map<string, UpstreamFailure> {
  const keys = [...model.nodes.keys()];
  const index = new Map(keys.map((key, i) => [key, i]));
  const failing: { node: number; severity: Severity }[] = [];
  keys.forEach((key, i) => {
    const severity = failingSeverity(model, key);
    if (severity) failing.push({ node: i, severity });
  });
  const result = new Map<string, UpstreamFailure>();
  if (failing.length === 0) return result;
  const words = Math.ceil(failing.length / 32);
  const ancestors = new Uint32Array(keys.length * words); // failing tables strictly upstream
  const own = new Uint32Array(keys.length * words); // the table itself, when it fails
  failing.forEach(({ node }, bit) => (own[node * words + (bit >> 5)] = (own[node * words + (bit >> 5)] ?? 0) | (1 << (bit & 31))));
  const sources = keys.map((key) => (model.sources.get(key) ?? []).map((source) => index.get(source) as number));

  // Kahn's order; when only cycles are left, the first table not yet placed is taken as if its
  // remaining sources were done (so what lies below a cycle still comes after it).
  const indegree = sources.map((list) => list.length);
  const targets = keys.map((key) => (model.targets.get(key) ?? []).map((target) => index.get(target) as number));
  const placed = new Uint8Array(keys.length);
  const order: number[] = [];
  const place = (v: number) => {
    placed[v] = 1;
    order.push(v);
  };
  for (let v = 0; v < keys.length; v += 1) if (indegree[v] === 0) place(v);
  for (let head = 0, next = 0; order.length < keys.length || head < order.length;) {
    if (head === order.length) {
      while (placed[next]) next += 1;
      place(next);
    }
    for (const w of targets[order[head] as number] ?? []) {
      indegree[w] = (indegree[w] ?? 0) - 1;
      if (indegree[w] === 0 && !placed[w]) place(w);
    }
    head += 1;
  }

  let passes = 0;
  for (let changed = true; changed && passes < 100; passes += 1) {
    changed = false;
    for (const v of order) {
      for (const s of sources[v] ?? []) {
        for (let w = 0; w < words; w += 1) {
          const before = ancestors[v * words + w] ?? 0;
          const after = (before | (ancestors[s * words + w] ?? 0) | (own[s * words + w] ?? 0)) >>> 0;
          if (after !== before) {
            ancestors[v * words + w] = after;
            changed = true;
          }
        }
      }
    }
  }

  const bitsOf = (severity: Severity) => {
    const mask = new Uint32Array(words);
    failing.forEach((f, bit) => {
      if (f.severity === severity) mask[bit >> 5] = (mask[bit >> 5] ?? 0) | (1 << (bit & 31));
    });
    return mask;
  };
  const bySeverity = (['fatal', 'error', 'warning'] as const).map((severity) => ({ severity, mask: bitsOf(severity) }));
  for (let v = 0; v < keys.length; v += 1) {
    let count = 0;
    for (let w = 0; w < words; w += 1) count += popcount(ancestors[v * words + w] ?? 0);
    if (count === 0) continue;
    const worst = bySeverity.find(({ mask }) => mask.some((m, w) => (m & (ancestors[v * words + w] ?? 0)) !== 0))?.severity ?? 'warning';
    result.set(keys[v] as string, { count, worst });
  }
  return result;
}

function popcount(n: number): number {
  let x = n - ((n >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export interface ImpactRow {
  key: string;
  /** Hops downstream of the failing table. */
  distance: number;
  /** The tables feeding it on the way (its sources that are themselves affected, or the origin). */
  via: string[];
}

/** Every table downstream of `key`, nearest first, with the affected tables that feed it. */
export function impactOf(model: GraphModel, key: string): ImpactRow[] {
  const dist = distances(model, key, 'downstream');
  const rows: ImpactRow[] = [];
  for (const [table, distance] of dist) {
    if (table === key) continue;
    const via = (model.sources.get(table) ?? []).filter((source) => dist.has(source));
    rows.push({ key: table, distance, via });
  }
  return rows.sort((a, b) => a.distance - b.distance || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** "What breaks if this fails" as CSV (cells neutralised against formula injection). */
export function impactCsv(model: GraphModel, key: string, rows: readonly ImpactRow[], columns?: ReadonlyMap<string, readonly string[]>): string {
  const name = (k: string) => model.nodes.get(k)?.ref;
  const origin = name(key);
  const header = [
    'failing_connection',
    'failing_schema',
    'failing_table',
    'affected_connection',
    'affected_schema',
    'affected_table',
    'hops',
    'fed_by',
    'affected_own_status',
  ];
  if (columns) header.push('affected_columns');
  const lines = rows.map((row) => {
    const ref = name(row.key);
    const via = row.via.map((k) => name(k)?.table ?? k).join('; ');
    const status = model.nodes.get(row.key)?.status;
    const cells: (string | number | undefined)[] = [
      origin?.connection,
      origin?.schema,
      origin?.table,
      ref?.connection,
      ref?.schema,
      ref?.table,
      row.distance,
      via,
      status?.severity ?? status?.unknownSeverity ?? 'no checks',
    ];
    // Blank would read as "no column affected": say that the mappings on the way do not tell.
    if (columns) cells.push((columns.get(row.key) ?? []).join('; ') || 'unknown: no column mappings recorded on the way');
    return cells.map(csvCell).join(',');
  });
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
