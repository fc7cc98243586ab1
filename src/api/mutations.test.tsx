import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { setupMockDqops, testApi } from '@/testing/mock-dqops';
import { DqopsApiProvider } from './api-context';
import { useCreateSource, useDeleteSource, useUpdateSource } from './mutations';
import { lineageQueries } from './queries';

const mock = setupMockDqops();
const DIM = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };
const STG = { connection: 'warehouse', schema: 'staging', table: 'stg_customers' };
const LEADS = { connection: 'crm_postgres', schema: 'public', table: 'leads' };
const OTHER = { connection: 'warehouse', schema: 'marts', table: 'dim_products' };

function setup() {
  const api = testApi();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const seedData = (key: readonly unknown[]) => queryClient.setQueryData(key, []);
  const keys = {
    sourcesOfTarget: lineageQueries.sources(api, DIM).queryKey,
    sourcesOfTargetProfiling: lineageQueries.sources(api, DIM, 'profiling').queryKey,
    sourcesOfOther: lineageQueries.sources(api, OTHER).queryKey,
    targetsOfSource: lineageQueries.targets(api, LEADS).queryKey,
    targetsOfStg: lineageQueries.targets(api, STG).queryKey,
    targetsOfTarget: lineageQueries.targets(api, DIM).queryKey,
    treeOfOther: lineageQueries.tree(api, OTHER, { upstream: true, downstream: false }).queryKey,
    spec: lineageQueries.source(api, DIM, LEADS).queryKey,
    specOther: lineageQueries.source(api, DIM, STG).queryKey,
  };
  for (const key of Object.values(keys)) seedData(key);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DqopsApiProvider api={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </DqopsApiProvider>
  );
  const invalidated = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name)
      .sort();
  return { wrapper, invalidated };
}

const leadsSpec = { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'leads' };

describe('mutations invalidate exactly what changed', () => {
  it('create: the target’s sources, the source’s targets, that spec, every tree', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useCreateSource(), { wrapper });
    await act(() => result.current.mutateAsync({ target: DIM, spec: leadsSpec }));
    expect(invalidated()).toEqual(['sourcesOfTarget', 'sourcesOfTargetProfiling', 'spec', 'targetsOfSource', 'treeOfOther']);
    expect(mock.ctx.store.getSource(DIM, LEADS)).toEqual(leadsSpec);
  });

  it('update: the same set', async () => {
    mock.ctx.store.addSource(DIM, leadsSpec);
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useUpdateSource(), { wrapper });
    await act(() => result.current.mutateAsync({ target: DIM, spec: { ...leadsSpec, data_lineage_source_tool: 'dbt' } }));
    expect(invalidated()).toEqual(['sourcesOfTarget', 'sourcesOfTargetProfiling', 'spec', 'targetsOfSource', 'treeOfOther']);
  });

  it('delete: the same set for the deleted link', async () => {
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => useDeleteSource(), { wrapper });
    await act(() => result.current.mutateAsync({ target: DIM, source: STG }));
    expect(invalidated()).toEqual(['sourcesOfTarget', 'sourcesOfTargetProfiling', 'specOther', 'targetsOfStg', 'treeOfOther']);
  });

  it('a failed write invalidates nothing and is not retried', async () => {
    const { wrapper, invalidated } = setup();
    let posts = 0;
    mock.server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') posts += 1;
    });
    const { result } = renderHook(() => useCreateSource(), { wrapper });
    act(() => result.current.mutate({ target: DIM, spec: { ...leadsSpec, source_table: 'stg_customers', source_schema: 'staging', source_connection: 'warehouse' } }));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error?.message).toMatch(/already defined/);
    expect(invalidated()).toEqual([]);
    expect(posts).toBe(1);
  });
});
