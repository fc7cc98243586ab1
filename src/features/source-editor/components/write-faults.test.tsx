// Faults on every write: update (PUT), delete (DELETE) and "change source" (DELETE + POST), each
// with the nine failures a client meets. Creating (POST) is covered in source-editor.test.tsx.
// Every case checks what the user reads, that what they typed is still there, what the mock
// DQOps stores after the failure (nothing half-done), and that "Try again" then succeeds.
import { screen, waitFor } from '@testing-library/react';
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
const LEADS = { ...STG, table: 'stg_leads' };
const SOURCE_URL = '*/api/connections/:c/schemas/:s/tables/:t/lineage/sources/:sc/schemas/:ss/tables/:st';

/** Counts the writes the app sends (never retried without the user). */
function writes() {
  const seen: string[] = [];
  mock.server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') seen.push(request.method);
  });
  return seen;
}

/** The alert that mentions `text` (the message and the HTTP code may both match). */
async function findAlert(text: RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const alert = screen.getAllByRole('alert').find((element) => text.test(element.textContent ?? ''));
    expect(
      alert,
      `an alert matching ${text} among: ${screen
        .queryAllByRole('alert')
        .map((a) => a.textContent)
        .join(' | ')}`,
    ).toBeDefined();
    return alert as HTMLElement;
  });
}

function openEditor() {
  const onClose = vi.fn();
  renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={onClose} />, { api: testApi({ timeoutMs: 300 }) });
  return onClose;
}

describe('update (PUT): a failure keeps the edit, changes nothing, and can be retried', () => {
  it.each(WRITE_FAULTS)('%s', async (_name, reply, message) => {
    const user = userEvent.setup();
    const before = mock.ctx.store.getSource(DIM, STG);
    const sent = writes();
    mock.server.use(http.put(SOURCE_URL, reply, { once: true }));
    const onClose = openEditor();
    const tool = await screen.findByRole('textbox', { name: 'Source tool (optional)' });
    await user.clear(tool);
    await user.type(tool, 'dbt-cloud');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await findAlert(message);
    expect(alert).toHaveTextContent('Could not update source table.');
    expect(screen.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('dbt-cloud');
    expect(onClose).not.toHaveBeenCalled();
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(before); // nothing half-written
    expect(sent).toEqual(['PUT']); // not retried behind the user's back

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual({ ...before, data_lineage_source_tool: 'dbt-cloud' });
  });
});

describe('delete: a failure says what was not removed, removes nothing, and can be retried', () => {
  it.each(WRITE_FAULTS)('%s', async (_name, reply, message) => {
    const user = userEvent.setup();
    const before = mock.ctx.store.getSource(DIM, STG);
    const sent = writes();
    mock.server.use(http.delete(SOURCE_URL, reply, { once: true }));
    renderWithProviders(<SourcesPanel table={DIM} />, {
      api: testApi({ timeoutMs: 300 }),
      route: '?connection=warehouse&schema=marts&table=dim_customers&view=sources',
    });
    await user.click(await screen.findByRole('button', { name: 'Remove source stg_customers' }));
    await screen.findByRole('dialog', { name: 'Remove source table?' });
    const remove = screen.getByRole('button', { name: 'Remove' });
    await waitFor(() => expect(remove).toBeEnabled()); // once the spec to delete is read
    await user.click(remove);

    const alert = await findAlert(/The source table was not removed/);
    expect(alert).toHaveTextContent('Could not delete source table.');
    expect(alert).toHaveTextContent(message);
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(before);
    expect(sent).toEqual(['DELETE']);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined());
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove source stg_customers' })).not.toBeInTheDocument());
  });
});

async function changeSourceToLeads(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Change source table…' }));
  await pick(user, 'Source table', 'stg_leads');
  const tool = screen.getByRole('textbox', { name: 'Source tool (optional)' });
  await user.clear(tool);
  await user.type(tool, 'fivetran');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  await user.click(await screen.findByRole('button', { name: 'Yes, replace it' }));
}

