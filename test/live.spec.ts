// Live mode: the production build served under /lineage/ by `vite preview`, proxying /api to the
// mock DQOps server over real HTTP (no service worker involved).
import { expect, exportFile, liveTest as test, node, pick } from './fixtures';

const APP = 'http://127.0.0.1:4174/lineage/';
const MOCK = 'http://127.0.0.1:8899';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ request }) => {
  expect((await request.post(`${MOCK}/__mock/reset`)).status()).toBe(204);
});

test('the core flow works against a DQOps server over HTTP, from a sub-path', async ({ page, request }) => {
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) apiCalls.push(new URL(r.url()).pathname);
  });
  await page.goto(APP);
  await expect(page.getByLabel('Server in use')).toContainText('Live');
  await expect(page.getByLabel('Server in use')).toContainText('http://127.0.0.1:8899');
  await pick(page, 'Connection', 'warehouse');
  await pick(page, 'Schema', 'marts');
  await pick(page, 'Table', 'fct_revenue');
  await expect(page).toHaveURL(/\/lineage\/\?connection=warehouse&schema=marts&table=fct_revenue/);
  await expect(node(page, 'fct_revenue')).toContainText('focus');
  await expect(node(page, 'stg_invoices')).toBeVisible();

  await page.getByRole('tab', { name: 'Source tables' }).click();
  await page.getByRole('button', { name: '+ Add source table' }).click();
  await pick(page, 'Source connection', 'finance_sqlserver');
  await pick(page, 'Source schema', 'dbo');
  await pick(page, 'Source table', 'cost_centers');
  await page.getByRole('dialog').getByRole('button', { name: 'Add source table', exact: true }).click();
  await expect(page.getByRole('row', { name: /cost_centers/ })).toBeVisible();

  // What the server received and stored, read over HTTP.
  const stored = await request.get(
    `${MOCK}/api/connections/warehouse/schemas/marts/tables/fct_revenue/lineage/sources/finance_sqlserver/schemas/dbo/tables/cost_centers`,
  );
  expect(await stored.json()).toEqual({ source_connection: 'finance_sqlserver', source_schema: 'dbo', source_table: 'cost_centers' });
  // Every call went to the same origin's /api (the preview server's proxy), never to another host.
  expect(apiCalls.length).toBeGreaterThan(5);
  expect(apiCalls.every((path) => path.startsWith('/api/'))).toBe(true);

  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  await expect(node(page, 'cost_centers')).toBeVisible();
});

test('401 opens the key prompt and the app retries with the key', async ({ page, request }) => {
  await request.post(`${MOCK}/__mock/reset?requireAuth=true`);
  await page.goto(`${APP}?connection=warehouse&schema=marts&table=dim_date`);
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toContainText('HTTP 401');
  const sent: (string | null)[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) sent.push(r.headers()['authorization'] ?? null);
  });
  await dialog.getByLabel('API key').fill('dqops-demo-key');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(node(page, 'dim_date')).toBeVisible();
  await expect(page.getByLabel('Server in use')).toContainText('API key set');
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.every((h) => h === 'Bearer dqops-demo-key')).toBe(true);
  // The key is never written to localStorage or the URL.
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('dqops-demo-key');
  expect(page.url()).not.toContain('dqops-demo-key');
});

test('a 2024-09 server: no target list, and the graph still works', async ({ page, request }) => {
  await request.post(`${MOCK}/__mock/reset?generation=2024-09`);
  await page.goto(`${APP}?connection=warehouse&schema=marts&table=dim_customers&view=targets`);
  await expect(page.getByText(/cannot list target tables/)).toBeVisible();
  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  await expect(node(page, 'fct_orders')).toBeVisible();
});

test.describe('hostile names created through the API', () => {
  const H = {
    connection: '"; DROP TABLE users; --',
    schema: '<img src=x onerror=alert(1)>',
    path: '../..',
    percent: 'a/b%2Fc',
    emoji: 'sales 📈 ☃',
    script: '<script>window.__pwned=1</script>',
  };
  const seg = encodeURIComponent;

  test('show as text in every view and run nothing', async ({ page, request }) => {
    await request.post(`${MOCK}/__mock/reset?scenario=hostile`);
    const target = `${MOCK}/api/connections/${seg(H.connection)}/schemas/${seg(H.schema)}/tables/${seg(H.emoji)}/lineage/sources`;
    const add = (c: string, s: string, t: string, extra: object = {}) =>
      request.post(`${target}/${seg(c)}/schemas/${seg(s)}/tables/${seg(t)}`, {
        data: { source_connection: c, source_schema: s, source_table: t, ...extra },
      });
    expect((await add(H.connection, H.schema, H.percent, { data_lineage_source_tool: H.script, properties: { [H.schema]: H.script } })).status()).toBe(201);
    expect((await add(H.connection, H.schema, H.path)).status()).toBe(201);
    expect((await add(H.script, H.schema, H.script)).status()).toBe(201); // not in DQOps

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const query = new URLSearchParams({ connection: H.connection, schema: H.schema, table: H.emoji });
    await page.goto(`${APP}?${query}`);
    // Picker
    await expect(page.getByRole('combobox', { name: 'Connection', exact: true })).toHaveValue(H.connection);
    await expect(page.getByRole('combobox', { name: 'Schema', exact: true })).toHaveValue(H.schema);
    await expect(page.getByRole('combobox', { name: 'Table', exact: true })).toHaveValue(H.emoji);
    // Graph
    await expect(page.getByLabel(`${H.emoji}, ${H.schema} in ${H.connection}, focus table: Error`, { exact: false })).toBeVisible();
    await expect(page.getByLabel(new RegExp(`^${H.percent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `))).toBeVisible();
    await expect(page.getByLabel(/^\.\.\/\.\., /)).toBeVisible();
    await expect(page.getByLabel(`${H.script}, ${H.schema} in ${H.script}: Not in DQOps`)).toBeVisible();
    // Details
    await page.getByLabel(/^a\/b%2Fc, /).click();
    await expect(page.getByRole('region', { name: `Details of ${H.percent}` })).toContainText(`${H.schema} · ${H.connection}`);
    // Flows table and sources list
    await page.getByRole('tab', { name: 'Flows (table)' }).click();
    await expect(page.getByRole('table')).toContainText(H.script);
    await page.getByRole('tab', { name: 'Source tables' }).click();
    await expect(page.getByRole('row', { name: new RegExp(H.percent) })).toContainText(`${H.schema}=${H.script}`);
    // Editor
    await page.getByRole('button', { name: `Edit source ${H.percent}` }).click();
    await expect(page.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue(H.script);
    await page.getByRole('button', { name: 'Cancel' }).click();

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0);
  });
});

