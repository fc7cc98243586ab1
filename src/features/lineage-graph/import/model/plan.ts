// What an import would change in DQOps, link by link, and the draft steps that stage it
// (docs/lineage-formats.md, "From the file to the draft"). A link of the file whose two tables are
// matched is compared with what DQOps stores for it (tool, properties, column mappings) and with
// what the draft already stages: nothing to do (already in DQOps, or already staged) stages
// nothing, so importing the same file twice stages nothing the second time. With `sync`, links
// DQOps stores for the file's target tables that this same tool imported earlier (they carry the
// import's property: dbt_unique_id, openlineage_job) and that the file no longer has are staged for
// removal; links entered by hand never are.
import { setOwn } from '@/lib/own';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { edgeKey } from '@/features/lineage-graph/model/build-graph';
import type { DraftOp, LinkChange } from '@/features/lineage-graph/model/draft';
import type { ImportedLineage } from './imported';
import type { DatasetMatch } from './match';

/** A column mapping as the import wants it stored: target column ← source columns, with properties. */
export interface PlannedColumn {
  sourceColumns: string[];
  properties: Record<string, string>;
}

/** One DQOps link the file asks for, after matching (two datasets matched to the same tables are one link). */
export interface ResolvedLink {
  key: string;
  source: TableRef;
  target: TableRef;
  tool: string;
  properties: Record<string, string>;
  columns: Record<string, PlannedColumn>;
}

/** A link of the file that cannot be imported: one of its tables is not (yet) matched. */
export interface UnresolvedLink {
  source: string;
  target: string;
  /** Which side: the dataset key(s) that are missing or ambiguous. */
  waitingFor: string[];
}

/** What DQOps stores for one source of a target table (its tool and columns only when its spec was read). */
export interface StoredLink {
  source: TableRef;
  tool?: string;
  properties: Record<string, string>;
  columns?: Record<string, { source_columns?: string[]; properties?: Record<string, string> }>;
}

export type LinkState = 'new' | 'already' | 'changed' | 'staged' | 'remove';

export interface PlannedLink {
  key: string;
  source: TableRef;
  target: TableRef;
  state: LinkState;
  /** For a changed link: what differs, in words. */
  differences: string[];
  /** The draft steps staging it (none for already / staged). */
  ops: DraftOp[];
}

/** Property keys an import writes; a stored link carrying one of them was imported, not entered by hand. */
export const IMPORT_MARKERS = ['dbt_unique_id', 'openlineage_job'] as const;
export const TRANSFORMATIONS_PROPERTY = 'openlineage_transformations';

export function resolveLinks(lineage: ImportedLineage, matches: ReadonlyMap<string, DatasetMatch>): { resolved: ResolvedLink[]; unresolved: UnresolvedLink[] } {
  const resolved = new Map<string, ResolvedLink>();
  const unresolved: UnresolvedLink[] = [];
  for (const link of lineage.links) {
    const source = matches.get(link.source);
    const target = matches.get(link.target);
    if (source?.state !== 'matched' || target?.state !== 'matched') {
      const waitingFor = [source?.state !== 'matched' ? link.source : undefined, target?.state !== 'matched' ? link.target : undefined].filter((k): k is string => !!k);
      unresolved.push({ source: link.source, target: link.target, waitingFor });
      continue;
    }
    const key = edgeKey(tableKey(source.table), tableKey(target.table));
    if (tableKey(source.table) === tableKey(target.table)) continue; // two names of one table: no link
    let entry = resolved.get(key);
    if (!entry) {
      entry = { key, source: source.table, target: target.table, tool: link.tool, properties: {}, columns: {} };
      resolved.set(key, entry);
    }
    Object.assign(entry.properties, link.properties);
    for (const [column, mapping] of Object.entries(link.columns)) {
      const known = Object.hasOwn(entry.columns, column) ? entry.columns[column] : undefined;
      const sourceColumns = [...new Set([...(known?.sourceColumns ?? []), ...mapping.sourceColumns])];
      const transformations = [...new Set([...(known?.properties[TRANSFORMATIONS_PROPERTY]?.split(', ') ?? []), ...mapping.transformations])];
      const properties = { ...known?.properties, ...mapping.properties };
      if (transformations.length > 0) properties[TRANSFORMATIONS_PROPERTY] = transformations.join(', ');
      setOwn(entry.columns, column, { sourceColumns, properties });
    }
  }
  return { resolved: [...resolved.values()], unresolved };
}

const includesAll = (held: Record<string, string> | undefined, wanted: Record<string, string>) => Object.entries(wanted).every(([k, v]) => held?.[k] === v);

