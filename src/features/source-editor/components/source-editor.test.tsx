import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { setupMockDqops, testApi } from '@/testing/mock-dqops';
import { pick } from '@/testing/pick';
import { WRITE_FAULTS } from '@/testing/write-faults';
import { renderWithProviders } from '@/testing/render-with-providers';
import { SourceEditorDialog } from './source-editor-dialog';
import { SourcesPanel } from './sources-panel';

const mock = setupMockDqops();
const DIM = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };
const STG = { connection: 'warehouse', schema: 'staging', table: 'stg_customers' };
const SOURCE_URL = '*/api/connections/:c/schemas/:s/tables/:t/lineage/sources/:sc/schemas/:ss/tables/:st';

function openNew(options: { api?: ReturnType<typeof testApi> } = {}) {
  const onClose = vi.fn();
  const utils = renderWithProviders(<SourceEditorDialog target={DIM} source="new" onClose={onClose} />, options);
  return { ...utils, onClose };
}

async function fillNewSource(user: UserEvent) {
  await screen.findByRole('form', { name: 'Source table' });
  await pick(user, 'Source connection', 'crm_postgres');
  await pick(user, 'Source schema', 'public');
  await pick(user, 'Source table', 'leads');
  await user.type(screen.getByRole('textbox', { name: 'Source tool (optional)' }), 'informatica');
}

function posts() {
  const bodies: unknown[] = [];
  mock.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST') bodies.push(await request.clone().json());
  });
  return bodies;
}

