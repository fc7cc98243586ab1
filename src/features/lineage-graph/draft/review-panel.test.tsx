import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import type { TableRef } from '@/lib/table-ref';
import { foldDraft, type DraftOp, type LinkChange } from '../model/draft';
import { createDraftStore, useDraft, type DraftStore } from './draft-store';
import { ReviewPanel } from './review-panel';

const mock = setupMockDqops();
const DIM_PRODUCTS = { connection: 'warehouse', schema: 'marts', table: 'dim_products' };
const STG_PRODUCTS = { connection: 'warehouse', schema: 'staging', table: 'stg_products' };
const FCT_ITEMS = { connection: 'warehouse', schema: 'marts', table: 'fct_order_items' };
const FCT_INVENTORY = { connection: 'warehouse', schema: 'marts', table: 'fct_inventory_snapshot' };
const STG_INVENTORY = { connection: 'warehouse', schema: 'staging', table: 'stg_inventory' };

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

/** `count` new links between demo tables DQOps does not link yet, over many target tables. */
function longDraft(count: number) {
  const store = createDraftStore('test', undefined);
  const tables = mock.ctx.store.allTables().map((t) => t.ref);
  const ops: DraftOp[] = [];
  for (const target of tables) {
    for (const source of tables) {
      if (ops.length >= count) break;
      if (source === target || mock.ctx.store.getSource(target, source)) continue;
      ops.push({ kind: 'add-source', source, target, tool: 'dbt', batch: 'import:0' });
    }
  }
  store.stageAll(ops);
  return store;
}

describe('ReviewPanel, a long draft', () => {
  it('lists it a screenful at a time, by target table; Save all can be paused and resumed, and says what it did', async () => {
    mock.reset({ latencyMs: 15 }); // slow enough to pause
    const store = longDraft(120);
    const writes: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') writes.push(new URL(request.url).pathname);
    });
    renderPanel(store);
    const list = screen.getByRole('list', { name: 'Changes to save' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(40); // drawn: those in view, not 120 changes and their headings
    const total = Number(rows[0]?.getAttribute('aria-setsize'));
    expect(total).toBeGreaterThan(120); // the changes and a heading per target
    expect(rows[0]).toHaveTextContent(/^\S+ · \d+ changes?$/);
    expect(rows[1]).toHaveTextContent(/^Add source: .+ · tool dbt/);
    expect(screen.getByText('Will be sent to DQOps, by target table')).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    const paused = await screen.findByText(/^Paused: \d+ of 120 saved\./);
    await new Promise((resolve) => setTimeout(resolve, 150)); // the writes under way finish…
    const sentWhilePaused = writes.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(writes.length).toBe(sentWhilePaused); // …and no other starts
    expect(sentWhilePaused).toBeLessThan(120);
    expect(paused).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByText(/Saved\. 120 writes sent to DQOps/, undefined, { timeout: 20_000 })).toBeVisible();
    expect(writes).toHaveLength(120);
    expect(new Set(writes).size).toBe(120); // each link written once
    expect(store.get().ops).toEqual([]);
  }, 30_000);

  it('a Save all stopped part-way (a reload) resumes where it stopped: what it saved is not read or sent again', async () => {
    mock.reset({ failWritesTo: 'fct_returns' });
    const store = longDraft(100);
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    expect(await screen.findByRole('alert', undefined, { timeout: 20_000 })).toHaveTextContent(/Saved \d+ of 100 changes, then stopped\./);
    const saved = store.get().saved.length;
    expect(saved).toBeGreaterThan(0);
    cleanup(); // the page is closed…

    mock.ctx.options.failWritesTo = '';
    const requests: string[] = [];
    mock.server.events.on('request:start', ({ request }) => requests.push(request.method));
    renderPanel(store); // …and opened again, with the stored draft
    expect(screen.getByRole('status')).toHaveTextContent(`A Save all stopped part-way (the page was closed or reloaded, or a write failed): ${saved} of 100 changes are saved already.`);
    await userEvent.click(screen.getByRole('button', { name: 'Resume saving' }));
    expect(await screen.findByText(/Saved\./, undefined, { timeout: 20_000 })).toBeVisible();
    // Only the changes left were read and written: one list and at most one read per change, one write each.
    expect(requests.filter((m) => m === 'POST').length).toBe(100 - saved);
    expect(requests.filter((m) => m === 'GET').length).toBeLessThanOrEqual(2 * (100 - saved));
    expect(store.get()).toMatchObject({ ops: [], saved: [] });
  }, 30_000);
});

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
    // The three changes are of three target tables: they run side by side, the failure stops nothing under way.
    expect(alert).toHaveTextContent('Saved 2 of 3 changes, then stopped.');
    expect(store.get().ops).toHaveLength(4);
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeDefined();
    expect(mock.ctx.store.getSource(DIM_PRODUCTS, STG_PRODUCTS)?.columns?.sku?.source_columns).toContain('product_name');
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeDefined(); // the failed one did not land

    await userEvent.click(within(alert).getByRole('button', { name: 'Roll back the 2 saved changes' }));
    expect(await within(alert).findByText(/Rolled back/)).toBeVisible();
    expect(mock.ctx.store.getSource(FCT_ITEMS, STG_PRODUCTS)).toBeUndefined();
    expect(mock.ctx.store.getSource(DIM_PRODUCTS, STG_PRODUCTS)?.columns?.sku?.source_columns).toEqual(['sku']);

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
    // Writes naming dim_products (the removal) are stored and their answer lost, and the next request fails too.
    mock.reset({ loseWriteResponsesTo: 'dim_products', lostAs: 'network', unreachableAfterLoss: 1 });
    // Two changes of one target: made one after the other, so the request failing after the lost
    // answer is the removal's own check (changes of other targets could take it otherwise).
    const store = createDraftStore('test', undefined);
    store.stage({ kind: 'remove-source', source: DIM_PRODUCTS, target: FCT_INVENTORY });
    store.stage({ kind: 'add-mapping', source: STG_INVENTORY, target: FCT_INVENTORY, column: 'warehouse_id', sourceColumn: 'product_id' });
    const sent: string[] = [];
    mock.server.events.on('request:start', ({ request }) => {
      if (request.method !== 'GET') sent.push(request.method);
    });
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: 'Save all' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Saved 0 of 2 changes, then stopped.');
    expect(alert).toHaveTextContent('it is not known whether the source table was removed');
    expect(alert).toHaveTextContent('1 later change was not attempted.');
    expect(mock.ctx.store.getSource(FCT_INVENTORY, DIM_PRODUCTS)).toBeUndefined(); // DQOps did remove it
    expect(store.get().ops).toHaveLength(2);

    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Saved\./)).toBeVisible();
    expect(store.get().ops).toEqual([]);
    expect(sent).toEqual(['DELETE', 'PUT']); // the removal was not sent twice
    expect(mock.ctx.store.getSource(FCT_INVENTORY, STG_INVENTORY)?.columns?.warehouse_id?.source_columns).toContain('product_id');
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
    await userEvent.click(within(alert).getByRole('button', { name: 'Roll back the 2 saved changes' }));
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
