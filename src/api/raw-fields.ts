// Reading raw JSON fields defensively: DQOps omits fields, sends nulls, and two server generations
// name some fields differently (docs/dqops-contract.md).
import type { TableRef } from '@/lib/table-ref';
import type { DomainConnectionTableKey } from './types';

export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** DQOps sends `Instant`s as ISO strings; the description says int64. Accept both. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'string') return Number.isNaN(Date.parse(value)) ? undefined : value;
  const n = num(value);
  if (n === undefined) return undefined;
  const millis = Math.abs(n) < 1e11 ? n * 1000 : n; // seconds (Jackson timestamps) or millis
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function refFromKey(key: DomainConnectionTableKey | undefined | null): TableRef | undefined {
  const connection = str(key?.connection_name);
  const schema = str(key?.physical_table_name?.schema_name);
  const table = str(key?.physical_table_name?.table_name);
  if (connection === undefined || schema === undefined || table === undefined) return undefined;
  return { connection, schema, table };
}

export function isRef(ref: { connection?: string; schema?: string; table?: string }): ref is TableRef {
  return ref.connection !== undefined && ref.schema !== undefined && ref.table !== undefined;
}