test('10,000-character, right-to-left and control-character text stays text, keeps the layout and is neutralised in exports', async ({ page, request }) => {
  await request.post(`${MOCK}/__mock/reset?scenario=hostile`);
  const seg = encodeURIComponent;
  const connection = '"; DROP TABLE users; --';
  const schema = '<img src=x onerror=alert(1)>';
  const target = 'sales 📈 ☃';
  const formula = '=HYPERLINK("http://evil.example","click")';
  const spoof = 'invoice\u202Egnp.exe'; // right-to-left override
  const longName = `wide_${'w'.repeat(1_995)}`; // 2,000 characters: a URL segment must still fit a request line
  const longTool = `${'A'.repeat(9_990)}<b>bold</b>`; // 10,000 characters
  const control = 'bell\u0007 nul\u0000 zero-width\u200B tab\t end';
  const base = `${MOCK}/api/connections/${seg(connection)}/schemas/${seg(schema)}/tables/${seg(target)}/lineage/sources`;
  for (const [table, extra] of [
    [formula, { data_lineage_source_tool: longTool, properties: { [control]: 'جدول المبيعات' } }],
    [spoof, { data_lineage_source_tool: control }],
    [longName, {}],
  ] as const) {
    const created = await request.post(`${base}/${seg(connection)}/schemas/${seg(schema)}/tables/${seg(table)}`, {
      data: { source_connection: connection, source_schema: schema, source_table: table, ...extra },
    });
    expect(created.status()).toBe(201);
  }
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${APP}?${new URLSearchParams({ connection, schema, table: target })}`);
  await expect(node(page, formula)).toBeVisible();
  await expect(node(page, spoof)).toBeVisible();
  const wide = node(page, longName);
  await expect(wide).toBeVisible();
  // The 2,000-character name is cut by the node, not the node by the name; the page does not scroll sideways.
  expect((await wide.boundingBox())?.width ?? 999).toBeLessThan(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await wide.click();
  await expect(page.getByRole('region', { name: `Details of ${longName}` })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Sources list and editor: the 10,000-character tool and the control characters arrive intact.
  await page.getByRole('tab', { name: 'Source tables' }).click();
  await expect(page.getByRole('row', { name: /HYPERLINK/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.getByRole('button', { name: `Edit source ${formula}` }).click();
  await expect(page.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue(longTool);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: `Edit source ${spoof}` }).click();
  await expect(page.getByRole('textbox', { name: 'Source tool (optional)' })).toHaveValue(control);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Exports: the CSV cell cannot run as a formula; the SVG is well-formed XML with the names as text.
  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  const csv = (await exportFile(page, 'Flows as CSV')).text;
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(csv).not.toMatch(/(^|,)"=HYPERLINK/m);
  const svg = (await exportFile(page, 'Vector picture (SVG)')).text;
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      images: doc.querySelectorAll('img, script, foreignObject').length,
      text: doc.documentElement.textContent ?? '',
    };
  }, svg);
  expect(parsed.error).toBeNull();
  expect(parsed.images).toBe(0);
  expect(parsed.text).toContain('=HYPERLINK');

  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);
});

test('two tabs editing the same source: the second save sees the first and does not overwrite it silently', async ({ page, context, request }) => {
  const url = `${APP}?connection=warehouse&schema=marts&table=fct_revenue&view=sources`;
  const stored = `${MOCK}/api/connections/warehouse/schemas/marts/tables/fct_revenue/lineage/sources/warehouse/schemas/staging/tables/stg_invoices`;
  const other = await context.newPage();
  for (const tab of [page, other]) {
    await tab.goto(url);
    await tab.getByRole('button', { name: 'Edit source stg_invoices' }).click();
    await expect(tab.getByRole('textbox', { name: 'Source tool (optional)' })).toBeVisible();
  }
  // The other tab saves first.
  await other.getByRole('textbox', { name: 'Source tool (optional)' }).fill('from-tab-2');
  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('dialog')).toBeHidden();
  expect((await (await request.get(stored)).json()).data_lineage_source_tool).toBe('from-tab-2');

  // This tab saves a different edit: it is told, shown what changed, and nothing is overwritten.
  const tool = page.getByRole('textbox', { name: 'Source tool (optional)' });
  await tool.fill('from-tab-1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Someone else changed this source table since you opened it.')).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText('"from-tab-2"');
  await expect(tool).toHaveValue('from-tab-1');
  expect((await (await request.get(stored)).json()).data_lineage_source_tool).toBe('from-tab-2');

  // Only an explicit choice overwrites.
  await page.getByRole('button', { name: 'Overwrite with my version' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect((await (await request.get(stored)).json()).data_lineage_source_tool).toBe('from-tab-1');
});
