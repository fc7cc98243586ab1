// Draft mode, pure part: the steward stages edits (add/remove a source table, add/remove a column
// mapping) and saves them together. The draft is the list of staged steps, in order; `foldDraft`
// turns it into one change per link (target ← source), which is what the canvas draws and what
// "Save all" applies (one read + at most one write per link, see draft-run.ts).
import type { TableLineageSourceSpec } from '@/api/types';
import { setOwn } from '@/lib/own';
import { stableStringify } from '@/lib/stable-json';
import { isTextMap } from '@/lib/stored-json';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { edgeKey, type GraphEdge, type GraphModel, type TableNodeData } from './build-graph';

/** Steps staged together (an import): undone and redone as one. */
interface Batched {
  batch?: string;
}

export type DraftOp = Batched &
  (
    | {
        kind: 'add-source';
        target: TableRef;
        source: TableRef;
        /** What the link's `data_lineage_source_tool` becomes ("dbt", an OpenLineage job namespace). */
        tool?: string;
        /** Merged into the link's `properties` (the dbt unique_id, the OpenLineage job). */
        properties?: Record<string, string>;
      }
    | { kind: 'remove-source'; target: TableRef; source: TableRef }
    | {
        kind: 'add-mapping';
        target: TableRef;
        source: TableRef;
        column: string;
        sourceColumn: string;
        /** Merged into the target column's `properties` (OpenLineage transformations). */
        properties?: Record<string, string>;
      }
    | { kind: 'remove-mapping'; target: TableRef; source: TableRef; column: string; sourceColumn: string }
  );

export type LinkDiff = 'added' | 'removed' | 'changed';

/** One column mapping: `column` of the target reads `sourceColumn` of the source. */
export interface MappingRef {
  column: string;
  sourceColumn: string;
  /** Merged into the target column's stored `properties` when the mapping is added. */
  properties?: Record<string, string>;
}

/** The net effect of a draft on one link. */
export interface LinkChange {
  /** edgeKey(source key, target key): the canvas edge this change is drawn on. */
  key: string;
  target: TableRef;
  source: TableRef;
  diff: LinkDiff;
  addMappings: MappingRef[];
  removeMappings: MappingRef[];
  /** The link's tool and properties after the change (staged by an import); unchanged when absent. */
  tool?: string;
  properties?: Record<string, string>;
}

/** One string per mapping (for sets and React keys). */
export const mappingId = (m: MappingRef) => `${m.column}\u0000${m.sourceColumn}`;

/**
 * The net change per link, in the order the links were first touched. Staging and then undoing
 * the same thing by hand cancels out: adding a mapping that the draft removed restores it,
 * removing a source the draft added forgets it (and its mappings), re-adding a removed source
 * cancels the removal. Links whose net change is nothing are left out.
 */
export function foldDraft(ops: readonly DraftOp[]): readonly LinkChange[] {
  // The steps of a draft snapshot never change: the graph, the toolbar and an open import dialog
  // all fold the same array, once (2,000 staged links take ~40 ms to fold).
  let changes = folded.get(ops);
  if (!changes) {
    changes = fold(ops);
    folded.set(ops, changes);
  }
  return changes;
}

const folded = new WeakMap<readonly DraftOp[], readonly LinkChange[]>();

function fold(ops: readonly DraftOp[]): LinkChange[] {
  interface Acc {
    target: TableRef;
    source: TableRef;
    added: boolean;
    removed: boolean;
    add: Map<string, MappingRef>;
    remove: Map<string, MappingRef>;
    tool?: string;
    properties?: Record<string, string>;
  }
  const links = new Map<string, Acc>();
  for (const op of ops) {
    const key = edgeKey(tableKey(op.source), tableKey(op.target));
    let link = links.get(key);
    if (!link) {
      link = { target: op.target, source: op.source, added: false, removed: false, add: new Map(), remove: new Map() };
      links.set(key, link);
    }
    switch (op.kind) {
      case 'add-source':
        if (link.removed) link.removed = false;
        else link.added = true;
        if (op.tool !== undefined) link.tool = op.tool;
        if (op.properties) link.properties = { ...link.properties, ...op.properties };
        break;
      case 'remove-source':
        if (link.added) link.added = false;
        else link.removed = true;
        link.add.clear();
        link.remove.clear();
        link.tool = undefined;
        link.properties = undefined;
        break;
      case 'add-mapping': {
        if (link.removed) break; // the editor never offers this; a stored draft may still hold it
        const id = mappingId(op);
        if (link.remove.has(id)) link.remove.delete(id);
        else link.add.set(id, { column: op.column, sourceColumn: op.sourceColumn, ...(op.properties && { properties: op.properties }) });
        break;
      }
      case 'remove-mapping': {
        if (link.removed) break;
        const id = mappingId(op);
        if (link.add.has(id)) link.add.delete(id);
        else if (!link.added) link.remove.set(id, { column: op.column, sourceColumn: op.sourceColumn });
        break;
      }
    }
  }
  const changes: LinkChange[] = [];
  for (const [key, link] of links) {
    const diff: LinkDiff | undefined = link.added ? 'added' : link.removed ? 'removed' : link.add.size + link.remove.size > 0 ? 'changed' : undefined;
    if (!diff) continue;
    const change: LinkChange = {
      key,
      target: link.target,
      source: link.source,
      diff,
      addMappings: [...link.add.values()],
      removeMappings: [...link.remove.values()],
    };
    if (diff !== 'removed' && link.tool !== undefined) change.tool = link.tool;
    if (diff !== 'removed' && link.properties) change.properties = link.properties;
    changes.push(change);
  }
  return changes;
}

