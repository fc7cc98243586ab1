import type { Page } from '@playwright/test';
import { expect, node, openDemo, settledBox, test } from './fixtures';

const FCT_ORDERS_UP = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };

const columnList = (page: Page, table: string) => page.getByRole('group', { name: `Columns of ${table}`, exact: true });
const row = (page: Page, table: string, column: string) => columnList(page, table).getByRole('button', { name: new RegExp(`^\\S*\\s*${column}\\b`) });

test('column rows on the canvas: status, search, a traced path across tables, and hidden columns counted', async ({ page }) => {
  await openDemo(page, FCT_ORDERS_UP, '&direction=upstream');
  await page.getByRole('button', { name: 'Show the columns of fct_orders' }).click();
  await page.getByRole('button', { name: 'Show the columns of stg_orders' }).click();
  const fct = columnList(page, 'fct_orders');
  await expect(fct.getByRole('button')).toHaveCount(7);
  await expect(row(page, 'fct_orders', 'total_amount_usd')).toContainText('numeric(14,2)');
  // Column edges join the mapped rows of the two open tables.
  await expect(page.locator('.react-flow__edge-column')).not.toHaveCount(0);

  // Search inside the node.
  await fct.getByRole('searchbox', { name: 'Find a column of fct_orders' }).fill('usd');
  await expect(fct.getByRole('button')).toHaveCount(1);
  await expect(fct).toContainText('6 hidden by the search');
  await fct.getByRole('searchbox', { name: 'Find a column of fct_orders' }).fill('');

  // Trace a column by clicking its row: the path lights up in every open table, and closed tables
  // on the path say how many of their columns are on it.
  await row(page, 'fct_orders', 'total_amount_usd').click();
  await expect(row(page, 'fct_orders', 'total_amount_usd')).toHaveAttribute('aria-pressed', 'true');
  await expect(row(page, 'stg_orders', 'total_amount')).toHaveAttribute('aria-pressed', 'true');
  await expect(row(page, 'stg_orders', 'currency')).toHaveAttribute('aria-pressed', 'false');
  await expect(node(page, 'shop_orders')).toContainText('◆ 1 col');
  await expect(node(page, 'stg_fx_rates')).toContainText('◆ 1 col');
  await expect(node(page, 'stg_payments')).not.toContainText('◆');
  await expect(page.getByRole('region', { name: 'Path of column total_amount_usd' })).toContainText('↑ 1 · stg_orders.total_amount');

  // A traced column filtered out of an open list is counted there, not lost.
  await columnList(page, 'stg_orders').getByRole('searchbox').fill('currency');
  await expect(columnList(page, 'stg_orders')).toContainText('◆ 1 traced below');

  // Closing a list brings back the table's count.
  await page.getByRole('button', { name: 'Hide the columns of stg_orders' }).click();
  await expect(columnList(page, 'stg_orders')).toHaveCount(0);
  await expect(node(page, 'stg_orders')).toContainText('◆ 1 col');
});

test('drag a source column onto a target column to stage a mapping in the draft', async ({ page }) => {
  await openDemo(page, FCT_ORDERS_UP, '&direction=upstream');
  await page.getByRole('button', { name: 'Show the columns of fct_orders' }).click();
  await page.getByRole('button', { name: 'Show the columns of stg_orders' }).click();
  const from = row(page, 'stg_orders', 'customer_id').locator('.react-flow__handle-right');
  const to = row(page, 'fct_orders', 'customer_key');
  await expect(from).toHaveClass(/connectablestart/); // edit rights known
  const start = await settledBox(from);
  const end = await settledBox(to);
  if (!start || !end) throw new Error('rows not drawn');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + 30, start.y + 5, { steps: 4 });
  await page.mouse.move(end.x + 6, end.y + end.height / 2, { steps: 10 });
  await page.mouse.up();

  await expect(page.getByText('Staged in the draft: fct_orders.customer_key ← stg_orders.customer_id.')).toBeVisible();
  const bar = page.getByRole('region', { name: 'Draft mode', exact: true });
  await expect(bar).toContainText('1 staged step, 1 link to change');
  await expect(page.getByRole('group', { name: 'stg_orders feeds fct_orders, draft: column mappings changed, not saved yet' })).toHaveCount(1);
  await bar.getByRole('button', { name: 'Review and save' }).click();
  await expect(page.getByRole('list', { name: 'Changes to save' })).toContainText(
    'Change column mappings: stg_orders → fct_orders (+1 column mapping: customer_key ← customer_id)PUT',
  );
  await page.getByRole('button', { name: 'Save all' }).click();
  await expect(page.getByRole('region', { name: 'Draft review' }).getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The saved mapping is part of the column's path now.
  await row(page, 'fct_orders', 'customer_key').click();
  await expect(page.getByRole('region', { name: 'Path of column customer_key' })).toContainText('stg_orders.customer_id');
});

test('a wide table (104 columns) keeps only the rows on screen, counts the rest, and finds columns by words', async ({ page }) => {
  await openDemo(page, { connection: 'warehouse', schema: 'marts', table: 'customer_360' });
  await page.getByRole('button', { name: 'Show the columns of customer_360' }).click();
  const list = columnList(page, 'customer_360');
  await expect(list.getByRole('searchbox')).toHaveAttribute('placeholder', 'Find among 104 columns');
  await expect(list.getByRole('button')).toHaveCount(8);
  await expect(list).toContainText('↓ 96 more');
  await list.getByRole('button').first().hover();
  await page.mouse.wheel(0, 22 * 10);
  await expect(list).toContainText('↑ 10 more');
  await expect(list).toContainText('↓ 86 more');
  await expect(list.getByRole('button')).toHaveCount(8);
  await list.getByRole('searchbox').fill('revenue web');
  await expect(list.getByRole('button')).toHaveText([/revenue_usd_web_30d/, /revenue_usd_web_365d/, /revenue_usd_web_7d/, /revenue_usd_web_90d/]);
  await expect(list).toContainText('100 hidden by the search');
});
