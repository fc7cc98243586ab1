import type { Page } from '@playwright/test';
import { expect, FCT_ORDERS, openDemo, test } from './fixtures';

const FCT_SHIPMENTS = { connection: 'warehouse', schema: 'marts', table: 'fct_shipments' };

type Table = [connection: string, schema: string, table: string];

/** In the large import, each table reads the next four tables of the catalog. */
const READS = [1, 2, 3, 4];

/** Every table of the demo's DQOps, read through its API as any client would. */
async function demoTables(page: Page): Promise<Table[]> {
  const get = async <T>(path: string): Promise<T> => page.evaluate(async (url) => (await fetch(url)).json(), path) as Promise<T>;
  const tables: Table[] = [];
  for (const { connection_name: c } of await get<{ connection_name: string }[]>('/api/connections')) {
    for (const { schema_name: s } of await get<{ schema_name: string }[]>(`/api/connections/${c}/schemas`)) {
      for (const row of await get<{ target: { table_name: string } }[]>(`/api/connections/${c}/schemas/${s}/tables`))
        tables.push([c, s, row.target.table_name]);
    }
  }
  return tables;
}

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
  // Read with the keyboard: the file read, focus is on what it holds.
  await expect(report.getByText(/^dbt manifest: 54 tables, 57 links\./)).toBeFocused();
  await report.getByRole('button', { name: 'Stage 1 link in the draft' }).click();

  // Staged, not saved: the review opens with what Save all will send, and takes the focus.
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeFocused();
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

test('a large import: the review is drawn a screenful at a time; Save all pauses, survives a reload, and resumes where it stopped', async ({ page }) => {
  test.setTimeout(240_000);
  await openDemo(page, FCT_ORDERS, '&mock.latency=25'); // DQOps answering in 25 ms: time to pause
  // A dbt manifest over the demo's own tables (database = connection): each table reads the next four.
  const tables = await demoTables(page);
  const id = ([c, s, t]: Table) => `model.big.${c}__${s}__${t}`;
  const nodes = Object.fromEntries(
    tables.map((x, i) => [
      id(x),
      {
        resource_type: 'model',
        name: x[2],
        database: x[0],
        schema: x[1],
        config: { materialized: 'table' },
        depends_on: { nodes: READS.map((k) => id(tables[(i + k) % tables.length] ?? x)) },
      },
    ]),
  );
  const manifest = JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v11.json' }, nodes, sources: {} });
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/lineage/sources/')) posts.push(request.url());
  });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page
    .getByRole('dialog', { name: 'Import lineage' })
    .getByLabel('A file')
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(manifest) });
  const report = page.getByRole('dialog', { name: 'Import lineage from big.json' });
  const stage = report.getByRole('button', { name: /^Stage \d+ links in the draft$/ });
  // Reading the catalog and the stored links of 75 tables, each answer 25 ms late, 4 at a time.
  await expect(stage).toBeVisible({ timeout: 30_000 });
  const staged = Number((await stage.textContent())?.match(/\d+/)?.[0]);
  expect(staged).toBeGreaterThan(250);
  await stage.click();

  const review = page.getByRole('region', { name: 'Draft review' });
  const list = review.getByRole('list', { name: 'Changes to save' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  expect(await list.getByRole('listitem').count()).toBeLessThan(60); // not every one of them
  expect(Number(await list.getByRole('listitem').first().getAttribute('aria-setsize'))).toBeGreaterThan(staged);

  await review.getByRole('button', { name: 'Save all' }).click();
  await expect(review.getByText(/^Saving: \d+ of \d+ saved/)).toBeVisible();
  await review.getByRole('button', { name: 'Pause' }).click();
  const paused = review.getByText(new RegExp(`^Paused: \\d+ of ${staged} saved\\.`));
  await expect(paused).toBeVisible();
  await page.waitForTimeout(500); // the writes under way finish
  const savedWhilePaused = posts.length;
  await page.waitForTimeout(500);
  expect(posts.length).toBe(savedWhilePaused); // nothing new starts
  expect(savedWhilePaused).toBeLessThan(staged);

  // The tab is closed (reloaded): the draft and what was saved of it are kept.
  await page.reload();
  await page.getByRole('button', { name: /^✎ Draft/ }).click();
  await expect(review.getByRole('status').filter({ hasText: 'A Save all stopped part-way' })).toContainText(/\d+ of \d+ changes are saved already/);
  await review.getByRole('button', { name: 'Resume saving' }).click();
  // (A busy two-core CI machine saved 459 of 599 links in 60 s.)
  await expect(page.getByText(/^Draft saved: \d+ writes? to DQOps\.$/)).toBeVisible({ timeout: 120_000 });
  expect(new Set(posts).size).toBe(posts.length); // no link written twice
  // Every table now has the sources the manifest gives it.
  const path = ([c, s, t]: Table) => `${c}/schemas/${s}/tables/${t}`;
  const stored = await page.evaluate(
    async (paths) =>
      Promise.all(
        paths.map(async (target) =>
          (
            (await (await fetch(`/api/connections/${target}/lineage/sources`)).json()) as {
              source_connection: string;
              source_schema: string;
              source_table: string;
            }[]
          ).map((l) => `${l.source_connection}/schemas/${l.source_schema}/tables/${l.source_table}`),
        ),
      ),
    tables.map(path),
  );
  const missing: string[] = [];
  tables.forEach((table, i) => {
    for (const k of READS) {
      const source = path(tables[(i + k) % tables.length] ?? table);
      if (source !== path(table) && !stored[i]?.includes(source)) missing.push(`${source} → ${path(table)}`);
    }
  });
  expect(missing).toEqual([]);
});

