/** A table's identity in DQOps: connection, schema and table name. Never `compact_key`. */
export interface TableRef {
  connection: string;
  schema: string;
  table: string;
}

/**
 * The one way to build a string id for a table (graph node ids, query keys, URL values, maps).
 * Each part is percent-encoded, so "/" separates them unambiguously whatever the names contain,
 * and the id holds no quote or backslash (React Flow puts node ids into CSS selectors).
 */
export function tableKey(ref: TableRef): string {
  let key = keys.get(ref);
  if (key === undefined) {
    key = `${encodeURIComponent(ref.connection)}/${encodeURIComponent(ref.schema)}/${encodeURIComponent(ref.table)}`;
    keys.set(ref, key);
  }
  return key;
}

// Trees share one ref object per table (see normalizeTree): its key is computed once. Refs are
// never mutated (a changed copy is a new object), so the memo cannot go stale.
const keys = new WeakMap<TableRef, string>();

/** The inverse of tableKey; undefined when `key` is not one. */
export function parseTableKey(key: string | undefined): TableRef | undefined {
  if (!key) return undefined;
  const parts = key.split('/');
  if (parts.length !== 3) return undefined;
  try {
    const [connection, schema, table] = parts.map(decodeURIComponent) as [string, string, string];
    return { connection, schema, table };
  } catch {
    return undefined; // malformed percent-encoding
  }
}

export function sameTable(a: TableRef, b: TableRef): boolean {
  return a.connection === b.connection && a.schema === b.schema && a.table === b.table;
}

/** Human label, for display only (ambiguous when names contain dots). */
export function tableLabel(ref: TableRef): string {
  return `${ref.connection} · ${ref.schema}.${ref.table}`;
}

/** The source table a stored lineage entry (DQOps's TableLineageSourceSpec, or a form's values) names. */
export function sourceRefOf(spec: { source_connection?: string; source_schema?: string; source_table?: string }): TableRef {
  return { connection: spec.source_connection ?? '', schema: spec.source_schema ?? '', table: spec.source_table ?? '' };
}
