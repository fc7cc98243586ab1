// The files the demo offers to import (docs/lineage-formats.md): the dbt project that builds the
// demo warehouse, as its manifest.json, and OpenLineage events of a Spark and an Airflow job.
// Written for the demo catalog, with what a real import meets: upper-case names (Snowflake), a
// dbt database that names no DQOps connection, an ephemeral model, a model and a source DQOps
// does not know, one table whose name is in two connections (ambiguous), a new link, and a failed
// run that must be left out.
import { demoCatalog } from './catalog';

const PROJECT = 'acme_analytics';
const DBT_SCHEMA = 'https://schemas.getdbt.com/dbt/manifest/v12.json';

const modelId = (table: string) => `model.${PROJECT}.${table}`;
const sourceId = (table: string) => `source.${PROJECT}.lake.${table}`;

const FCT_ORDERS_SQL = `with __dbt__cte__int_order_payments as (
select order_id, sum(amount) as paid_amount
from ANALYTICS.STAGING.stg_payments
where status = 'settled'
group by order_id
)
select
    o.order_id,
    c.customer_key,
    d.date_key,
    o.status,
    o.total_amount,
    o.total_amount * fx.rate_to_usd as total_amount_usd,
    p.paid_amount
from ANALYTICS.STAGING.stg_orders o
join ANALYTICS.MARTS.dim_customers c on c.customer_id = o.customer_id
join ANALYTICS.MARTS.dim_date d on d.calendar_date = o.order_date
left join ANALYTICS.STAGING.stg_fx_rates fx on fx.currency = o.currency and fx.rate_date = o.order_date
left join __dbt__cte__int_order_payments p on p.order_id = o.order_id`;

const DIM_CUSTOMERS_SQL = `select
    c.customer_id as customer_key,
    c.customer_id,
    c.full_name,
    c.email,
    c.country_code,
    count(a.account_id) as account_count,
    to_date(c.created_at) as customer_since
from ANALYTICS.STAGING.stg_customers c
left join ANALYTICS.STAGING.stg_accounts a on a.customer_id = c.customer_id
group by 1, 2, 3, 4, 5, 7`;

/** The demo's dbt manifest (v12): the warehouse's dbt links, as dbt itself would write them. */
export function demoDbtManifest(): string {
  const nodes: Record<string, unknown> = {};
  const sources: Record<string, unknown> = {};
  // RAW.LANDING.SHOP_ORDERS (stg_orders's source) is in two DQOps connections: the import asks which.
  const addSource = (table: string) => {
    sources[sourceId(table)] = {
      resource_type: 'source',
      unique_id: sourceId(table),
      source_name: 'lake',
      name: table,
      identifier: table.toUpperCase(),
      // "RAW" is the lake's name in the dbt project; DQOps calls that connection "datalake".
      database: 'RAW',
      schema: 'LANDING',
      columns: {},
    };
  };
  const addModel = (table: string, schema: string, parents: string[], extra: Record<string, unknown> = {}) => {
    nodes[modelId(table)] = {
      resource_type: 'model',
      unique_id: modelId(table),
      name: table,
      database: 'ANALYTICS',
      schema,
      config: { enabled: true, materialized: 'table' },
      depends_on: { nodes: parents, macros: [] },
      columns: {},
      ...extra,
    };
  };
  for (const t of demoCatalog.tables) {
    if (t.connection !== 'warehouse' || t.schema === 'landing') continue;
    const parents: string[] = [];
    for (const s of t.sources ?? []) {
      const seed = typeof s === 'string' ? { from: s } : s;
      if (seed.tool !== 'dbt') continue;
      const [connection, , table = ''] = seed.from.split('.');
      if (connection === 'warehouse') parents.push(modelId(table));
      else if (connection === 'datalake') {
        addSource(table);
        parents.push(sourceId(table));
      }
    }
    if (parents.length === 0 && t.table !== 'dim_date') continue;
    addModel(t.table, t.schema.toUpperCase(), parents);
  }
  const fctOrders = nodes[modelId('fct_orders')] as { depends_on: { nodes: string[] } };
  // fct_orders reads payments through an ephemeral model (no table: stg_payments stays its source)
  // and the date dimension (a link DQOps does not have yet).
  fctOrders.depends_on.nodes = [...fctOrders.depends_on.nodes.filter((p) => p !== modelId('stg_payments')), modelId('int_order_payments'), modelId('dim_date')];
  addModel('int_order_payments', 'STAGING', [modelId('stg_payments')], { config: { enabled: true, materialized: 'ephemeral' } });
  // Ad spend: a model and a source DQOps does not know.
  addSource('ads_spend');
  addModel('stg_ad_spend', 'STAGING', [sourceId('ads_spend')]);
  const marketing = nodes[modelId('fct_marketing')] as { depends_on: { nodes: string[] } };
  marketing.depends_on.nodes.push(modelId('stg_ad_spend'));
  // Tests and disabled models are no tables.
  nodes[`test.${PROJECT}.not_null_fct_orders_order_id`] = {
    resource_type: 'test',
    name: 'not_null_fct_orders_order_id',
    depends_on: { nodes: [modelId('fct_orders')] },
  };
  addModel('fct_orders_v1', 'MARTS', [modelId('stg_orders')], { config: { enabled: false, materialized: 'table' } });
  // After `dbt compile`: the SQL of three models, as dbt writes it for Snowflake (an ephemeral
  // model inlined as a CTE; a SELECT * over a source whose table is ambiguous until chosen).
  Object.assign(nodes[modelId('fct_orders')] as object, { compiled: true, compiled_code: FCT_ORDERS_SQL });
  Object.assign(nodes[modelId('dim_customers')] as object, { compiled: true, compiled_code: DIM_CUSTOMERS_SQL });
  Object.assign(nodes[modelId('stg_orders')] as object, { compiled: true, compiled_code: 'select *\nfrom RAW.LANDING.SHOP_ORDERS' });
  return JSON.stringify(
    {
      metadata: {
        dbt_schema_version: DBT_SCHEMA,
        dbt_version: '1.8.7',
        generated_at: '2026-11-30T06:00:00Z',
        adapter_type: 'snowflake',
        project_name: PROJECT,
      },
      nodes,
      sources,
      macros: {},
      exposures: {},
      metrics: {},
    },
    null,
    2,
  );
}

