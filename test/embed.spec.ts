import { expect, test } from './fixtures';

const HOST = 'http://127.0.0.1:4175/';

test('two embedded instances work side by side without touching the host page', async ({ page, request }) => {
  expect((await request.post('http://127.0.0.1:8898/__mock/reset')).status()).toBe(204);
  const auth = { a: [] as (string | null)[], b: [] as (string | null)[] };
  page.on('request', (r) => {
    if (!r.url().includes('/api/')) return;
    const key = r.headers()['authorization'] ?? null;
    (key ? auth.b : auth.a).push(key);
  });
  await page.goto(HOST);
  const a = page.getByRole('region', { name: 'Instance A' });
  const b = page.getByRole('region', { name: 'Instance B' });
  await expect(a.getByLabel(/^fct_orders, marts in warehouse, focus table/)).toBeVisible();
  await expect(b.getByLabel(/^dim_date, marts in warehouse, focus table/)).toBeVisible();
  await expect(a.getByRole('combobox', { name: 'Connection', exact: true })).toHaveCount(0); // showPicker: false
  await expect(b.getByRole('combobox', { name: 'Table', exact: true })).toHaveValue('dim_date');

  // The host's styles are untouched.
  await expect(page.locator('#host-title')).toHaveCSS('color', 'rgb(128, 0, 0)');
  await expect(page.locator('#host-title')).toHaveCSS('font-family', 'Georgia, serif');
  await expect(page.locator('#host-button')).toHaveCSS('background-color', 'rgb(0, 128, 0)');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(250, 248, 240)');
  // The host URL is not used for the app's state.
  expect(new URL(page.url()).search).toBe('');

  // Opening another table in A tells the host, and B does not move.
  await a.getByLabel(/^dim_customers, /).click();
  await a.getByRole('button', { name: 'Make focus table' }).click();
  await expect(a.getByLabel(/^dim_customers, marts in warehouse, focus table/)).toBeVisible();
  await expect(page.getByLabel('Host events')).toHaveText(
    JSON.stringify([{ instance: 'a', open: { connection: 'warehouse', schema: 'marts', table: 'dim_customers' } }]),
  );
  await expect(b.getByLabel(/^dim_date, marts in warehouse, focus table/)).toBeVisible();

  // Saving lineage in B tells the host.
  await b.getByRole('tab', { name: 'Source tables' }).click();
  await b.getByRole('button', { name: '+ Add source table' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a source table to dim_date' });
  for (const [label, value] of [
    ['Source connection', 'finance_sqlserver'],
    ['Source schema', 'dbo'],
    ['Source table', 'fx_rates'],
  ] as const) {
    const box = dialog.getByRole('combobox', { name: label, exact: true });
    await expect(box).toBeEnabled();
    await box.fill(value);
    await expect(dialog.getByRole('listbox', { name: label, exact: true }).getByRole('option').first()).toHaveText(new RegExp(`^${value}`));
    await box.press('Enter');
  }
  await dialog.getByRole('button', { name: 'Add source table', exact: true }).click();
  await expect(b.getByRole('row', { name: /fx_rates/ })).toBeVisible();
  await expect(page.getByLabel('Host events')).toContainText('{"instance":"b","saved":{"connection":"warehouse","schema":"marts","table":"dim_date"}}');

  // Keys: A sends none, B sends its own (from the function).
  expect(auth.a.length).toBeGreaterThan(0);
  expect(auth.b.length).toBeGreaterThan(0);
  expect(auth.b.every((h) => h === 'Bearer dqops-demo-key')).toBe(true);

  // Unmounting A removes it and leaves B working.
  await page.locator('#unmount-a').click();
  await expect(a.locator('.ls-root')).toHaveCount(0);
  await b.getByRole('tab', { name: 'Lineage graph' }).click();
  await expect(b.getByLabel(/^fx_rates, /)).toBeVisible();
});
