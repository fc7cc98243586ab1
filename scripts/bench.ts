// `npm run bench`: builds the demo, serves it and drives headless Chromium over synthetic lineages
// of three shapes, measuring what a user waits for, read from the page (never from the app's own
// marks): an action's time is from the action (or the tree's arrival) to the last change the user
// can see — the last DOM change in the graph area (.ls-canvas__flow: not the toolbar, not the
// details beside the graph) or the last canvas draw call — followed by 1 s
// with neither. Long tasks are counted from the action to that moment (one that began before the
// action but ran past it included). Each figure is the median of BENCH_RUNS runs (3). The budgets of
// issue #16 are checked at the end: a miss exits non-zero. JSON goes to bench-results/bench.json.
//
//   BENCH_SIZES=1000,5000,20000,50000  BENCH_SHAPES=hub,pipeline,fanout  BENCH_RUNS=3  BENCH_IMPORT=on|off|only  BENCH_SQL=on|off|only
//
// The import (issue #18) is measured once: a 2,000-model dbt manifest over the 5,000-table
// warehouse, from the file chosen to the report ready (its Stage button), the review of the
// 2,000 staged links drawn, and Save all of them — in a live build (DQOPS_URL) whose /api is
// proxied to `npm run mock-server --warehouse 5000`, a separate process as DQOps would be, so the
// page's long tasks are the app's own.
//
// Column mappings from SQL (issue #19), in the demo build: the budget's statement (298 lines, 8
// CTEs, 12 joins, over the demo warehouse's tables) from "Propose mappings" to the proposal shown,
// the first time (the parser's grammar chunk and worker loaded) and then BENCH_RUNS times more
// with the parser loaded; and which scripts load before the dialog is used (no parser chunk).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../test/browser.ts';
import { GENERATED_CONNECTION, GENERATED_SCHEMA, HUB_TABLE } from '../src/mocks/seed/generator.ts';
import { WAREHOUSE_FOCUS } from '../src/mocks/seed/warehouse.ts';
import { demoCatalog } from '../src/mocks/seed/catalog.ts';
import { budgetStatement } from '../src/lib/sql/corpus.ts';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000,50000').split(',').map(Number);
const SHAPES = (process.env.BENCH_SHAPES ?? 'hub,pipeline,fanout').split(',') as Shape[];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = 4190;
const OUT = 'dist-bench';
/** The live build the import runs in, and the mock DQOps server it talks to. */
const LIVE_PORT = 4191;
const LIVE_OUT = 'dist-bench-live';
const MOCK_PORT = 8896;
const QUIET_MS = 1000;
const IMPORT = process.env.BENCH_IMPORT ?? 'on';
const IMPORT_MODELS = 2000;
const SQL = process.env.BENCH_SQL ?? 'on';

interface SqlRun {
  lines: number;
  /** Scripts loaded before "Propose mappings" that are a grammar or the SQL worker (none expected). */
  parserBeforeUse: string[];
  /** Scripts the first "Propose mappings" loaded (the worker, the grammar). */
  loadedOnUse: string[];
  /** Propose → the proposal's first frame, the first time (parser loading included) and then with it loaded. */
  firstMs: number;
  loadedMs: number[];
  longestTaskMs: number;
}

/** Grammar chunks (node-sql-parser's builds) and the SQL worker, by their file names. */
const PARSER_SCRIPT = /\/(?:postgresql|snowflake|bigquery|hive|redshift|mysql|transactsql|trino|sql\.worker)-[^/]*\.js$/;

