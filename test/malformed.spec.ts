// Malformed and huge answers in a real browser (the live build; the tree answer is replaced with
// page.route): a readable error or a degraded view, never a white page or a frozen tab.
import { expect, liveTest as test } from './fixtures';

const APP = 'http://127.0.0.1:4174/lineage/';
const MOCK = 'http://127.0.0.1:8899';
const TREE = '**/api/connections/*/schemas/*/tables/*/lineage/tree*';
const QUERY = '?connection=warehouse&schema=marts&table=fct_orders';

const key = (table: string) => ({ connection_name: 'warehouse', physical_table_name: { schema_name: 'marts', table_name: table } });

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${MOCK}/__mock/reset`)).status()).toBe(204);
});

test('invalid JSON: a readable error, and Try again recovers once the server is fine', async ({ page }) => {
  await page.route(TREE, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"flows": [{"source_table": ' }));
  await page.goto(`${APP}${QUERY}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The lineage could not be loaded');
  await expect(alert).toContainText('cannot read');
  await expect(page.getByRole('combobox', { name: 'Table', exact: true })).toHaveValue('fct_orders'); // the rest of the page works
  await page.unroute(TREE);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText(/^Showing \d+ of 26 tables/)).toBeVisible();
});

test('50,000 flows: the default view, the whole graph and the flows list, with the page responsive', async ({ page }) => {
  const flows = Array.from({ length: 50_000 }, (_, i) =>
    i % 2 === 0
      ? { source_table: key(`up_${i}`), target_table: key(i < 100 ? 'fct_orders' : `up_${i % 100}`), row_count: i }
      : { source_table: key(i < 100 ? 'fct_orders' : `down_${i % 100}`), target_table: key(`down_${i}`), row_count: i },
  );
  flows.push({ source_table: key('up_0'), target_table: key('fct_orders'), row_count: 1 }); // and a duplicate
  const body = JSON.stringify({ relative_table: key('fct_orders'), data_lineage_fully_loaded: true, flows });
  await page.route(TREE, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));

  await page.goto(`${APP}${QUERY}`);
  await expect(page.getByText('Showing 201 of 50001 tables')).toBeVisible({ timeout: 30_000 });
  await page.getByText('Part of the answer could not be read').click();
  await expect(page.getByRole('listitem').filter({ hasText: '1 duplicate flow was drawn once.' })).toBeVisible();

  // One schema: the whole lineage is grouped by level (two levels up, the focus, two levels down).
  await page.getByRole('button', { name: 'Show all 50001 tables' }).click();
  await expect(page.getByRole('img', { name: /^Lineage grouped by level from the focus: \d+ groups holding 50,001 tables/ })).toBeVisible({ timeout: 30_000 });
  // Every table, not grouped: while the whole graph is laid out (in a worker), the page still answers.
  await page.getByText('View', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Tables, not grouped' }).click();
  await expect(page.getByRole('button', { name: 'Show nearby' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Overview of all 50001 tables/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Showing 50001 of 50001 tables')).toBeVisible();

  await page.getByRole('tab', { name: 'Flows (table)' }).click();
  const table = page.getByRole('table');
  await expect(table).toContainText('50,001 data flows around fct_orders (source → target), showing the first 500');
  await page.getByRole('searchbox', { name: /Filter flows/ }).fill('down_49999');
  await expect(table).toContainText('1 match "down_49999"');
  await expect(table.getByRole('row')).toHaveCount(2);
});
