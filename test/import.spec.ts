import { expect, FCT_ORDERS, openDemo, test } from './fixtures';

const FCT_SHIPMENTS = { connection: 'warehouse', schema: 'marts', table: 'fct_shipments' };

test('import the demo dbt manifest: choose the ambiguous table, review, Save all; the graph shows the dbt link with its tool', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import lineage' });
  await dialog.getByRole('button', { name: 'Use the demo’s dbt project' }).click();
  const report = page.getByRole('dialog', { name: 'Import lineage from the demo’s dbt manifest.json' });
  await expect(report).toContainText('1 to choose, 2 not in DQOps');
  await expect(report).toContainText('3 waiting for a table that is not matched');
  await report.getByRole('combobox', { name: /RAW · LANDING · SHOP_ORDERS/ }).selectOption({ label: 'datalake.landing.shop_orders' });
  await expect(report).toContainText('1 new, 54 already in DQOps, 2 waiting for a table that is not matched.');
  await report.getByRole('button', { name: 'Stage 1 link in the draft' }).click();

  // Staged, not saved: the review opens with what Save all will send.
  const review = page.getByRole('region', { name: 'Draft review' });
  await expect(review.getByRole('list', { name: 'Changes to save' })).toContainText('Add source: dim_date → fct_orders · tool dbt');
  await expect(page.getByRole('group', { name: 'dim_date feeds fct_orders, draft: new source, not saved yet' })).toBeVisible();
  await review.getByRole('button', { name: 'Save all' }).click();
  await expect(page.getByText('Draft saved: 1 write to DQOps.')).toBeVisible();

  const arrow = page.getByRole('group', { name: /^dim_date feeds fct_orders/ });
  await expect(arrow).toBeVisible();
  await expect(arrow).not.toHaveAccessibleName(/draft/);
  await arrow.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Flow details' });
  await expect(details).toContainText('Entered by (tool)dbt');
  await expect(details).toContainText('dbt_unique_idmodel.acme_analytics.fct_orders');

  // The same file again stages nothing.
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog', { name: 'Import lineage' }).getByRole('button', { name: 'Use the demo’s dbt project' }).click();
  await expect(report).toContainText('55 already in DQOps, 2 waiting');
  await expect(report.getByRole('button', { name: 'Nothing to stage' })).toBeDisabled();
});

test('import OpenLineage events with column lineage: the mappings and their transformations are saved', async ({ page }) => {
  await openDemo(page, FCT_SHIPMENTS);
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog', { name: 'Import lineage' }).getByRole('button', { name: 'Use the demo’s OpenLineage events' }).click();
  const report = page.getByRole('dialog', { name: /^Import lineage from/ });
  await expect(report).toContainText('1 new, 1 changed, 1 waiting for a table that is not matched.');
  await expect(report.getByRole('row', { name: /stg_shipments.*changed: tool dbt → acme_spark, 6 column mappings to add/ })).toBeVisible();
  await report.getByRole('button', { name: 'Stage 2 links in the draft' }).click();
  const review = page.getByRole('region', { name: 'Draft review' });
  await review.getByRole('button', { name: 'Save all' }).click();
  await expect(page.getByText('Draft saved: 2 writes to DQOps.')).toBeVisible();

  // What DQOps now stores for the new link (read through the demo's DQOps, as the app reads it).
  const stored = await page.evaluate(() =>
    fetch('/api/connections/warehouse/schemas/marts/tables/fct_shipments/lineage/sources/warehouse/schemas/staging/tables/stg_orders').then((r) => r.json()),
  );
  expect(stored).toEqual({
    source_connection: 'warehouse',
    source_schema: 'staging',
    source_table: 'stg_orders',
    data_lineage_source_tool: 'acme_spark',
    properties: { openlineage_job: 'acme_spark/shipments_daily.build_fct_shipments' },
    columns: {
      order_id: { source_columns: ['order_id'], properties: { openlineage_transformations: 'INDIRECT/JOIN' } },
      status: { source_columns: ['status'], properties: { openlineage_transformations: 'INDIRECT/FILTER' } },
    },
  });
  const updated = await page.evaluate(() =>
    fetch('/api/connections/warehouse/schemas/marts/tables/fct_shipments/lineage/sources/warehouse/schemas/staging/tables/stg_shipments').then((r) => r.json()),
  );
  expect(updated).toMatchObject({
    data_lineage_source_tool: 'acme_spark',
    columns: { days_to_deliver: { source_columns: ['shipped_at', 'delivered_at'], properties: { openlineage_transformations: 'DIRECT/TRANSFORMATION' } } },
  });
});

test('a file that is not lineage gets its message and stages nothing', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import lineage' });
  await dialog.getByLabel('A file').setInputFiles({
    name: 'manifest.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v5.json' }, nodes: {} })),
  });
  await expect(dialog.getByRole('alert')).toContainText('dbt manifest schema v5 is not supported: Lineage Studio reads v7 to v12 (dbt 1.3 and later).');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was staged.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: /^✎ Draft/ })).toHaveText('✎ Draft');
});
