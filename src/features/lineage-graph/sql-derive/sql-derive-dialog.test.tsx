import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { sameTable, type TableRef } from '@/lib/table-ref';
import { createDraftStore, DraftStoreContext, type DraftStore } from '../draft/draft-store';
import { SqlDeriveDialog } from './sql-derive-dialog';

setupMockDqops();

const FCT_ORDERS: TableRef = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };
const ref = (schema: string, table: string): TableRef => ({ connection: 'warehouse', schema, table });

// fct_orders's stored sources in the demo: stg_orders, stg_payments, stg_fx_rates, dim_customers.
const STORED = [ref('staging', 'stg_orders'), ref('staging', 'stg_payments'), ref('staging', 'stg_fx_rates'), ref('marts', 'dim_customers')];

const JOIN_QUERY = `INSERT INTO marts.fct_orders (order_id, status, total_amount_usd, paid_amount, shipped_at)
SELECT o.order_id, o.order_state, o.total_amount * fx.rate_to_usd, p.amount, s.shipped_at
FROM staging.stg_orders o
LEFT JOIN staging.stg_fx_rates fx ON fx.currency = o.currency AND fx.rate_date = o.order_date
LEFT JOIN staging.stg_payments p ON p.order_id = o.order_id
LEFT JOIN staging.stg_shipments s ON s.order_id = o.order_id`;

function open(store: DraftStore, onStaged = vi.fn()) {
  renderWithProviders(
    <DraftStoreContext.Provider value={store}>
      <SqlDeriveDialog target={FCT_ORDERS} isLinked={(source) => STORED.some((s) => sameTable(s, source))} onClose={() => {}} onStaged={onStaged} />
    </DraftStoreContext.Provider>,
  );
  return onStaged;
}

beforeEach(() => localStorage.clear());

describe('derive sources and mappings from SQL', () => {
  it('proposes links and mappings against the DQOps columns, flags what DQOps lacks, and stages what the steward kept', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    const onStaged = open(store);
    await user.click(screen.getByRole('textbox', { name: 'SQL statement' }));
    await user.paste(JOIN_QUERY);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Propose mappings' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Propose mappings' }));

    const heading = await screen.findByRole('heading', { name: 'Proposed for fct_orders: 4 source tables, 6 column mappings' });
    expect(document.activeElement).toBe(heading);
    const sources = screen.getByRole('list', { name: 'Source tables of the statement' });
    expect(
      within(sources)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'staging.stg_orders → warehouse.staging.stg_orders (already a source)',
      'staging.stg_fx_rates → warehouse.staging.stg_fx_rates (already a source)',
      'staging.stg_payments → warehouse.staging.stg_payments (already a source)',
      'staging.stg_shipments → warehouse.staging.stg_shipments new link',
    ]);
    // shipped_at is not a column of fct_orders in DQOps: shown, not kept, not stageable.
    expect(screen.getByRole('checkbox', { name: 'Keep shipped_at ← stg_shipments.shipped_at' })).toBeDisabled();
    expect(screen.getByText('not a column of fct_orders in DQOps')).toBeInTheDocument();
    // order_state is no column of stg_orders in DQOps: flagged and not kept until fixed.
    expect(screen.getByRole('checkbox', { name: 'Keep status ← stg_orders.order_state' })).not.toBeChecked();
    expect(screen.getByText('no such column in DQOps: choose one')).toBeInTheDocument();
    expect(screen.getByText(/Not produced by the statement/)).toHaveTextContent('Not produced by the statement (3): customer_key, date_key, total_amount');
    // The computed column carries its expression.
    const usd = screen.getByRole('combobox', { name: 'Column of stg_fx_rates for total_amount_usd' });
    expect(usd.closest('tr')).toHaveTextContent(/computed.*total_amount.*rate_to_usd/);

    // What DQOps stores already is said so, and not kept unless the steward ticks it.
    for (const name of ['Keep order_id ← stg_orders.order_id', 'Keep total_amount_usd ← stg_fx_rates.rate_to_usd', 'Keep paid_amount ← stg_payments.amount']) {
      const box = screen.getByRole('checkbox', { name });
      expect(box).not.toBeChecked();
      expect(box.closest('tr')).toHaveTextContent('already in DQOps');
    }

    // Fix one: status reads stg_orders.status. Keep the computed one, to record its expression.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Column of stg_orders for status' }), 'status');
    await user.click(screen.getByRole('checkbox', { name: 'Keep total_amount_usd ← stg_fx_rates.rate_to_usd' }));
    await user.click(screen.getByRole('button', { name: 'Stage 1 new link and 2 mappings' }));

    expect(onStaged).toHaveBeenCalled();
    const ops = store.get().ops.map(({ batch, ...op }) => (expect(batch).toMatch(/^sql-/), op));
    const mapping = (schema: string, table: string, column: string, sourceColumn: string, kind: string, expression?: string) => ({
      kind: 'add-mapping',
      source: ref(schema, table),
      target: FCT_ORDERS,
      column,
      sourceColumn,
      properties: { sql_transformation: kind, ...(expression ? { sql_expression: expression } : {}) },
    });
    expect(ops).toEqual([
      { kind: 'add-source', source: ref('staging', 'stg_shipments'), target: FCT_ORDERS },
      mapping('staging', 'stg_orders', 'status', 'status', 'direct'),
      mapping('staging', 'stg_fx_rates', 'total_amount_usd', 'rate_to_usd', 'derived', 'o.total_amount * fx.rate_to_usd'),
    ]);
  });

  it('refuses a statement it cannot read with the line and the word, keeps the text and stages nothing', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    open(store);
    const box = screen.getByRole('textbox', { name: 'SQL statement' });
    await user.click(box);
    await user.paste('SELECT o.order_id\nFORM staging.stg_orders o');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Propose mappings' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Propose mappings' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Line 2, column 6: “staging” is not what PostgreSQL has there. (FORM staging.stg_orders o)');
    expect(alert).toHaveTextContent('Nothing was staged; your statement is still here.');
    expect(box).toHaveValue('SELECT o.order_id\nFORM staging.stg_orders o');
    expect(store.get().ops).toEqual([]);
  });

  it('reads a dropped .sql file into the statement, and refuses one too big to be a statement', async () => {
    open(createDraftStore('test', undefined));
    const box = screen.getByRole('textbox', { name: 'SQL statement' });
    const file = new File([JOIN_QUERY], 'fct_orders.sql', { type: 'application/sql' });
    fireEvent.drop(box, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(box).toHaveValue(JOIN_QUERY));
    const big = new File(['x'], 'dump.sql');
    Object.defineProperty(big, 'size', { value: 5 * 1024 * 1024 });
    fireEvent.drop(box, { dataTransfer: { files: [big] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('dump.sql is 5.0 MB: drop the file of one statement.');
    expect(box).toHaveValue(JOIN_QUERY);
  });
});