/** The mappings of `wanted` that `stored` lacks (a source column missing, or the column's properties). */
function missingMappings(wanted: Record<string, PlannedColumn>, stored: StoredLink['columns']): { column: string; sourceColumn: string; properties?: Record<string, string> }[] {
  const missing: { column: string; sourceColumn: string; properties?: Record<string, string> }[] = [];
  for (const [column, mapping] of Object.entries(wanted)) {
    const held = stored && Object.hasOwn(stored, column) ? stored[column] : undefined;
    const propertiesHeld = includesAll(held?.properties, mapping.properties);
    for (const sourceColumn of mapping.sourceColumns) {
      if (held?.source_columns?.includes(sourceColumn) && propertiesHeld) continue;
      missing.push({ column, sourceColumn, ...(Object.keys(mapping.properties).length > 0 && { properties: mapping.properties }) });
    }
  }
  return missing;
}

/** Is everything `ops` would stage already staged by the draft's change of that link? */
function stagedAlready(change: LinkChange | undefined, link: ResolvedLink, mappings: ReturnType<typeof missingMappings>): boolean {
  if (!change || change.diff === 'removed') return false;
  if ((link.tool !== '' && change.tool !== link.tool) || !includesAll(change.properties, link.properties)) return false;
  return mappings.every((m) => change.addMappings.some((a) => a.column === m.column && a.sourceColumn === m.sourceColumn && includesAll(a.properties, m.properties ?? {})));
}

export interface PlanOptions {
  /** Stage the removal of links this tool imported earlier that the file no longer has. */
  sync: boolean;
}

/**
 * `stored`: target tableKey → the links DQOps stores for it (every target of `resolved` must be
 * there). `draft`: the draft's folded changes.
 */
export function planImport(resolved: readonly ResolvedLink[], stored: ReadonlyMap<string, readonly StoredLink[]>, draft: readonly LinkChange[], options: PlanOptions): PlannedLink[] {
  const drafted = new Map(draft.map((change) => [change.key, change]));
  const planned: PlannedLink[] = [];
  for (const link of resolved) {
    const held = stored.get(tableKey(link.target))?.find((s) => tableKey(s.source) === tableKey(link.source));
    const { source, target } = link;
    const mappings = missingMappings(link.columns, held?.columns);
    const differences: string[] = [];
    if (held) {
      // A file without a tool for the link ('') has no opinion on it.
      if (link.tool !== '' && held.tool !== link.tool) differences.push(held.tool ? `tool ${held.tool} → ${link.tool}` : `tool → ${link.tool}`);
      // A property the stored link lacks is no change on its own (links entered before the import
      // carry no dbt_unique_id); one it holds with another value is. Either way, a staged link gets them.
      for (const [name, value] of Object.entries(link.properties)) {
        const was = Object.hasOwn(held.properties, name) ? held.properties[name] : undefined;
        if (was !== undefined && was !== value) differences.push(`${name} ${was} → ${value}`);
      }
      if (mappings.length > 0) differences.push(`${mappings.length} column ${mappings.length === 1 ? 'mapping' : 'mappings'} to add`);
    }
    const needed = !held || differences.length > 0;
    const state: LinkState = !needed ? 'already' : stagedAlready(drafted.get(link.key), link, mappings) ? 'staged' : held ? 'changed' : 'new';
    const ops: DraftOp[] =
      state === 'new' || state === 'changed'
        ? [
            {
              kind: 'add-source',
              target,
              source,
              ...(link.tool !== '' && { tool: link.tool }),
              ...(Object.keys(link.properties).length > 0 && { properties: link.properties }),
            },
            ...mappings.map((m): DraftOp => ({ kind: 'add-mapping', target, source, ...m })),
          ]
        : [];
    planned.push({ key: link.key, source, target, state, differences, ops });
  }
  if (options.sync) {
    const wanted = new Set(resolved.map((link) => link.key));
    const tools = new Set(resolved.map((link) => link.tool));
    const targets = new Map(resolved.map((link) => [tableKey(link.target), link.target]));
    for (const [targetKey, target] of targets) {
      for (const link of stored.get(targetKey) ?? []) {
        const key = edgeKey(tableKey(link.source), targetKey);
        if (wanted.has(key) || !link.tool || !tools.has(link.tool)) continue;
        if (!IMPORT_MARKERS.some((marker) => Object.hasOwn(link.properties, marker))) continue; // entered by hand
        if (drafted.get(key)?.diff === 'removed') continue;
        planned.push({ key, source: link.source, target, state: 'remove', differences: [], ops: [{ kind: 'remove-source', target, source: link.source }] });
      }
    }
  }
  return planned;
}

/** Links per state, for the report's summary. */
export function countStates(planned: readonly PlannedLink[]): Record<LinkState, number> {
  const counts: Record<LinkState, number> = { new: 0, already: 0, changed: 0, staged: 0, remove: 0 };
  for (const link of planned) counts[link.state] += 1;
  return counts;
}
