import { describe, expect, it } from 'vitest';
import type { Kind } from '@/lib/sql/lineage-walk';
import type { Derivation } from '@/lib/sql/derive';
import type { TableRef } from '@/lib/table-ref';
import { indexCatalog } from '../import/model/match';
import { buildProposal, matchTables, onlyFrom, stageOps } from './proposal';

const t = (connection: string, schema: string, table: string): TableRef => ({ connection, schema, table });
const TARGET = t('dwh', 'marts', 'orders');
const index = indexCatalog(
  ['dwh', 'lake', 'lake2'],
  [t('dwh', 'STAGING', 'STG_ORDERS'), t('lake', 'staging', 'stg_orders'), t('lake', 'raw', 'events'), t('lake', 'raw', 'users'), t('lake2', 'raw', 'users')],
);

describe('the statement’s tables matched to DQOps tables', () => {
  it('looks in the target’s connection first (any case), then in every connection', () => {
    const [orders, events, users, nowhere] = matchTables(['staging.stg_orders', 'raw.events', 'raw.users', 'raw.nowhere'], TARGET, index);
    expect(orders?.match).toEqual({ state: 'matched', table: t('dwh', 'STAGING', 'STG_ORDERS'), how: 'case' });
    expect(events?.match).toEqual({ state: 'matched', table: t('lake', 'raw', 'events'), how: 'exact' });
    expect(users?.match).toEqual({ state: 'ambiguous', candidates: [t('lake', 'raw', 'users'), t('lake2', 'raw', 'users')] });
    expect(nowhere?.match).toEqual({ state: 'missing' });
  });
});

describe('the proposal', () => {
  const derivation: Derivation = {
    target: 'marts.orders',
    tables: ['staging.stg_orders', 'raw.events'],
    columns: new Map<string, Map<string, Kind>>([
      ['id', new Map([['staging.stg_orders.id', 'direct']])],
      ['seen', new Map([['raw.events.ts', 'derived']])],
      ['extra', new Map([['staging.stg_orders.gone', 'direct']])],
    ]),
    expressions: new Map([['seen', 'max(e.ts)']]),
    ambiguous: ['amount'],
  };
  const sources = matchTables(derivation.tables, TARGET, index);
  const columns: Record<string, string[]> = { 'staging.stg_orders': ['ID', 'STATUS'], 'raw.events': ['ts'] };
  const proposal = buildProposal(derivation, sources, ['ID', 'SEEN', 'AMOUNT', 'TOTAL'], (name) => columns[name]);

  it('spells names as DQOps does and flags what it lacks', () => {
    expect(
      proposal.mappings.map(({ column, source, sourceColumn, kind, expression, missing }) => ({ column, source, sourceColumn, kind, expression, missing })),
    ).toEqual([
      { column: 'ID', source: 'staging.stg_orders', sourceColumn: 'ID', kind: 'direct', expression: undefined, missing: undefined },
      { column: 'SEEN', source: 'raw.events', sourceColumn: 'ts', kind: 'derived', expression: 'max(e.ts)', missing: undefined },
      { column: 'extra', source: 'staging.stg_orders', sourceColumn: 'gone', kind: 'direct', expression: undefined, missing: 'column' },
    ]);
    expect(proposal.notProduced).toEqual(['AMOUNT', 'TOTAL']);
    expect(proposal.ambiguous).toEqual(['AMOUNT']);
  });

  it('stages a link only where there is none, and mappings only of kept links and known target columns', () => {
    const all = new Map(proposal.mappings.map((m) => [m.id, m.sourceColumn]));
    const ops = stageOps(TARGET, proposal, { sources: new Set(['staging.stg_orders', 'raw.events']), mappings: all }, (s) => s.table === 'STG_ORDERS');
    expect(ops).toEqual([
      { kind: 'add-source', source: t('lake', 'raw', 'events'), target: TARGET },
      {
        kind: 'add-mapping',
        source: t('dwh', 'STAGING', 'STG_ORDERS'),
        target: TARGET,
        column: 'ID',
        sourceColumn: 'ID',
        properties: { sql_transformation: 'direct' },
      },
      {
        kind: 'add-mapping',
        source: t('lake', 'raw', 'events'),
        target: TARGET,
        column: 'SEEN',
        sourceColumn: 'ts',
        properties: { sql_transformation: 'derived', sql_expression: 'max(e.ts)' },
      },
    ]);
    const withoutEvents = stageOps(TARGET, proposal, { sources: new Set(['staging.stg_orders']), mappings: all }, () => true);
    expect(withoutEvents.map((op) => op.kind === 'add-mapping' && op.column)).toEqual(['ID']);
  });

  it('for one link, keeps its source only and names the others', () => {
    const one = onlyFrom(proposal, t('lake', 'raw', 'events'), new Map());
    expect(one.sources.map((s) => s.name)).toEqual(['raw.events']);
    expect(one.mappings.map((m) => m.column)).toEqual(['SEEN']);
    expect(one.others).toEqual(['staging.stg_orders']);
  });
});
