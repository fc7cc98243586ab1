// Column-level lineage: follow one column through the column mappings of the source specs, up
// and down the table graph. The specs are read lazily (only the links on the column's path), so
// a trace costs one GET per link it crosses. Pure apart from the injected reader.
import type { TableLineageSourceSpec } from '@/api/types';
import { edgeKey, type GraphModel } from './build-graph';
import { applyMappings, mappingId, newSourceSpec, type LinkChange } from './draft';

export interface ColumnStep {
  /** Table key. */
  table: string;
  column: string;
  side: 'start' | 'upstream' | 'downstream';
  /** Hops from the traced column. */
  distance: number;
  /** The step it was reached from (undefined for the start). */
  from?: { table: string; column: string };
}

export interface ColumnTrace {
  steps: ColumnStep[];
  /** Links whose mappings could not be read (errors, or the read limit): the path may go on there. */
  unread: number;
}

export type SpecReader = (targetKey: string, sourceKey: string) => Promise<TableLineageSourceSpec | undefined>;

function mappedFrom(spec: TableLineageSourceSpec | undefined, column: string): string[] {
  const columns = spec?.columns;
  if (!columns || !Object.hasOwn(columns, column)) return [];
  const sources = columns[column]?.source_columns;
  return Array.isArray(sources) ? sources.filter((c): c is string => typeof c === 'string') : [];
}

function mappedTo(spec: TableLineageSourceSpec | undefined, sourceColumn: string): string[] {
  return Object.entries(spec?.columns ?? {})
    .filter(([, mapping]) => Array.isArray(mapping?.source_columns) && mapping.source_columns.includes(sourceColumn))
    .map(([column]) => column);
}

/**
 * Breadth-first, one level at a time with the reads of a level in parallel; each (table, column)
 * is visited once, so cycles end. At most `maxReads` links are read.
 */
export async function traceColumn(model: GraphModel, table: string, column: string, read: SpecReader, maxReads = 200): Promise<ColumnTrace> {
  const steps: ColumnStep[] = [{ table, column, side: 'start', distance: 0 }];
  let reads = 0;
  let unread = 0;
  const readSpec = async (target: string, source: string) => {
    if (reads >= maxReads) {
      unread += 1;
      return undefined;
    }
    reads += 1;
    try {
      return await read(target, source);
    } catch {
      unread += 1;
      return undefined;
    }
  };

  for (const side of ['upstream', 'downstream'] as const) {
    const seen = new Set<string>([`${table}\u0000${column}`]);
    let frontier: ColumnStep[] = [steps[0] as ColumnStep];
    for (let distance = 1; frontier.length > 0; distance += 1) {
      const found = await Promise.all(
        frontier.flatMap((at) =>
          side === 'upstream'
            ? (model.sources.get(at.table) ?? []).map(async (source) =>
                mappedFrom(await readSpec(at.table, source), at.column).map((c) => ({ table: source, column: c, from: at })),
              )
            : (model.targets.get(at.table) ?? []).map(async (target) =>
                mappedTo(await readSpec(target, at.table), at.column).map((c) => ({ table: target, column: c, from: at })),
              ),
        ),
      );
      const next: ColumnStep[] = [];
      for (const hit of found.flat()) {
        const id = `${hit.table}\u0000${hit.column}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const step: ColumnStep = { table: hit.table, column: hit.column, side, distance, from: { table: hit.from.table, column: hit.from.column } };
        next.push(step);
        steps.push(step);
      }
      frontier = next;
    }
  }
  return { steps, unread };
}

export interface ColumnImpact {
  /** Downstream table key → its columns fed (through the mappings) by the failing table. */
  columns: Map<string, string[]>;
  /** Links whose mappings could not be read (errors, or the read limit). */
  unread: number;
}

/**
 * "What breaks if this fails", per column: every column of the failing table counts as affected;
 * a downstream column is affected when its mapping reads an affected column of its source. Each
 * link is read once (at most `maxReads`); cycles end because the sets only grow.
 */
export async function impactedColumns(model: GraphModel, origin: string, read: SpecReader, maxReads = 300): Promise<ColumnImpact> {
  const specs = new Map<string, Promise<TableLineageSourceSpec | undefined>>();
  let unread = 0;
  const readOnce = (target: string, source: string) => {
    const link = `${target}\u0000${source}`;
    let spec = specs.get(link);
    if (!spec) {
      if (specs.size >= maxReads) {
        unread += 1;
        return Promise.resolve(undefined);
      }
      spec = read(target, source).catch(() => {
        unread += 1;
        return undefined;
      });
      specs.set(link, spec);
    }
    return spec;
  };
  const affected = new Map<string, Set<string> | 'all'>([[origin, 'all']]);
  let frontier = [origin];
  while (frontier.length > 0) {
    const next = new Set<string>();
    await Promise.all(
      frontier.flatMap((source) =>
        (model.targets.get(source) ?? []).map(async (target) => {
          const from = affected.get(source);
          if (!from) return;
          const spec = await readOnce(target, source);
          const hit = Object.entries(spec?.columns ?? {})
            .filter(([, mapping]) => Array.isArray(mapping?.source_columns) && mapping.source_columns.some((c) => from === 'all' || from.has(c)))
            .map(([column]) => column);
          if (hit.length === 0 || target === origin) return;
          const set = affected.get(target);
          const current = set instanceof Set ? set : new Set<string>();
          const before = current.size;
          for (const column of hit) current.add(column);
          affected.set(target, current);
          if (current.size > before) next.add(target);
        }),
      ),
    );
    frontier = [...next];
  }
  const columns = new Map<string, string[]>();
  for (const [table, set] of affected) if (set instanceof Set) columns.set(table, [...set].sort());
  return { columns, unread };
}

/**
 * A reader that answers as DQOps will once the draft is saved: a link's staged mappings applied to
 * what is stored (a staged new link starts empty), a link staged for removal gone. Column traces
 * and impact read through it, so a staged mapping shows in an open trace.
 */
export function draftedReader(read: SpecReader, changes: readonly LinkChange[]): SpecReader {
  if (changes.length === 0) return read;
  const byKey = new Map(changes.map((change) => [change.key, change]));
  return async (targetKey, sourceKey) => {
    const change = byKey.get(edgeKey(sourceKey, targetKey));
    if (!change) return read(targetKey, sourceKey);
    if (change.diff === 'removed') return undefined;
    const stored = change.diff === 'added' ? undefined : await read(targetKey, sourceKey);
    return applyMappings(stored ?? newSourceSpec(change.source), change);
  };
}

/** What a trace depends on besides the stored specs (which writes refresh): the staged mappings. */
export function draftFingerprint(changes: readonly LinkChange[]): string {
  return changes
    .filter((change) => change.diff !== 'added' || change.addMappings.length > 0 || change.removeMappings.length > 0)
    .map((change) => `${change.key}|${change.diff}|${change.addMappings.map(mappingId).join(',')}|${change.removeMappings.map(mappingId).join(',')}`)
    .join('\n');
}

/** A trace's tables and the links (edge keys) it runs along, to highlight them. */
export function tracePath(trace: ColumnTrace): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const step of trace.steps) {
    nodes.add(step.table);
    if (step.from) edges.add(step.side === 'upstream' ? edgeKey(step.table, step.from.table) : edgeKey(step.from.table, step.table));
  }
  return { nodes, edges };
}
