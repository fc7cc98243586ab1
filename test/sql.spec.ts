import { expect, node, openDemo, test } from './fixtures';

const FCT_ORDERS = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };

const JOIN_QUERY = `INSERT INTO marts.fct_orders (order_id, status, total_amount_usd, paid_amount)
SELECT o.order_id, o.order_state, o.total_amount * fx.rate_to_usd, p.amount
FROM staging.stg_orders o
LEFT JOIN staging.stg_fx_rates fx ON fx.currency = o.currency AND fx.rate_date = o.order_date
LEFT JOIN staging.stg_payments p ON p.order_id = o.order_id
LEFT JOIN staging.stg_shipments s ON s.order_id = o.order_id`;

test('a join query pasted for a table: proposed mappings, one fixed, staged, reviewed as a PUT with those mappings, saved', async ({ page }) => {
  await openDemo(page, FCT_ORDERS, '&direction=upstream');
  await node(page, 'fct_orders').click();
  const details = page.getByRole('region', { name: 'Details of fct_orders' });
  await details.getByRole('button', { name: 'Derive sources and mappings from SQL…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Derive sources and mappings of fct_orders from SQL' });
  await dialog.getByRole('combobox', { name: 'Dialect' }).selectOption('postgres');
  await dialog.getByRole('textbox', { name: 'SQL statement' }).fill(JOIN_QUERY);
  await dialog.getByRole('button', { name: 'Propose mappings' }).click();

  // Read in the SQL worker, matched and checked against the DQOps columns.
  const heading = dialog.getByRole('heading', { name: 'Proposed for fct_orders: 4 source tables, 5 column mappings' });
  await expect(heading).toBeFocused();
  await expect(dialog.getByRole('list', { name: 'Source tables of the statement' })).toContainText(
    'staging.stg_shipments → warehouse.staging.stg_shipments new link',
  );
  const status = dialog.getByRole('checkbox', { name: 'Keep status ← stg_orders.order_state' });
  await expect(status).not.toBeChecked();
  await expect(status.locator('xpath=ancestor::tr')).toContainText('no such column in DQOps: choose one');
  await expect(dialog.getByRole('combobox', { name: 'Column of stg_fx_rates for total_amount_usd' }).locator('xpath=ancestor::tr')).toContainText(
    'computedo.total_amount * fx.rate_to_usd',
  );

  // What DQOps stores already is said so and not kept by default.
  const usd = dialog.getByRole('checkbox', { name: 'Keep total_amount_usd ← stg_orders.total_amount' });
  await expect(usd).not.toBeChecked();
  await expect(usd.locator('xpath=ancestor::tr')).toContainText('already in DQOps');

  // Fix one: status reads stg_orders.status. Keep the computed one (to record its expression);
  // leave the join-only table out.
  await dialog.getByRole('combobox', { name: 'Column of stg_orders for status' }).selectOption('status');
  await expect(status).toBeChecked();
  await usd.check();
  await dialog.getByRole('checkbox', { name: /stg_shipments/ }).uncheck();
  await dialog.getByRole('button', { name: 'Stage 0 new links and 2 mappings' }).click();
  await expect(dialog).toHaveCount(0);

  // The review opens, with the focus, and lists the PUT of the link.
  const review = page.getByRole('region', { name: 'Draft review' });
  await expect(page.locator('.ls-canvas__side')).toBeFocused();
  const changes = page.getByRole('list', { name: 'Changes to save' });
  await expect(changes).toContainText(
    'Change column mappings: stg_orders → fct_orders (+2 column mappings: status ← status, total_amount_usd ← total_amount)PUT',
  );
  await expect(changes).not.toContainText('stg_payments');

  // What DQOps receives: the mappings, with how each was derived.
  const puts: { url: string; body: { columns?: Record<string, { source_columns?: string[]; properties?: Record<string, string> }> } }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().includes('/lineage/sources/')) puts.push({ url: request.url(), body: request.postDataJSON() });
  });
  await review.getByRole('button', { name: 'Save all' }).click();
  await expect(review.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const toOrders = puts.find((p) => p.url.includes('/stg_orders'));
  expect(toOrders?.body.columns?.status).toEqual({ source_columns: ['status'], properties: { sql_transformation: 'direct' } });
  expect(toOrders?.body.columns?.total_amount_usd).toEqual({
    source_columns: ['total_amount'],
    properties: { sql_transformation: 'derived', sql_expression: 'o.total_amount * fx.rate_to_usd' },
  });
  expect(puts).toHaveLength(1);
});