const SNOWFLAKE = 'snowflake://acme.eu-west-1.snowflakecomputing.com';
const PRODUCER = 'https://github.com/OpenLineage/OpenLineage/tree/1.24.2/integration/spark';

function field(name: string, column: string, type: string, subtype: string) {
  return { namespace: SNOWFLAKE, name, field: column, transformations: [{ type, subtype, masking: false }] };
}

/** The demo's OpenLineage events (newline-delimited): column lineage of fct_shipments, and a landing job. */
export function demoOpenLineageEvents(): string {
  const shipments = 'ANALYTICS.STAGING.STG_SHIPMENTS';
  const orders = 'ANALYTICS.STAGING.STG_ORDERS';
  const columnLineage = {
    shipment_id: { inputFields: [field(shipments, 'shipment_id', 'DIRECT', 'IDENTITY')] },
    order_id: { inputFields: [field(shipments, 'order_id', 'DIRECT', 'IDENTITY'), field(orders, 'order_id', 'INDIRECT', 'JOIN')] },
    carrier: { inputFields: [field(shipments, 'carrier', 'DIRECT', 'IDENTITY')] },
    days_to_deliver: {
      inputFields: [field(shipments, 'shipped_at', 'DIRECT', 'TRANSFORMATION'), field(shipments, 'delivered_at', 'DIRECT', 'TRANSFORMATION')],
    },
    status: { inputFields: [field(shipments, 'status', 'DIRECT', 'IDENTITY'), field(orders, 'status', 'INDIRECT', 'FILTER')] },
  };
  const run = (id: string) => ({ runId: id });
  const job = { namespace: 'acme_spark', name: 'shipments_daily.build_fct_shipments' };
  const inputs = [
    { namespace: SNOWFLAKE, name: shipments },
    { namespace: SNOWFLAKE, name: orders },
  ];
  const output = {
    namespace: SNOWFLAKE,
    name: 'ANALYTICS.MARTS.FCT_SHIPMENTS',
    facets: {
      schema: {
        _producer: PRODUCER,
        _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json',
        fields: ['shipment_id', 'order_id', 'carrier', 'days_to_deliver', 'status'].map((name) => ({ name })),
      },
      columnLineage: { _producer: PRODUCER, _schemaURL: 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json', fields: columnLineage },
      // A facet the import does not know: ignored.
      acme_dataOwner: { _producer: PRODUCER, _schemaURL: 'https://acme.example/facets/DataOwner.json', owner: 'logistics-analytics' },
    },
  };
  const events = [
    {
      eventType: 'START',
      eventTime: '2026-11-30T05:00:00.000Z',
      producer: PRODUCER,
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: run('0193c5a4-0000-7000-8000-000000000001'),
      job,
      inputs,
      outputs: [{ namespace: SNOWFLAKE, name: output.name }],
    },
    {
      eventType: 'COMPLETE',
      eventTime: '2026-11-30T05:04:12.000Z',
      producer: PRODUCER,
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: run('0193c5a4-0000-7000-8000-000000000001'),
      job,
      inputs,
      outputs: [output],
    },
    // The web events land from Kafka, a system DQOps does not watch.
    {
      eventType: 'COMPLETE',
      eventTime: '2026-11-30T04:10:00.000Z',
      producer: 'https://github.com/apache/airflow/tree/providers-openlineage/1.14.0',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: run('0193c5a4-0000-7000-8000-000000000002'),
      job: { namespace: 'acme_airflow', name: 'land_clickstream.copy' },
      inputs: [{ namespace: 'kafka://events.acme.internal:9092', name: 'web.clickstream' }],
      outputs: [{ namespace: 'databricks://acme-lake.cloud.databricks.com', name: 'hive_metastore.landing.web_clickstream' }],
    },
    // A failed run says nothing about lineage.
    {
      eventType: 'FAIL',
      eventTime: '2026-11-29T05:02:00.000Z',
      producer: PRODUCER,
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: run('0193c5a4-0000-7000-8000-000000000000'),
      job,
      inputs: [{ namespace: SNOWFLAKE, name: 'ANALYTICS.STAGING.STG_RETURNS' }],
      outputs: [{ namespace: SNOWFLAKE, name: output.name }],
    },
  ];
  return events.map((event) => JSON.stringify(event)).join('\n') + '\n';
}
