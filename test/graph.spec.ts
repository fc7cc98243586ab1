import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { card, expect, exportFile, FCT_ORDERS, node, openDemo, pick, settledBox, test } from './fixtures';

/** React Flow's fit-view control. */
const FIT_VIEW = 'Fit View';

test('a steward picks a table through the picker and reads its lineage', async ({ page }) => {
  await openDemo(page);
  await expect(page.getByRole('heading', { name: /See where your data comes from/ })).toBeVisible();
  await pick(page, 'Connection', 'warehouse');
  await pick(page, 'Schema', 'marts');
  await pick(page, 'Table', 'fct_orders');
  await expect(page).toHaveURL(/connection=warehouse&schema=marts&table=fct_orders/);
  await expect(node(page, 'fct_orders')).toContainText('focus');
  await expect(node(page, 'stg_payments')).toBeVisible();
  await expect(node(page, 'rpt_executive_kpis')).toBeVisible();
  await expect(page.getByText('Showing 15 of 26 tables')).toBeVisible();
  // The failing landing table is drawn with its severity.
  await expect(node(page, 'shop_payments')).toHaveAttribute('aria-label', /Fatal$/);
});

test('switching upstream / downstream asks DQOps again and redraws', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await expect(node(page, 'rpt_daily_sales')).toBeVisible();
  await page.getByRole('radio', { name: 'Upstream', exact: true }).click();
  await expect(page).toHaveURL(/direction=upstream/);
  await expect(node(page, 'stg_orders')).toBeVisible();
  await expect(node(page, 'rpt_daily_sales')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Downstream', exact: true }).click();
  await expect(node(page, 'rpt_daily_sales')).toBeVisible();
  await expect(node(page, 'stg_orders')).toHaveCount(0);
  await page.goBack();
  await expect(node(page, 'stg_orders')).toBeVisible();
});

test('hidden hops expand on click and "show all" is one action away', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await expect(node(page, 'shop_orders')).toBeVisible();
  await expect(node(page, 'orders')).toHaveCount(0);
  // The first camera shows the focus and its neighbours readable; tables two hops away are reached by fitting the view.
  await page.getByRole('button', { name: FIT_VIEW }).click();
  await page.getByRole('button', { name: 'Show 1 hidden upstream table of shop_orders' }).click();
  await expect(node(page, 'orders')).toBeVisible();
  await page.getByRole('button', { name: 'Show all 26 tables' }).click();
  await expect(page.getByText('Showing 26 of 26 tables')).toBeVisible();
  await expect(node(page, 'customers')).toBeVisible();
});

test('selecting a table shows its details, highlights its paths and can become the focus', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await node(page, 'dim_customers').click();
  const details = page.getByRole('region', { name: 'Details of dim_customers' });
  await expect(details).toContainText('Own status');
  await expect(details).toContainText('Including upstream');
  await expect(details.getByRole('table')).toContainText('Completeness');
  // Its paths stay bright, the rest fades: stg_customers feeds dim_customers, shop_payments does not.
  await expect(card(page, 'stg_customers')).toHaveClass(/ls-node--highlighted/);
  await expect(card(page, 'fct_orders')).toHaveClass(/ls-node--highlighted/);
  await expect(card(page, 'shop_payments')).toHaveClass(/ls-node--faded/);
  await details.getByRole('button', { name: 'Make focus table' }).click();
  await expect(page).toHaveURL(/table=dim_customers/);
  await expect(node(page, 'dim_customers')).toContainText('focus');
});

test('root cause: from a failing report to where the problem entered', async ({ page }) => {
  await openDemo(page, { connection: 'warehouse', schema: 'marts', table: 'dim_customers' });
  await node(page, 'dim_customers').click();
  await page.getByRole('button', { name: 'Trace root cause' }).click();
  const list = page.getByRole('list', { name: 'Root cause, nearest first' });
  // crm customers (duplicate e-mails, error) and crm contacts (missing phones, warning): 3 hops up.
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('customers');
  await expect(list.getByRole('listitem').first()).toContainText('3 steps upstream · problem entered here');
  await expect(list.getByRole('listitem').last()).toContainText('contacts');
  await expect(node(page, 'customers')).toContainText('origin'); // revealed though 3 hops away
});

test('search jumps to a table, even one outside the default view', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await expect(node(page, 'customers')).toHaveCount(0);
  const find = page.getByRole('combobox', { name: 'Find table in graph' });
  await find.fill('customer_add');
  await find.press('Enter');
  await expect(page).toHaveURL(/node=crm_postgres%2Fpublic%2Fcustomer_addresses/);
  await expect(node(page, 'customer_addresses')).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Details of customer_addresses' })).toBeVisible();
});

