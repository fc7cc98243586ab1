import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { Header } from './header';
import { Workspace } from './workspace';

const mock = setupMockDqops();

function searches() {
  const queries: string[] = [];
  mock.server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/search/tables') queries.push(url.search);
  });
  return queries;
}

describe('find any table', () => {
  it('Ctrl+K, a few letters: tables of every connection with schema, connection and status; Enter opens one', async () => {
    const user = userEvent.setup();
    const sent = searches();
    const { params } = renderWithProviders(<Header mode="demo" serverLabel="mock" hasKey={false} onOpenSettings={() => {}} />);
    await user.keyboard('{Control>}k{/Control}');
    const box = screen.getByRole('combobox', { name: 'Find a table in DQOps' });
    expect(box).toHaveFocus();
    await user.keyboard('customer');
    const list = screen.getByRole('listbox', { name: 'Find a table in DQOps' });
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(2));
    const options = within(list).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining([expect.stringMatching(/^dim_customers.*marts · warehouse/), expect.stringMatching(/^customers.*public · crm_postgres/)]));
    expect(within(list).getAllByRole('img').length).toBe(options.length); // a status per table
    expect(sent.at(-1)).toBe('?table=*customer*&page=1&limit=20'); // one request for the settled text, not one per letter
    expect(sent).toHaveLength(1);
    await user.keyboard('{ArrowDown}{Enter}');
    const opened = params();
    expect(opened.get('table')).toBeTruthy();
    expect(options.some((o) => o?.startsWith(opened.get('table') ?? '?'))).toBe(true);
  });

  it('lists the table named exactly so first, then names that start so', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Header mode="demo" serverLabel="mock" hasKey={false} onOpenSettings={() => {}} />);
    await user.click(screen.getByRole('combobox', { name: 'Find a table in DQOps' }));
    await user.keyboard('orders');
    const list = screen.getByRole('listbox', { name: 'Find a table in DQOps' });
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(2));
    const names = within(list).getAllByRole('option').map((o) => o.textContent?.match(/^[a-z_]+/)?.[0]);
    expect(names[0]).toBe('orders');
    expect(names.indexOf('shop_orders')).toBeGreaterThan(names.indexOf('orders'));
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Header mode="demo" serverLabel="mock" hasKey={false} onOpenSettings={() => {}} />);
    await user.click(screen.getByRole('combobox', { name: 'Find a table in DQOps' }));
    await user.keyboard('zzzq');
    expect(await screen.findByText('No table named like “zzzq”.')).toBeInTheDocument();
  });

  it('a server without table search: its catalog lists are searched instead, and the field says so', async () => {
    mock.server.use(http.get('*/api/search/tables', () => HttpResponse.json({ status: 404, error: 'Not Found' }, { status: 404 })));
    const lists: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/tables')) lists.push(`${url.pathname.split('/')[3]}.${url.pathname.split('/')[5]}${url.search}`);
    });
    const user = userEvent.setup();
    const { params } = renderWithProviders(<Header mode="demo" serverLabel="mock" hasKey={false} onOpenSettings={() => {}} />);
    const box = screen.getByRole('combobox', { name: 'Find a table in DQOps' });
    await user.click(box);
    await user.keyboard('stg_pay');
    const list = screen.getByRole('listbox', { name: 'Find a table in DQOps' });
    await waitFor(() => expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual([expect.stringMatching(/^stg_payments.*staging · warehouse/)]));
    expect(box).toHaveAttribute('placeholder', 'Find a table in the lists (no table search on this DQOps)…');
    expect(lists).toContain('warehouse.staging?filter=*stg_pay*');
    await user.keyboard('{Enter}');
    expect(params().get('table')).toBe('stg_payments');
    await user.click(box);
    await user.keyboard('zzzq');
    expect(await screen.findByText(/No table named like “zzzq” in every schema \(this DQOps server has no table search: its lists were searched\)/)).toBeInTheDocument();
  });
});

describe('the landing page', () => {
  it('offers the search, a table to start with, and the tables opened recently in this browser', async () => {
    localStorage.clear();
    const user = userEvent.setup();
    const start = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };
    const { location, params } = renderWithProviders(<Workspace showPicker={false} startHere={start} />);
    expect(screen.getByRole('combobox', { name: 'Find a table in DQOps' })).toBeInTheDocument();
    const startHere = screen.getByRole('region', { name: 'Start here' });
    expect(screen.queryByRole('region', { name: 'Opened recently in this browser' })).not.toBeInTheDocument();
    await user.click(within(startHere).getByRole('button', { name: /fct_orders/ }));
    expect(params().get('table')).toBe('fct_orders');
    // Open another table, then come back to the landing page.
    act(() => void location.navigate('?connection=warehouse&schema=marts&table=dim_customers&view=sources'));
    await screen.findByRole('region', { name: /^Lineage of .*dim_customers/ });
    act(() => void location.navigate(''));
    const recent = await screen.findByRole('region', { name: 'Opened recently in this browser' });
    expect(within(recent).getAllByRole('button').map((b) => b.textContent)).toEqual(['dim_customersmarts · warehouse']); // fct_orders is already "start here"
  });
});