describe('source editor: validation', () => {
  it('names what is missing and sends nothing', async () => {
    const user = userEvent.setup();
    const sent = posts();
    openNew();
    await screen.findByRole('form', { name: 'Source table' });
    await user.click(screen.getByRole('button', { name: 'Add source table' }));
    expect(await screen.findByText('Pick or type a table')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('refuses the table itself and an existing source before any request', async () => {
    const user = userEvent.setup();
    const sent = posts();
    openNew();
    await screen.findByRole('form', { name: 'Source table' });
    await pick(user, 'Source connection', 'warehouse');
    await pick(user, 'Source schema', 'marts');
    await pick(user, 'Source table', 'dim_customers');
    await user.click(screen.getByRole('button', { name: 'Add source table' }));
    expect(await screen.findByText('A table cannot be its own source')).toBeInTheDocument();

    await pick(user, 'Source schema', 'staging');
    await pick(user, 'Source table', 'stg_customers');
    await user.click(screen.getByRole('button', { name: 'Add source table' }));
    expect(await screen.findByText('stg_customers is already a source of dim_customers: edit that entry instead')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('allows a table DQOps does not know, with a warning', async () => {
    const user = userEvent.setup();
    const { onClose } = openNew();
    await screen.findByRole('form', { name: 'Source table' });
    await pick(user, 'Source connection', 'crm_postgres');
    await pick(user, 'Source schema', 'public');
    await pick(user, 'Source table', 'salesforce_export');
    expect(await screen.findByText(/salesforce_export is not a table DQOps knows/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add source table' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, { connection: 'crm_postgres', schema: 'public', table: 'salesforce_export' })).toBeDefined();
  });

  it('warns (does not refuse) when the new source makes the lineage circular', async () => {
    const user = userEvent.setup();
    openNew();
    await screen.findByRole('form', { name: 'Source table' });
    await pick(user, 'Source connection', 'warehouse');
    await pick(user, 'Source schema', 'marts');
    await pick(user, 'Source table', 'fct_orders');
    expect(await screen.findByRole('note')).toHaveTextContent('fct_orders already receives data from dim_customers');
    expect(screen.getByRole('button', { name: 'Add source table' })).toBeEnabled();
  });
});

describe('source editor: column mappings', () => {
  it('auto-maps by name after review, shows coverage and sends the mappings', async () => {
    const user = userEvent.setup();
    const sent = posts();
    const { onClose } = openNew();
    await fillNewSource(user);
    await user.click(screen.getByRole('button', { name: 'Auto-map by name' }));
    const review = screen.getByRole('group', { name: 'Proposed mappings' });
    expect(
      within(review)
        .getAllByRole('checkbox')
        .map((c) => c.parentElement?.textContent),
    ).toEqual(['email ← email']);
    await user.click(screen.getByRole('button', { name: 'Apply 1 mapping' }));
    expect(screen.getByLabelText('Mapping coverage')).toHaveTextContent('1 of 7 columns take data from a source column');
    // A mapping typed by hand, too.
    const combo = screen.getByRole('combobox', { name: 'Source columns for customer_id' });
    await user.click(combo);
    await user.keyboard('lead_id{Enter}');
    expect(screen.getByLabelText('Mapping coverage')).toHaveTextContent('2 of 7 columns take data from a source column');
    await user.click(screen.getByRole('button', { name: 'Add source table' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([
      {
        source_connection: 'crm_postgres',
        source_schema: 'public',
        source_table: 'leads',
        data_lineage_source_tool: 'informatica',
        columns: { customer_id: { source_columns: ['lead_id'] }, email: { source_columns: ['email'] } },
      },
    ]);
  });
});

describe('source editor: every failure keeps what was typed and can be retried', () => {
  const cases = WRITE_FAULTS;

  it.each(cases)('%s', async (_name, reply, message) => {
    const user = userEvent.setup();
    mock.server.use(http.post(SOURCE_URL, reply, { once: true }));
    const { onClose } = openNew({ api: testApi({ timeoutMs: 300 }) });
    await fillNewSource(user);
    await user.click(screen.getByRole('button', { name: 'Add source table' }));
    await waitFor(() => expect(screen.getAllByText(message).length).toBeGreaterThan(0));
    expect(screen.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('informatica');
    expect(screen.getByRole('combobox', { name: 'Source table' })).toHaveValue('leads');
    expect(onClose).not.toHaveBeenCalled();
    const leads = { connection: 'crm_postgres', schema: 'public', table: 'leads' };
    if (_name !== 'timeout') expect(mock.ctx.store.getSource(DIM, leads)).toBeUndefined(); // nothing half-written

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, leads)?.data_lineage_source_tool).toBe('informatica');
  });
});

describe('source editor: editing', () => {
  it('saves the whole object with PUT, keeping what the form does not show', async () => {
    mock.ctx.store.replaceSource(DIM, {
      source_connection: 'warehouse',
      source_schema: 'staging',
      source_table: 'stg_customers',
      data_lineage_source_tool: 'dbt',
      properties: { owner: 'crm' },
      columns: { customer_id: { source_columns: ['customer_id'], properties: { note: 'pk' } }, retired_column: { source_columns: ['x'] } },
    });
    const puts: unknown[] = [];
    mock.server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') puts.push(await request.clone().json());
    });
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={onClose} />);
    const tool = await screen.findByRole('textbox', { name: 'Source tool (optional)' });
    await user.clear(tool);
    await user.type(tool, 'dbt-cloud');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(puts).toEqual([
      {
        source_connection: 'warehouse',
        source_schema: 'staging',
        source_table: 'stg_customers',
        data_lineage_source_tool: 'dbt-cloud',
        properties: { owner: 'crm' },
        columns: { customer_id: { source_columns: ['customer_id'], properties: { note: 'pk' } }, retired_column: { source_columns: ['x'] } },
      },
    ]);
  });

  it('detects a change made by someone else and lets the user overwrite', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={onClose} />);
    const tool = await screen.findByRole('textbox', { name: 'Source tool (optional)' });
    await user.type(tool, '-mine');
    const theirs = { ...mock.ctx.store.getSource(DIM, STG), data_lineage_source_tool: 'theirs' };
    mock.ctx.store.replaceSource(DIM, theirs);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByText('Someone else changed this source table since you opened it.');
    expect(alert.parentElement).toHaveTextContent('Source tool: "dbt" → "theirs"');
    expect(mock.ctx.store.getSource(DIM, STG)?.data_lineage_source_tool).toBe('theirs');
    await user.click(screen.getByRole('button', { name: 'Overwrite with my version' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(mock.ctx.store.getSource(DIM, STG)?.data_lineage_source_tool).toBe('dbt-mine');
  });

  it('changes the source table by delete + create, and restores the original when the create fails', async () => {
    const user = userEvent.setup();
    const original = mock.ctx.store.getSource(DIM, STG);
    mock.server.use(http.post(SOURCE_URL, () => new HttpResponse(null, { status: 500 }), { once: true }));
    const onClose = vi.fn();
    renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={onClose} />);
    await user.click(await screen.findByRole('button', { name: 'Change source table…' }));
    await pick(user, 'Source table', 'stg_leads');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, replace it' }));
    expect(await screen.findByText(/the original one was restored/)).toBeInTheDocument();
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(original);
    expect(mock.ctx.store.getSource(DIM, { ...STG, table: 'stg_leads' })).toBeUndefined();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('is read-only for a viewer', async () => {
    mock.reset({ role: 'viewer' });
    renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={vi.fn()} />);
    expect(await screen.findByText(/can view this lineage but not change it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });
});

describe('sources list: delete and undo', () => {
  it('confirms naming what is lost, deletes, and Undo re-creates the same spec', async () => {
    const user = userEvent.setup();
    const original = mock.ctx.store.getSource(DIM, STG);
    renderWithProviders(<SourcesPanel table={DIM} />, { route: '?connection=warehouse&schema=marts&table=dim_customers&view=sources' });
    await user.click(await screen.findByRole('button', { name: 'Remove source stg_customers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove source table?' });
    await waitFor(() => expect(dialog).toHaveTextContent('This deletes 6 column mappings and the source tool "dbt".'));
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove source stg_customers' })).not.toBeInTheDocument());
    expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Remove source stg_customers' })).toBeInTheDocument();
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(original);
  });

  it('hides edit actions when the server says can_edit is false', async () => {
    mock.reset({ role: 'viewer' });
    renderWithProviders(<SourcesPanel table={DIM} />);
    expect(await screen.findByText('stg_customers')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove source/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '+ Add source table' })).not.toBeInTheDocument();
  });
});
