// The tables opened recently in this browser, per DQOps server (the landing page offers them).
// Only names are kept: never a status or anything else the server says.
import { sameTable, type TableRef } from './table-ref';

const KEY = 'lineage-studio.recent.';
export const RECENT_MAX = 8;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked: nothing is remembered
  }
}

const isRef = (value: unknown): value is TableRef =>
  !!value && typeof value === 'object' && ['connection', 'schema', 'table'].every((k) => typeof (value as Record<string, unknown>)[k] === 'string');

export function recentTables(server: string): TableRef[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(KEY + server) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRef).slice(0, RECENT_MAX) : [];
  } catch {
    return []; // unreadable: start again
  }
}

/** Puts `table` first (once), keeping the RECENT_MAX latest. */
export function rememberTable(server: string, table: TableRef): void {
  const next = [{ connection: table.connection, schema: table.schema, table: table.table }, ...recentTables(server).filter((t) => !sameTable(t, table))].slice(0, RECENT_MAX);
  try {
    storage()?.setItem(KEY + server, JSON.stringify(next));
  } catch {
    // quota or blocked storage: not remembered
  }
}
