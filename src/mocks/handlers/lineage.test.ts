// Every status-code path of the mock lineage endpoints, as the HTTP client sees them.
import { describe, expect, it } from 'vitest';
import { setupMockDqops, TEST_ORIGIN } from '@/testing/mock-dqops';

const mock = setupMockDqops();
const T = `${TEST_ORIGIN}/api/connections/warehouse/schemas/marts/tables/dim_customers`;
const S = `${T}/lineage/sources`;
const json = { 'Content-Type': 'application/json' };
const spec = (table: string, extra: object = {}) =>
  JSON.stringify({ source_connection: 'crm_postgres', source_schema: 'public', source_table: table, ...extra });

async function call(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

describe('POST …/lineage/sources/{c}/schemas/{s}/tables/{t}', () => {
  it('checks in DQOps order: 404 target, 406 names, 409 exists, then 201 with no body', async () => {
    const missingTarget = await call(
      `${TEST_ORIGIN}/api/connections/warehouse/schemas/marts/tables/nope/lineage/sources/crm_postgres/schemas/public/tables/leads`,
      {
        method: 'POST',
        headers: json,
        body: spec('other'), // names also differ: 404 still wins
      },
    );
    expect(missingTarget).toMatchObject({ status: 404, body: '' });
    expect(await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json, body: spec('campaigns') })).toMatchObject({
      status: 406,
      body: '',
    });
    expect(await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json, body: spec('leads') })).toMatchObject({
      status: 201,
      body: '',
    });
    expect(await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json, body: spec('leads') })).toMatchObject({
      status: 409,
      body: '',
    });
  });

  it('404s an unknown target connection', async () => {
    const result = await call(
      `${TEST_ORIGIN}/api/connections/nope/schemas/marts/tables/dim_customers/lineage/sources/crm_postgres/schemas/public/tables/leads`,
      { method: 'POST', headers: json, body: spec('leads') },
    );
    expect(result.status).toBe(404);
  });

  it('allows a source DQOps does not know (lineage to external tables)', async () => {
    const body = JSON.stringify({ source_connection: 'external', source_schema: 'x', source_table: 'y' });
    expect((await call(`${S}/external/schemas/x/tables/y`, { method: 'POST', headers: json, body })).status).toBe(201);
    const rows = JSON.parse((await call(S)).body) as { source_table: string; table_data_quality_status?: { table_exist?: boolean } }[];
    expect(rows.find((r) => r.source_table === 'y')?.table_data_quality_status?.table_exist).toBe(false);
  });

  it('answers Spring error JSON for a missing body (400) and a non-JSON content type (415)', async () => {
    const noBody = await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json });
    expect(noBody.status).toBe(400);
    expect(JSON.parse(noBody.body)).toMatchObject({ status: 400, error: 'Bad Request' });
    const text = await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    expect(text.status).toBe(415);
    expect(JSON.parse(text.body)).toMatchObject({
      status: 415,
      path: '/api/connections/warehouse/schemas/marts/tables/dim_customers/lineage/sources/crm_postgres/schemas/public/tables/leads',
    });
  });

  it('stores the body without nulls or empty collections', async () => {
    const body = JSON.stringify({
      source_connection: 'crm_postgres',
      source_schema: 'public',
      source_table: 'leads',
      data_lineage_source_tool: null,
      properties: {},
      columns: { email: { source_columns: ['email', 'email'] } },
    });
    await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json, body });
    expect(JSON.parse((await call(`${S}/crm_postgres/schemas/public/tables/leads`)).body)).toEqual({
      source_connection: 'crm_postgres',
      source_schema: 'public',
      source_table: 'leads',
      columns: { email: { source_columns: ['email'] } },
    });
  });
});

