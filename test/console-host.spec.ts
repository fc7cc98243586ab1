// The packed library inside a host built like the DQOps 1.13.2 console (test/console-host: React
// 18.2, webpack 5, Tailwind 3.3's preflight, react-router 5, a fixed-size box), next to the same
// component on a bare page, and on a page without a bundler. One mock DQOps (:8897) behind the
// host's own /api: the tests run in order and reset it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const HOST = 'http://127.0.0.1:4176';
const tablePage = (prefix: string, table = 'fct_orders', view = 'graph', connection = 'warehouse', schema = 'marts') =>
  `${HOST}${prefix}/connection/${connection}/schema/${schema}/table/${table}/data-lineage/${view}`;

test.describe.configure({ mode: 'serial' });

async function resetMock(page: Page, query = '') {
  expect((await page.request.post(`${HOST}/__mock/reset${query}`)).status()).toBe(204);
}

/** Workers the page starts, by URL. */
function watchWorkers(page: Page): string[] {
  const urls: string[] = [];
  page.on('worker', (worker) => urls.push(new URL(worker.url()).pathname));
  return urls;
}

const focusNode = (page: Page, table: string) => page.getByLabel(new RegExp(`^${table}, [^,]+ in [^,]+, focus table`));

test('webpack 5 bundles the worker of the packed library: a 300-table lineage lays out and its overview paints', async ({ page }) => {
  await resetMock(page, '?generator=300');
  const workers = watchWorkers(page);
  await page.goto(tablePage('', 'hub_events', 'graph', 'synthetic', 'pipeline'));
  await expect(page.getByText(/Showing \d+ of 300 tables/)).toBeVisible({ timeout: 30_000 });
  // Every table, not grouped (one schema would be grouped by level).
  await page.getByText('View', { exact: true }).click();
  await page.getByRole('menuitemradio', { name: 'Tables, not grouped' }).click();
  await page.getByRole('button', { name: 'Show all 300 tables' }).click();
  const overview = page.getByRole('img', { name: /Overview of all 300 tables/ });
  await expect(overview).toBeVisible({ timeout: 30_000 });
  // More than 60 tables are laid out in the worker only: the overview has drawn tables.
  await expect
    .poll(() =>
      overview.evaluate((canvas: HTMLCanvasElement) => {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0 && Math.abs((data[i] ?? 0) - (data[i + 2] ?? 0)) > 40) coloured += 1;
        return coloured;
      }),
    )
    .toBeGreaterThan(1000);
  expect(workers.length).toBeGreaterThan(0);
  // webpack emitted the worker as one of its own chunks, served from the host's /static/.
  expect(workers.every((path) => /^\/static\/[\w.]+\.js$/.test(path))).toBe(true);
});

test('webpack 5 bundles the SQL reader’s worker and its grammar chunk: a pasted statement is proposed inside the console', async ({ page }) => {
  await resetMock(page);
  const workers = watchWorkers(page);
  await page.goto(tablePage(''));
  await focusNode(page, 'fct_orders').click();
  await page.getByRole('button', { name: 'Derive sources and mappings from SQL…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Derive sources and mappings of fct_orders from SQL' });
  await dialog.getByRole('combobox', { name: 'Dialect' }).selectOption('snowflake');
  await dialog
    .getByRole('textbox', { name: 'SQL statement' })
    .fill(
      'INSERT INTO MARTS.FCT_ORDERS (ORDER_ID, PAID_AMOUNT) SELECT O.ORDER_ID, P.AMOUNT FROM STAGING.STG_ORDERS O JOIN STAGING.STG_PAYMENTS P ON P.ORDER_ID = O.ORDER_ID',
    );
  await dialog.getByRole('button', { name: 'Propose mappings' }).click();
  await expect(dialog.getByRole('heading', { name: 'Proposed for fct_orders: 2 source tables, 2 column mappings' })).toBeVisible({ timeout: 30_000 });
  // The SQL worker is webpack's own chunk, from the host's /static/ (the proposal shows that the
  // grammar it imports on demand loaded too).
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.every((path) => /^\/static\/[\w.]+\.js$/.test(path))).toBe(true);
});

