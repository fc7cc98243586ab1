import { describe, expect, it } from 'vitest';
import { manifestVersion, parseDbtManifest } from './dbt-manifest';
import { ImportError, type ImportedLineage } from './imported';
import { parseOpenLineage, readEvents, splitName } from './openlineage';

const V = (n: number) => ({ dbt_schema_version: `https://schemas.getdbt.com/dbt/manifest/v${n}.json`, dbt_version: '1.8.0', adapter_type: 'postgres' });

function manifest(version = 12) {
  return {
    metadata: V(version),
    nodes: {
      'model.shop.stg_orders': { resource_type: 'model', name: 'stg_orders', database: 'analytics', schema: 'staging', config: { materialized: 'view' }, depends_on: { nodes: ['source.shop.raw.orders'] }, columns: { order_id: { name: 'order_id' } } },
      'model.shop.int_orders': { resource_type: 'model', name: 'int_orders', database: 'analytics', schema: 'staging', config: { materialized: 'ephemeral' }, depends_on: { nodes: ['model.shop.stg_orders', 'seed.shop.fx_rates'] } },
      // alias wins over name; a parent listed twice; a parent through an ephemeral model.
      'model.shop.fct_orders': { resource_type: 'model', name: 'fct_orders', alias: 'fact orders/2024 ü', database: 'analytics', schema: 'marts', config: { materialized: 'table' }, depends_on: { nodes: ['model.shop.int_orders', 'model.shop.stg_orders', 'model.shop.stg_orders'] } },
      'seed.shop.fx_rates': { resource_type: 'seed', name: 'fx_rates', database: 'analytics', schema: 'seeds', config: {} },
      'test.shop.not_null_fct_orders_id': { resource_type: 'test', name: 'not_null', depends_on: { nodes: ['model.shop.fct_orders'] } },
      'model.shop.old': { resource_type: 'model', name: 'old', database: 'analytics', schema: 'marts', config: { enabled: false }, depends_on: { nodes: ['model.shop.fct_orders'] } },
    },
    sources: {
      'source.shop.raw.orders': { resource_type: 'source', source_name: 'raw', name: 'orders', identifier: 'ORDERS_V2', database: 'RAW', schema: 'PUBLIC' },
    },
  };
}

const pairs = (lineage: ImportedLineage) =>
  lineage.links.map((l) => {
    const s = lineage.datasets.get(l.source);
    const t = lineage.datasets.get(l.target);
    return `${s?.schema}.${s?.table} → ${t?.schema}.${t?.table}`;
  });

describe('dbt manifest', () => {
  it('turns every parent of a model, seed or snapshot into a source: through ephemeral models, once, without tests or disabled nodes', () => {
    const lineage = parseDbtManifest(manifest());
    expect(pairs(lineage).sort()).toEqual(['PUBLIC.ORDERS_V2 → staging.stg_orders', 'seeds.fx_rates → marts.fact orders/2024 ü', 'staging.stg_orders → marts.fact orders/2024 ü'].sort());
    expect(lineage.datasets.get('source.shop.raw.orders')).toMatchObject({ space: 'RAW', schema: 'PUBLIC', table: 'ORDERS_V2' }); // identifier, not name
    expect(lineage.datasets.has('model.shop.int_orders')).toBe(false); // ephemeral: no table
    expect(lineage.links.find((l) => l.target === 'model.shop.fct_orders')).toMatchObject({ tool: 'dbt', properties: { dbt_unique_id: 'model.shop.fct_orders' }, columns: {} });
    expect(lineage.datasets.get('model.shop.stg_orders')?.columns).toEqual(['order_id']);
    expect(lineage.notes).toEqual([expect.stringContaining('1 ephemeral model is no table')]);
  });

  it('reads schema versions v7 to v12, and says clearly that others are not supported', () => {
    for (const v of [7, 8, 9, 10, 11, 12]) expect(parseDbtManifest(manifest(v)).links).toHaveLength(3);
    expect(manifestVersion(manifest(5))).toBe(5);
    expect(() => parseDbtManifest(manifest(5))).toThrow(/dbt manifest schema v5 is not supported: Lineage Studio reads v7 to v12/);
    expect(() => parseDbtManifest({ ...manifest(), metadata: {} })).toThrow(/does not say its schema version/);
    expect(() => parseDbtManifest({ events: [] })).toThrow(ImportError);
  });

  it('a loop of ephemeral models ends', () => {
    const m = manifest();
    (m.nodes as Record<string, unknown>)['model.shop.e1'] = { resource_type: 'model', name: 'e1', config: { materialized: 'ephemeral' }, depends_on: { nodes: ['model.shop.e2'] } };
    (m.nodes as Record<string, unknown>)['model.shop.e2'] = { resource_type: 'model', name: 'e2', config: { materialized: 'ephemeral' }, depends_on: { nodes: ['model.shop.e1', 'seed.shop.fx_rates'] } };
    (m.nodes as Record<string, unknown>)['model.shop.uses_loop'] = { resource_type: 'model', name: 'uses_loop', database: 'analytics', schema: 'marts', config: {}, depends_on: { nodes: ['model.shop.e1'] } };
    expect(pairs(parseDbtManifest(m))).toContain('seeds.fx_rates → marts.uses_loop');
  });
});