test('export to OpenLineage and import the file back: every link is already in DQOps, nothing is staged', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await page.getByText('Export', { exact: true }).click();
  await page.getByRole('menuitem', { name: 'OpenLineage events…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export to OpenLineage' });
  await dialog.getByRole('radio', { name: /^All of this lineage/ }).check();
  await dialog.getByRole('textbox', { name: 'OpenLineage namespace of warehouse' }).fill('snowflake://acme.eu-west-1');
  const links = Number((await dialog.getByRole('button', { name: /^Export \d+ links$/ }).textContent())?.match(/\d+/)?.[0]);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Export \d+ links$/ }).click()]);
  expect(download.suggestedFilename()).toBe('lineage-warehouse-marts-fct_orders.openlineage.ndjson');
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  const events = (await readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { eventType: string; outputs: { namespace: string; name: string }[] });
  expect(events.every((e) => e.eventType === 'COMPLETE')).toBe(true);
  expect(events.map((e) => `${e.outputs[0]?.namespace} ${e.outputs[0]?.name}`)).toContain('snowflake://acme.eu-west-1 marts.fct_orders');

  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('dialog', { name: 'Import lineage' }).getByLabel('A file').setInputFiles(file);
  const report = page.getByRole('dialog', { name: /^Import lineage from / });
  await expect(report).toContainText(`${links} already in DQOps.`);
  await expect(report.getByRole('button', { name: 'Nothing to stage' })).toBeDisabled();
});

test('a 50 MB manifest is read off the page with progress, and reported', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openDemo(page, FCT_ORDERS);
  // The demo's warehouse models, each with a long description (real manifests carry docs and SQL).
  const padding = 'x'.repeat(26_500);
  const nodes: Record<string, unknown> = {};
  for (let i = 0; i < 2000; i += 1) {
    nodes[`model.big.m${i}`] = {
      resource_type: 'model',
      name: `m${i}`,
      database: 'warehouse',
      schema: 'marts',
      description: padding,
      config: {},
      depends_on: { nodes: i > 0 ? [`model.big.m${i - 1}`] : [] },
    };
  }
  nodes['model.big.fct'] = {
    resource_type: 'model',
    name: 'fct_orders',
    database: 'warehouse',
    schema: 'marts',
    config: {},
    depends_on: { nodes: ['model.big.dim'] },
  };
  nodes['model.big.dim'] = { resource_type: 'model', name: 'dim_date', database: 'warehouse', schema: 'marts', config: {} };
  const buffer = Buffer.from(JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' }, nodes, sources: {} }));
  expect(buffer.length).toBeGreaterThan(50 * 2 ** 20);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import lineage' });
  // Every text the dialog shows while it reads, as it shows it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      for (const status of document.querySelectorAll('dialog [role="status"]'))
        if (!seen.includes(status.textContent ?? '')) seen.push(status.textContent ?? '');
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // (A file on disk: Playwright hands a buffer over only up to 50 MB.)
  const path = testInfo.outputPath('big-manifest.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, buffer);
  await dialog.getByLabel('A file').setInputFiles(path);
  const report = page.getByRole('dialog', { name: 'Import lineage from big-manifest.json' });
  await expect(report).toContainText('dbt manifest: 2,002 tables, 2,000 links.', { timeout: 60_000 });
  await expect(report).toContainText('1 new'); // dim_date → fct_orders; the 2,000 m-models are not in DQOps
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen).toContain('Reading the lineage in the file…');
  expect(seen.some((text) => /^Reading the file: [\d.]+ MB of 5\d\.\d MB$/.test(text))).toBe(true);
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
