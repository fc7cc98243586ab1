// @vitest-environment node
// `npm run mock-server` over real HTTP: what curl or DQOps's Python client would see.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDqopsApi } from '@/api/client';
import { startMockServer } from './http-server';

let base = '';
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const { server } = await startMockServer(0, '127.0.0.1', { cacheWarmup: 'off' });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

describe('mock DQOps over HTTP', () => {
  const sources = () => `${base}/api/connections/warehouse/schemas/marts/tables/dim_date/lineage/sources`;

  it('POST 201 → GET 200 → PUT 204 → DELETE 204 → GET 404, empty bodies where DQOps sends none', async () => {
    const url = `${sources()}/crm_postgres/schemas/public/tables/campaigns`;
    const body = { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'campaigns' };
    const post = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect([post.status, await post.text()]).toEqual([201, '']);
    const get = await fetch(url);
    expect([get.status, await get.json()]).toEqual([200, body]);
    const put = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, data_lineage_source_tool: 'dbt' }),
    });
    expect([put.status, await put.text()]).toEqual([204, '']);
    const del = await fetch(url, { method: 'DELETE' });
    expect([del.status, await del.text()]).toEqual([204, '']);
    const gone = await fetch(url);
    expect([gone.status, await gone.text()]).toEqual([404, '']);
  });

  it('"applied, response lost" (POST /__mock/reset?loseWriteResponsesTo=…): the write is stored, the connection dropped', async () => {
    await fetch(`${base}/__mock/reset?loseWriteResponsesTo=campaigns&lostAs=network&warmup=off`, { method: 'POST' });
    const url = `${sources()}/crm_postgres/schemas/public/tables/campaigns`;
    const body = { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'campaigns' };
    await expect(fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).rejects.toThrow();
    const get = await fetch(url);
    expect([get.status, await get.json()]).toEqual([200, body]);
    await fetch(`${base}/__mock/reset?warmup=off`, { method: 'POST' });
  });

  it('keeps encoded slashes inside one name', async () => {
    const url = `${sources()}/ext%2Fsystem/schemas/a%3Bb/tables/t%20x`;
    const body = { source_connection: 'ext/system', source_schema: 'a;b', source_table: 't x' };
    expect((await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(201);
    expect(await (await fetch(url)).json()).toEqual(body);
  });

  it('answers unknown routes with Spring-style 404 JSON', async () => {
    const response = await fetch(`${base}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ status: 404, error: 'Not Found' });
  });

  it('serves the typed client end to end', async () => {
    const api = createDqopsApi({ baseUrl: base });
    const tree = await api.getLineageTree({ connection: 'warehouse', schema: 'reporting', table: 'rpt_executive_kpis' }, { upstream: true, downstream: true });
    expect(tree.flows.length).toBeGreaterThan(20);
    expect(tree.flows.some((f) => f.source.table === 'customers')).toBe(true);
  });
});
