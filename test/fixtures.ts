import { mkdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * Fails the test on uncaught page errors and on any Content-Security-Policy violation (the live
 * build is served under a strict policy). A test that provokes a violation on purpose asserts on
 * `cspViolations` and empties it.
 */
export const test = base.extend<{ cspViolations: string[]; failOnErrors: void }>({
  cspViolations: async ({ page }, provide) => {
    const violations: string[] = [];
    await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
          `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        );
      });
    });
    await provide(violations);
  },
  failOnErrors: [
    async ({ page, cspViolations }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors, 'uncaught errors in the page').toEqual([]);
      expect(cspViolations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the demo on a table through the URL (deep link). */
export async function openDemo(page: Page, table?: { connection: string; schema: string; table: string }, extra = '') {
  const query = table
    ? `?connection=${encodeURIComponent(table.connection)}&schema=${encodeURIComponent(table.schema)}&table=${encodeURIComponent(table.table)}${extra}`
    : extra
      ? `?${extra.replace(/^&/, '')}`
      : '';
  await page.goto(`/${query}`);
  await firstScreen(page);
}

/**
 * Waits for the app's first screen: mounted (the demo starts its service worker and seed first),
 * with no lineage loading (the demo's DQOps warms its cache for a few polls, and the picture
 * changes when it is warm: a drag started before that can lose its target) and no layout running. A first load on a busy two-core CI machine, with
 * the other worker building or laying out, has taken more than the 10 s an assertion waits; later
 * steps keep the usual 10 s.
 */
export async function firstScreen(page: Page) {
  await page.waitForFunction(
    () => document.querySelector('.ls-root') !== null && document.querySelector('.ls-skeleton, .ls-badge--loading, .ls-canvas__busy') === null,
    undefined,
    { timeout: 30_000 },
  );
}

/** A table on the canvas, by its name: the focusable element that carries its accessible name. */
export function node(page: Page, table: string) {
  return page.getByLabel(new RegExp(`^${table.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `));
}

/** The visible card of a table on the canvas (its emphasis classes). */
export function card(page: Page, table: string) {
  return node(page, table).locator('.ls-node');
}

/** Picks a value in one of the app's comboboxes with the keyboard. */
export async function pick(page: Page, label: string, value: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await expect(box).toBeEnabled();
  await box.click();
  await box.fill(value);
  await expect(page.getByRole('listbox', { name: label, exact: true }).getByRole('option').first()).toBeVisible();
  await box.press('Enter');
}

/** Chooses an item of the graph's Export menu and returns the downloaded file (name and bytes). */
export async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer; text: string }> {
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const bytes = await readFile(await download.path());
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

export const FCT_ORDERS = { connection: 'warehouse', schema: 'marts', table: 'fct_orders' };

/**
 * Tests of the live build share one mock DQOps server (:8899) and reset or reconfigure it (a key
 * required, another server generation). Two workers must not do that at the same time: these
 * tests take a lock (an atomic mkdir) for their whole run, so they run one after another.
 */
export const liveTest = test.extend<{ mockLock: void }>({
  mockLock: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as the first argument
    async ({}, provide) => {
      const dir = join(tmpdir(), 'lineage-studio-mock-8899.lock');
      for (let waited = 0; ; waited += 100) {
        try {
          mkdirSync(dir);
          break;
        } catch {
          if (waited > 120_000) rmSync(dir, { recursive: true, force: true }); // a crashed holder
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      try {
        await provide();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { auto: true },
  ],
});

/** The element's box once the canvas has stopped moving (fit-view animates after load). */
export async function settledBox(locator: Locator) {
  let previous = await locator.boundingBox();
  await expect
    .poll(async () => {
      const next = await locator.boundingBox();
      const same = JSON.stringify(next) === JSON.stringify(previous);
      previous = next;
      return same;
    })
    .toBe(true);
  return previous;
}

/** Drags from a table's right handle onto another table (draws a new link) once edit rights are known. */
export async function dragLink(page: Page, from: string, to: string) {
  const handle = node(page, from).locator('.react-flow__handle-right');
  await expect(node(page, to)).toBeVisible();
  await expect(handle).toHaveClass(/connectablestart/); // edit rights known
  const start = await settledBox(handle);
  const end = await settledBox(node(page, to));
  if (!start || !end) throw new Error('nodes not laid out');
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + 40, start.y + 10, { steps: 4 });
  // Dropped on the table's right part, where React Flow's nearest handle is the table's own outgoing
  // one: the link must still be made (it was not, about half of the time, before onConnectEnd).
  await page.mouse.move(end.x + end.width * 0.8, end.y + end.height / 2, { steps: 10 });
  await page.mouse.up();
}
