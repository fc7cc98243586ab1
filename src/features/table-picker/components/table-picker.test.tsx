import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { TablePicker } from './table-picker';

const mock = setupMockDqops();

describe('TablePicker', () => {
  it('picks connection → schema → table with the keyboard and writes the choice to the URL', async () => {
    const user = userEvent.setup();
    const { params } = renderWithProviders(<TablePicker />);
    const connection = screen.getByRole('combobox', { name: 'Connection' });
    expect(screen.getByRole('combobox', { name: 'Schema' })).toBeDisabled();

    await user.click(connection);
    await user.keyboard('ware');
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Connection' })).getAllByRole('option')).toHaveLength(1));
    await user.keyboard('{Enter}');
    expect(params().get('connection')).toBe('warehouse');

    const schema = screen.getByRole('combobox', { name: 'Schema' });
    await waitFor(() => expect(schema).toBeEnabled());
    await user.click(schema);
    await user.keyboard('mar{Enter}');
    expect(params().get('schema')).toBe('marts');

    const table = screen.getByRole('combobox', { name: 'Table' });
    await user.click(table);
    await user.keyboard('fct_rev');
    await waitFor(() => expect(screen.getByRole('option', { name: /fct_revenue/ })).toBeInTheDocument());
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(params().get('table')).toBe('fct_revenue');
    expect(table).toHaveValue('fct_revenue');
  });

  it('opens the same selection from a deep link', async () => {
    renderWithProviders(<TablePicker />, { route: '?connection=warehouse&schema=marts&table=dim_customers' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Table' })).toHaveValue('dim_customers'));
    expect(screen.getByRole('combobox', { name: 'Connection' })).toHaveValue('warehouse');
  });

  it('marks disabled tables and tables with YAML errors', async () => {
    const user = userEvent.setup();
    renderWithProviders(<TablePicker />, { route: '?connection=shop_mysql&schema=shop' });
    await user.click(screen.getByRole('combobox', { name: 'Table' }));
    await waitFor(() => expect(screen.getByRole('option', { name: /carts_legacy/ })).toHaveTextContent('disabled'));

    const { unmount } = renderWithProviders(<TablePicker />, { route: '?connection=datalake&schema=landing' });
    const tables = screen.getAllByRole('combobox', { name: 'Table' });
    await user.click(tables[tables.length - 1] as HTMLElement);
    await waitFor(() => expect(screen.getByRole('option', { name: /fin_budget/ })).toHaveTextContent('YAML error'));
    unmount();
  });

  it('renders only the visible rows of a long table list', async () => {
    for (let i = 0; i < 3000; i += 1) {
      mock.ctx.store.putTable({ ref: { connection: 'warehouse', schema: 'big', table: `t_${String(i).padStart(4, '0')}` }, columns: [], quality: null });
    }
    const user = userEvent.setup();
    renderWithProviders(<TablePicker />, { route: '?connection=warehouse&schema=big' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Table' })).toHaveAttribute('placeholder', 'Search 3000 tables'));
    await user.click(screen.getByRole('combobox', { name: 'Table' }));
    expect(screen.getAllByRole('option').length).toBeLessThan(40);
    await user.keyboard('t_2999');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]).toHaveTextContent('t_2999');
  });

  it('shows a readable message when the connections cannot be loaded', async () => {
    mock.reset({ requireAuth: true });
    const user = userEvent.setup();
    renderWithProviders(<TablePicker />);
    await user.click(screen.getByRole('combobox', { name: 'Connection' }));
    await waitFor(() => expect(screen.getByRole('listbox', { name: 'Connection' })).toHaveTextContent(/API key/));
  });
});
