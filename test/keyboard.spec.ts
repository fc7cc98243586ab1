// The whole flow with the keyboard alone, reading what a screen reader would announce.
import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './fixtures';

/** The focused element's accessible name and description, as Chromium computes them. */
async function announced(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    const describedBy = el.getAttribute('aria-describedby');
    return {
      tag: el.tagName.toLowerCase(),
      classes: el.className.toString(),
      label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      description: describedBy ? (document.getElementById(describedBy)?.textContent ?? '') : '',
      /** In a search landmark (the header's and the landing page's table search). */
      inSearch: el.closest('[role="search"]') !== null,
    };
  });
}

/** Presses Tab until `matches` says the focus is where it should be; returns what was passed on the way. */
async function tabTo(page: Page, matches: (focused: Awaited<ReturnType<typeof announced>>) => boolean, limit = 40) {
  const passed: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await announced(page);
    if (matches(focused)) return passed;
    passed.push(`${focused.tag}.${focused.classes.split(' ')[0]} "${focused.label.slice(0, 40)}"`);
  }
  throw new Error(`not reached in ${limit} Tab presses; passed: ${passed.join(', ')}`);
}

test('keyboard only: pick a table, walk the graph, read a table, trace its root cause, edit and save a link', async ({ page }) => {
  await openDemo(page);
  const firstOption = (label: string) => page.getByRole('listbox', { name: label, exact: true }).getByRole('option').first();
  // The first stop is the header's table search; the connection → schema → table lists follow it.
  const beforePicker = await tabTo(page, (f) => f.label === '' && f.tag === 'input' && !f.inSearch);
  expect(beforePicker[0]).toBe('input.ls-combobox__input ""');
  await expect(page.getByRole('combobox', { name: 'Connection' })).toBeFocused();
  await page.keyboard.type('wareh');
  await expect(firstOption('Connection')).toHaveText(/^warehouse/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('marts');
  await expect(firstOption('Schema')).toHaveText(/^marts/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('fct_orders');
  await expect(firstOption('Table')).toHaveText(/^fct_orders/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/table=fct_orders/);

  // Tab reaches the graph on the focus table, past no arrow; it is named and says what the keys do.
  const passed = await tabTo(page, (f) => f.classes.includes('react-flow__node'));
  expect(passed.filter((p) => p.includes('react-flow__edge'))).toEqual([]);
  const focused = await announced(page);
  expect(focused.label).toMatch(/^fct_orders, marts in warehouse, focus table: \w+/);
  expect(focused.description).toContain('Enter or Space opens its details');
  expect(focused.description).not.toMatch(/move the node|delete/i);

  // Arrow keys: left to a source table, right back downstream.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await announced(page)).label).toMatch(/^(stg_\w+|dim_customers), \w+ in warehouse: /);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await announced(page)).label).toMatch(/^fct_orders, /);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await announced(page)).label).toMatch(/^fct_revenue, marts in warehouse: \w+, fed by \d+ failing upstream tables/);

  // Enter opens its details; the focus stays on the table.
  await page.keyboard.press('Enter');
  const details = page.getByRole('region', { name: 'Details of fct_revenue' });
  await expect(details).toBeVisible();
  expect((await announced(page)).label).toMatch(/^fct_revenue, /);

  // Its root cause, from the details.
  await tabTo(page, (f) => f.label === 'Trace root cause');
  await page.keyboard.press('Enter');
  await expect(details.getByRole('list', { name: 'Root cause, nearest first' })).toBeVisible();

  // Escape lets go of the table and puts the focus back on the graph.
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect.poll(async () => (await announced(page)).label).toMatch(/^fct_revenue, /);

  // Shift+Left: the arrow into it, named by its tables; Enter opens it; the editor opens and saves.
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(async () => (await announced(page)).label).toBe('fct_orders feeds fct_revenue');
  await page.keyboard.press('Enter');
  const flow = page.getByRole('region', { name: 'Flow details' });
  await expect(flow).toBeVisible();
  await tabTo(page, (f) => f.label === 'Edit or remove this link');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Edit source fct_orders of fct_revenue' });
  await expect(editor).toBeVisible();
  const tool = editor.getByRole('textbox', { name: 'Source tool (optional)' });
  for (let i = 0; i < 20 && !(await tool.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(tool).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter'); // submits the form
  await expect(page.getByText('Saved the lineage from fct_orders to fct_revenue.')).toBeVisible();
  await expect(editor).toHaveCount(0);
});
