import { describe, expect, it } from 'vitest';
import type { TableLineageSourceSpec } from '@/api/types';
import { tableKey } from '@/lib/table-ref';
import { buildGraph } from './build-graph';
import { ref, treeOf } from './fixtures';
import { draftedReader, impactedColumns, traceColumn, type SpecReader } from './column-trace';
import { foldDraft } from './draft';
import { columnTraceQueries } from '../api/column-trace-queries';

const k = (table: string) => tableKey(ref(table));
// raw → stg → mart → report, plus other → mart (a second source), and a cycle mart → loop → mart.
const model = buildGraph(treeOf('mart', ['raw>stg', 'stg>mart', 'other>mart', 'mart>report', 'mart>loop', 'loop>mart']));
const specs: Record<string, TableLineageSourceSpec['columns']> = {
  [`${k('stg')}<${k('raw')}`]: { id: { source_columns: ['raw_id'] } },
  [`${k('mart')}<${k('stg')}`]: { customer_id: { source_columns: ['id'] }, name: { source_columns: ['name'] } },
  [`${k('mart')}<${k('other')}`]: { customer_id: { source_columns: ['cust'] } },
  [`${k('report')}<${k('mart')}`]: { customer: { source_columns: ['customer_id'] }, total: { source_columns: ['amount'] } },
  [`${k('loop')}<${k('mart')}`]: { customer_id: { source_columns: ['customer_id'] } },
  [`${k('mart')}<${k('loop')}`]: { customer_id: { source_columns: ['customer_id'] } },
};

function reader(log: string[] = []): SpecReader {
  return async (target, source) => {
    log.push(`${target}<${source}`);
    const columns = specs[`${target}<${source}`];
    return columns ? { source_connection: 'c', source_schema: 's', source_table: 'x', columns } : undefined;
  };
}

const names = (key: string) => key.split('/')[2];

describe('traceColumn', () => {
  it('follows a column upstream through every source and downstream through every target, once each', async () => {
    const trace = await traceColumn(model, k('mart'), 'customer_id', reader());
    expect(trace.steps.map((s) => [s.side, s.distance, names(s.table), s.column])).toEqual([
      ['start', 0, 'mart', 'customer_id'],
      ['upstream', 1, 'stg', 'id'],
      ['upstream', 1, 'other', 'cust'],
      ['upstream', 1, 'loop', 'customer_id'],
      ['upstream', 2, 'raw', 'raw_id'],
      ['downstream', 1, 'report', 'customer'],
      ['downstream', 1, 'loop', 'customer_id'],
    ]);
    expect(trace.unread).toBe(0);
  });

  it('reads only the links on the path, and reports what it could not read', async () => {
    const log: string[] = [];
    const total = await traceColumn(model, k('report'), 'total', reader(log));
    expect(total.steps.map((s) => `${names(s.table)}.${s.column}`)).toEqual(['report.total', 'mart.amount']);
    // report's one source, then mart's three (none maps "amount"): nothing downstream of report.
    expect(log).toEqual([`${k('report')}<${k('mart')}`, `${k('mart')}<${k('stg')}`, `${k('mart')}<${k('other')}`, `${k('mart')}<${k('loop')}`]);
    const failing: SpecReader = async () => {
      throw new Error('503');
    };
    const trace = await traceColumn(model, k('mart'), 'customer_id', failing);
    expect(trace.steps).toHaveLength(1);
    expect(trace.unread).toBe(5); // 3 sources + 2 targets
    const limited = await traceColumn(model, k('mart'), 'customer_id', reader(), 2);
    expect(limited.unread).toBeGreaterThan(0);
  });
});

describe('impactedColumns', () => {
  it('carries the failing table’s columns down the mappings, table by table, through cycles', async () => {
    const log: string[] = [];
    const impact = await impactedColumns(model, k('stg'), reader(log));
    // stg feeds mart.customer_id (from id) and mart.name; report.customer reads mart.customer_id,
    // report.total reads mart.amount (not affected); loop.customer_id reads mart.customer_id.
    expect(Object.fromEntries([...impact.columns].map(([key, cols]) => [names(key), cols]))).toEqual({
      mart: ['customer_id', 'name'],
      report: ['customer'],
      loop: ['customer_id'],
    });
    expect(impact.unread).toBe(0);
    expect(new Set(log).size).toBe(log.length); // each link read once
  });

  it('counts the links it could not read', async () => {
    const impact = await impactedColumns(model, k('stg'), async () => {
      throw new Error('network');
    });
    expect(impact.columns.size).toBe(0);
    expect(impact.unread).toBe(1); // stg → mart, where the walk stops
  });
});

describe('a trace read through the draft', () => {
  const mapping = (source: string, target: string, sourceColumn: string, column: string, kind: 'add-mapping' | 'remove-mapping' = 'add-mapping') =>
    ({ kind, source: ref(source), target: ref(target), sourceColumn, column }) as const;

  it('shows a staged mapping, hides an unmapped one, and gets a new query key when the draft changes', async () => {
    const before = await traceColumn(model, k('report'), 'total', draftedReader(reader(), []));
    expect(before.steps.map((s) => `${names(s.table)}.${s.column}`)).toEqual(['report.total', 'mart.amount']);
    // Staged: mart.amount ← stg.amount, and report.customer no longer from mart.customer_id.
    const changes = foldDraft([mapping('stg', 'mart', 'amount', 'amount'), mapping('mart', 'report', 'customer_id', 'customer', 'remove-mapping')]);
    const after = await traceColumn(model, k('report'), 'total', draftedReader(reader(), changes));
    expect(after.steps.map((s) => `${names(s.table)}.${s.column}`)).toEqual(['report.total', 'mart.amount', 'stg.amount']);
    const customer = await traceColumn(model, k('report'), 'customer', draftedReader(reader(), changes));
    expect(customer.steps.map((s) => `${names(s.table)}.${s.column}`)).toEqual(['report.customer']);
    // The query key names the draft: an open trace is read again when a mapping is staged.
    const key = (c: typeof changes) => columnTraceQueries.trace(model, c, reader(), k('report'), 'total').queryKey;
    expect(key(changes)).not.toEqual(key([]));
  });
});