/** Changes are never mutated once folded: each one's fingerprint is computed once (a Save all's
 * progress re-renders ask for thousands of them every second). */
const fingerprints = new WeakMap<LinkChange, string>();

/** One string per change and its content: the same change staged again has it, an edited one does not. */
export function changeFingerprint(change: LinkChange): string {
  let fingerprint = fingerprints.get(change);
  if (fingerprint === undefined) {
    fingerprint = fingerprintOf(change);
    fingerprints.set(change, fingerprint);
  }
  return fingerprint;
}

function fingerprintOf(change: LinkChange): string {
  const text = stableStringify(change);
  // cyrb53: a short, well-spread hash, enough to tell the changes of one draft apart.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${change.key.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/** Steps that, staged after the draft, take one link's change out of it (foldDraft cancels them out). */
export function withdrawChange(change: LinkChange): DraftOp[] {
  const { source, target } = change;
  if (change.diff === 'added') return [{ kind: 'remove-source', source, target }];
  if (change.diff === 'removed') return [{ kind: 'add-source', source, target }];
  return [
    ...change.addMappings.map((m): DraftOp => ({ kind: 'remove-mapping', source, target, ...m })),
    ...change.removeMappings.map((m): DraftOp => ({ kind: 'add-mapping', source, target, ...m })),
  ];
}

/**
 * A source spec with a change's mapping edits (and, from an import, its tool and properties)
 * applied: a new object, `spec` is not touched.
 */
export function applyMappings(
  spec: TableLineageSourceSpec,
  change: Pick<LinkChange, 'addMappings' | 'removeMappings'> & Partial<Pick<LinkChange, 'tool' | 'properties'>>,
): TableLineageSourceSpec {
  const columns: NonNullable<TableLineageSourceSpec['columns']> = {};
  for (const [column, mapping] of Object.entries(spec.columns ?? {})) {
    setOwn(columns, column, { ...mapping, source_columns: [...(mapping.source_columns ?? [])] });
  }
  for (const { column, sourceColumn } of change.removeMappings) {
    const mapping = Object.hasOwn(columns, column) ? columns[column] : undefined;
    if (!mapping) continue;
    mapping.source_columns = (mapping.source_columns ?? []).filter((c) => c !== sourceColumn);
    // A column left with no source column and nothing else stored says nothing: drop it.
    if (mapping.source_columns.length === 0 && Object.keys(mapping.properties ?? {}).length === 0) delete columns[column];
  }
  for (const { column, sourceColumn, properties } of change.addMappings) {
    let mapping = Object.hasOwn(columns, column) ? columns[column] : undefined;
    if (!mapping) {
      mapping = { source_columns: [sourceColumn] };
      setOwn(columns, column, mapping);
    } else if (!(mapping.source_columns ?? []).includes(sourceColumn)) mapping.source_columns = [...(mapping.source_columns ?? []), sourceColumn];
    if (properties && Object.keys(properties).length > 0) mapping.properties = { ...mapping.properties, ...properties };
  }
  const next: TableLineageSourceSpec = { ...spec };
  if (change.tool !== undefined) next.data_lineage_source_tool = change.tool;
  if (change.properties && Object.keys(change.properties).length > 0) next.properties = { ...spec.properties, ...change.properties };
  if (Object.keys(columns).length > 0) next.columns = columns;
  else delete next.columns;
  return next;
}

/** The spec POSTed for a source table added by the draft. */
export function newSourceSpec(source: TableRef): TableLineageSourceSpec {
  return { source_connection: source.connection, source_schema: source.schema, source_table: source.table };
}

/** Words for one staged step, for the review list and announcements. */
export function describeOp(op: DraftOp): string {
  switch (op.kind) {
    case 'add-source':
      return `Add ${op.source.table} as a source of ${op.target.table}${op.tool ? ` (tool: ${op.tool})` : ''}`;
    case 'remove-source':
      return `Remove ${op.source.table} as a source of ${op.target.table}`;
    case 'add-mapping':
      return `Map ${op.target.table}.${op.column} ← ${op.source.table}.${op.sourceColumn}`;
    case 'remove-mapping':
      return `Unmap ${op.target.table}.${op.column} ← ${op.source.table}.${op.sourceColumn}`;
  }
}

export interface DraftedModel {
  model: GraphModel;
  /** Edge key → how the draft changes that link (edges drawn only because of the draft are 'added'). */
  diffs: Map<string, LinkChange>;
  /** Tables drawn only because the draft adds a link to them. */
  addedTables: Set<string>;
}

/**
 * The lineage as it will be once the draft is saved, for drawing: links the draft adds become
 * edges (with their other table, when the lineage does not have it yet), removed and changed
 * links keep their edge and are marked. Links with neither table in this lineage belong to
 * another table's picture and are left out. The base model is not modified.
 */
/**
 * DQOps already holds what this change asks for, as far as the tree shows: an added link that is
 * stored, a removed link that is gone. (Changed mappings cannot be told from the tree.)
 */
export function isHeld(base: GraphModel, change: LinkChange): boolean {
  if (change.diff === 'added') return base.edges.has(change.key);
  if (change.diff === 'removed') return !base.edges.has(change.key) && (base.nodes.has(tableKey(change.source)) || base.nodes.has(tableKey(change.target)));
  return false;
}

export function withDraft(base: GraphModel, changes: readonly LinkChange[]): DraftedModel {
  const diffs = new Map<string, LinkChange>();
  const addedTables = new Set<string>();
  const additions: LinkChange[] = [];
  for (const change of changes) {
    const sourceKey = tableKey(change.source);
    const targetKey = tableKey(change.target);
    if (!base.nodes.has(sourceKey) && !base.nodes.has(targetKey)) continue;
    if (change.diff === 'added' && !base.edges.has(change.key)) additions.push(change);
    // A staged change DQOps already holds (saved by a Save all that stopped part-way, or by someone
    // else) is drawn as what it is now: a stored link, not "+ new" or "− remove".
    if (isHeld(base, change)) continue;
    if (change.diff === 'added' || base.edges.has(change.key)) diffs.set(change.key, change);
  }
  if (additions.length === 0) return { model: base, diffs, addedTables };

  const nodes = new Map(base.nodes);
  const edges = new Map(base.edges);
  const sources = new Map(base.sources);
  const targets = new Map(base.targets);
  const incoming = new Map(base.incoming);
  const outgoing = new Map(base.outgoing);
  const append = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const change of additions) {
    const sourceKey = tableKey(change.source);
    const targetKey = tableKey(change.target);
    for (const [key, ref] of [
      [sourceKey, change.source],
      [targetKey, change.target],
    ] as const) {
      if (nodes.has(key)) continue;
      const table: TableNodeData = { key, ref, rowCountEstimated: false, exists: true, isRoot: false, selfLink: false };
      nodes.set(key, table);
      addedTables.add(key);
    }
    const edge: GraphEdge = {
      key: change.key,
      source: sourceKey,
      target: targetKey,
      flow: { source: change.source, target: change.target, rowCountEstimated: false },
    };
    edges.set(edge.key, edge);
    append(sources, targetKey, sourceKey);
    append(targets, sourceKey, targetKey);
    append(incoming, targetKey, edge);
    append(outgoing, sourceKey, edge);
  }
  return { model: { ...base, nodes, edges, sources, targets, incoming, outgoing }, diffs, addedTables };
}

