import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMockDqops, testApi, TEST_ORIGIN } from '@/testing/mock-dqops';
import { ApiError } from './errors';

const mock = setupMockDqops();
const CUSTOMERS = { connection: 'crm_postgres', schema: 'public', table: 'customers' };
const DIM_CUSTOMERS = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };

function recordUrls() {
  const urls: string[] = [];
  mock.server.events.on('request:start', ({ request }) => urls.push(request.url));
  return urls;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('path encoding', () => {
  const hostile = ['a/b', '50%', 'x;y', 'what?', 'tag#1', 'two words', 'dots.in.name', 'zażółć ☃', 'a/b%2Fc', '"quoted"', 'back\\slash', 'amp&plus+'];

  it.each(hostile)('sends %j as one encoded path segment and the server reads it back', async (name) => {
    const api = testApi();
    mock.ctx.store.addConnection({ name, provider: 'postgresql' });
    mock.ctx.store.putTable({ ref: { connection: name, schema: name, table: name }, columns: [], quality: null });
    const target = { connection: name, schema: name, table: name };
    const urls = recordUrls();

    await api.createSource(target, { source_connection: name, source_schema: name, source_table: 'src' });
    const spec = await api.getSource(target, { connection: name, schema: name, table: 'src' });

    expect(spec.source_connection).toBe(name);
    const encoded = encodeURIComponent(name);
    expect(urls[0]).toBe(
      `${TEST_ORIGIN}/api/connections/${encoded}/schemas/${encoded}/tables/${encoded}/lineage/sources/${encoded}/schemas/${encoded}/tables/src`,
    );
  });

  it.each(['', '.', '..'])('refuses the name %j before sending anything', async (name) => {
    const urls = recordUrls();
    const error = await failure(testApi().getLineageTree({ connection: 'c', schema: name, table: 't' }, { upstream: true, downstream: true }));
    expect(error.kind).toBe('invalid-request');
    expect(error.message).toMatch(/schema name/);
    expect(urls).toEqual([]);
  });
});

describe('authentication', () => {
  it('sends no Authorization header without a key', async () => {
    const headers: (string | null)[] = [];
    mock.server.events.on('request:start', ({ request }) => headers.push(request.headers.get('authorization')));
    await testApi().listConnections();
    expect(headers).toEqual([null]);
  });

  it('sends the key as a bearer token, also from a function', async () => {
    const headers: (string | null)[] = [];
    mock.server.events.on('request:start', ({ request }) => headers.push(request.headers.get('authorization')));
    await testApi({ apiKey: 'dqops-demo-key' }).listConnections();
    await testApi({ apiKey: async () => 'dqops-demo-key' }).listConnections();
    expect(headers).toEqual(['Bearer dqops-demo-key', 'Bearer dqops-demo-key']);
  });

  it('maps a wrong key to a 401 asking for the API key', async () => {
    const error = await failure(testApi({ apiKey: 'wrong' }).listConnections());
    expect(error.status).toBe(401);
    expect(error.userMessage).toMatch(/API key/);
  });

  it('maps 401 when the server requires a key and none is sent', async () => {
    mock.reset({ requireAuth: true });
    expect((await failure(testApi().listConnections())).status).toBe(401);
    await expect(testApi({ apiKey: 'dqops-demo-key' }).listConnections()).resolves.toHaveLength(5);
  });
});

describe('error mapping', () => {
  it('maps empty-bodied 404, 406 and 409 from the lineage controller', async () => {
    const api = testApi();
    const missing = await failure(api.getLineageTree({ ...CUSTOMERS, table: 'nope' }, { upstream: true, downstream: true }));
    expect([missing.kind, missing.status, missing.spring]).toEqual(['http', 404, undefined]);
    expect(missing.userMessage).toMatch(/^Could not read lineage\. Not found/);

    const conflict = await failure(api.createSource(DIM_CUSTOMERS, { source_connection: 'warehouse', source_schema: 'staging', source_table: 'stg_customers' }));
    expect(conflict.status).toBe(409);
    expect(conflict.message).toMatch(/already defined/);
  });

  it('maps 406 when the body names differ from the path', async () => {
    mock.server.use(http.put('*/lineage/sources/:c/schemas/:s/tables/:t', () => new HttpResponse(null, { status: 406 })));
    const error = await failure(testApi().updateSource(DIM_CUSTOMERS, { source_connection: 'a', source_schema: 'b', source_table: 'c' }));
    expect(error.status).toBe(406);
    expect(error.message).toMatch(/do not match/);
  });

  it('maps 403 (text/plain "Access Denied") to a permissions message', async () => {
    mock.reset({ role: 'viewer' });
    const error = await failure(testApi().deleteSource(DIM_CUSTOMERS, { connection: 'warehouse', schema: 'staging', table: 'stg_customers' }));
    expect(error.status).toBe(403);
    expect(error.userMessage).toMatch(/permission/);
  });

  it('parses Spring error JSON on 5xx, with a string timestamp and extra fields', async () => {
    mock.server.use(
      http.get('*/api/connections', () =>
        HttpResponse.json(
          { timestamp: '2026-01-05T10:00:00Z', path: '/api/connections', status: 500, error: 'Internal Server Error', message: 'NullPointerException', requestId: 'a1', trace: 'java.lang...' },
          { status: 500 },
        ),
      ),
    );
    const error = await failure(testApi().listConnections());
    expect(error.status).toBe(500);
    expect(error.spring).toMatchObject({ message: 'NullPointerException', requestId: 'a1', timestamp: '2026-01-05T10:00:00Z' });
    expect(error.userMessage).toContain('NullPointerException');
    expect(error.isTransient).toBe(true);
  });

  it('maps 415 and 503', async () => {
    mock.server.use(http.get('*/api/connections', () => new HttpResponse(null, { status: 503 })));
    expect((await failure(testApi().listConnections())).message).toMatch(/HTTP 503/);
    mock.server.use(http.post('*/lineage/sources/:c/schemas/:s/tables/:t', () => new HttpResponse(null, { status: 415 })));
    const error = await failure(testApi().createSource(DIM_CUSTOMERS, { source_connection: 'a', source_schema: 'b', source_table: 'c' }));
    expect(error.message).toMatch(/format/);
  });

  it('maps a network failure', async () => {
    mock.server.use(http.get('*/api/connections', () => HttpResponse.error()));
    const error = await failure(testApi().listConnections());
    expect(error.kind).toBe('network');
    expect(error.userMessage).toMatch(/cannot be reached/);
  });

  it('maps a server that does not answer in time', async () => {
    mock.server.use(http.get('*/api/connections', async () => {
      await delay(500);
      return HttpResponse.json([]);
    }));
    const error = await failure(testApi({ timeoutMs: 50 }).listConnections());
    expect(error.kind).toBe('timeout');
  });

  it('maps invalid JSON to a readable error', async () => {
    mock.server.use(http.get('*/api/connections', () => new HttpResponse('{"connection_name": ', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const error = await failure(testApi().listConnections());
    expect(error.kind).toBe('invalid-response');
  });

  it('lets a caller cancel without turning it into an error message', async () => {
    mock.server.use(http.get('*/api/connections', async () => {
      await delay(500);
      return HttpResponse.json([]);
    }));
    const controller = new AbortController();
    const call = testApi().listConnections(controller.signal);
    controller.abort();
    await expect(call).rejects.not.toBeInstanceOf(ApiError);
  });
});

describe('writes', () => {
  it('treats 201 and 204 with empty bodies as success', async () => {
    const api = testApi();
    const source = { connection: 'crm_postgres', schema: 'public', table: 'leads' };
    await expect(api.createSource(DIM_CUSTOMERS, { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'leads' })).resolves.toBeUndefined();
    await expect(api.updateSource(DIM_CUSTOMERS, { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'leads', data_lineage_source_tool: 'dbt' })).resolves.toBeUndefined();
    await expect(api.getSource(DIM_CUSTOMERS, source)).resolves.toEqual({ source_connection: 'crm_postgres', source_schema: 'public', source_table: 'leads', data_lineage_source_tool: 'dbt' });
    await expect(api.deleteSource(DIM_CUSTOMERS, source)).resolves.toBeUndefined();
    expect((await failure(api.getSource(DIM_CUSTOMERS, source))).status).toBe(404);
  });

  it('sends the whole spec as JSON on PUT', async () => {
    const bodies: unknown[] = [];
    mock.server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') bodies.push(await request.clone().json());
    });
    const spec = {
      source_connection: 'warehouse',
      source_schema: 'staging',
      source_table: 'stg_customers',
      data_lineage_source_tool: 'dbt',
      properties: { owner: 'crm-team' },
      columns: { email: { source_columns: ['email'], properties: { rule: 'lower()' } } },
    };
    await testApi().updateSource(DIM_CUSTOMERS, spec);
    expect(bodies).toEqual([spec]);
  });
});

describe('reads of both server generations', () => {
  it('1.13: reads row_count, statuses, the loading flag and the cumulative status', async () => {
    const tree = await testApi().getLineageTree(DIM_CUSTOMERS, { upstream: true, downstream: false });
    const flow = tree.flows.find((f) => f.source.table === 'customers' && f.target.table === 'crm_customers');
    expect(flow?.rowCount).toBeGreaterThan(1);
    expect(flow?.rowCountEstimated).toBe(false);
    expect(flow?.sourceStatus?.severity).toBe('error');
    expect(tree.fullyLoaded).toBe(true);
    expect(tree.relativeCumulativeStatus?.severity).toBe('error');
    expect(tree.relativeTable).toEqual(DIM_CUSTOMERS);
  });

  it('2024-09: turns weight into an estimated row count and assumes "loaded"', async () => {
    mock.reset({ generation: '2024-09' });
    const tree = await testApi().getLineageTree(DIM_CUSTOMERS, { upstream: true, downstream: false });
    const flow = tree.flows.find((f) => f.source.table === 'customers');
    const rows = mock.ctx.store.table(CUSTOMERS)?.rowCount ?? 0;
    expect(flow?.rowCountEstimated).toBe(true);
    expect(flow?.rowCount).toBe(Math.round(Math.exp(Math.trunc(Math.log(rows)))));
    expect(tree.fullyLoaded).toBe(true);
    expect(tree.relativeCumulativeStatus).toBeUndefined();
  });

  it('2024-09: reads source_table_data_quality_status in source lists', async () => {
    mock.reset({ generation: '2024-09' });
    const links = await testApi().listSources(DIM_CUSTOMERS);
    expect(links.map((l) => [l.source.table, l.status?.severity])).toEqual([
      ['stg_customers', 'valid'],
      ['stg_accounts', 'valid'],
    ]);
  });

  it('2024-09: /targets does not exist, so targets are "unsupported", not an error', async () => {
    mock.reset({ generation: '2024-09' });
    await expect(testApi().listTargets(DIM_CUSTOMERS)).resolves.toEqual({ state: 'unsupported', links: [] });
  });

  it('1.13: /targets answering 203 is "partial"; an empty 404 is still an error', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    const api = testApi();
    expect(await api.listTargets(DIM_CUSTOMERS)).toEqual({ state: 'partial', links: [] });
    const second = await api.listTargets(DIM_CUSTOMERS);
    expect(second.state).toBe('partial');
    expect(second.links).toHaveLength(2);
    const third = await api.listTargets(DIM_CUSTOMERS);
    expect(third.state).toBe('complete');
    expect(third.links.map((l) => l.target.table).sort()).toEqual(['customer_360', 'fct_orders', 'rpt_customer_ltv', 'rpt_marketing_funnel']);
    expect((await failure(api.listTargets({ ...DIM_CUSTOMERS, table: 'gone' }))).status).toBe(404);
  });

  it('tolerates unknown enum values, missing fields and ISO or epoch dates', async () => {
    mock.server.use(
      http.get('*/lineage/tree', () =>
        HttpResponse.json({
          relative_table: { connection_name: 'c', physical_table_name: { schema_name: 's', table_name: 't' } },
          flows: [
            {
              source_table: { connection_name: 'c', physical_table_name: { schema_name: 's', table_name: 'a' } },
              target_table: { connection_name: 'c', physical_table_name: { schema_name: 's', table_name: 't' } },
              source_table_quality_status: { current_severity: 'catastrophic', last_check_executed_at: 1767600000, extra: true },
              upstream_combined_quality_status: { current_severity: 'warning', last_check_executed_at: '2026-01-05T08:00:00Z' },
            },
            { source_table: { connection_name: 'c' } },
          ],
        }),
      ),
    );
    const tree = await testApi().getLineageTree({ connection: 'c', schema: 's', table: 't' }, { upstream: true, downstream: true });
    expect(tree.flows).toHaveLength(1);
    expect(tree.unreadableFlows).toBe(1);
    expect(tree.flows[0]?.sourceStatus).toMatchObject({ unknownSeverity: 'catastrophic', lastCheckAt: '2026-01-05T08:00:00.000Z' });
    expect(tree.flows[0]?.sourceStatus?.severity).toBeUndefined();
    expect(tree.flows[0]?.upstreamCombinedStatus?.severity).toBe('warning');
    expect(tree.flows[0]?.rowCount).toBeUndefined();
  });
});

describe('table search (findTables)', () => {
  const names = (tables: { ref: { connection: string; schema: string; table: string } }[]) => tables.map((t) => `${t.ref.connection}.${t.ref.schema}.${t.ref.table}`);

  it('finds tables of every connection by *contains*, prefix*, *suffix and whole name, case-insensitively, sorted', async () => {
    const api = testApi();
    const contains = await api.findTables({ table: '*customer*' });
    expect(contains.state).toBe('ok');
    expect(names(contains.tables)).toEqual(expect.arrayContaining(['crm_postgres.public.customers', 'warehouse.marts.dim_customers', 'warehouse.staging.stg_customers']));
    expect(names(contains.tables)).toEqual([...names(contains.tables)].sort());
    expect(contains.tables.every((t) => t.status !== undefined)).toBe(true);
    expect(names((await api.findTables({ table: 'dim_*' })).tables)).toEqual(['warehouse.marts.dim_customers', 'warehouse.marts.dim_date', 'warehouse.marts.dim_products']);
    expect(names((await api.findTables({ table: '*_customers', connection: 'warehouse' })).tables)).toEqual(['warehouse.marts.dim_customers', 'warehouse.staging.stg_customers']);
    expect(names((await api.findTables({ table: 'FCT_ORDERS' })).tables)).toEqual(['warehouse.marts.fct_orders']);
  });

  it('pages as DQOps does, and a page below 1 is refused (406)', async () => {
    const api = testApi();
    const all = (await api.findTables({ table: '*' })).tables;
    const second = (await api.findTables({ table: '*', page: 2, limit: 5 })).tables;
    expect(names(second)).toEqual(names(all.slice(5, 10)));
    await expect(api.findTables({ table: '*', page: 0 })).rejects.toMatchObject({ kind: 'http', status: 406 });
  });

  it('a server without the search (Spring 404 with its error JSON) is "unsupported", not an error', async () => {
    mock.server.use(http.get('*/api/search/tables', () => HttpResponse.json({ status: 404, error: 'Not Found', path: '/api/search/tables' }, { status: 404 })));
    await expect(testApi().findTables({ table: '*x*' })).resolves.toEqual({ state: 'unsupported', tables: [] });
  });
});
