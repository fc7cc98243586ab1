/** A table's identity in DQOps: connection, schema and table name. Never `compact_key`. */
export interface TableRef {
  connection: string;
  schema: string;
  table: string;
}

/** The one way to build a string id for a table (graph node ids, query keys, maps). */
export function tableKey(ref: TableRef): string {
  // JSON keeps the three parts apart whatever characters the names contain.
  return JSON.stringify([ref.connection, ref.schema, ref.table]);
}

export function sameTable(a: TableRef, b: TableRef): boolean {
  return a.connection === b.connection && a.schema === b.schema && a.table === b.table;
}

/** Human label, for display only (ambiguous when names contain dots). */
export function tableLabel(ref: TableRef): string {
  return `${ref.connection} · ${ref.schema}.${ref.table}`;
}
