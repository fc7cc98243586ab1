// Malformed lineage answers: each one gives a readable error or a degraded view that says what was
// wrong, never a blank area or a crash. The payloads go through the real client (fetch, JSON,
// normalisation at the edge) into the real view.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { renderWithProviders } from '@/testing/render-with-providers';
import { LineageView } from './lineage-view';
import { FLOWS_PAGE } from './flows-table';

const mock = setupMockDqops();
const ROOT = { connection: 'c', schema: 's', table: 'root' };
const route = '?connection=c&schema=s&table=root';
const TREE_URL = '*/api/connections/:c/schemas/:s/tables/:t/lineage/tree';

const key = (table: string) => ({ connection_name: 'c', physical_table_name: { schema_name: 's', table_name: table } });
const status = (table: string, severity: unknown = 'valid') => ({
  connection_name: 'c',
  schema_name: 's',
  table_name: table,
  current_severity: severity,
  table_exist: true,
});
const flow = (source: string, target: string, extra: object = {}) => ({
  source_table: key(source),
  target_table: key(target),
  source_table_quality_status: status(source),
  target_table_quality_status: status(target),
  upstream_combined_quality_status: status(source),
  row_count: 10,
  ...extra,
});
const tree = (flows: unknown, extra: object = {}) => ({ relative_table: key('root'), data_lineage_fully_loaded: true, flows, ...extra });

function serve(body: string | object, init: ResponseInit = {}) {
  mock.server.use(
    http.get(TREE_URL, () =>
      typeof body === 'string' ? new HttpResponse(body, { ...init, headers: { 'Content-Type': 'application/json' } }) : HttpResponse.json(body, init),
    ),
  );
}

async function problems(): Promise<string[]> {
  const user = userEvent.setup();
  const summary = await screen.findByText(/could not be read|problems in the answer/);
  await user.click(summary);
  return within(summary.closest('details') as HTMLElement)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('degraded views that say what was wrong', () => {
  it('flows without a source or target (missing fields, nulls) are left out and counted', async () => {
    serve(tree([flow('a', 'root'), { target_table: key('root') }, null, { source_table: { connection_name: 'c' }, target_table: key('root') }, 'x']));
    renderWithProviders(<LineageView table={ROOT} mode="graph" />, { route });
    expect(await screen.findByText('Showing 2 of 2 tables')).toBeInTheDocument();
    expect(await problems()).toEqual(['4 flows name no readable source or target table and were left out.']);
  });

  it('duplicate flows are drawn once and counted', async () => {
    serve(tree([flow('a', 'root'), flow('a', 'root'), flow('a', 'root'), flow('root', 'b')]));
    renderWithProviders(<LineageView table={ROOT} mode="graph" />, { route });
    expect(await screen.findByText('Showing 3 of 3 tables')).toBeInTheDocument();
    expect(await problems()).toEqual(['2 duplicate flows were drawn once.']);
  });

  it('a "flows" that is not a list, and an answer that does not name its table', async () => {
    serve({ flows: { a: 1 } });
    renderWithProviders(<LineageView table={ROOT} mode="graph" />, { route });
    expect(await problems()).toEqual(['The list of flows was not a list; no flow could be read.']);
    expect(screen.getByRole('note')).toHaveTextContent('No lineage yet');
  });

  it('unknown enum values, nulls in statuses, extra fields and cycles still draw, with the unknown severity shown as is', async () => {
    serve(
      tree(
        [
          flow('a', 'root', { source_table_quality_status: status('a', 'catastrophic'), brand_new_field: { x: [1, 2] } }),
          flow('root', 'b', { target_table_quality_status: null, upstream_combined_quality_status: null, row_count: null }),
          flow('b', 'a'), // a cycle
        ],
        { another_new_field: true, relative_table_cumulative_quality_status: { current_severity: 42 } },
      ),
    );
    renderWithProviders(<LineageView table={ROOT} mode="flows" />, { route });
    const table = await screen.findByRole('table', { name: /3 data flows around root/ });
    expect(table).toHaveTextContent('catastrophic');
    expect(screen.queryByText(/could not be read/)).not.toBeInTheDocument();
  });
});

describe('answers that cannot be read at all get a readable error', () => {
  it.each([
    ['invalid JSON', '{"flows": [', /cannot read/],
    ['a JSON array', '[1, 2, 3]', /a list where one object was expected/],
    ['a JSON string', '"lineage"', /empty or unreadable/],
    ['null', 'null', /empty or unreadable/],
    ['an empty body', '', /empty or unreadable/],
  ])('%s', async (_name, body, message) => {
    serve(body);
    renderWithProviders(<LineageView table={ROOT} mode="graph" />, { route });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The lineage could not be loaded');
    expect(alert).toHaveTextContent(message);
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});

describe('50,000 flows', () => {
  const big = tree(Array.from({ length: 50_000 }, (_, i) => (i < 25_000 ? flow(`up_${i}`, 'root') : flow('root', `down_${i}`))));

  it('draw the default view (not 50,000 nodes) and tell how many tables there are', async () => {
    serve(big);
    renderWithProviders(<LineageView table={ROOT} mode="graph" />, { route });
    expect(await screen.findByText('Showing 201 of 50001 tables', {}, { timeout: 20_000 })).toBeInTheDocument();
  }, 30_000);

  it('list a page of flows at a time, with a filter', async () => {
    const user = userEvent.setup();
    serve(big);
    renderWithProviders(<LineageView table={ROOT} mode="flows" />, { route });
    const table = await screen.findByRole('table', {}, { timeout: 20_000 });
    expect(table).toHaveAccessibleName(`50,000 data flows around root (source → target), showing the first ${FLOWS_PAGE}`);
    expect(within(table).getAllByRole('row')).toHaveLength(FLOWS_PAGE + 1);
    await user.type(screen.getByRole('searchbox', { name: /Filter flows/ }), 'down_4999');
    expect(table).toHaveAccessibleName('50,000 data flows around root (source → target): 10 match "down_4999"'); // down_49990 … down_49999
    expect(within(table).getAllByRole('row')).toHaveLength(11);
  }, 30_000);
});