async function measureSql(browser: Browser): Promise<SqlRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  // The budget's statement over real demo tables (their DQOps columns), building fct_orders.
  const columnsOf: Record<string, string[]> = {};
  for (const name of ['stg_orders', 'stg_customers', 'stg_payments', 'stg_shipments', 'stg_returns']) {
    const seed = demoCatalog.tables.find((t) => t.connection === 'warehouse' && t.schema === 'staging' && t.table === name);
    if (seed) columnsOf[`staging.${name}`] = seed.columns.split(/,(?![^()]*\))/).map((c) => c.trim().split(' ')[0] ?? '');
  }
  const statement = budgetStatement(columnsOf, 'marts.fct_orders');
  // Every script fetched, the worker's own included (the page's resource timing does not see those).
  const fetched: string[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('.js')) fetched.push(request.url());
  });
  await page.goto(`http://127.0.0.1:${PORT}/?connection=warehouse&schema=marts&table=fct_orders&direction=upstream&mock.warmup=off`);
  await page.waitForSelector('.react-flow__node', { timeout: 120_000 });
  await page.getByLabel(/^fct_orders, /).click();
  await page.getByRole('button', { name: 'Derive sources and mappings from SQL…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Derive sources and mappings of fct_orders/ });
  await dialog.getByRole('textbox', { name: 'SQL statement' }).fill(statement);
  const parserBeforeUse = fetched.filter((n) => PARSER_SCRIPT.test(n));
  const propose = async () => {
    await expect(dialog.getByRole('button', { name: 'Propose mappings' })).toBeEnabled();
    await page.evaluate(() =>
      Object.assign((window as unknown as { __bench: object }).__bench, { watch: '.ls-sql__sources', watchFrom: performance.now(), watchFrame: 0 }),
    );
    const at = await act(page, () => dialog.getByRole('button', { name: 'Propose mappings' }).click());
    const frame = await when(page, `() => window.__bench.watchFrame > 0 && window.__bench.watchFrame`, 60_000)
      .then(() => page.evaluate(() => (window as unknown as { __bench: { watchFrame: number } }).__bench.watchFrame))
      .catch(async () => {
        throw new Error(`no proposal: ${(await dialog.getByRole('alert').allTextContents()).join(' ') || 'nothing shown'}`);
      });
    return { at, ms: Math.round(frame - at), frame };
  };
  const first = await propose();
  const loadedOnUse = [...new Set(fetched.filter((n) => PARSER_SCRIPT.test(n)).map((n) => n.replace(/^.*\//, '')))];
  const loadedMs: number[] = [];
  let longest = await longestTask(page, first.at, first.frame);
  for (let i = 0; i < RUNS; i += 1) {
    await dialog.getByRole('button', { name: 'Back to the statement' }).click();
    // Another text each time: nothing of an earlier read is reused (the worker keeps recent parses).
    await dialog.getByRole('textbox', { name: 'SQL statement' }).fill(`${statement}\n-- run ${i + 1}`);
    const run = await propose();
    loadedMs.push(run.ms);
    longest = Math.max(longest, await longestTask(page, run.at, run.frame));
  }
  await context.close();
  return { lines: statement.split('\n').length, parserBeforeUse, loadedOnUse, firstMs: first.ms, loadedMs, longestTaskMs: Math.round(longest) };
}

/** A minimal expect for the bench (it is no test): waits for a locator to be enabled. */
const expect = (locator: ReturnType<Page['locator']>) => ({ toBeEnabled: () => locator.waitFor({ state: 'visible' }).then(() => locator.isEnabled()) });

interface ImportRun {
  catalogTables: number;
  links: number;
  /** File chosen → the report's tables matched (parse and match: what the budget is about). */
  matchedMs: number;
  /** File chosen → the report's Stage button (every target's stored links read, one request per
   * target table: DQOps has no bulk read), and the longest task in between. */
  reportMs: number;
  reportTaskMs: number;
  /** Stage → the review's list drawn, and the longest task. */
  reviewMs: number;
  /** Stage → the graph redrawn with the staged links (after the review). */
  reviewGraphMs: number;
  reviewTaskMs: number;
  rowsDrawn: number;
  /** Save all → "Draft saved"; the longest task while the writes ran (Save all → the last write's
   * answer), and after it (the lineage read again and redrawn: a bigger tree now). */
  saveMs: number;
  saveTaskMs: number;
  saveEndMs: number;
  saveEndTaskMs: number;
  /** The focus's lineage tree read after the run: its size (MB) and flows. */
  treeAfterMB: number;
}

/** When `test` (a page function) first holds, page time; polled every 20 ms. */
const when = (page: Page, test: string, timeout = 600_000) =>
  page.waitForFunction(`(${test})() ? performance.now() : false`, undefined, { timeout, polling: 20 }).then(async (h) => (await h.jsonValue()) as number);

async function measureImport(browser: Browser): Promise<ImportRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  const { connection, schema, table } = WAREHOUSE_FOCUS;
  await page.goto(`http://127.0.0.1:${LIVE_PORT}/?connection=${connection}&schema=${schema}&table=${table}`);
  await page.waitForSelector('.react-flow__node', { timeout: 240_000 });
  // The catalog, read as any client would; the manifest is built here, not in the page.
  // (A string: tsx would wrap named functions of a function here in a helper the page lacks.)
  const tables = (await page.evaluate(`(async () => {
    const get = (path) => fetch(path).then((r) => r.json());
    const out = [];
    for (const { connection_name: c } of await get('/api/connections')) {
      for (const { schema_name: s } of await get('/api/connections/' + encodeURIComponent(c) + '/schemas')) {
        for (const row of await get('/api/connections/' + encodeURIComponent(c) + '/schemas/' + encodeURIComponent(s) + '/tables')) out.push([c, s, row.target.table_name]);
      }
    }
    return out;
  })()`)) as [string, string, string][];
  const id = (i: number) => `model.bench.m${i}`;
  const nodes: Record<string, unknown> = {};
  for (let i = 0; i < IMPORT_MODELS; i += 1) {
    const [c, s, t] = tables[i] ?? ['', '', ''];
    // Upper case, as dbt on Snowflake writes names: matched regardless of case. Each model reads one
    // table of the other end of the catalog (2,000 links DQOps does not have).
    nodes[id(i)] = {
      resource_type: 'model',
      name: t.toUpperCase(),
      database: c,
      schema: s.toUpperCase(),
      config: {},
      depends_on: { nodes: [id(IMPORT_MODELS + i)] },
    };
    const [pc, ps, pt] = tables[(IMPORT_MODELS + i) % tables.length] ?? ['', '', ''];
    nodes[id(IMPORT_MODELS + i)] = { resource_type: 'seed', name: pt, database: pc, schema: ps, config: {} };
  }
  const manifest = JSON.stringify({ metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' }, nodes, sources: {} });

  await page.getByRole('button', { name: 'Import…' }).click();
  // From the input's change event. Playwright hands the file to the page in a task of its own
  // (decoding a megabyte of base64), which is the harness's work, not the app's: the report's
  // long tasks are those that start after the change.
  const before = await now(page);
  await page
    .getByRole('dialog', { name: 'Import lineage' })
    .getByLabel('A file')
    .setInputFiles({ name: 'manifest.json', mimeType: 'application/json', buffer: Buffer.from(manifest) });
  const chosen = await page.evaluate((t) => (window as unknown as { __bench: { inputs: number[] } }).__bench.inputs.find((at) => at >= t) ?? t, before);
  const matchedAt = when(page, `() => /matched to DQOps tables/.test(document.querySelector('[aria-labelledby="ls-import-tables"]')?.textContent ?? '')`);
  const reportAt = await when(
    page,
    `() => [...document.querySelectorAll('dialog button')].some((b) => /^Stage [0-9,]+ links in the draft$/.test(b.textContent ?? ''))`,
  );
  const links = Number((await page.getByRole('button', { name: /^Stage [\d,]+ links in the draft$/ }).textContent())?.replace(/[^0-9]/g, ''));
  const reportTaskMs = await longestTask(page, chosen, reportAt, false);

  // The review is drawn at the frame after its list's rows went in (the graph redraws after it).
  await page.evaluate(() =>
    Object.assign((window as unknown as { __bench: object }).__bench, { watch: '[aria-label="Changes to save"]', watchFrom: performance.now() }),
  );
  const staging = await act(page, () => page.getByRole('button', { name: /^Stage [\d,]+ links in the draft$/ }).click());
  const reviewAt = await when(page, `() => [...document.querySelectorAll('[aria-label="Changes to save"] li')].some((li) => li.checkVisibility())`);
  const reviewFrame = await when(page, `() => window.__bench.watchFrame > 0 && window.__bench.watchFrame`).then(() =>
    page.evaluate(() => (window as unknown as { __bench: { watchFrame: number } }).__bench.watchFrame),
  );
  const rowsDrawn = await page.evaluate(() => document.querySelectorAll('[aria-label="Changes to save"] li').length);
  // The graph beside it takes the staged links in after the review shows (then 1 s quiet).
  const graphAt = await settled(page, staging, 60_000).catch(() => reviewAt);
  const reviewTaskMs = await longestTask(page, staging, Math.max(reviewAt, graphAt) + QUIET_MS);

  const saving = await act(page, () => page.getByRole('button', { name: 'Save all', exact: true }).click());
  const savedAt = await when(page, `() => /Draft saved: /.test(document.body.textContent ?? '')`);
  // The last write: a request to one link (…/lineage/sources/{connection}/schemas/…), not the list.
  const lastWrite = await page.evaluate(() =>
    Math.max(
      0,
      ...performance
        .getEntriesByType('resource')
        .filter((e) => /\/lineage\/sources\/[^/?]+\/schemas\//.test(e.name))
        .map((e) => (e as PerformanceResourceTiming).responseEnd),
    ),
  );
  const saveTaskMs = await longestTask(page, saving, lastWrite);
  const saveEndTaskMs = await longestTask(page, lastWrite, savedAt);
  const tree = await page.evaluate((after) => {
    const entry = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/lineage/tree') && e.startTime >= after)
      .pop() as PerformanceResourceTiming | undefined;
    return entry ? entry.decodedBodySize : 0;
  }, saving);
  await context.close();
  return {
    catalogTables: tables.length,
    links,
    matchedMs: Math.round((await matchedAt) - chosen),
    reportMs: Math.round(reportAt - chosen),
    reportTaskMs: Math.round(reportTaskMs),
    reviewMs: Math.round(reviewFrame - staging),
    reviewGraphMs: Math.round(graphAt - staging),
    reviewTaskMs: Math.round(reviewTaskMs),
    rowsDrawn,
    saveMs: Math.round(savedAt - saving),
    saveTaskMs: Math.round(saveTaskMs),
    saveEndMs: Math.round(savedAt - lastWrite),
    saveEndTaskMs: Math.round(saveEndTaskMs),
    treeAfterMB: Math.round(tree / 1e5) / 10,
  };
}

type Shape = 'hub' | 'pipeline' | 'fanout';

/** The lineage shapes: a hub whose tree holds every table; a layered warehouse without a hub,
 * focused on a middle-layer table; the same with that table feeding 400 others. */
function shapeUrl(shape: Shape, size: number): { query: string; focus: string } {
  if (shape === 'hub')
    return { query: `connection=${GENERATED_CONNECTION}&schema=${GENERATED_SCHEMA}&table=${HUB_TABLE}&mock.generator=${size}`, focus: HUB_TABLE };
  const { connection, schema, table } = WAREHOUSE_FOCUS;
  return {
    query: `connection=${connection}&schema=${schema}&table=${table}&mock.warehouse=${size}${shape === 'fanout' ? '&mock.fanout=400' : ''}`,
    focus: table,
  };
}

interface Run {
  lineageTables: number;
  /** Tree response → settled, and the longest task in between. */
  defaultMs: number;
  defaultTaskMs: number;
  drawn: number;
  /** The pointer onto a drawn table in the React Flow view (its paths highlighted) → settled. */
  highlightFlowMs: number | null;
  /** A drawn table clicked in the React Flow view (selected: its details, its columns, the camera) → settled. */
  selectFlowMs: number | null;
  /** "Show all" → settled; the view it gives. */
  allMs: number;
  allTaskMs: number;
  allView: 'grouped' | 'overview' | 'tables';
  groups: number | null;
  /** Smallest group name on screen (px), share of the canvas the picture spans (0–1). */
  groupNamePx: number | null;
  span: number | null;
  /** The focus found in the whole view → settled. */
  /** The focus found in the whole view (its group opens, the camera centres on it, it is selected) → settled. */
  findAllMs: number;
  /** The pointer onto a table of the whole view, nothing selected (its paths highlighted) → settled. */
  highlightAllMs: number | null;
  /** The largest closed group opened (Enter) → settled; its tables. */
  openGroupMs: number | null;
  openGroupTables: number | null;
  heapMB: number;
  domNodes: number;
  /** JavaScript the page loaded until the default view settled (gzip, worker included, the demo's mock DQOps not). */
  jsKB: number;
  scripts: string[];
}

// In the page, before the app: when the graph area last changed, when a canvas last drew, the long
// tasks, and the on-screen size of the text of the last canvas frame.
function instrument() {
  const b = {
    lastChange: 0,
    lastDraw: 0,
    inputs: [] as number[],
    tasks: [] as [number, number][],
    frame: [] as { raw: number; px: number; inside: boolean }[],
    /** Set by the bench: when this element first has rows and is visible after `watchFrom`, the frame that shows it. */
    watch: '',
    watchFrom: 0,
    watchFrame: 0,
  };
  (window as unknown as { __bench: typeof b }).__bench = b;
  // When the user acted: the input event's own time (Playwright's click first waits for the target to be stable).
  for (const type of ['pointerdown', 'pointermove', 'keydown', 'change']) window.addEventListener(type, (event) => b.inputs.push(event.timeStamp), true);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => b.tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  performance.setResourceTimingBufferSize(100_000); // a Save all of 2,000 links makes thousands of requests
  const observer = new MutationObserver((records) => {
    // (A list may go in whole, its rows then no mutation of their own: so the element is looked up.)
    const watched = b.watch && b.watchFrame === 0 && performance.now() >= b.watchFrom ? document.querySelector(b.watch) : null;
    if (watched?.querySelector('li') && watched.checkVisibility()) {
      b.watchFrame = -1;
      requestAnimationFrame(() => (b.watchFrame = performance.now()));
    }
    for (const record of records) {
      const element = record.target instanceof Element ? record.target : record.target.parentElement;
      if (element?.closest('.ls-canvas__flow')) {
        b.lastChange = performance.now();
        return;
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true }),
  );
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['clearRect', 'fill', 'stroke', 'fillRect', 'fillText', 'drawImage']) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    proto[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      b.lastDraw = performance.now();
      if (name === 'clearRect') b.frame = [];
      if (name === 'fillText') {
        const t = this.getTransform();
        const raw = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 0);
        const x = t.a * (args[1] as number) + t.e;
        const y = t.d * (args[2] as number) + t.f;
        b.frame.push({ raw, px: (raw * t.a) / devicePixelRatio, inside: x >= 0 && y >= 0 && x <= this.canvas.width && y <= this.canvas.height });
      }
      return original.apply(this, args);
    };
  }
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** Does `action` and returns when its first input event happened (page time). */
async function act(page: Page, action: () => Promise<unknown>): Promise<number> {
  const before = await now(page);
  await action();
  const input = await page.evaluate((t) => (window as unknown as { __bench: { inputs: number[] } }).__bench.inputs.find((at) => at >= t), before);
  return input ?? before;
}

/** When the graph area last changed or a canvas last drew (page time). */
const lastChange = (page: Page) =>
  page.evaluate(() => {
    const b = (window as unknown as { __bench: { lastChange: number; lastDraw: number } }).__bench;
    return { last: Math.max(b.lastChange, b.lastDraw), at: performance.now() };
  });

/** Waits for a change after `since` followed by QUIET_MS without one; returns when the last change was. */
async function settled(page: Page, since: number, timeoutMs = 240_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { last, at } = await lastChange(page);
    if (last > since && at - last >= QUIET_MS) return last;
    if (Date.now() > deadline) throw new Error(`nothing settled within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

/** The longest task in from…to: one that began before `from` and ran past it included, unless `overlapping` is false. */
const longestTask = (page: Page, from: number, to: number, overlapping = true) =>
  page.evaluate(
    ([a, z, o]) =>
      Math.max(
        0,
        ...(window as unknown as { __bench: { tasks: [number, number][] } }).__bench.tasks
          .filter(([start, d]) => (o ? start + d > (a as number) : start >= (a as number)) && start < (z as number))
          .map(([, d]) => d),
      ),
    [from, to, overlapping] as const,
  );

/** When the lineage tree's answer arrived (resource timing: the app's fetch, answered by the mock). */
const treeArrived = (page: Page) =>
  page
    .waitForFunction(
      () => {
        const entries = performance.getEntriesByType('resource').filter((e) => e.name.includes('/lineage/tree'));
        return entries.length > 0 ? (entries[entries.length - 1] as PerformanceResourceTiming).responseEnd : false;
      },
      undefined,
      { timeout: 240_000, polling: 50 },
    )
    .then(async (handle) => (await handle.jsonValue()) as number);

function gzipOf(file: string): number {
  return gzipSync(readFileSync(`${OUT}/assets/${file}`), { level: 9 }).length;
}

/** The demo's in-browser DQOps (MSW, the seed): loaded by the demo only, never by a live visit. */
function isDemoMock(file: string): boolean {
  return readFileSync(`${OUT}/assets/${file}`, 'utf8').includes('[MSW]');
}

async function measure(browser: Browser, shape: Shape, size: number): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  const note = (url: string) => {
    const file = /\/assets\/([^/?#]+\.js)/.exec(url)?.[1];
    if (file) scripts.add(file);
  };
  context.on('request', (request) => note(request.url()));
  page.on('worker', (worker) => note(worker.url()));
  await page.addInitScript(instrument);
  const { query, focus } = shapeUrl(shape, size);
  await page.goto(`http://127.0.0.1:${PORT}/?${query}&mock.warmup=off`);

  const arrived = await treeArrived(page);
  const defaultAt = await settled(page, arrived);
  const loaded = [...scripts].filter((file) => !isDemoMock(file));
  const js = loaded.reduce((sum, file) => sum + gzipOf(file), 0);
  const defaultTask = await longestTask(page, arrived, defaultAt);
  const lineageTables = Number(/Show all (\d+)/.exec((await page.getByRole('button', { name: /^Show all/ }).textContent()) ?? '')?.[1] ?? 0);
  const drawn = await page.locator('.react-flow__node').count();

  // Highlight in the React Flow view: the pointer onto a drawn table other than the focus (its
  // paths stand out, the rest fades); then a click on it (it is selected: details, columns, camera).
  let highlightFlowMs: number | null = null;
  let selectFlowMs: number | null = null;
  // A table drawn inside the canvas, clear of its corners (the zoom buttons, the minimap).
  const flowBox = await page.locator('.ls-canvas__flow').boundingBox();
  const inside = await page.locator('.react-flow__node').evaluateAll(
    (nodes, [focusName, box]) =>
      nodes.findIndex((n) => {
        const r = n.getBoundingClientRect();
        const b = box as { x: number; y: number; width: number; height: number };
        return (
          !(n.textContent ?? '').includes(focusName as string) &&
          r.left > b.x + 20 &&
          r.right < b.x + b.width - 200 &&
          r.top > b.y + 60 &&
          r.bottom < b.y + b.height - 160
        );
      }),
    [focus, flowBox] as const,
  );
  const other = page.locator('.react-flow__node').nth(Math.max(0, inside));
  if (drawn > 1 && flowBox && inside >= 0) {
    await page.mouse.move(flowBox.x + flowBox.width - 5, flowBox.y + flowBox.height / 2); // over the pane, off any table
    await settled(page, (await now(page)) - 1, 5_000).catch(() => 0);
    const target = await other.boundingBox();
    if (target) {
      const h = await act(page, () => page.mouse.move(target.x + target.width / 2, target.y + target.height / 2));
      highlightFlowMs = (await settled(page, h, 30_000)) - h;
    }
    const t = await act(page, () => other.click());
    selectFlowMs = (await settled(page, t, 30_000)) - t;
    await page.keyboard.press('Escape');
    await settled(page, t);
  }

  const clickAt = await act(page, () => page.getByRole('button', { name: /^Show all/ }).click());
  const allAt = await settled(page, clickAt);
  const allTask = await longestTask(page, clickAt, allAt);
  const grouped = page.getByRole('img', { name: /^Lineage grouped by/ });
  const allView = (await grouped.count()) > 0 ? 'grouped' : (await page.getByRole('img', { name: /^Overview of all/ }).count()) > 0 ? 'overview' : 'tables';
  let groups: number | null = null;
  let groupNamePx: number | null = null;
  let span: number | null = null;
  if (allView !== 'tables') {
    const picture = allView === 'grouped' ? grouped : page.getByRole('img', { name: /^Overview of all/ });
    groups = allView === 'grouped' ? Number(/: (\d+) groups/.exec((await grouped.getAttribute('aria-label')) ?? '')?.[1]) : null;
    // Group names: the largest type in the frame; their smallest size on screen.
    groupNamePx = await page.evaluate(() => {
      const frame = (window as unknown as { __bench: { frame: { raw: number; px: number; inside: boolean }[] } }).__bench.frame.filter((t) => t.inside);
      const largest = Math.max(0, ...frame.map((t) => t.raw));
      const names = frame.filter((t) => t.raw === largest);
      return names.length > 0 ? Math.round(Math.min(...names.map((t) => t.px)) * 10) / 10 : null;
    });
    span = await picture.evaluate((canvas: HTMLCanvasElement) => {
      const { data, width, height } = (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(0, 0, canvas.width, canvas.height);
      let [left, right, top, bottom] = [width, -1, height, -1];
      for (let y = 0; y < height; y += 3)
        for (let x = 0; x < width; x += 3)
          if ((data[(y * width + x) * 4 + 3] ?? 0) > 0) {
            left = Math.min(left, x);
            right = Math.max(right, x);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
      return right < 0 ? 0 : Math.round(Math.max((right - left) / width, (bottom - top) / height) * 100) / 100;
    });
  }

  // Find in the whole view: the focus found.
  const find = page.getByRole('combobox', { name: 'Find table in graph' });
  await find.fill(focus);
  await page
    .getByRole('option', { name: new RegExp(`^${focus}`) })
    .first()
    .waitFor();
  const findAt = await act(page, () => find.press('Enter'));
  const findAllMs = (await settled(page, findAt)) - findAt;

  // Highlight in the whole view: the found table is centred; with nothing selected (Escape), the
  // pointer goes to points round the centre until one is on a table (a move onto nothing changes
  // nothing); that move's time is the figure.
  let highlightAllMs: number | null = null;
  if (allView !== 'tables') {
    const picture = allView === 'grouped' ? grouped : page.getByRole('img', { name: /^Overview of all/ });
    await picture.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await settled(page, (await now(page)) - 1, 5_000).catch(() => 0);
    const box = await picture.boundingBox();
    if (box) {
      await page.mouse.move(box.x + 2, box.y + 2);
      await settled(page, (await now(page)) - 1, 3_000).catch(() => 0);
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const offsets = [0, 30, -30, 60, -60].flatMap((dy) => [0, 40, -40, 120, -120].map((dx) => ({ dx, dy })));
      for (const { dx, dy } of offsets) {
        const t = await act(page, () => page.mouse.move(centre.x + dx, centre.y + dy));
        await page.waitForTimeout(400);
        if ((await lastChange(page)).last > t) {
          highlightAllMs = (await settled(page, t)) - t;
          break;
        }
      }
    }
  }

  // Open the largest closed group (walked to with the arrow keys, opened with Enter).
  let openGroupMs: number | null = null;
  let openGroupTables: number | null = null;
  if (allView === 'grouped') {
    await page.keyboard.press('Escape');
    await grouped.focus();
    const status = page.locator('.ls-overview__status');
    let best = { step: -1, tables: 0 };
    for (let step = 0; step < (groups ?? 0) * 2 + 40; step += 1) {
      await page.keyboard.press('ArrowRight');
      const text = (await status.textContent()) ?? '';
      // A group (schema, connection or level) other than the focus's, which is open already.
      const m = /^[^:]+: (\d+) tables?, \d+ failing\.$/.exec(text);
      if (m && Number(m[1]) > best.tables) best = { step, tables: Number(m[1]) };
    }
    if (best.step >= 0) {
      await page.keyboard.press('Escape');
      for (let step = 0; step <= best.step; step += 1) await page.keyboard.press('ArrowRight');
      await settled(page, (await now(page)) - 1).catch(() => 0);
      const t = await act(page, () => page.keyboard.press('Enter'));
      openGroupMs = (await settled(page, t)) - t;
      openGroupTables = best.tables;
    }
  }
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  await context.close();
  return {
    lineageTables,
    defaultMs: Math.round(defaultAt - arrived),
    defaultTaskMs: Math.round(defaultTask),
    drawn,
    highlightFlowMs: highlightFlowMs === null ? null : Math.round(highlightFlowMs),
    selectFlowMs: selectFlowMs === null ? null : Math.round(selectFlowMs),
    allMs: Math.round(allAt - clickAt),
    allTaskMs: Math.round(allTask),
    allView,
    groups,
    groupNamePx,
    span,
    findAllMs: Math.round(findAllMs),
    highlightAllMs: highlightAllMs === null ? null : Math.round(highlightAllMs),
    openGroupMs: openGroupMs === null ? null : Math.round(openGroupMs),
    openGroupTables,
    heapMB: Math.round(heap / 1e5) / 10,
    domNodes,
    jsKB: Math.round(js / 102.4) / 10,
    scripts: loaded.map((file) => `${file} ${(gzipOf(file) / 1024).toFixed(1)} KB`),
  };
}

/** The median of each figure over the runs (the view of the first run). */
function median(runs: Run[]): Run {
  const mid = <T extends number | null>(values: T[]): T => {
    const numbers = values.filter((v): v is Exclude<T, null> => v !== null).sort((a, b) => (a as number) - (b as number));
    return (numbers.length === 0 ? null : numbers[Math.floor((numbers.length - 1) / 2)]) as T;
  };
  const first = runs[0] as Run;
  const out = { ...first } as Record<string, unknown>;
  for (const key of Object.keys(first) as (keyof Run)[])
    if (typeof first[key] === 'number' || first[key] === null) out[key] = mid(runs.map((r) => r[key] as number | null));
  return out as unknown as Run;
}

interface Budget {
  what: string;
  value: number | null;
  limit: number;
  /** 'max': value ≤ limit; 'min': value ≥ limit. */
  kind: 'max' | 'min';
}

function budgets(rows: { shape: Shape; size: number; run: Run }[]): Budget[] {
  const out: Budget[] = [];
  const add = (what: string, value: number | null, limit: number, kind: 'max' | 'min' = 'max') => out.push({ what, value, limit, kind });
  for (const { shape, size, run } of rows) {
    const at = `${shape} ${size}`;
    if (size === 5000) {
      add(`${at}: default view settled (ms after the tree)`, run.defaultMs, 500);
      add(`${at}: default view longest task (ms)`, run.defaultTaskMs, 200);
      add(`${at}: highlight in React Flow (ms)`, run.highlightFlowMs, 50);
      add(`${at}: show all settled (ms)`, run.allMs, 1000);
      add(`${at}: show all longest task (ms)`, run.allTaskMs, 100);
      add(`${at}: highlight in the whole view (ms)`, run.highlightAllMs, 50);
      if (run.openGroupMs !== null) add(`${at}: open a group of ${run.openGroupTables} tables (ms)`, run.openGroupMs, 150);
    }
    if (size === 20_000) {
      add(`${at}: default view settled (ms after the tree)`, run.defaultMs, 1000);
      add(`${at}: show all settled (ms)`, run.allMs, 1500);
    }
    if (size === 50_000) add(`${at}: default view longest task (ms)`, run.defaultTaskMs, 200);
    if (run.allView === 'grouped' && (run.groups ?? 0) <= 60) add(`${at}: smallest group name on screen (px)`, run.groupNamePx, 11, 'min');
    if (run.allView !== 'tables') add(`${at}: share of the canvas the whole view spans`, run.span, 0.6, 'min');
  }
  const js = Math.max(0, ...rows.map((r) => r.run.jsKB));
  add('JavaScript a graph view loads before it settles (KB gzip, worker included)', js, 180);
  return out;
}

/** The live build, served with /api proxied to the mock DQOps server (a child process). */
async function startLive(): Promise<{ close: () => void }> {
  const mockUrl = `http://127.0.0.1:${MOCK_PORT}`;
  const env = { ...process.env, DQOPS_URL: mockUrl };
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', LIVE_OUT, '--emptyOutDir'], { env, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the live build failed');
  const children: ChildProcess[] = [
    spawn('npx', ['tsx', 'scripts/mock-server.ts', '--port', String(MOCK_PORT), '--warehouse', '5000', '--warmup', 'off'], { stdio: 'ignore', detached: true }),
    spawn('npx', ['vite', 'preview', '--outDir', LIVE_OUT, '--port', String(LIVE_PORT), '--strictPort', '--host', '127.0.0.1'], {
      env,
      stdio: 'ignore',
      detached: true,
    }),
  ];
  const close = () => children.forEach((child) => child.pid && process.kill(-child.pid));
  const deadline = Date.now() + 120_000;
  for (const url of [`${mockUrl}/api/connections`, `http://127.0.0.1:${LIVE_PORT}/api/connections`]) {
    for (;;) {
      if (
        await fetch(url).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) {
        close();
        throw new Error(`${url} did not answer`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { close };
}

async function main() {
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
  const rows: { shape: Shape; size: number; run: Run; runs: Run[] }[] = [];
  let importRun: ImportRun | undefined;
  let sqlRun: SqlRun | undefined;
  try {
    const launch = chromiumLaunchOptions();
    const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--enable-precise-memory-info'] });
    if (IMPORT !== 'off') {
      let live: { close: () => void } | undefined;
      try {
        live = await startLive();
        importRun = await measureImport(browser);
      } catch (error) {
        console.warn(`import run failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        live?.close();
      }
      console.warn('measured the import');
    }
    if (SQL !== 'off' && IMPORT !== 'only') {
      try {
        sqlRun = await measureSql(browser);
      } catch (error) {
        console.warn(`SQL run failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      console.warn('measured SQL');
    }
    for (const size of IMPORT === 'only' || SQL === 'only' ? [] : SIZES) {
      for (const shape of SHAPES) {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          try {
            runs.push(await measure(browser, shape, size));
          } catch (error) {
            console.warn(`${shape} ${size} run ${i + 1} failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
        if (runs.length > 0) rows.push({ shape, size, run: median(runs), runs });
        console.warn(`measured ${shape} ${size} (${runs.length} runs)`);
      }
    }
    await browser.close();
  } finally {
    await server.close();
  }

  const checks = IMPORT === 'only' || SQL === 'only' ? [] : budgets(rows);
  if (sqlRun) {
    const q = sqlRun;
    checks.push({
      what: `SQL: a ${q.lines}-line statement (8 CTEs, 12 joins) resolved and proposed, parser loaded (ms, median of ${q.loadedMs.length}; first use ${q.firstMs} ms)`,
      value: q.loadedMs.length > 0 ? ([...q.loadedMs].sort((a, b) => a - b)[Math.floor(q.loadedMs.length / 2)] ?? null) : null,
      limit: 300,
      kind: 'max',
    });
    checks.push({ what: 'SQL: parser scripts loaded before the first use (count)', value: q.parserBeforeUse.length, limit: 0, kind: 'max' });
  }
  if (importRun) {
    const i = importRun;
    checks.push({
      what: `import: a ${IMPORT_MODELS * 2}-node manifest parsed and matched against ${i.catalogTables} tables, shown (ms)`,
      value: i.matchedMs,
      limit: 2000,
      kind: 'max',
    });
    checks.push({
      what: `import: longest task until its ${i.links} links are compared with DQOps's (ms; ${i.reportMs} ms)`,
      value: i.reportTaskMs,
      limit: 100,
      kind: 'max',
    });
    checks.push({ what: `import: review of ${i.links} staged links drawn (ms)`, value: i.reviewMs, limit: 300, kind: 'max' });
    checks.push({
      what: `import: Save all of ${i.links} links against the mock server, longest task while writing (ms; ${i.saveMs} ms in all)`,
      value: i.saveTaskMs,
      limit: 100,
      kind: 'max',
    });
  }
  const result = {
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? ''}`,
    date: new Date().toISOString(),
    runs: RUNS,
    rows,
    import: importRun,
    sql: sqlRun,
    budgets: checks.map((b) => ({ ...b, pass: passes(b) })),
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(result, null, 2)}\n`);

  const header = [
    'shape',
    'tables',
    'lineage',
    'default ms',
    'task',
    'drawn',
    'highlight RF',
    'select RF',
    'show all ms',
    'task',
    'view',
    'groups',
    'name px',
    'span',
    'find all',
    'highlight all',
    'open group',
    'heap MB',
    'DOM',
    'JS KB',
  ];
  const cell = (v: number | string | null) => (v === null ? '—' : String(v));
  console.log(`\nLineage Studio benchmark — ${result.machine} — median of ${RUNS}, settled = last DOM change or canvas draw + ${QUIET_MS} ms quiet\n`);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const { shape, size, run: r } of rows) {
    const open = r.openGroupMs === null ? null : `${r.openGroupMs} (${r.openGroupTables})`;
    console.log(
      `| ${[shape, size, r.lineageTables, r.defaultMs, r.defaultTaskMs, r.drawn, r.highlightFlowMs, r.selectFlowMs, r.allMs, r.allTaskMs, r.allView, r.groups, r.groupNamePx, r.span, r.findAllMs, r.highlightAllMs, open, r.heapMB, r.domNodes, r.jsKB].map(cell).join(' | ')} |`,
    );
  }
  if (importRun) console.log(`\nImport: ${JSON.stringify(importRun)}`);
  if (sqlRun) console.log(`\nSQL: ${JSON.stringify(sqlRun)}`);
  console.log('\nBudgets:');
  for (const b of checks) console.log(`  ${passes(b) ? 'ok  ' : 'MISS'} ${b.what}: ${cell(b.value)} (${b.kind === 'max' ? '≤' : '≥'} ${b.limit})`);
  console.log('\nJSON: bench-results/bench.json');
  if (checks.some((b) => !passes(b))) process.exitCode = 1;
}

function passes(b: Budget): boolean {
  return b.value !== null && (b.kind === 'max' ? b.value <= b.limit : b.value >= b.limit);
}

await main();
