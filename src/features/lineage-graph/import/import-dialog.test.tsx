import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { demoDbtManifest, demoOpenLineageEvents, setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { createDraftStore, DraftStoreContext, type DraftStore } from '../draft/draft-store';
import { foldDraft } from '../model/draft';
import { ImportDialog } from './import-dialog';
import { SampleFilesContext, type SampleFile } from './sample-files';

const mock = setupMockDqops();

const SAMPLES: SampleFile[] = [
  { label: 'dbt sample', name: 'manifest.json', read: () => Promise.resolve(demoDbtManifest()) },
  { label: 'OpenLineage sample', name: 'events.ndjson', read: () => Promise.resolve(demoOpenLineageEvents()) },
];

function open(store: DraftStore, onStaged = vi.fn()) {
  const view = renderWithProviders(
    <DraftStoreContext.Provider value={store}>
      <SampleFilesContext.Provider value={SAMPLES}>
        <ImportDialog onClose={() => {}} onStaged={onStaged} />
      </SampleFilesContext.Provider>
    </DraftStoreContext.Provider>,
  );
  return { ...view, onStaged };
}

const linksSummary = () => screen.getByRole('heading', { name: 'Links' }).nextElementSibling;

beforeEach(() => localStorage.clear());

describe('import lineage', () => {
  it('matches the demo dbt manifest, asks about the ambiguous table, and stages only the link DQOps lacks, with its tool', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    const { onStaged, unmount } = open(store);
    await user.click(screen.getByRole('button', { name: 'dbt sample' }));
    expect(await screen.findByText(/1 to choose, 2 not in DQOps/)).toBeInTheDocument();
    // The button that read the file is gone: a keyboard user is taken to what the file holds.
    expect(document.activeElement).toHaveTextContent(/^dbt manifest: 54 tables, 57 links\./);
    await waitFor(() => expect(linksSummary()).toHaveTextContent('1 new, 53 already in DQOps, 3 waiting for a table that is not matched.'));
    // RAW.LANDING.SHOP_ORDERS is in two connections: the steward chooses the lake's.
    const choice = screen.getByRole('combobox', { name: /RAW · LANDING · SHOP_ORDERS/ });
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a table (its links wait)', 'datalake.landing.shop_orders', 'warehouse.landing.shop_orders']);
    await user.selectOptions(choice, 'datalake.landing.shop_orders');
    await waitFor(() => expect(linksSummary()).toHaveTextContent('1 new, 54 already in DQOps, 2 waiting for a table that is not matched.'));
    const newRow = screen.getAllByRole('row').find((row) => row.textContent?.includes('new'));
    expect(newRow).toHaveTextContent('warehouse.marts.fct_orderswarehouse.marts.dim_datenew');
    await user.click(screen.getByRole('button', { name: 'Stage 1 link in the draft' }));
    expect(store.get().ops).toEqual([
      {
        kind: 'add-source',
        target: { connection: 'warehouse', schema: 'marts', table: 'fct_orders' },
        source: { connection: 'warehouse', schema: 'marts', table: 'dim_date' },
        tool: 'dbt',
        properties: { dbt_unique_id: 'model.acme_analytics.fct_orders' },
        batch: expect.stringMatching(/^import:/) as string,
      },
    ]);
    expect(onStaged).toHaveBeenCalledWith({ links: 1, targets: [{ connection: 'warehouse', schema: 'marts', table: 'fct_orders' }] });
    unmount();

    // The same file again: the choice is remembered, and nothing is staged twice.
    open(store);
    await user.click(screen.getByRole('button', { name: 'dbt sample' }));
    await waitFor(() => expect(linksSummary()).toHaveTextContent('54 already in DQOps'));
    expect(linksSummary()).toHaveTextContent('1 already staged');
    expect(screen.getByRole('button', { name: 'Nothing to stage' })).toBeDisabled();
  });

  it('stages OpenLineage column lineage as column mappings with their transformations; a link DQOps holds differently is "changed"', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    open(store);
    await user.click(screen.getByRole('button', { name: 'OpenLineage sample' }));
    await waitFor(() => expect(linksSummary()).toHaveTextContent('1 new, 1 changed, 1 waiting for a table that is not matched.'));
    expect(screen.getByText('1 failed or aborted run was left out.')).toBeInTheDocument();
    const changed = screen.getAllByRole('row').find((row) => row.textContent?.includes('changed'));
    // stg_shipments → fct_shipments is stored by dbt, mapped by name, without transformations.
    expect(changed).toHaveTextContent('tool dbt → acme_spark, 6 column mappings to add');
    await user.click(screen.getByRole('button', { name: 'Stage 2 links in the draft' }));
    const changes = foldDraft(store.get().ops);
    const added = changes.find((c) => c.source.table === 'stg_orders');
    const updated = changes.find((c) => c.source.table === 'stg_shipments');
    expect(added).toMatchObject({
      source: { table: 'stg_orders' },
      target: { table: 'fct_shipments' },
      tool: 'acme_spark',
      properties: { openlineage_job: 'acme_spark/shipments_daily.build_fct_shipments' },
    });
    expect(added?.addMappings).toEqual([
      { column: 'order_id', sourceColumn: 'order_id', properties: { openlineage_transformations: 'INDIRECT/JOIN' } },
      { column: 'status', sourceColumn: 'status', properties: { openlineage_transformations: 'INDIRECT/FILTER' } },
    ]);
    expect(updated?.addMappings).toContainEqual({
      column: 'days_to_deliver',
      sourceColumn: 'delivered_at',
      properties: { openlineage_transformations: 'DIRECT/TRANSFORMATION' },
    });
  });

  it('derives column mappings from the compiled SQL of a dbt manifest: the share resolved per model, then staged with how each was derived', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    open(store);
    await user.click(screen.getByRole('button', { name: 'dbt sample' }));
    const section = await screen.findByRole('region', { name: 'Column mappings from the compiled SQL' });
    expect(section).toHaveTextContent("3 models have compiled SQL (Snowflake, dbt's snowflake adapter)");
    await waitFor(() => expect(linksSummary()).toHaveTextContent('1 new, 53 already in DQOps'));
    await user.click(within(section).getByRole('button', { name: 'Derive column mappings of 3 models' }));
    expect(await within(section).findByText(/columns of 3 models resolved/)).toHaveTextContent('14 of 21 columns of 3 models resolved (67%).');
    const perModel = within(section).getByRole('table', { name: 'Columns resolved per model' });
    expect(
      within(perModel)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual([
      'ModelColumns resolvedNote',
      'stg_orders0 of 7 (0%)Not matched yet: SHOP_ORDERS (choose it above, then derive again).',
      'dim_customers7 of 7 (100%)',
      'fct_orders7 of 7 (100%)',
    ]);
    // The links now carry the derived mappings DQOps lacks.
    await waitFor(() => expect(linksSummary()).toHaveTextContent('1 new, 6 changed'));
    await user.click(screen.getByRole('button', { name: 'Stage 7 links in the draft' }));
    const changes = foldDraft(store.get().ops);
    const fromFx = changes.find((c) => c.source.table === 'stg_fx_rates' && c.target.table === 'fct_orders');
    expect(fromFx?.addMappings).toEqual([
      {
        column: 'total_amount_usd',
        sourceColumn: 'rate_to_usd',
        properties: { sql_transformation: 'derived', sql_expression: 'o.total_amount * fx.rate_to_usd' },
      },
    ]);
    const fromPayments = changes.find((c) => c.source.table === 'stg_payments' && c.target.table === 'fct_orders');
    expect(fromPayments?.addMappings).toEqual([
      { column: 'paid_amount', sourceColumn: 'amount', properties: { sql_transformation: 'derived', sql_expression: 'SUM(amount)' } },
    ]);
  });

  it('a file that is not lineage gets a message that says where and why, and stages nothing', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    open(store);
    fireEvent.change(screen.getByRole('textbox', { name: 'Or paste its text' }), {
      target: { value: '{\n  "nodes": {\n    "model.a": { "name": "a", }\n  }\n}' },
    });
    await user.click(screen.getByRole('button', { name: 'Read the pasted text' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/This is not valid JSON \(.+\)/);
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was staged.');
    fireEvent.change(screen.getByRole('textbox', { name: 'Or paste its text' }), {
      target: { value: JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v4.json' }, nodes: {} }) },
    });
    await user.click(screen.getByRole('button', { name: 'Read the pasted text' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('dbt manifest schema v4 is not supported: Lineage Studio reads v7 to v12'));
    expect(store.get().ops).toEqual([]);
  });

  it('remembers a rule per server: a dbt database pointed at a connection', async () => {
    const user = userEvent.setup();
    const store = createDraftStore('test', undefined);
    const { unmount } = open(store);
    await user.click(screen.getByRole('button', { name: 'dbt sample' }));
    const raw = await screen.findByRole('combobox', { name: 'DQOps connection for RAW' });
    await user.selectOptions(raw, 'datalake');
    // The lake's connection settles the ambiguous table without a choice.
    await waitFor(() => expect(screen.getByText(/0 to choose/)).toBeInTheDocument());
    unmount();
    open(store);
    await user.click(screen.getByRole('button', { name: 'dbt sample' }));
    expect(await screen.findByRole('combobox', { name: 'DQOps connection for RAW' })).toHaveValue('datalake');
    expect(mock.ctx.store).toBeDefined();
  });
});