test('a page without a bundler loads the packed library as shipped: the worker comes from next to the module', async ({ page }) => {
  await resetMock(page);
  const workers = watchWorkers(page);
  await page.goto(`${HOST}/plain`);
  await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => workers).toEqual([expect.stringMatching(/^\/pkg\/assets\/layout\.worker-[\w-]+\.js$/)]);
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`the component fills exactly the host's box at ${size.width}×${size.height}, zoom controls and all`, async ({ page }) => {
    await resetMock(page);
    await page.setViewportSize(size);
    await page.goto(tablePage(''));
    await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
    const box = await page.locator('#lineage-box').evaluate((element) => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      const left = rect.left + parseFloat(style.borderLeftWidth);
      const top = rect.top + parseFloat(style.borderTopWidth);
      return { left, top, width: element.clientWidth, height: element.clientHeight };
    });
    const root = await page.locator('#lineage-box .ls-root').boundingBox();
    expect(root).toEqual({ x: box.left, y: box.top, width: box.width, height: box.height });
    // Nothing of the component sticks out of the box; the zoom controls are inside it.
    const overflow = await page
      .locator('#lineage-box .ls-root')
      .evaluate((element) => ({ x: element.scrollWidth - element.clientWidth, y: element.scrollHeight - element.clientHeight }));
    expect(overflow).toEqual({ x: 0, y: 0 });
    const controls = await page.locator('#lineage-box .react-flow__controls').boundingBox();
    expect(controls).not.toBeNull();
    if (controls) expect(controls.y + controls.height).toBeLessThanOrEqual(box.top + box.height);
    // The first camera: the focus and its nearest neighbours wholly in view, names readable where they fit.
    const canvas = await page.locator('#lineage-box .react-flow').boundingBox();
    for (const name of ['fct_orders', 'stg_orders', 'fct_revenue']) {
      const table = await page.getByLabel(new RegExp(`^${name}, `)).boundingBox();
      expect(table && canvas, name).toBeTruthy();
      if (table && canvas) {
        expect(table.x, name).toBeGreaterThanOrEqual(canvas.x);
        expect(table.x + table.width, name).toBeLessThanOrEqual(canvas.x + canvas.width);
      }
    }
  });

  test(`the standalone app fills exactly the window at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/?connection=warehouse&schema=marts&table=fct_orders');
    await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
    const fit = await page.evaluate(() => {
      const root = document.querySelector('.ls-root')?.getBoundingClientRect();
      return {
        page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
        root: root && { x: root.x, y: root.y, width: root.width, height: root.height },
      };
    });
    expect(fit.page).toEqual(size);
    expect(fit.root).toEqual({ x: 0, y: 0, ...size });
    const controls = await page.locator('.react-flow__controls').boundingBox();
    if (!controls) throw new Error('no zoom controls');
    expect(controls.y + controls.height).toBeLessThanOrEqual(size.height);
  });
}

/** Computed styles of every element under `scope`, in document order, with the placeholder's colour. */
function stylesUnder(page: Page, scope: string) {
  return page.evaluate((selector) => {
    const PROPERTIES = [
      'display',
      'box-sizing',
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'line-height',
      'letter-spacing',
      'text-transform',
      'text-align',
      'color',
      'background-color',
      'background-image',
      'opacity',
      'cursor',
      'list-style-type',
      'vertical-align',
      'border-collapse',
      'margin-top',
      'margin-right',
      'margin-bottom',
      'margin-left',
      'padding-top',
      'padding-right',
      'padding-bottom',
      'padding-left',
      'border-top-width',
      'border-right-width',
      'border-bottom-width',
      'border-left-width',
      'border-top-style',
      'border-top-color',
      'border-top-left-radius',
      'width',
      'height',
    ];
    const path = (element: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = element; e && !e.matches(selector); e = e.parentElement)
        parts.unshift(e.tagName.toLowerCase() + (e.classList[0] ? `.${e.classList[0]}` : ''));
      return parts.join(' > ');
    };
    const out: [string, Record<string, string>][] = [];
    for (const root of document.querySelectorAll(selector)) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const style = getComputedStyle(element);
        const values: Record<string, string> = {};
        for (const name of PROPERTIES) {
          const value = style.getPropertyValue(name);
          values[name] = name === 'width' || name === 'height' ? String(Math.round(parseFloat(value) || 0)) : value;
        }
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)
          values['::placeholder color'] = getComputedStyle(element, '::placeholder').color;
        out.push([path(element) || selector, values]);
      }
    }
    return out;
  }, scope);
}

function differences(reference: [string, Record<string, string>][], actual: [string, Record<string, string>][]): string[] {
  if (reference.length !== actual.length) return [`${reference.length} elements on the bare page, ${actual.length} here`];
  const found: string[] = [];
  reference.forEach(([path, values], i) => {
    const [otherPath, other] = actual[i] ?? ['', {}];
    if (otherPath !== path) found.push(`element ${i}: ${path} vs ${otherPath}`);
    for (const [name, value] of Object.entries(values)) if (other[name] !== value) found.push(`${path} ${name}: ${value} → ${other[name]}`);
  });
  return found;
}

/** Puts the component in a state with headings, buttons, inputs, checkboxes and placeholders. */
async function openEveryKindOfControl(page: Page, prefix: string) {
  await page.goto(tablePage(prefix));
  await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel(/^fct_revenue, /).click(); // the details panel: headings, lists
  await expect(page.getByRole('region', { name: 'Details of fct_revenue' })).toBeVisible();
  await page.getByText('Filter', { exact: true }).click(); // the filter menu: checkboxes
  await expect(page.getByRole('checkbox').first()).toBeVisible();
}

test("the console's Tailwind preflight, loaded after or before the component, changes none of its computed styles", async ({ page }) => {
  test.setTimeout(180_000); // six page loads and ~2,000 computed styles compared: slow on a loaded 2-core machine
  await resetMock(page);
  await openEveryKindOfControl(page, '/bare');
  const bare = await stylesUnder(page, '.ls-root');
  expect(bare.length).toBeGreaterThan(300);
  for (const prefix of ['', '/reset-first']) {
    await openEveryKindOfControl(page, prefix);
    expect(differences(bare, await stylesUnder(page, '.ls-root')), `host ${prefix || '/'}`).toEqual([]);
  }

  // The editor: a dialog with a title, comboboxes with placeholders, buttons.
  const openEditor = async (prefix: string) => {
    await page.goto(tablePage(prefix, 'fct_orders', 'sources'));
    await page.getByRole('button', { name: '+ Add source table' }).click();
    await expect(page.getByRole('dialog', { name: /Add a source table/ })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Source connection', exact: true })).toBeEnabled();
  };
  await openEditor('/bare');
  const bareEditor = await stylesUnder(page, 'dialog');
  for (const prefix of ['', '/reset-first']) {
    await openEditor(prefix);
    expect(differences(bareEditor, await stylesUnder(page, 'dialog')), `editor, host ${prefix || '/'}`).toEqual([]);
  }
  // The host's palette reaches the component through the documented custom properties.
  await page.goto(tablePage(''));
  await expect(page.getByRole('radio', { name: 'Both' })).toHaveCSS('background-color', 'rgb(2, 154, 128)');
  await expect(page.locator('.ls-root')).toHaveCSS('color', 'rgb(47, 47, 47)');
});

test('no element of the console changes style when the component and its stylesheet are on the page', async ({ page }) => {
  await resetMock(page);
  // Every element of the host page, sizes included, but what is inside the box (the component, or the note that it is absent).
  const hostStyles = async () => (await stylesUnder(page, 'body')).filter(([path]) => !/section > /.test(path));
  await page.goto(tablePage('/nostudio'));
  await expect(page.locator('#host-title')).toHaveText('warehouse.marts.fct_orders');
  const without = await hostStyles();
  expect(without.length).toBeGreaterThan(20);
  await page.goto(tablePage(''));
  await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
  expect(differences(without, await hostStyles())).toEqual([]);
});

test('the console drives the view with its own tabs; header and tabs are hidden when asked and shown when not', async ({ page }) => {
  await resetMock(page);
  await page.goto(tablePage(''));
  const box = page.getByRole('region', { name: 'Lineage box' });
  await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
  await expect(box.getByText('Lineage Studio')).toHaveCount(0);
  await expect(box.getByRole('tab')).toHaveCount(0);
  // No header: the settings are one small button (the host passes no API key).
  await expect(box.getByRole('button', { name: 'Settings' })).toBeVisible();

  await page.getByRole('button', { name: 'Source tables', exact: true }).click();
  await expect(box.getByRole('heading', { name: 'Source tables of fct_orders' })).toBeVisible();
  await page.getByRole('button', { name: 'Target tables', exact: true }).click();
  await expect(box.getByRole('heading', { name: 'Target tables of fct_orders' })).toBeVisible();
  await page.getByRole('button', { name: 'Data lineage graph', exact: true }).click();
  await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });

  // The host's route changes the table.
  await page.getByRole('link', { name: 'warehouse.marts.fct_revenue' }).click();
  await expect(focusNode(page, 'fct_revenue')).toBeVisible();
  // The user opens another table inside: the host is told and navigates.
  await page.getByLabel(/^fct_orders, /).click();
  await page.getByRole('button', { name: 'Make focus table' }).click();
  await expect(page).toHaveURL(/\/table\/fct_orders\/data-lineage\/graph$/);
  await expect(page.locator('#host-title')).toHaveText('warehouse.marts.fct_orders');
  await expect(page.getByLabel('Host events')).toHaveText(JSON.stringify([{ open: { connection: 'warehouse', schema: 'marts', table: 'fct_orders' } }]));

  // Shown when asked: the component's own header and tabs; its tab tells the host.
  await page.goto(`${tablePage('')}?chrome=1`);
  await expect(box.getByText('Lineage Studio', { exact: true })).toBeVisible();
  await box.getByRole('tab', { name: 'Source tables' }).click();
  await expect(page).toHaveURL(/\/data-lineage\/sources\?chrome=1$/);
  await expect(page.getByRole('button', { name: 'Source tables', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Host events')).toHaveText(JSON.stringify([{ view: 'sources' }]));
});

test('mountLineageStudio returns update() and unmount()', async ({ page }) => {
  await resetMock(page);
  await page.goto(`${HOST}/mounted`);
  const box = page.getByRole('region', { name: 'Mounted box' });
  await expect(focusNode(page, 'fct_orders')).toBeVisible({ timeout: 30_000 });
  await expect(box.getByRole('tab')).toHaveCount(0);
  await page.locator('#update-table').click();
  await expect(focusNode(page, 'dim_customers')).toBeVisible();
  await page.locator('#update-view').click();
  await expect(box.getByRole('heading', { name: 'Source tables of dim_customers' })).toBeVisible();
  await page.locator('#update-chrome').click();
  await expect(box.getByText('Lineage Studio', { exact: true })).toBeVisible();
  await expect(box.getByRole('tab', { name: 'Source tables' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('#unmount').click();
  await expect(box.locator('.ls-root')).toHaveCount(0);
  await expect(page.locator('#update-table')).toBeVisible(); // the host page goes on
});
