// Writes that DQOps carried out but whose answer was lost (the mock's "applied, response lost":
// the store changes, the client sees a dropped connection, a timeout or an empty 502). For every
// write the editor sends: what the user reads, what is stored, and what the next action sends.
// Unlike the faults of write-faults.test.tsx, nothing here is "not saved": the app must find out.
import { screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-with-providers';
import { setupMockDqops, testApi } from '@/testing/mock-dqops';
import { pick } from '@/testing/pick';
import { LOST_ANSWERS } from '@/testing/write-faults';
import { SourceEditorDialog } from './source-editor-dialog';
import { SourcesPanel } from './sources-panel';

const mock = setupMockDqops();
const DIM = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };
const STG = { connection: 'warehouse', schema: 'staging', table: 'stg_customers' };
const LEADS_STG = { ...STG, table: 'stg_leads' };
const LEADS = { connection: 'crm_postgres', schema: 'public', table: 'leads' };
const SOURCE_URL = '*/api/connections/:c/schemas/:s/tables/:t/lineage/sources/:sc/schemas/:ss/tables/:st';

const LOST = [...LOST_ANSWERS];

/** The writes (method and table names) the app sends. */
function writes() {
  const seen: string[] = [];
  mock.server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') seen.push(`${request.method} ${decodeURIComponent(new URL(request.url).pathname.split('/').at(-1) ?? '')}`);
  });
  return seen;
}

function open(source: typeof STG | 'new') {
  const onClose = vi.fn();
  renderWithProviders(<SourceEditorDialog target={DIM} source={source} onClose={onClose} />, { api: testApi({ timeoutMs: 300 }) });
  return onClose;
}

/** dim_customers's source list, and stg_customers removed from it. */
async function removeStgCustomers(user: UserEvent) {
  renderWithProviders(<SourcesPanel table={DIM} />, {
    api: testApi({ timeoutMs: 300 }),
    route: '?connection=warehouse&schema=marts&table=dim_customers&view=sources',
  });
  await user.click(await screen.findByRole('button', { name: 'Remove source stg_customers' }));
  const remove = await screen.findByRole('button', { name: 'Remove' });
  await waitFor(() => expect(remove).toBeEnabled());
  await user.click(remove);
}

async function addLeads(user: UserEvent) {
  await screen.findByRole('form', { name: 'Source table' });
  await pick(user, 'Source connection', 'crm_postgres');
  await pick(user, 'Source schema', 'public');
  await pick(user, 'Source table', 'leads');
  await user.type(screen.getByRole('textbox', { name: 'Source tool (optional)' }), 'informatica');
  await user.click(screen.getByRole('button', { name: 'Add source table' }));
}

describe('a write DQOps carried out whose answer was lost is reported as saved', () => {
  it.each(LOST)('add (POST), answer lost as %s: saved, one stored link, no second POST', async (lostAs) => {
    mock.reset({ loseWriteResponsesTo: 'leads', lostAs });
    const user = userEvent.setup();
    const sent = writes();
    const onClose = open('new');
    await addLeads(user);
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, LEADS)?.data_lineage_source_tool).toBe('informatica');
    expect(sent).toEqual(['POST leads']);
    expect(screen.queryByText(/already defined/)).not.toBeInTheDocument();
  });

  it.each(LOST)('update (PUT), answer lost as %s: saved', async (lostAs) => {
    mock.reset({ loseWriteResponsesTo: 'stg_customers', lostAs });
    const user = userEvent.setup();
    const sent = writes();
    const onClose = open(STG);
    const tool = await screen.findByRole('textbox', { name: 'Source tool (optional)' });
    await user.clear(tool);
    await user.type(tool, 'dbt-cloud');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, STG)?.data_lineage_source_tool).toBe('dbt-cloud');
    expect(sent).toEqual(['PUT stg_customers']);
  });

  it.each(LOST)('remove (DELETE), answer lost as %s: removed, no "does not exist"', async (lostAs) => {
    mock.reset({ loseWriteResponsesTo: 'stg_customers', lostAs });
    const user = userEvent.setup();
    const sent = writes();
    await removeStgCustomers(user);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove source stg_customers' })).not.toBeInTheDocument());
    expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
    expect(screen.queryByText(/does not exist/)).not.toBeInTheDocument();
    expect(sent).toEqual(['DELETE stg_customers']);
  });

  it('undo of a removal (POST of the old spec), answer lost: the link is back once, and the user is told so', async () => {
    const user = userEvent.setup();
    const before = mock.ctx.store.getSource(DIM, STG);
    await removeStgCustomers(user);
    await waitFor(() => expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined());
    // The undo's answer is lost (same store, new switch).
    mock.ctx.options.loseWriteResponsesTo = 'stg_customers';
    const sent = writes();
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(/Restored stg_customers as a source of dim_customers/)).toBeInTheDocument();
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(before);
    expect(sent).toEqual(['POST stg_customers']);
  });

  it('change of source (DELETE + POST), both answers lost: replaced, nothing restored, nothing doubled', async () => {
    mock.reset({ loseWriteResponsesTo: '*', lostAs: 'network' });
    const user = userEvent.setup();
    const sent = writes();
    const onClose = open(STG);
    await user.click(await screen.findByRole('button', { name: 'Change source table…' }));
    await pick(user, 'Source table', 'stg_leads');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Yes, replace it' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
    expect(mock.ctx.store.getSource(DIM, LEADS_STG)).toBeDefined();
    expect(sent).toEqual(['DELETE stg_customers', 'POST stg_leads']);
  });
});