const PG = 'postgres://db.example.com:5432';
function event(type: string, time: string, extra: Record<string, unknown> = {}) {
  return {
    eventType: type,
    eventTime: time,
    producer: 'https://github.com/OpenLineage/OpenLineage/tree/1.20.0/integration/airflow',
    schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId: '0b8f5a3e-0c4c-4b9c-9a4e-1f0c0d6c9b11' },
    job: { namespace: 'airflow_prod', name: 'orders_dag.build_fct_orders' },
    inputs: [
      { namespace: PG, name: 'shop.public.orders', facets: { schema: { _producer: 'x', fields: [{ name: 'id' }, { name: 'amount' }] } } },
      { namespace: PG, name: 'shop.public."Payments"' },
    ],
    outputs: [{ namespace: PG, name: 'warehouse.marts.fct_orders', facets: { unknownFacet: { _producer: 'x', whatever: 1 } } }],
    ...extra,
  };
}
const columnLineage = {
  fields: {
    order_id: { inputFields: [{ namespace: PG, name: 'shop.public.orders', field: 'id', transformations: [{ type: 'DIRECT', subtype: 'IDENTITY' }] }] },
    total: {
      inputFields: [
        { namespace: PG, name: 'shop.public.orders', field: 'amount', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION' }] },
        { namespace: PG, name: 'shop.public."Payments"', field: 'paid', transformations: [{ type: 'INDIRECT', subtype: 'JOIN' }] },
      ],
    },
  },
};
const withColumns = (e: ReturnType<typeof event>) => ({ ...e, outputs: [{ ...e.outputs[0], facets: { columnLineage } }] });

describe('OpenLineage events', () => {
  it('reads one event, an array, or newline-delimited JSON, and says on which line a file breaks', () => {
    const one = event('COMPLETE', '2026-11-01T10:00:00Z');
    expect(readEvents(JSON.stringify(one))).toHaveLength(1);
    expect(readEvents(JSON.stringify([one, one]))).toHaveLength(2);
    expect(readEvents(`${JSON.stringify(one)}\n\n${JSON.stringify(one)}\n`)).toHaveLength(2);
    expect(() => readEvents(`${JSON.stringify(one)}\n{"eventType": "COMPLETE",`)).toThrow(/not JSON .*\(at line 2\)/);
    expect(() => readEvents('   ')).toThrow('The file is empty.');
    expect(() => readEvents('[1]')).toThrow(/at element 1/);
  });

  it('links every input to every output, with the job in the properties and its namespace as the tool', () => {
    const lineage = parseOpenLineage(JSON.stringify(event('COMPLETE', '2026-11-01T10:00:00Z')));
    expect(pairs(lineage)).toEqual(['public.orders → marts.fct_orders', 'public.Payments → marts.fct_orders']);
    expect(lineage.links[0]).toMatchObject({ tool: 'airflow_prod', properties: { openlineage_job: 'airflow_prod/orders_dag.build_fct_orders' }, columns: {} });
    expect(lineage.datasets.get(`${PG}\u0000shop.public.orders`)).toMatchObject({ space: PG, schema: 'public', table: 'orders', columns: ['id', 'amount'] });
  });

  it('column lineage from the latest COMPLETE event, per source, with the transformations; START has none; failed runs say nothing', () => {
    const lines = [
      withColumns(event('COMPLETE', '2026-11-02T10:00:00Z')),
      event('START', '2026-11-03T10:00:00Z'), // later, but without the facet
      { ...event('FAIL', '2026-11-04T10:00:00Z'), inputs: [{ namespace: PG, name: 'shop.public.refunds' }] },
    ]
      .map((e) => JSON.stringify(e))
      .join('\n');
    const lineage = parseOpenLineage(lines);
    const orders = lineage.links.find((l) => l.source.endsWith('shop.public.orders'));
    expect(orders?.columns).toEqual({
      order_id: { sourceColumns: ['id'], transformations: ['DIRECT/IDENTITY'] },
      total: { sourceColumns: ['amount'], transformations: ['DIRECT/AGGREGATION'] },
    });
    const payments = lineage.links.find((l) => l.source.endsWith('"Payments"'));
    expect(payments?.columns).toEqual({ total: { sourceColumns: ['paid'], transformations: ['INDIRECT/JOIN'] } });
    expect(pairs(lineage)).not.toContain('public.refunds → marts.fct_orders');
    expect(lineage.notes).toContain('1 failed or aborted run was left out.');
  });

  it('merges repeated datasets and links (no duplicates), and a job event without a run counts', () => {
    const job = { ...event('COMPLETE', '2026-11-01T10:00:00Z'), eventType: undefined, run: undefined };
    const lineage = parseOpenLineage(JSON.stringify([job, event('COMPLETE', '2026-11-02T10:00:00Z'), event('COMPLETE', '2026-11-03T10:00:00Z')]));
    expect(lineage.links).toHaveLength(2);
    expect(lineage.datasets.size).toBe(3);
  });

  it('splits names: database.schema.table, BigQuery project.dataset.table, MySQL database.table, quoted parts with dots', () => {
    expect(splitName('analytics.marts.fct_orders')).toEqual({ schema: 'marts', table: 'fct_orders' });
    expect(splitName('my-project.sales.orders')).toEqual({ schema: 'sales', table: 'orders' });
    expect(splitName('shop.orders')).toEqual({ schema: 'shop', table: 'orders' });
    expect(splitName('db."odd.schema"."Table %1"')).toEqual({ schema: 'odd.schema', table: 'Table %1' });
    expect(splitName('orders')).toEqual({ schema: '', table: 'orders' });
  });

  it('says when the events hold no lineage', () => {
    const lineage = parseOpenLineage(JSON.stringify({ ...event('COMPLETE', '2026-11-01T10:00:00Z'), inputs: [] }));
    expect(lineage.links).toEqual([]);
    expect(lineage.notes).toContain('No event has both inputs and outputs: there is no lineage to import.');
  });
});