function expectFormKept() {
  expect(screen.getByRole('combobox', { name: 'Source table' })).toHaveValue('stg_leads');
  expect(screen.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('fivetran');
}

async function retryAndExpectReplaced(user: UserEvent, onClose: ReturnType<typeof vi.fn>) {
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  const yes = await screen.findByRole('button', { name: 'Yes, replace it' }).catch(() => undefined);
  if (yes) await user.click(yes);
  await waitFor(() => expect(onClose).toHaveBeenCalled());
  expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
  expect(mock.ctx.store.getSource(DIM, LEADS)?.data_lineage_source_tool).toBe('fivetran');
}

describe('change source (DELETE + POST): no half-done state whichever step fails', () => {
  // A 404 from the DELETE means the old entry is already gone (an earlier attempt, or someone
  // else): that is the state the user asked for, so the new entry is created (next test).
  it.each(WRITE_FAULTS.filter(([name]) => name !== '404'))('DELETE fails: %s', async (_name, reply, message) => {
    const user = userEvent.setup();
    const before = mock.ctx.store.getSource(DIM, STG);
    const sent = writes();
    mock.server.use(http.delete(SOURCE_URL, reply, { once: true }));
    const onClose = openEditor();
    await changeSourceToLeads(user);

    const alert = await findAlert(message);
    expect(alert).toHaveTextContent('Could not delete source table.');
    expectFormKept();
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(before);
    expect(mock.ctx.store.getSource(DIM, LEADS)).toBeUndefined();
    expect(sent).toEqual(['DELETE']);
    await retryAndExpectReplaced(user, onClose);
  });

  it('DELETE answers 404 (the old entry is already gone): the new entry is still created, nothing is restored', async () => {
    const user = userEvent.setup();
    const sent = writes();
    mock.server.use(http.delete(SOURCE_URL, () => new HttpResponse(null, { status: 404 }), { once: true }));
    const onClose = openEditor();
    await changeSourceToLeads(user);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(mock.ctx.store.getSource(DIM, LEADS)?.data_lineage_source_tool).toBe('fivetran');
    expect(sent).toEqual(['DELETE', 'POST']);
  });

  it.each(WRITE_FAULTS)('POST fails, the original is restored: %s', async (_name, reply, message) => {
    const user = userEvent.setup();
    const before = mock.ctx.store.getSource(DIM, STG);
    const sent = writes();
    mock.server.use(http.post(SOURCE_URL, reply, { once: true }));
    const onClose = openEditor();
    await changeSourceToLeads(user);

    const alert = await findAlert(/the original one was restored/);
    expect(alert).toHaveTextContent('Could not add source table.');
    expect(alert).toHaveTextContent(message);
    expectFormKept();
    expect(mock.ctx.store.getSource(DIM, STG)).toEqual(before);
    expect(mock.ctx.store.getSource(DIM, LEADS)).toBeUndefined();
    expect(sent).toEqual(['DELETE', 'POST', 'POST']); // delete, failed create, restore
    await retryAndExpectReplaced(user, onClose);
  });

  it('POST fails and so does putting the original back: says so, keeps everything, and Try again finishes', async () => {
    const user = userEvent.setup();
    let down = true;
    // While `down`, every POST fails; then the resolver returns nothing and the mock's own handler answers.
    mock.server.use(http.post(SOURCE_URL, () => (down ? HttpResponse.error() : undefined)));
    const onClose = openEditor();
    await changeSourceToLeads(user);

    expect(await findAlert(/The old source table stg_customers was removed, but the new one could not be saved/)).toHaveTextContent(
      'Nothing you typed is lost',
    );
    expectFormKept();
    // Exactly what the server holds: the old entry is gone, the new one is not there.
    expect(mock.ctx.store.getSource(DIM, STG)).toBeUndefined();
    expect(mock.ctx.store.getSource(DIM, LEADS)).toBeUndefined();

    down = false; // the server is back
    await retryAndExpectReplaced(user, onClose);
  });
});