test('filters by severity', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await expect(node(page, 'stg_orders')).toBeVisible();
  await page.getByText('Filter').click();
  await page.getByRole('checkbox', { name: /Valid/ }).uncheck();
  await expect(node(page, 'stg_orders')).toHaveCount(0);
  await expect(node(page, 'shop_payments')).toBeVisible();
  await expect(node(page, 'fct_orders')).toBeVisible(); // the focus table always stays
  // The way from a shown table to the focus stays, dimmed, through the table the filter hides.
  await expect(page.getByRole('img', { name: 'shop_payments leads to fct_orders through 1 table the filter hides' })).toBeVisible();
  // Failing tables beyond the drawn steps are counted, one click from being drawn.
  await page.getByRole('checkbox', { name: /No checks/ }).uncheck();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox').first()).toBeHidden(); // Escape closed the menu
  const beyond = page.getByRole('button', { name: /^\d+ more matching the filter beyond these steps$/ });
  await expect(beyond).toBeVisible();
  await beyond.click();
  await expect(node(page, 'customers')).toBeVisible(); // an Error table 4 steps upstream
  await expect(node(page, 'stg_orders')).toHaveCount(0);
});

test('exports the whole graph as PNG and the flows as CSV', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await expect(node(page, 'fct_orders')).toBeVisible();
  const png = await exportFile(page, 'Picture (PNG)');
  expect(png.name).toBe('lineage-warehouse-marts-fct_orders.png');
  expect(png.bytes.length).toBeGreaterThan(10_000);
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');

  const drawing = (await exportFile(page, 'Vector picture (SVG)')).text;
  expect(drawing.match(/<g>/g)).toHaveLength(26); // the whole lineage, not only the 15 tables drawn around the focus
  expect(drawing).toContain('rpt_executive_kpis');
  expect(drawing).toContain('>■ shop_payments<'); // severity icon + name

  const text = (await exportFile(page, 'Flows as CSV')).text;
  expect(text.split('\r\n')[0]).toContain('source_table');
  expect(text).toContain('"shop_payments"');
});

test('the flows table is an accessible alternative to the canvas', async ({ page }) => {
  await openDemo(page, FCT_ORDERS, '&view=flows');
  const table = page.getByRole('table', { name: '27 data flows around fct_orders (source → target)' });
  await expect(table.getByRole('row')).toHaveCount(28); // header + 27 flows between 26 tables
  // Sorted by a column: the worst arriving data first, then reversed.
  const arriving = table.getByRole('columnheader', { name: /^Arriving data/ });
  await arriving.getByRole('button').click();
  await expect(arriving).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(5)).toContainText('Fatal');
  await arriving.getByRole('button').click();
  await expect(arriving).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(5)).not.toContainText('Fatal');
  // A filter that matches nothing says so and offers the way back.
  await page.getByLabel('Filter flows by table, schema or connection').fill('no_such_table');
  await expect(page.getByText('No flow has a table, schema or connection matching “no_such_table”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(table.getByRole('row')).toHaveCount(28);
  await table
    .getByRole('button', { name: /shop_payments/ })
    .first()
    .click();
  await expect(page).toHaveURL(/table=shop_payments/);
});

