import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { LineageView } from './lineage-view';

const mock = setupMockDqops();
const FCT_ORDERS = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };
const route = '?connection=warehouse&schema=marts&table=fct_orders';

// The whole view renders (graph, toolbar, side panel): ~3 s alone on this machine, ~4.5 s in a full
// run, more on a busy CI host — past vitest's default 5 s. The assertions are about behaviour only.
describe('LineageView', { timeout: 20_000 }, () => {
  it('costs one lineage request and draws the focus table with its neighbourhood', async () => {
    const urls: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      const path = new URL(request.url).pathname;
      if (path !== '/api/connections') urls.push(path); // the catalog is shared with the picker
    });
    renderWithProviders(<LineageView table={FCT_ORDERS} mode="graph" />, { route });
    expect(screen.getByRole('status', { name: 'Loading lineage' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Showing \d+ of 26 tables/)).toBeInTheDocument());
    expect(urls).toEqual(['/api/connections/warehouse/schemas/marts/tables/fct_orders/lineage/tree']);
  });

  it('asks for upstream only when the user switches direction, and the URL keeps it', async () => {
    const user = userEvent.setup();
    const queries: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/lineage/tree')) queries.push(new URL(request.url).search);
    });
    const { params } = renderWithProviders(<LineageView table={FCT_ORDERS} mode="graph" />, { route });
    await waitFor(() => expect(screen.getByText(/of 26 tables/)).toBeInTheDocument());
    await user.click(screen.getByRole('radio', { name: 'Upstream' }));
    expect(params().get('direction')).toBe('upstream');
    await waitFor(() => expect(queries).toEqual(['?upstream=true&downstream=true', '?upstream=true&downstream=false']));
    expect(await screen.findByText(/of 21 tables/)).toBeInTheDocument(); // fct_orders and its 20 upstream tables
  });

  it('lists the flows in an accessible table', async () => {
    renderWithProviders(<LineageView table={FCT_ORDERS} mode="flows" />, { route });
    const table = await screen.findByRole('table', { name: /data flows around fct_orders/ });
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(20);
    expect(within(table).getAllByRole('button', { name: /shop_payments/ }).length).toBeGreaterThan(0);
  });

  it('shows a way back to the picker when the table is gone (404)', async () => {
    const user = userEvent.setup();
    const { params } = renderWithProviders(<LineageView table={{ ...FCT_ORDERS, table: 'gone' }} mode="graph" />, {
      route: '?connection=warehouse&schema=marts&table=gone',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('gone was not found in DQOps');
    await user.click(screen.getByRole('button', { name: 'Back to the table list' }));
    expect(params().get('table')).toBeNull();
    expect(params().get('schema')).toBe('marts');
  });

  it('offers a retry when the server cannot be reached, and recovers', async () => {
    const user = userEvent.setup();
    mock.server.use(http.get('*/lineage/tree', () => HttpResponse.error(), { once: true }));
    renderWithProviders(<LineageView table={FCT_ORDERS} mode="flows" />, { route });
    expect(await screen.findByRole('alert')).toHaveTextContent(/cannot be reached/);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('shows the empty state with an action to add a source table', async () => {
    const user = userEvent.setup();
    const { params } = renderWithProviders(<LineageView table={{ connection: 'warehouse', schema: 'marts', table: 'dim_date' }} mode="graph" />, {
      route: '?connection=warehouse&schema=marts&table=dim_date&direction=upstream',
    });
    expect(await screen.findByRole('note')).toHaveTextContent('No lineage yet');
    await user.click(screen.getByRole('button', { name: 'Add a source table' }));
    expect(params().get('editTarget')).toBe('warehouse/marts/dim_date');
    expect(params().get('editSource')).toBe('new');
  });

  it('re-fetches with back-off while DQOps is loading, then shows "partial" after the cap', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      mock.reset({ cacheWarmup: 'never' });
      let calls = 0;
      mock.server.events.on('request:start', ({ request }) => {
        if (new URL(request.url).pathname.endsWith('/lineage/tree')) calls += 1;
      });
      renderWithProviders(<LineageView table={FCT_ORDERS} mode="flows" />, { route });
      expect(await screen.findByRole('status')).toHaveTextContent('Loading lineage… (1/10)');
      for (let i = 0; i < 12; i += 1) {
        await act(() => vi.advanceTimersByTimeAsync(5_000));
      }
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Partial lineage'));
      expect(calls).toBe(11); // the first tree answer + 10 polls, then it stops
      await act(() => vi.advanceTimersByTimeAsync(30_000));
      expect(calls).toBe(11);

      mock.ctx.options.cacheWarmup = 'off';
      await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: 'Refresh' }));
      await waitFor(() => expect(screen.queryByRole('status')).not.toBeInTheDocument());
      expect(calls).toBe(12);
    } finally {
      vi.useRealTimers();
    }
  });
});