describe('PUT', () => {
  it('checks 404 target, 404 source, 406 names, then replaces the whole object with 204', async () => {
    expect((await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'PUT', headers: json, body: spec('leads') })).status).toBe(404);
    const url = `${S}/warehouse/schemas/staging/tables/stg_customers`;
    const wrongNames = await call(url, { method: 'PUT', headers: json, body: spec('leads') });
    expect(wrongNames).toMatchObject({ status: 406, body: '' });
    const missingTable = await call(url, { method: 'PUT', headers: json, body: JSON.stringify({ source_connection: 'warehouse', source_schema: 'staging' }) });
    expect(missingTable.status).toBe(406);
    const replacement = { source_connection: 'warehouse', source_schema: 'staging', source_table: 'stg_customers', properties: { k: 'v' } };
    expect(await call(url, { method: 'PUT', headers: json, body: JSON.stringify(replacement) })).toMatchObject({ status: 204, body: '' });
    expect(JSON.parse((await call(url)).body)).toEqual(replacement); // tool and column mappings are gone: full replacement
  });
});

describe('DELETE', () => {
  it('answers 204 then 404', async () => {
    const url = `${S}/warehouse/schemas/staging/tables/stg_customers`;
    expect(await call(url, { method: 'DELETE' })).toMatchObject({ status: 204, body: '' });
    expect(await call(url, { method: 'DELETE' })).toMatchObject({ status: 404, body: '' });
  });
});

describe('GET one source', () => {
  it('returns the full spec with tool, properties and mappings', async () => {
    const result = await call(`${S}/warehouse/schemas/staging/tables/stg_customers`);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({
      data_lineage_source_tool: 'dbt',
      columns: { customer_key: { source_columns: ['customer_id'] }, customer_since: { source_columns: ['created_at'] } },
    });
  });
  it('404s a source that is not defined', async () => {
    expect((await call(`${S}/warehouse/schemas/staging/tables/stg_orders`)).status).toBe(404);
  });
});

describe('lists', () => {
  it('sources: rows in YAML order, no source tool, the source table status', async () => {
    const rows = JSON.parse((await call(S)).body) as Record<string, unknown>[];
    expect(rows.map((r) => r.source_table)).toEqual(['stg_customers', 'stg_accounts']);
    expect(rows.every((r) => !('data_lineage_source_tool' in r))).toBe(true);
    expect(rows[0]).toMatchObject({ target_table: 'dim_customers', can_edit: true, table_data_quality_status: { table_name: 'stg_customers' } });
  });

  it('sources: [] for a table without lineage, 404 for an unknown table, 400 for a bad checkType', async () => {
    expect(JSON.parse((await call(`${TEST_ORIGIN}/api/connections/crm_postgres/schemas/public/tables/customers/lineage/sources`)).body)).toEqual([]);
    expect((await call(`${TEST_ORIGIN}/api/connections/crm_postgres/schemas/public/tables/nope/lineage/sources`)).status).toBe(404);
    expect((await call(`${S}?checkType=weekly`)).status).toBe(400);
  });

  it('targets: 203 [] before the cache knows the table, 203 with part of the list while it loads, then 200 with the requested table status on every row', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    const first = await call(`${T}/lineage/targets`);
    expect([first.status, JSON.parse(first.body)]).toEqual([203, []]);
    const second = await call(`${T}/lineage/targets`);
    expect(second.status).toBe(203);
    expect(JSON.parse(second.body)).toHaveLength(2);
    const third = await call(`${T}/lineage/targets`);
    expect(third.status).toBe(200);
    const rows = JSON.parse(third.body) as { source_table: string; table_data_quality_status: { table_name: string } }[];
    expect(rows.length).toBe(4);
    expect(rows.every((r) => r.source_table === 'dim_customers' && r.table_data_quality_status.table_name === 'dim_customers')).toBe(true);
  });

  it('sources: a status the status cache does not hold yet is left out of the row, then sent on the next call', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    const first = JSON.parse((await call(S)).body) as Record<string, unknown>[];
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((row) => !('table_data_quality_status' in row))).toBe(true);
    const second = JSON.parse((await call(S)).body) as Record<string, unknown>[];
    expect(second.every((row) => 'table_data_quality_status' in row)).toBe(true);
  });

  it('viewer role: can_edit false and writes 403', async () => {
    mock.reset({ role: 'viewer' });
    const rows = JSON.parse((await call(S)).body) as { can_edit: boolean }[];
    expect(rows.every((r) => r.can_edit === false)).toBe(true);
    const denied = await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json, body: spec('leads') });
    expect(denied).toMatchObject({ status: 403, body: 'Access Denied' });
  });
});

