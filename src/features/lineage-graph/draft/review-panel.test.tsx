import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { TableRef } from '@/lib/table-ref';
import { foldDraft, type LinkChange } from '../model/draft';
import { createDraftStore, useDraft, type DraftStore } from './draft-store';
import { ReviewPanel } from './review-panel';

const mock = setupMockDqops();
const DIM_PRODUCTS = { connection: 'warehouse', schema: 'marts', table: 'dim_products' };
const STG_PRODUCTS = { connection: 'warehouse', schema: 'staging', table: 'stg_products' };
const FCT_ITEMS = { connection: 'warehouse', schema: 'marts', table: 'fct_order_items' };
const FCT_INVENTORY = { connection: 'warehouse', schema: 'marts', table: 'fct_inventory_snapshot' };

function stagedDraft() {
  const store = createDraftStore('test', undefined);
  store.stage({ kind: 'add-source', source: STG_PRODUCTS, target: FCT_ITEMS });
  store.stage({ kind: 'add-mapping', source: STG_PRODUCTS, target: FCT_ITEMS, column: 'product_key', sourceColumn: 'product_id' });
  store.stage({ kind: 'remove-source', source: DIM_PRODUCTS, target: FCT_INVENTORY });
  store.stage({ kind: 'add-mapping', source: STG_PRODUCTS, target: DIM_PRODUCTS, column: 'sku', sourceColumn: 'product_name' });
  return store;
}

/** As the canvas does: the panel gets the folded draft, refolded on every change. */
function Panel({ store, opened }: { store: DraftStore; opened: TableRef[] }) {
  const draft = useDraft(store);
  // As in dim_products's lineage: stg_products → fct_order_items does not flow through dim_products.
  const outside = {
    root: 'dim_products',
    isOutside: (change: LinkChange) => change.target.table === 'fct_order_items',
    onOpenTable: (t: TableRef) => opened.push(t),
  };
  return <ReviewPanel store={store} changes={foldDraft(draft.ops)} hidden={false} onClose={() => {}} outside={outside} />;
}

const renderPanel = (store: DraftStore, opened: TableRef[] = []) => renderWithProviders(<Panel store={store} opened={opened} />);

describe('ReviewPanel', () => {
  it('saves the whole draft in order and empties it', async () => {
    const store = stagedDraft();
    const opened: TableRef[] = [];
    renderPanel(store, opened);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    expect(await screen.findByText(/Saved\. 3 writes sent to DQOps/)).toBeVisible();
    // A saved link the focus's lineage will not show is said so, with a way to it.
    const elsewhere = screen.getByRole('list', { name: 'Saved links outside this lineage' });
    expect(elsewhere).toHaveTextContent(
      "stg_products → fct_order_items is saved, but it does not flow through dim_products, so dim_products's lineage does not show it.",
    );
    await userEvent.click(within(elsewhere).getByRole('button', { name: 'Open fct_order_items' }));
    expect(opened).toEqual([FCT_ITEMS]);
    expect(store.get().ops).toEqual([]);
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)?.columns).toEqual({ product_key: { source_columns: ['product_id'] } });
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeUndefined();
    expect(mock.ctx.store.getSource(DIM_PRODUCTS, STG_PRODUCTS)?.columns?.sku?.source_columns).toContain('product_name');
  });

  it('on a failure: says what was saved, keeps the draft, rolls back on request, and can take the failed change out', async () => {
    mock.reset({ failWritesTo: 'fct_inventory_snapshot' });
    const store = stagedDraft();
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Saved 1 of 3 changes, then stopped.');
    expect(alert).toHaveTextContent('1 later change was not attempted.');
    expect(store.get().ops).toHaveLength(4);
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeDefined(); // the first write landed
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeDefined(); // the failed one did not

    await userEvent.click(within(alert).getByRole('button', { name: 'Roll back the 1 saved change' }));
    expect(await within(alert).findByText(/Rolled back/)).toBeVisible();
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeUndefined();

    await userEvent.click(within(alert).getByRole('button', { name: 'Take the failed change out of the draft' }));
    expect(foldDraft(store.get().ops).map((c) => c.target.table)).toEqual(['fct_order_items', 'dim_products']);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Saved\. 2 writes sent to DQOps/)).toBeVisible();
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeDefined();
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeDefined(); // left alone, as asked
  });

  it('every answer lost (DQOps carried each write out): the report says saved, exactly as stored', async () => {
    mock.reset({ loseWriteResponsesTo: '*', lostAs: 'network' });
    const store = stagedDraft();
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    expect(await screen.findByText(/Saved\. 3 writes sent to DQOps/)).toBeVisible();
    expect(store.get().ops).toEqual([]);
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)?.columns).toEqual({ product_key: { source_columns: ['product_id'] } });
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeUndefined();
    expect(mock.ctx.store.getSource(DIM_PRODUCTS, STG_PRODUCTS)?.columns?.sku?.source_columns).toContain('product_name');
  });

  it('an answer lost half-way and DQOps unreachable a moment: the report says the outcome is unknown; Try again finds it done', async () => {
    mock.reset({ loseWriteResponsesTo: 'fct_inventory_snapshot', lostAs: 'network', unreachableAfterLoss: 1 });
    const store = stagedDraft();
    const sent: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') sent.push(request.method);
    });
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Saved 1 of 3 changes, then stopped.');
    expect(alert).toHaveTextContent('it is not known whether the source table was removed');
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeUndefined(); // DQOps did remove it
    expect(store.get().ops).toHaveLength(4);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Saved\./)).toBeVisible();
    expect(store.get().ops).toEqual([]);
    expect(sent).toEqual(['POST', 'DELETE', 'PUT']); // the removal was not sent twice
    expect(mock.ctx.store.getSource(DIM_PRODUCTS, STG_PRODUCTS)?.columns?.sku?.source_columns).toContain('product_name');
  });

  it('roll back whose answers are lost: rolled back, exactly', async () => {
    mock.reset({ failWritesTo: 'fct_inventory_snapshot' });
    const store = stagedDraft();
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    const alert = await screen.findByRole('alert');
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeDefined();
    mock.ctx.options.failWritesTo = '';
    mock.ctx.options.loseWriteResponsesTo = '*';
    await userEvent.click(within(alert).getByRole('button', { name: 'Roll back the 1 saved change' }));
    expect(await within(alert).findByText(/Rolled back/)).toBeVisible();
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeUndefined();
    store.clear(); // the draft is kept in this browser: not for the next test
  });

  it('asks before discarding, and undo / redo walk the staged steps', async () => {
    const store = stagedDraft();
    renderPanel(store);
    expect(within(screen.getByRole('list', { name: 'Staged steps' })).getAllByRole('listitem')).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: '↶ Undo' }));
    expect(within(screen.getByRole('list', { name: 'Staged steps' })).getAllByRole('listitem')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: '↷ Redo' }));
    expect(within(screen.getByRole('list', { name: 'Staged steps' })).getAllByRole('listitem')).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    await userEvent.click(within(screen.getByRole('group', { name: 'Discard the draft?' })).getByRole('button', { name: 'Keep' }));
    expect(store.get().ops).toHaveLength(4);
    await userEvent.click(screen.getByRole('button', { name: 'Discard draft' }));
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(store.get().ops).toEqual([]);
    expect(screen.getByText(/Nothing staged/)).toBeVisible();
  });
});
