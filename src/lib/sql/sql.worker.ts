// Derives column lineage from SQL off the page's thread (derive.ts): a 300-line statement takes
// tens of milliseconds, a 1 MB one seconds. The grammars load here, each on first use.
import type { Dialect } from './grammars';
import { deriveFromSql, SqlError, type Derivation } from './derive';

export interface SqlRequest {
  id: number;
  sql: string;
  dialect: Dialect;
  /** The DQOps columns of the tables known so far ("schema.table", lower case). */
  columns: Record<string, readonly string[]>;
}

export type SqlResponse = { id: number; ok: true; derivation: Derivation } | { id: number; ok: false; message: string };

self.onmessage = async (event: MessageEvent<SqlRequest>) => {
  const { id, sql, dialect, columns } = event.data;
  try {
    const derivation = await deriveFromSql(sql, dialect, { columnsOf: (table) => (Object.hasOwn(columns, table) ? columns[table] : undefined) });
    self.postMessage({ id, ok: true, derivation } satisfies SqlResponse);
  } catch (error) {
    const message = error instanceof SqlError ? error.message : `The statement could not be read: ${error instanceof Error ? error.message : String(error)}`;
    self.postMessage({ id, ok: false, message } satisfies SqlResponse);
  }
};