test('keyboard only: reach and operate the picker', async ({ page }) => {
  await openDemo(page);
  const connection = page.getByRole('combobox', { name: 'Connection' });
  await expect(connection).toHaveAttribute('placeholder', 'Choose a connection');
  for (let i = 0; i < 4 && !(await connection.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(connection).toBeFocused();
  const firstOption = (label: string) => page.getByRole('listbox', { name: label, exact: true }).getByRole('option').first();
  await page.keyboard.type('shop');
  await expect(firstOption('Connection')).toHaveText(/shop_mysql/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('combobox', { name: 'Schema' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(firstOption('Schema')).toHaveText('shop'); // wait for the list, as a person would
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('paym');
  await expect(firstOption('Table')).toHaveText(/^payments/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/connection=shop_mysql&schema=shop&table=payments/);
  await expect(node(page, 'payments')).toBeVisible();
});

test('quality along paths: failing sources carried downstream, colour including upstream, what breaks if a table fails', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  // shop_payments (fatal) feeds stg_payments, which feeds fct_orders.
  await expect(node(page, 'shop_payments')).toHaveAttribute('aria-label', /: Fatal$/);
  await expect(node(page, 'stg_payments')).toHaveAttribute('aria-label', /fed by \d+ failing upstream tables? \(worst: Fatal\)$/);
  await expect(node(page, 'stg_payments')).toContainText('⚠');
  await expect(node(page, 'fct_orders')).toHaveAttribute('aria-label', /fed by \d+ failing upstream tables? \(worst: Fatal\)$/);
  await expect(node(page, 'shop_payments')).not.toHaveAttribute('aria-label', /fed by/); // nothing failing above it

  await page.getByText('View', { exact: true }).click();
  await page.getByRole('group', { name: 'Colour tables by' }).getByRole('menuitemradio', { name: 'Including upstream' }).click();
  await expect(node(page, 'stg_payments')).toHaveAttribute('aria-label', /: Fatal including upstream, fed by/);

  await page.getByRole('button', { name: FIT_VIEW }).click(); // shop_payments is two hops up, beyond the first camera
  await node(page, 'shop_payments').click();
  await page.getByRole('button', { name: 'What breaks if this fails' }).click();
  const affected = page.getByRole('list', { name: 'Tables affected if shop_payments fails' });
  await expect(affected.getByRole('listitem').first()).toContainText('stg_payments');
  await expect(affected.getByRole('listitem').first()).toContainText('1 step downstream');
  await expect(affected).toContainText('fct_orders');
  // The mapped columns it reaches through the column mappings: fct_orders.paid_amount ← stg_payments.amount,
  // and order_id and status, mapped by name from stg_payments too.
  await page.getByRole('button', { name: 'Find the affected columns' }).click();
  await expect(affected.getByRole('listitem').filter({ hasText: /^.*fct_orders/ })).toContainText('columns order_id, paid_amount, status');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as CSV' }).click()]);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toMatch(/,affected_own_status,affected_columns$/);
  expect(csv).toContain('"datalake","landing","shop_payments","warehouse","staging","stg_payments","1"');
  expect(csv).toMatch(/"warehouse","marts","fct_orders","2","stg_payments","[^"]*","order_id; paid_amount; status"/);
  expect(csv.trim().split('\r\n').length).toBe((await affected.getByRole('listitem').count()) + 1);
});

test('column lineage: trace a column end to end through the column mappings, and draw the tables on its path', async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await node(page, 'fct_orders').click();
  const columns = page.getByRole('list', { name: 'Columns of fct_orders' });
  await columns.getByRole('button', { name: /total_amount_usd/ }).click();
  const path = page.getByRole('region', { name: 'Path of column total_amount_usd' });
  const from = path.getByRole('list', { name: 'Comes from' });
  await expect(from).toContainText('↑ 1 · stg_orders.total_amount');
  await expect(from).toContainText('↑ 1 · stg_fx_rates.rate_to_usd');
  await expect(path.getByRole('list', { name: 'Goes to' })).toContainText('↓ 1 · fct_revenue.revenue_usd');
  // The canvas shows the column's path: tables on it stay bright, the others fade.
  await expect(card(page, 'fct_revenue')).toHaveClass(/ls-node--highlighted/);
  await expect(card(page, 'stg_orders')).toHaveClass(/ls-node--highlighted/);
  await expect(card(page, 'dim_customers')).toHaveClass(/ls-node--faded/);
  await expect(from).toContainText('↑ 3 · orders.total_amount'); // 3 hops up, beyond the drawn 2
  // Tables of the path beyond the drawn hops are counted (hidden is not missing) and can be drawn.
  await expect(node(page, 'orders')).toHaveCount(0);
  await expect(path).toContainText('2 tables on this path are not drawn.');
  await path.getByRole('button', { name: 'Show them' }).click();
  await expect(node(page, 'orders')).toBeVisible();
  await expect(node(page, 'fx_rates')).toBeVisible();
  await expect(path.getByText(/not drawn/)).toHaveCount(0);
  // Unselecting the column brings the normal highlight back.
  await columns.getByRole('button', { name: /total_amount_usd/ }).click();
  await expect(path).toHaveCount(0);
});

test('one arrow reads the same whichever table is the focus; the 2024-09 server gets the same picture, estimates read as estimates', async ({ page }) => {
  const arriving = async (source: string, target: string) => {
    const arrow = page.getByRole('group', { name: new RegExp(`^${source} feeds ${target}`) });
    await settledBox(arrow); // the first picture is complete (arrows are drawn once the tables are measured)
    await arrow.focus();
    await expect(arrow).toBeFocused();
    await page.keyboard.press('Enter');
    const details = page.getByRole('region', { name: 'Flow details' });
    await expect(details).toContainText('as far as this lineage shows');
    return details.getByRole('definition').first();
  };
  // fct_order_items is healthy all the way up; fct_returns fails its own checks.
  for (const focus of ['fct_order_items', 'fct_returns']) {
    await openDemo(page, { connection: 'warehouse', schema: 'marts', table: focus });
    await expect(await arriving('fct_order_items', 'fct_returns')).toContainText('Valid');
  }

  // The 2024-09 server sends no status "including upstream" for the focus table, and rows as ln(rows).
  await openDemo(page, FCT_ORDERS, '&mock.generation=2024-09');
  await node(page, 'fct_orders').click();
  const details = page.getByRole('region', { name: 'Details of fct_orders' });
  await expect(details.getByRole('definition').nth(1)).toContainText('Fatal'); // fed by shop_payments (fatal)
  await expect(node(page, 'fct_orders')).toHaveAttribute('aria-label', /fed by \d+ failing upstream tables? \(worst: Fatal\)$/);
  await expect(details.getByRole('button', { name: 'Trace root cause' })).toBeVisible();
  await expect(details.getByRole('definition').nth(2)).toHaveText(/^≈ \d+(\.\d)?[KMB]$/);
});

test("a drawn table's other links: counted from DQOps, said why they are not drawn, one step away", async ({ page }) => {
  await openDemo(page, FCT_ORDERS);
  await node(page, 'fct_revenue').click();
  const details = page.getByRole('region', { name: 'Details of fct_revenue' });
  // fct_orders's tree holds only what flows through fct_orders: one of fct_revenue's three sources.
  await expect(details).toContainText(/1 of 3 sources · \d+ targets? in this lineage/);
  await expect(details).toContainText("The other 2 sources do not flow through fct_orders, so fct_orders's lineage does not hold them.");
  await details.getByRole('button', { name: "Open fct_revenue's own lineage" }).click();
  await expect(page).toHaveURL(/table=fct_revenue/);
  await expect(page.getByLabel(/^fct_revenue, marts in warehouse, focus table/)).toBeVisible();
});

/** Each drawn arrow's two ends, and where its tables' handles are drawn (flow coordinates). */
function arrowEnds(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport') as HTMLElement;
    const m = new DOMMatrix(getComputedStyle(viewport).transform);
    const origin = (viewport.parentElement as HTMLElement).getBoundingClientRect();
    const toFlow = (x: number, y: number) => ({ x: (x - origin.left - m.e) / m.a, y: (y - origin.top - m.f) / m.a });
    const handle = (id: string, side: 'left' | 'right') => {
      const box = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"] .react-flow__handle-${side}:not(.ls-colhandle)`)?.getBoundingClientRect();
      return box ? toFlow(side === 'left' ? box.left : box.right, box.top + box.height / 2) : undefined;
    };
    return [...document.querySelectorAll<SVGGElement>('.react-flow__edge')].flatMap((edge) => {
      const [source, target] = (edge.getAttribute('data-id') ?? '').split('→') as [string, string];
      const numbers = (edge.querySelector('.react-flow__edge-path')?.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      const from = handle(source, 'right');
      const to = handle(target, 'left');
      return from && to ? [{ id: edge.getAttribute('data-id'), start: { x: numbers[0] ?? NaN, y: numbers[1] ?? NaN }, end: { x: numbers.at(-2) ?? NaN, y: numbers.at(-1) ?? NaN }, from, to }] : [];
    });
  });
}

for (const role of ['editor', 'viewer'] as const) {
  test(`arrows start and end at the tables' handles as drawn (${role}: ${role === 'editor' ? 'drag handles' : 'plain handles'})`, async ({ page }) => {
    // The handles are given with the nodes (tableHandles), so React Flow draws the arrows before it
    // has measured a table: they must be where the styles put the handles, and no arrow may move
    // once React Flow has measured the tables.
    await page.addInitScript(() => {
      const moved: string[] = [];
      (window as unknown as { moved: string[] }).moved = moved;
      document.addEventListener('DOMContentLoaded', () =>
        new MutationObserver((records) => {
          for (const r of records) if (r.oldValue && (r.target as Element).classList.contains('react-flow__edge-path')) moved.push(`${r.oldValue} → ${(r.target as Element).getAttribute('d')}`);
        }).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['d'] }),
      );
    });
    await openDemo(page, FCT_ORDERS, `&mock.role=${role}`);
    await expect(node(page, 'rpt_daily_sales')).toBeVisible();
    await expect(page.locator('.react-flow__edge')).not.toHaveCount(0);
    const ends = await arrowEnds(page);
    expect(ends.length).toBeGreaterThan(5);
    for (const { id, start, end, from, to } of ends) {
      expect.soft(Math.abs(start.x - from.x), `${id} starts at its source's handle (x)`).toBeLessThan(1.01);
      expect.soft(Math.abs(start.y - from.y), `${id} starts at its source's handle (y)`).toBeLessThan(1.01);
      expect.soft(Math.abs(end.x - to.x), `${id} ends at its target's handle (x)`).toBeLessThan(1.01);
      expect.soft(Math.abs(end.y - to.y), `${id} ends at its target's handle (y)`).toBeLessThan(1.01);
    }
    expect(await page.evaluate(() => (window as unknown as { moved: string[] }).moved)).toEqual([]);
  });
}
