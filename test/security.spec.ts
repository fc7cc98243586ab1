// The production build under a strict Content-Security-Policy, and where the API key may go.
// Served like live.spec.ts: `vite preview` of the live build under /lineage/ (with PREVIEW_CSP=1)
// proxying /api to the mock DQOps server on :8899.
import { STRICT_CSP } from '../csp';
import { expect, exportFile, liveTest as test, node } from './fixtures';

const APP = 'http://127.0.0.1:4174/lineage/';
const API = 'http://127.0.0.1:4174/api/';
const MOCK = 'http://127.0.0.1:8899';
const KEY = 'dqops-demo-key';

test.describe.configure({ mode: 'serial' });

test('the production build runs under a strict CSP (no inline script, no eval) and nothing it does is blocked', async ({ page, request, cspViolations }) => {
  expect((await request.post(`${MOCK}/__mock/reset`)).status()).toBe(204);
  const response = await page.goto(`${APP}?connection=warehouse&schema=marts&table=fct_orders`);
  expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);

  // Graph, details, every export, the editor (zod) and the layout worker, all under the policy.
  await expect(node(page, 'fct_orders')).toContainText('focus');
  await node(page, 'stg_orders').click();
  await expect(page.getByRole('region', { name: 'Details of stg_orders' })).toBeVisible();
  for (const item of ['Picture (PNG)', 'Vector picture (SVG)', 'Flows as CSV', 'Flows as JSON'])
    expect((await exportFile(page, item)).bytes.length).toBeGreaterThan(100);
  await page.getByRole('tab', { name: 'Source tables' }).click();
  await page.getByRole('button', { name: '+ Add source table' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Add source table', exact: true }).click();
  await expect(page.getByRole('dialog')).toContainText('Pick or type a table'); // zod validation ran
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  await page.getByRole('button', { name: /^Show all/ }).click();
  await expect(page.getByText(/^Showing \d+ of \d+ tables/)).toBeVisible();
  expect(cspViolations).toEqual([]); // the app itself needs nothing the policy forbids

  // And the policy is enforced: injected inline script and eval do not run (in a second tab,
  // whose violations are expected and collected here rather than failing the test).
  const probe = await page.context().newPage();
  await probe.goto(APP);
  await probe.evaluate(() => {
    const w = window as unknown as { __blocked: string[] };
    w.__blocked = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__blocked.push(event.effectiveDirective));
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const external = document.createElement('script');
    external.src = 'data:text/javascript,window.__external=1';
    document.body.append(external);
    const handler = document.createElement('img');
    handler.setAttribute('onerror', 'window.__handler = 1');
    handler.src = 'data:,broken';
    document.body.append(handler);
  });
  // Violation events arrive asynchronously: wait for both kinds, then check nothing ran.
  // (eval cannot be probed from here: DevTools' evaluate is exempt. The app runs with
  // script-src 'self', without 'unsafe-eval', and the test above saw no violation.)
  await expect
    .poll(() => probe.evaluate(() => [...new Set((window as unknown as { __blocked: string[] }).__blocked)].sort()))
    .toEqual(['script-src-attr', 'script-src-elem']);
  const ran = await probe.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [w.__inline, w.__external, w.__handler].filter(Boolean).length;
  });
  expect(ran).toBe(0);
  await probe.close();
});

test('the API key goes only to the DQOps API, and never into storage, URLs, logs, errors or exports', async ({ page, request }) => {
  expect((await request.post(`${MOCK}/__mock/reset?requireAuth=true`)).status()).toBe(204);
  const withKey: string[] = [];
  const withoutKey: string[] = [];
  const urls: string[] = [];
  page.on('request', (r) => {
    urls.push(r.url());
    (r.headers()['authorization'] ? withKey : withoutKey).push(r.url());
  });
  const logs: string[] = [];
  page.on('console', (message) => logs.push(message.text()));

  await page.goto(`${APP}?connection=warehouse&schema=marts&table=fct_orders`);
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('API key').fill(KEY);
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(node(page, 'fct_orders')).toContainText('focus');
  withKey.length = 0; // from here on, every API call must carry the key
  withoutKey.length = 0;
  await page.getByRole('tab', { name: 'Source tables' }).click();
  await expect(page.getByRole('row', { name: /stg_orders/ })).toBeVisible();

  // An error while the key is set: the message must not repeat it.
  await page.route('**/api/**/lineage/tree*', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"status":500,"message":"boom"}' }),
  );
  await page.getByRole('tab', { name: 'Lineage graph' }).click();
  await page.getByRole('radio', { name: 'Upstream', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('boom');
  await page.unroute('**/api/**/lineage/tree*');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(node(page, 'fct_orders')).toBeVisible();

  const exports = [];
  for (const item of ['Vector picture (SVG)', 'Flows as CSV', 'Flows as JSON']) exports.push((await exportFile(page, item)).text);

  // Only requests to the DQOps API (this site's /api proxy) carried it, and all of them did.
  expect(withKey.length).toBeGreaterThan(3);
  expect(withKey.every((url) => url.startsWith(API))).toBe(true);
  expect(withoutKey.filter((url) => url.startsWith(API))).toEqual([]);
  // Nowhere else.
  expect(urls.filter((url) => url.includes(KEY))).toEqual([]);
  expect(page.url()).not.toContain(KEY);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(KEY);
  expect(await page.evaluate(() => document.cookie)).not.toContain(KEY);
  expect(await page.locator('body').innerText()).not.toContain(KEY);
  expect(logs.filter((line) => line.includes(KEY))).toEqual([]);
  for (const content of exports) expect(content).not.toContain(KEY);
});