describe('a lost answer whose outcome cannot be checked (DQOps unreachable a moment longer)', () => {
  it('add: says the outcome is unknown, keeps the form; Try again checks first and sends no second POST', async () => {
    mock.reset({ loseWriteResponsesTo: 'leads', lostAs: 'network', unreachableAfterLoss: 1 });
    const user = userEvent.setup();
    const sent = writes();
    const onClose = open('new');
    await addLeads(user);
    expect(await screen.findByText(/it is not known whether the source table was added/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('informatica');
    expect(onClose).not.toHaveBeenCalled();
    expect(mock.ctx.store.getSource(DIM, LEADS)).toBeDefined(); // DQOps did store it

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(sent).toEqual(['POST leads']); // the check found it: nothing sent twice
    expect(screen.queryByText(/already defined/)).not.toBeInTheDocument();
  });

  it('update: Try again after an unknown outcome that did land sends nothing more', async () => {
    mock.reset({ loseWriteResponsesTo: 'stg_customers', lostAs: 'timeout', unreachableAfterLoss: 1 });
    const user = userEvent.setup();
    const sent = writes();
    const onClose = open(STG);
    const tool = await screen.findByRole('textbox', { name: 'Source tool (optional)' });
    await user.clear(tool);
    await user.type(tool, 'dbt-cloud');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/it is not known whether the source table was saved/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, STG)?.data_lineage_source_tool).toBe('dbt-cloud');
    expect(sent).toEqual(['PUT stg_customers']);
  });

  it('remove: "maybe removed, maybe not"; Try again finds it gone and sends no second DELETE', async () => {
    mock.reset({ loseWriteResponsesTo: 'stg_customers', lostAs: '502', unreachableAfterLoss: 1 });
    const user = userEvent.setup();
    const sent = writes();
    await removeStgCustomers(user);
    expect(await screen.findByText('Maybe removed, maybe not')).toBeInTheDocument();
    expect(screen.getByText(/it is not known whether the source table was removed/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove source stg_customers' })).not.toBeInTheDocument());
    expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
    expect(sent).toEqual(['DELETE stg_customers']);
  });
});

describe('a lost answer, and someone else changed the link meanwhile: the conflict view', () => {
  it('update: their version and the difference are shown; "Overwrite with my version" saves mine', async () => {
    const user = userEvent.setup();
    const before = mock.ctx.store.getSource(DIM, STG);
    // Someone else's write lands instead of this one, and this one's answer is lost.
    mock.server.use(
      http.put(SOURCE_URL, () => {
        mock.ctx.store.replaceSource(DIM, { ...before, data_lineage_source_tool: 'airflow' });
        return HttpResponse.error();
      }, { once: true }),
    );
    const onClose = open(STG);
    const tool = await screen.findByRole('textbox', { name: 'Source tool (optional)' });
    await user.clear(tool);
    await user.type(tool, 'dbt-cloud');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const conflict = await screen.findByText(/the source table it holds now differs from what you sent/);
    expect(conflict.closest('[role="alert"]')).toHaveTextContent('Source tool: "dbt-cloud" → "airflow"');
    await user.click(screen.getByRole('button', { name: 'Overwrite with my version' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, STG)?.data_lineage_source_tool).toBe('dbt-cloud');
  });

  it('add: the link now exists with their content; overwriting replaces it (PUT), keeping theirs closes the editor', async () => {
    const user = userEvent.setup();
    mock.server.use(
      http.post(SOURCE_URL, () => {
        mock.ctx.store.addSource(DIM, { source_connection: 'crm_postgres', source_schema: 'public', source_table: 'leads', data_lineage_source_tool: 'fivetran' });
        return HttpResponse.error();
      }, { once: true }),
    );
    const sent = writes();
    const onClose = open('new');
    await addLeads(user);
    expect(await screen.findByText(/the source table it holds now differs from what you sent/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Keep theirs and close the editor' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Load their version/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Overwrite with my version' }));
    await waitFor(() => expect(onClose).toHaveBeenCalledWith({ force: true }));
    expect(mock.ctx.store.getSource(DIM, LEADS)?.data_lineage_source_tool).toBe('informatica');
    expect(sent).toEqual(['POST leads', 'PUT leads']);
  });
});
