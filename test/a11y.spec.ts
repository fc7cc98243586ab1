import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, FCT_ORDERS, node, openDemo, test } from './fixtures';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

test('welcome and picker', async ({ page }) => {
  await openDemo(page);
  await expect(page.getByRole('combobox', { name: 'Connection' })).toHaveAttribute('placeholder', 'Choose a connection');
  await page.getByRole('combobox', { name: 'Connection' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('graph with the details panel', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await node(page, 'dim_customers').click();
  await expect(page.getByRole('region', { name: 'Details of dim_customers' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('flows table', async ({ page }) => {
  await openDemo(page, FCT_ORDERS, '&view=flows');
  await expect(page.getByRole('table')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('source list and editor', async ({ page }) => {
  await openDemo(page, { connection: 'warehouse', schema: 'marts', table: 'dim_customers' }, '&view=sources');
  await expect(page.getByRole('row', { name: /stg_customers/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Edit source stg_customers' }).click();
  await expect(page.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('dbt');
  expect(await seriousViolations(page)).toEqual([]);
});

test('settings dialog', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('open column lists, a traced column and the draft review', async ({ page }) => {
  await openDemo(page, FCT_ORDERS, '&direction=upstream');
  await page.getByRole('button', { name: 'Show the columns of fct_orders' }).click();
  const columns = page.getByRole('group', { name: 'Columns of fct_orders', exact: true });
  await columns.getByRole('button', { name: /total_amount_usd/ }).click();
  await expect(columns.getByRole('button', { name: /total_amount_usd/ })).toHaveAttribute('aria-pressed', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: /^✎ Draft/ }).click();
  const arrow = page.getByRole('group', { name: /^stg_orders feeds fct_orders/ });
  await arrow.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Stage removal of this link' }).click();
  await page.getByRole('button', { name: 'Review and save' }).click();
  await expect(page.getByRole('list', { name: 'Changes to save' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('SQL dialog, with the keyboard alone: statement, proposal, fix, stage', async ({ page }) => {
  await openDemo(page, FCT_ORDERS, '&direction=upstream');
  await node(page, 'fct_orders').click();
  const open = page.getByRole('button', { name: 'Derive sources and mappings from SQL…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Derive sources and mappings of fct_orders from SQL' });
  await expect(dialog.getByRole('combobox', { name: 'Dialect' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'SQL statement' })).toBeFocused();
  await page.keyboard.insertText('SELECT o.order_id, o.order_state AS status FROM staging.stg_orders o');
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // Propose mappings
  await expect(dialog.getByRole('button', { name: 'Propose mappings' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Proposed for fct_orders: 1 source table, 2 column mappings' })).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  // Through the link and the first mapping to the list of the flagged one.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: /^staging.stg_orders → warehouse.staging.stg_orders/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: 'Keep order_id ← stg_orders.order_id' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const status = dialog.getByRole('combobox', { name: 'Column of stg_orders for status' });
  await expect(status).toBeFocused();
  await status.selectOption('status'); // a native select: what the arrow keys do there
  await expect(dialog.getByRole('checkbox', { name: 'Keep status ← stg_orders.order_state' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Stage 0 new links and 1 mapping' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('.ls-canvas__side')).toBeFocused();
  await expect(page.getByRole('list', { name: 'Changes to save' })).toContainText(
    'Change column mappings: stg_orders → fct_orders (+1 column mapping: status ← status)PUT',
  );
});
