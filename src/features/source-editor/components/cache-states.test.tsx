// DQOps's transient states while its caches load (the mock's 'realistic' warm-up), as the lists
// show them: nothing is called missing or unchecked that is only still loading, and what arrives
// later appears in place, without a reload.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { setupMockDqops } from '@/testing/mock-dqops';
import { SourcesPanel } from './sources-panel';
import { TargetsPanel } from './targets-panel';

const mock = setupMockDqops();
const DIM = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };

describe('while DQOps loads its caches', () => {
  it('targets: "still loading" with no rows (203 []), then part of the list (203), then all of it (200), in place', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    renderWithProviders(<TargetsPanel table={DIM} />, { route: '?connection=warehouse&schema=marts&table=dim_customers&view=targets' });
    expect(await screen.findByText('No target tables known yet.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('DQOps is still loading its lineage cache');
    const caption = await screen.findByText('2 target tables', {}, { timeout: 4_000 });
    expect(caption).toBeInTheDocument();
    expect(screen.getByText(/still loading its lineage cache/)).toBeInTheDocument();
    expect(await screen.findByText('4 target tables', {}, { timeout: 4_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/still loading its lineage cache/)).not.toBeInTheDocument());
    // Each target's own status comes from the tree, polled until DQOps has loaded them: no row stays pending.
    const table = screen.getByRole('table');
    await waitFor(() => expect(within(table).queryAllByText(/status pending/)).toHaveLength(0), { timeout: 4_000 });
    expect(within(table).getAllByText(/Valid|Warning|Error|Fatal/).length).toBeGreaterThan(0);
  });

  it('sources: a status DQOps left out reads "status pending", not "No checks", and arrives in place', async () => {
    mock.reset({ cacheWarmup: 'realistic' });
    renderWithProviders(<SourcesPanel table={DIM} />, { route: '?connection=warehouse&schema=marts&table=dim_customers&view=sources' });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByText(/status pending/).length).toBeGreaterThan(0);
    expect(within(table).queryByText(/No checks/)).not.toBeInTheDocument();
    await waitFor(() => expect(within(table).queryAllByText(/status pending/)).toHaveLength(0), { timeout: 6_000 });
    expect(within(table).getAllByText(/Valid|Warning|Error|Fatal/).length).toBeGreaterThan(0);
  });
});

describe('DQOps 2024-09', () => {
  const STG = { connection: 'warehouse', schema: 'staging', table: 'stg_customers' };

  it('sources in another connection come back table_exist:false: explained, never called "not in DQOps"', async () => {
    mock.reset({ generation: '2024-09' });
    const rows = (await (await fetch(`${location.origin}/api/connections/warehouse/schemas/staging/tables/stg_customers/lineage/sources`)).json()) as {
      source_table_data_quality_status: { table_exist: boolean };
    }[];
    expect(rows.map((r) => r.source_table_data_quality_status.table_exist)).toEqual([false, false]); // both in datalake

    renderWithProviders(<SourcesPanel table={STG} />, { route: '?connection=warehouse&schema=staging&table=stg_customers&view=sources' });
    const table = await screen.findByRole('table');
    expect(within(table).getAllByText('status unknown: DQOps 2024-09 cannot see tables in other connections here')).toHaveLength(2);
    expect(within(table).queryByText(/not in DQOps/)).not.toBeInTheDocument();
  });

  it('a source in the same connection keeps its status', async () => {
    mock.reset({ generation: '2024-09' });
    renderWithProviders(<SourcesPanel table={DIM} />, { route: '?connection=warehouse&schema=marts&table=dim_customers&view=sources' });
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByText(/Valid|Warning|Error|Fatal/).length).toBeGreaterThan(0));
    expect(within(table).queryByText(/cannot see tables in other connections/)).not.toBeInTheDocument();
  });
});
