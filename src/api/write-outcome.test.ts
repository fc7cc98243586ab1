import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMockDqops, testApi } from '@/testing/mock-dqops';
import { isStatus } from './errors';
import { sameStoredSpec, StoredElsewiseError, UnknownOutcomeError } from './write-outcome';

const mock = setupMockDqops();
const DIM = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };
const STG = { connection: 'warehouse', schema: 'staging', table: 'stg_customers' };
/** The seed's dim_customers ← stg_customers spec. */
function stored() {
  const spec = mock.ctx.store.getSource(DIM, STG);
  if (!spec) throw new Error('the seed has dim_customers ← stg_customers');
  return spec;
}
const LEADS = { connection: 'crm_postgres', schema: 'public', table: 'leads' };
const SOURCE_URL = '*/api/connections/:c/schemas/:s/tables/:t/lineage/sources/:sc/schemas/:ss/tables/:st';
const leadsSpec = { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'leads', data_lineage_source_tool: 'dbt' };

function methods() {
  const seen: string[] = [];
  mock.server.events.on('request:start', ({ request }) => void seen.push(request.method));
  return seen;
}

describe('a write whose answer is lost', () => {
  it('compares specs as DQOps stores them: empty maps and lists, and nulls, are the same as absent', () => {
    expect(sameStoredSpec({ ...leadsSpec, properties: {}, columns: { a: { source_columns: [] } } }, leadsSpec)).toBe(true);
    expect(sameStoredSpec({ ...leadsSpec, data_lineage_source_tool: undefined }, { ...leadsSpec, data_lineage_source_tool: 'x' })).toBe(false);
  });

  it('carried out: resolves after one read, as if answered', async () => {
    mock.reset({ loseWriteResponsesTo: 'leads' });
    const seen = methods();
    await expect(testApi().createSource(DIM, leadsSpec)).resolves.toBeUndefined();
    expect(seen).toEqual(['POST', 'GET']);
    expect(mock.ctx.store.getSource(DIM, LEADS)).toEqual(leadsSpec);
  });

  it('not carried out: rejects with the failure itself, and the next attempt checks before it sends', async () => {
    mock.server.use(http.post(SOURCE_URL, () => HttpResponse.error(), { once: true }));
    const api = testApi();
    const seen = methods();
    await expect(api.createSource(DIM, leadsSpec)).rejects.toMatchObject({ kind: 'network' });
    await api.createSource(DIM, leadsSpec);
    expect(seen).toEqual(['POST', 'GET', 'GET', 'POST']);
    expect(mock.ctx.store.getSource(DIM, LEADS)).toEqual(leadsSpec);
  });

  it('a 5xx with an error body is a known failure: nothing is read, nothing reconciled', async () => {
    mock.reset({ failWritesTo: 'leads' });
    const seen = methods();
    await expect(testApi().createSource(DIM, leadsSpec)).rejects.toMatchObject({ kind: 'http', status: 500 });
    expect(seen).toEqual(['POST']);
  });

  it('someone else changed the link meanwhile: StoredElsewiseError with what is stored', async () => {
    const before = stored();
    const theirs = { ...before, data_lineage_source_tool: 'someone-else' };
    mock.server.use(
      http.put(SOURCE_URL, () => {
        mock.ctx.store.replaceSource(DIM, theirs);
        return HttpResponse.error();
      }, { once: true }),
    );
    const error = await testApi().updateSource(DIM, { ...before, data_lineage_source_tool: 'mine' }, { expected: before }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredElsewiseError);
    expect((error as StoredElsewiseError).stored).toEqual(theirs);
  });

  it('a PUT that did not land is told from someone else\'s change by what the caller expected', async () => {
    const before = stored();
    mock.server.use(http.put(SOURCE_URL, () => new HttpResponse(null, { status: 502 }), { once: true }));
    await expect(testApi().updateSource(DIM, { ...before, data_lineage_source_tool: 'mine' }, { expected: before })).rejects.toSatisfy((e) => isStatus(e, 502));
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(before);
  });

  it('the check fails too: UnknownOutcomeError; the next delete finds it done and sends nothing', async () => {
    mock.reset({ loseWriteResponsesTo: 'stg_customers', unreachableAfterLoss: 1 });
    const api = testApi();
    const seen = methods();
    await expect(api.deleteSource(DIM, STG)).rejects.toBeInstanceOf(UnknownOutcomeError);
    await expect(api.deleteSource(DIM, STG)).resolves.toBeUndefined();
    expect(seen).toEqual(['DELETE', 'GET', 'GET']);
    expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
  });
});

describe("the mock's empty 502 after a write it carried out", () => {
  it('keeps the write and answers 502 without a body', async () => {
    mock.reset({ loseWriteResponsesTo: '*', lostAs: '502' });
    const response = await fetch(`${location.origin}/api/connections/warehouse/schemas/marts/tables/dim_customers/lineage/sources/crm_postgres/schemas/public/tables/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(leadsSpec),
    });
    expect(response.status).toBe(502);
    expect(await response.text()).toBe('');
    expect(mock.ctx.store.getSource(DIM, LEADS)).toEqual(leadsSpec);
  });
});