describe('tree', () => {
  it('reports data_lineage_fully_loaded:false on the first calls after a write, then true', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    const tree = () => call(`${T}/lineage/tree`).then((r) => (JSON.parse(r.body) as { data_lineage_fully_loaded: boolean }).data_lineage_fully_loaded);
    expect(await tree()).toBe(false); // the statuses are not cached yet
    expect(await tree()).toBe(true);
    await call(`${S}/crm_postgres/schemas/public/tables/leads`, { method: 'POST', headers: json, body: spec('leads') });
    expect([await tree(), await tree(), await tree()]).toEqual([false, false, true]);
  });

  it('leaves out the statuses the status cache does not hold yet, says it is not fully loaded, and sends them on the next call', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    type Tree = { data_lineage_fully_loaded: boolean; relative_table_cumulative_quality_status?: object; flows: Record<string, unknown>[] };
    const tree = () => call(`${T}/lineage/tree`).then((r) => JSON.parse(r.body) as Tree);
    const cold = await tree();
    expect(cold.data_lineage_fully_loaded).toBe(false);
    expect(cold.relative_table_cumulative_quality_status).toBeUndefined();
    expect(cold.flows.some((f) => 'source_table_quality_status' in f || 'target_table_quality_status' in f)).toBe(false);
    const warm = await tree();
    expect(warm.data_lineage_fully_loaded).toBe(true);
    expect(warm.flows.every((f) => 'target_table_quality_status' in f && 'upstream_combined_quality_status' in f)).toBe(true);
  });

  it('400s a non-boolean flag and 404s an unknown table', async () => {
    expect((await call(`${T}/lineage/tree?upstream=maybe`)).status).toBe(400);
    expect((await call(`${TEST_ORIGIN}/api/connections/warehouse/schemas/marts/tables/nope/lineage/tree`)).status).toBe(404);
  });

  it('omits null fields', async () => {
    const body = (await call(`${T}/lineage/tree`)).body;
    expect(body).not.toContain('null');
  });
});

describe('catalog', () => {
  it('lists connections sorted, schemas, and tables with status; 404 for unknown connections', async () => {
    const connections = JSON.parse((await call(`${TEST_ORIGIN}/api/connections`)).body) as { connection_name: string }[];
    expect(connections.map((c) => c.connection_name)).toEqual(['crm_postgres', 'datalake', 'finance_sqlserver', 'shop_mysql', 'warehouse']);
    expect(JSON.parse((await call(`${TEST_ORIGIN}/api/connections/warehouse/schemas`)).body)).toHaveLength(4);
    expect((await call(`${TEST_ORIGIN}/api/connections/nope/schemas`)).status).toBe(404);
    const tables = JSON.parse((await call(`${TEST_ORIGIN}/api/connections/warehouse/schemas/marts/tables?filter=DIM_*`)).body) as {
      target: { table_name: string };
    }[];
    expect(tables.map((t) => t.target.table_name)).toEqual(['dim_customers', 'dim_date', 'dim_products']);
  });

  it('pages tables and answers 406 for page or limit below 1', async () => {
    const page2 = JSON.parse((await call(`${TEST_ORIGIN}/api/connections/datalake/schemas/landing/tables?page=2&limit=5`)).body) as unknown[];
    expect(page2).toHaveLength(5);
    expect((await call(`${TEST_ORIGIN}/api/connections/datalake/schemas/landing/tables?page=0`)).status).toBe(406);
  });

  it('basic has no status; columns are sorted by name', async () => {
    const basic = JSON.parse((await call(`${T}/basic`)).body) as Record<string, unknown>;
    expect(basic.data_quality_status).toBeUndefined();
    const columns = JSON.parse((await call(`${T}/columns?dataQualityStatus=false`)).body) as { column_name: string }[];
    const names = columns.map((c) => c.column_name);
    expect(names).toEqual([...names].sort());
  });
});
