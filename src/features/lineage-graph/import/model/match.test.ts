import { describe, expect, it } from 'vitest';
import { foldDraft, type DraftOp } from '@/features/lineage-graph/model/draft';
import { tableKey, type TableRef } from '@/lib/table-ref';
import type { ImportedDataset, ImportedLineage } from './imported';
import { choiceKey, indexCatalog, matchAll, matchDataset, NO_RULES, type MatchRules } from './match';
import { countStates, planImport, resolveLinks, type StoredLink } from './plan';

const ref = (connection: string, schema: string, table: string): TableRef => ({ connection, schema, table });
const ds = (key: string, space: string, schema: string, table: string): ImportedDataset => ({ key, space, schema, table, columns: [] });

const catalog = indexCatalog(
  ['warehouse', 'datalake', 'Crm'],
  [
    ref('warehouse', 'marts', 'fct_orders'),
    ref('warehouse', 'staging', 'stg_orders'),
    ref('warehouse', 'landing', 'shop_orders'),
    ref('datalake', 'landing', 'shop_orders'),
    ref('Crm', 'public', 'customers'),
    ref('datalake', 'landing', 'Events'),
    ref('datalake', 'landing', 'EVENTS'),
    ref('datalake', 'odd', 'a/b %.c ü'),
  ],
);

describe('matching datasets to DQOps tables', () => {
  it('takes the connection named like the space, matches exactly, then without regard to case', () => {
    expect(matchDataset(ds('a', 'warehouse', 'marts', 'fct_orders'), catalog, NO_RULES)).toEqual({ state: 'matched', table: ref('warehouse', 'marts', 'fct_orders'), how: 'exact' });
    // Snowflake's upper-case names, and a space that names the connection in another case.
    expect(matchDataset(ds('b', 'WAREHOUSE', 'MARTS', 'FCT_ORDERS'), catalog, NO_RULES)).toEqual({ state: 'matched', table: ref('warehouse', 'marts', 'fct_orders'), how: 'case' });
    expect(matchDataset(ds('c', 'crm', 'public', 'customers'), catalog, NO_RULES)).toMatchObject({ state: 'matched', table: ref('Crm', 'public', 'customers') });
    expect(matchDataset(ds('d', 'lake', 'odd', 'a/b %.c ü'), catalog, NO_RULES)).toMatchObject({ state: 'matched', how: 'exact' });
  });

  it('searches every connection when no rule and no connection names the space; several tables → ambiguous, none → missing', () => {
    const raw = ds('e', 'RAW', 'LANDING', 'SHOP_ORDERS');
    expect(matchDataset(raw, catalog, NO_RULES)).toEqual({ state: 'ambiguous', candidates: [ref('datalake', 'landing', 'shop_orders'), ref('warehouse', 'landing', 'shop_orders')] });
    expect(matchDataset(ds('f', 'RAW', 'LANDING', 'nothing'), catalog, NO_RULES)).toEqual({ state: 'missing' });
    // An exact name wins over case-insensitive ones; two that differ only in case are ambiguous.
    expect(matchDataset(ds('g', 'datalake', 'landing', 'Events'), catalog, NO_RULES)).toMatchObject({ state: 'matched', table: ref('datalake', 'landing', 'Events') });
    expect(matchDataset(ds('h', 'datalake', 'landing', 'events'), catalog, NO_RULES)).toMatchObject({ state: 'ambiguous' });
  });

  it('follows the rules: a space pointed at a connection, at every connection, and a choice for an ambiguous dataset', () => {
    const raw = ds('e', 'RAW', 'LANDING', 'SHOP_ORDERS');
    const toLake: MatchRules = { spaces: { RAW: 'datalake' }, choices: {} };
    expect(matchDataset(raw, catalog, toLake)).toEqual({ state: 'matched', table: ref('datalake', 'landing', 'shop_orders'), how: 'case' });
    // "warehouse" names a connection, but the rule says to look everywhere.
    const everywhere: MatchRules = { spaces: { warehouse: '' }, choices: {} };
    expect(matchDataset(ds('i', 'warehouse', 'landing', 'shop_orders'), catalog, everywhere)).toMatchObject({ state: 'ambiguous' });
    const chosen: MatchRules = { spaces: {}, choices: { [choiceKey(raw)]: tableKey(ref('warehouse', 'landing', 'shop_orders')) } };
    expect(matchDataset(raw, catalog, chosen)).toEqual({
      state: 'matched',
      table: ref('warehouse', 'landing', 'shop_orders'),
      how: 'chosen',
      candidates: [ref('datalake', 'landing', 'shop_orders'), ref('warehouse', 'landing', 'shop_orders')],
    });
    // A choice that is no longer a candidate (the rule changed) is ignored.
    expect(matchDataset(raw, catalog, { ...chosen, spaces: { RAW: 'datalake' } })).toMatchObject({ table: ref('datalake', 'landing', 'shop_orders'), how: 'case' });
  });
});

