import { expect, node, openDemo, test } from './fixtures';

test('find any table from the keyboard: Ctrl+K, part of a name, Enter — its lineage opens; the landing page then offers it again', async ({ page }) => {
  await openDemo(page);
  // The landing page's starting points.
  await expect(page.getByRole('region', { name: 'Start here' }).getByRole('button', { name: /fct_orders/ })).toBeVisible();

  await page.keyboard.press('Control+k');
  const search = page.getByRole('combobox', { name: 'Find a table in DQOps' }).first();
  await expect(search).toBeFocused();
  await page.keyboard.type('payments');
  const list = page.getByRole('listbox', { name: 'Find a table in DQOps' }).first();
  await expect(list.getByRole('option').first()).toContainText('payments');
  await expect(list.getByRole('option', { name: /stg_payments.*staging · warehouse/ })).toBeVisible();
  // Down to stg_payments, then Enter.
  const options = await list.getByRole('option').allTextContents();
  const at = options.findIndex((text) => text.startsWith('stg_payments'));
  for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/connection=warehouse&schema=staging&table=stg_payments/);
  await expect(node(page, 'stg_payments')).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Opened recently in this browser' }).getByRole('button', { name: /stg_payments/ })).toBeVisible();
});
