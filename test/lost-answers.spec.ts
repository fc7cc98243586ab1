// Writes DQOps carried out whose answer never reached the browser (the demo's "applied, response
// lost": ?mock.loseWriteResponsesTo=…). The app must find out what is stored before it speaks.
import { expect, openDemo, pick, test } from './fixtures';

const DIM_PRODUCTS = { connection: 'warehouse', schema: 'marts', table: 'dim_products' };
const FCT_INVENTORY = { connection: 'warehouse', schema: 'marts', table: 'fct_inventory_snapshot' };

test('a create whose answer is lost while DQOps is briefly unreachable: "not known", then Try again saves without a 409, one stored link', async ({ page }) => {
  // The POST naming shop_inventory is stored, its answer dropped, and the next request fails too.
  await openDemo(page, DIM_PRODUCTS, '&view=sources&mock.loseWriteResponsesTo=shop_inventory&mock.lostAs=network&mock.unreachableAfterLoss=1');
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/lineage/sources/')) posts.push(request.url());
  });
  await page.getByRole('button', { name: '+ Add source table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source table to dim_products' });
  await pick(page, 'Source connection', 'datalake');
  await pick(page, 'Source schema', 'landing');
  await pick(page, 'Source table', 'shop_inventory');
  await dialog.getByRole('textbox', { name: 'Source tool (optional)' }).fill('spark');
  await dialog.getByRole('button', { name: 'Add source table' }).click();

  await expect(dialog.getByRole('alert')).toContainText('it is not known whether the source table was added');
  await expect(dialog.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue('spark'); // nothing typed is lost
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Added shop_inventory as a source of dim_products.')).toBeVisible();
  await expect(page.getByText(/already defined/)).toHaveCount(0);
  await expect(page.getByRole('row', { name: /shop_inventory/ })).toHaveCount(1);
  expect(posts).toHaveLength(1); // Try again checked first: the link was there, nothing sent twice
});

test('Save all with an answer lost half-way: the report says what is known, and Try again finishes without sending it twice', async ({ page }) => {
  // Writes naming dim_products are stored, their answer lost, and the check after it fails too.
  // Two changes of one target table: Save all makes them one after the other, so the request that
  // fails after the lost answer is that change's own check.
  await openDemo(page, FCT_INVENTORY, '&mock.loseWriteResponsesTo=dim_products&mock.unreachableAfterLoss=1');
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET' && request.url().includes('/lineage/sources/')) writes.push(`${request.method()} ${decodeURIComponent(request.url().split('/tables/')[1] ?? '')}`);
  });
  await page.getByRole('button', { name: /^✎ Draft/ }).click();
  const bar = page.getByRole('region', { name: 'Draft mode', exact: true });
  // Stage the removal of dim_products → fct_inventory_snapshot, then a change to stg_inventory → fct_inventory_snapshot.
  const arrow = page.getByRole('group', { name: /^dim_products feeds fct_inventory_snapshot/ });
  await arrow.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Flow details' }).getByRole('button', { name: 'Stage removal of this link' }).click();
  const second = page.getByRole('group', { name: /^stg_inventory feeds fct_inventory_snapshot/ });
  await second.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Flow details' });
  await details.getByRole('button', { name: 'Unmap quantity_on_hand ← quantity_on_hand' }).click();
  await expect(bar).toContainText('2 staged steps, 2 links to change');

  await bar.getByRole('button', { name: 'Review and save' }).click();
  const review = page.getByRole('region', { name: 'Draft review' });
  await review.getByRole('button', { name: 'Save all' }).click();
  const alert = review.getByRole('alert');
  await expect(alert).toContainText('Saved 0 of 2 changes, then stopped.');
  await expect(alert).toContainText('it is not known whether the source table was removed');
  await expect(bar).toContainText('2 staged steps');

  await review.getByRole('button', { name: 'Try again' }).click();
  await expect(review.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(bar).toContainText('Drag from a table’s right edge'); // the draft is empty
  expect(writes.filter((w) => w.startsWith('DELETE'))).toHaveLength(1); // the removal was not sent twice
  await openDemo(page, { connection: 'warehouse', schema: 'marts', table: 'fct_inventory_snapshot' }, '&view=sources');
  await expect(page.getByRole('row', { name: /dim_products/ })).toHaveCount(0);
});