/** Reads a stored draft back; anything that is not a well-formed step is dropped. */
export function parseDraftOps(value: unknown): DraftOp[] {
  if (!Array.isArray(value)) return [];
  const isRef = (ref: unknown): ref is TableRef =>
    typeof ref === 'object' &&
    ref !== null &&
    typeof (ref as TableRef).connection === 'string' &&
    typeof (ref as TableRef).schema === 'string' &&
    typeof (ref as TableRef).table === 'string';
  const ops: DraftOp[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const { kind, target, source, column, sourceColumn, tool, properties, batch } = item as Record<string, unknown>;
    if (!isRef(target) || !isRef(source)) continue;
    const t = { connection: target.connection, schema: target.schema, table: target.table };
    const s = { connection: source.connection, schema: source.schema, table: source.table };
    const extra = { ...(typeof batch === 'string' && { batch }), ...(isTextMap(properties) && { properties }) };
    if (kind === 'add-source') ops.push({ kind, target: t, source: s, ...(typeof tool === 'string' && { tool }), ...extra });
    else if (kind === 'remove-source') ops.push({ kind, target: t, source: s, ...(typeof batch === 'string' && { batch }) });
    else if (kind === 'add-mapping' && typeof column === 'string' && typeof sourceColumn === 'string') {
      ops.push({ kind, target: t, source: s, column, sourceColumn, ...extra });
    } else if (kind === 'remove-mapping' && typeof column === 'string' && typeof sourceColumn === 'string') {
      ops.push({ kind, target: t, source: s, column, sourceColumn, ...(typeof batch === 'string' && { batch }) });
    }
  }
  return ops;
}
