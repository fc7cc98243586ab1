import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { SourceEditorDialog } from './source-editor-dialog';

const mock = setupMockDqops();
const DIM = { connection: 'warehouse', schema: 'marts', table: 'dim_customers' };
const STG = { connection: 'warehouse', schema: 'staging', table: 'stg_customers' };

const STATEMENT = `CREATE TABLE marts.dim_customers AS
SELECT c.customer_id, UPPER(c.full_name) AS full_name, c.mail AS email, c.country_code, COUNT(a.account_id) AS account_count
FROM staging.stg_customers c LEFT JOIN staging.stg_accounts a ON a.customer_id = c.customer_id
GROUP BY 1, 2, 3, 4`;

describe('source editor: From SQL', () => {
  it('proposes this source’s mappings from a statement, leaves out what DQOps lacks, and saves the applied ones with how they were derived', async () => {
    const user = userEvent.setup();
    const puts: unknown[] = [];
    mock.server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PUT') puts.push(await request.clone().json());
    });
    renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={vi.fn()} />);
    await screen.findByRole('form', { name: 'Source table' });
    await user.click(screen.getByRole('button', { name: 'From SQL…' }));
    await user.click(screen.getByRole('textbox', { name: 'The SQL statement that builds dim_customers (paste it, or drop its .sql file)' }));
    await user.paste(STATEMENT);
    await user.click(screen.getByRole('button', { name: 'Propose mappings' }));

    const group = await screen.findByRole('group', { name: 'Mappings from SQL' });
    await waitFor(() => expect(group).toHaveTextContent('the statement gives 4 mappings'));
    // The button that asked is gone: a keyboard user is taken to the proposal's first line.
    expect(document.activeElement).toHaveTextContent(/^From stg_customers, the statement gives 4 mappings/);
    const boxes = screen.getAllByRole('checkbox').filter((box) => group.contains(box));
    expect(boxes.map((box) => [box.parentElement?.textContent, (box as HTMLInputElement).checked])).toEqual([
      ['customer_id ← customer_id copied', true],
      ['full_name ← full_name computed', true],
      ['email ← mail copied not a column of stg_customers in DQOps', false],
      ['country_code ← country_code copied', true],
    ]);
    expect(group).toHaveTextContent('It also reads staging.stg_accounts: each is a link of its own');
    await user.click(screen.getByRole('checkbox', { name: /^country_code ← country_code/ }));
    await user.click(screen.getByRole('button', { name: 'Apply 2 mappings' }));
    expect(screen.queryByRole('group', { name: 'Mappings from SQL' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'From SQL…' })).toHaveFocus());

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    const columns = (puts[0] as { columns: Record<string, unknown> }).columns;
    expect(columns.full_name).toEqual({
      source_columns: ['full_name'],
      properties: { sql_transformation: 'derived', sql_expression: 'UPPER(c.full_name)' },
    });
    expect(columns.customer_id).toEqual({ source_columns: ['customer_id'], properties: { sql_transformation: 'direct' } });
    // Kept as stored: the mappings the statement does not speak of, and the one unticked.
    expect(columns.customer_key).toEqual({ source_columns: ['customer_id'] });
    expect(columns.country_code).toEqual({ source_columns: ['country_code'] });
    expect(columns.email).toEqual({ source_columns: ['email'] }); // not mail, which DQOps does not have
  });

  it('says so when the statement does not read this source, and keeps a refused statement', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SourceEditorDialog target={DIM} source={STG} onClose={vi.fn()} />);
    await screen.findByRole('form', { name: 'Source table' });
    await user.click(screen.getByRole('button', { name: 'From SQL…' }));
    const box = screen.getByRole('textbox', { name: 'The SQL statement that builds dim_customers (paste it, or drop its .sql file)' });
    await user.click(box);
    await user.paste('GRANT SELECT ON marts.dim_customers TO analyst');
    await user.click(screen.getByRole('button', { name: 'Propose mappings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/^A GRANT builds no table: .* Your statement is still here\.$/);
    expect(box).toHaveValue('GRANT SELECT ON marts.dim_customers TO analyst');

    await user.clear(box);
    await user.paste('INSERT INTO marts.dim_customers (customer_id) SELECT a.customer_id FROM staging.stg_accounts a');
    await user.click(screen.getByRole('button', { name: 'Propose mappings' }));
    expect(await screen.findByText(/The statement does not read staging.stg_customers \(it reads staging.stg_accounts\): nothing to map/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply the ticked mappings' })).toBeDisabled();
  });
});