function lineageOf(): ImportedLineage {
  const datasets = new Map<string, ImportedDataset>([
    ['src', ds('src', 'warehouse', 'staging', 'stg_orders')],
    ['src2', ds('src2', 'WAREHOUSE', 'STAGING', 'STG_ORDERS')], // the same table named twice
    ['tgt', ds('tgt', 'warehouse', 'marts', 'fct_orders')],
    ['gone', ds('gone', 'warehouse', 'marts', 'not_in_dqops')],
  ]);
  return {
    format: 'openlineage',
    datasets,
    notes: [],
    links: [
      { source: 'src', target: 'tgt', tool: 'airflow', properties: { openlineage_job: 'airflow/build_orders' }, columns: { order_id: { sourceColumns: ['order_id'], transformations: ['DIRECT/IDENTITY'] } } },
      { source: 'src2', target: 'tgt', tool: 'airflow', properties: { openlineage_job: 'airflow/build_orders' }, columns: { amount: { sourceColumns: ['total_amount'], transformations: ['DIRECT/TRANSFORMATION'] } } },
      { source: 'src', target: 'gone', tool: 'airflow', properties: {}, columns: {} },
    ],
  };
}

describe('planning an import', () => {
  const lineage = lineageOf();
  const matches = matchAll(lineage.datasets.values(), catalog, NO_RULES);
  const { resolved, unresolved } = resolveLinks(lineage, matches);
  const target = ref('warehouse', 'marts', 'fct_orders');
  const source = ref('warehouse', 'staging', 'stg_orders');

  it('merges links that land on the same tables, and lists the ones waiting for a table', () => {
    expect(resolved).toHaveLength(1);
    expect(resolved[0]?.columns).toEqual({
      order_id: { sourceColumns: ['order_id'], properties: { openlineage_transformations: 'DIRECT/IDENTITY' } },
      amount: { sourceColumns: ['total_amount'], properties: { openlineage_transformations: 'DIRECT/TRANSFORMATION' } },
    });
    expect(unresolved).toEqual([{ source: 'src', target: 'gone', waitingFor: ['gone'] }]);
  });

  it('stages a new link with its tool, properties and column mappings; the same import again stages nothing', () => {
    const stored = new Map([[tableKey(target), [] as StoredLink[]]]);
    const plan = planImport(resolved, stored, [], { sync: false });
    expect(plan.map((p) => p.state)).toEqual(['new']);
    const ops = plan.flatMap((p) => p.ops);
    expect(ops[0]).toEqual({ kind: 'add-source', target, source, tool: 'airflow', properties: { openlineage_job: 'airflow/build_orders' } });
    expect(ops.slice(1)).toEqual([
      { kind: 'add-mapping', target, source, column: 'order_id', sourceColumn: 'order_id', properties: { openlineage_transformations: 'DIRECT/IDENTITY' } },
      { kind: 'add-mapping', target, source, column: 'amount', sourceColumn: 'total_amount', properties: { openlineage_transformations: 'DIRECT/TRANSFORMATION' } },
    ]);
    // Staged once: the second import finds it in the draft.
    const again = planImport(resolved, stored, foldDraft(ops), { sync: false });
    expect(again.map((p) => p.state)).toEqual(['staged']);
    expect(again.flatMap((p) => p.ops)).toEqual([]);
  });

  it('tells a link DQOps already holds from one that differs, and stages only what is missing', () => {
    const same: StoredLink = {
      source,
      tool: 'airflow',
      properties: { openlineage_job: 'airflow/build_orders', owner: 'kept' },
      columns: {
        order_id: { source_columns: ['order_id'], properties: { openlineage_transformations: 'DIRECT/IDENTITY' } },
        amount: { source_columns: ['total_amount'], properties: { openlineage_transformations: 'DIRECT/TRANSFORMATION' } },
      },
    };
    expect(planImport(resolved, new Map([[tableKey(target), [same]]]), [], { sync: false }).map((p) => p.state)).toEqual(['already']);
    const byHand: StoredLink = { source, properties: {}, columns: { order_id: { source_columns: ['order_id'] } } };
    const [changed] = planImport(resolved, new Map([[tableKey(target), [byHand]]]), [], { sync: false });
    expect(changed?.state).toBe('changed');
    expect(changed?.differences).toEqual(['tool → airflow', '2 column mappings to add']);
    // A property it lacks is no change on its own; one with another value is.
    const noJob: StoredLink = { ...same, properties: {} };
    expect(planImport(resolved, new Map([[tableKey(target), [noJob]]]), [], { sync: false }).map((p) => p.state)).toEqual(['already']);
    const otherJob: StoredLink = { ...same, properties: { openlineage_job: 'airflow/v1' } };
    expect(planImport(resolved, new Map([[tableKey(target), [otherJob]]]), [], { sync: false })[0]?.differences).toEqual(['openlineage_job airflow/v1 → airflow/build_orders']);
  });

  it('with sync, stages the removal of links the same tool imported before and the file no longer has — never of links entered by hand', () => {
    const old = ref('warehouse', 'staging', 'stg_old');
    const manual = ref('warehouse', 'staging', 'stg_manual');
    const stored = new Map([
      [
        tableKey(target),
        [
          { source: old, tool: 'airflow', properties: { openlineage_job: 'airflow/old' } },
          { source: manual, tool: 'airflow', properties: {} },
          { source: ref('x', 'y', 'z'), tool: 'dbt', properties: { dbt_unique_id: 'model.x' } },
        ] as StoredLink[],
      ],
    ]);
    const plan = planImport(resolved, stored, [], { sync: true });
    expect(countStates(plan)).toMatchObject({ new: 1, remove: 1 });
    expect(plan.find((p) => p.state === 'remove')?.ops).toEqual([{ kind: 'remove-source', target, source: old } satisfies DraftOp]);
    expect(countStates(planImport(resolved, stored, [], { sync: false }))).toMatchObject({ remove: 0 });
  });
});
