// `npm run bench`: builds the demo, serves it, drives headless Chromium over synthetic lineage
// graphs of 100 … 5,000 tables (the mock's generator: the real request → normalise → model →
// layout → React Flow path), and prints one table; JSON goes to bench-results/bench.json.
// dagre's own time on the same graph is measured in this process as a yardstick.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { chromiumLaunchOptions } from '../test/browser.ts';
import { normalizeTree } from '../src/api/normalize.ts';
import { createStore } from '../src/mocks/store.ts';
import { buildLineageTree } from '../src/mocks/lineage-tree.ts';
import { generateCatalog, GENERATED_CONNECTION, GENERATED_SCHEMA, HUB_TABLE } from '../src/mocks/seed/generator.ts';
import { buildGraph } from '../src/features/lineage-graph/model/build-graph.ts';
import { layeredLayout } from '../src/features/lineage-graph/model/layout.ts';

const SIZES = (process.env.BENCH_SIZES ?? '100,500,1000,2000,5000').split(',').map(Number);
const PORT = 4190;
const OUT = 'dist-bench';
const DAGRE_LIMIT_S = Number(process.env.BENCH_DAGRE_LIMIT_S ?? 600);

interface Row {
  tables: number;
  flows: number;
  defaultDrawn: number;
  defaultRendered: number;
  defaultMs: number;
  defaultLongestTaskMs: number;
  showAllMs: number;
  showAllLayoutMs: number;
  showAllLongestTaskMs: number;
  highlightMs: number;
  heapMB: number;
  domNodes: number;
  layeredNodeMs: number;
  dagreNodeMs: number | null;
  speedupVsDagre: number | null;
}

function sizes(): { file: string; bytes: number; gzip: number }[] {
  const dir = `${OUT}/assets`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((file) => {
      const content = readFileSync(`${dir}/${file}`);
      return { file, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The JS a live (non-demo) visit loads before anything on demand: the entry and its static imports. */
function initialJs(): number {
  const html = readFileSync(`${OUT}/index.html`, 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="[^"]*assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(`${OUT}/assets/${file}`, 'utf8');
    // Static imports only (`import … from "./x.js"`), not `import("./x.js")`.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1] ?? '');
  };
  entries.forEach(visit);
  return [...seen].reduce((sum, file) => sum + gzipSync(readFileSync(`${OUT}/assets/${file}`), { level: 9 }).length, 0);
}

async function markAfter(page: Page, name: string, after: number, minNodes = 0): Promise<number> {
  const handle = await page.waitForFunction(
    ([n, t, min]) => {
      const marks = performance.getEntriesByName(n as string, 'mark') as PerformanceMark[];
      const hit = marks.find((m) => m.startTime > (t as number) && ((m.detail as { nodes?: number } | null)?.nodes ?? 0) >= (min as number));
      return hit ? hit.startTime : false;
    },
    [name, after, minNodes] as const,
    { timeout: 180_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

const longestTask = (page: Page, since: number) =>
  page.evaluate(
    (t) => Math.max(0, ...((window as unknown as { __longtasks: [number, number][] }).__longtasks ?? []).filter(([start]) => start >= t).map(([, d]) => d)),
    since,
  );

function nodeSideTimes(size: number) {
  const store = createStore(generateCatalog(size));
  const root = { connection: GENERATED_CONNECTION, schema: GENERATED_SCHEMA, table: HUB_TABLE };
  const tree = normalizeTree(buildLineageTree(store, root, true, true), root);
  const model = buildGraph(tree);
  const input = { nodes: [...model.nodes.keys()], edges: [...model.edges.values()].map((e) => [e.source, e.target] as const) };
  const t = performance.now();
  layeredLayout(input);
  const layeredNodeMs = performance.now() - t;
  // dagre longest-path (its fastest ranker) as the yardstick, in a child process with a time limit;
  // the child prints the time of the layout call alone.
  let dagreNodeMs: number | null;
  try {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bench-dagre.ts', String(size)], {
      timeout: DAGRE_LIMIT_S * 1000,
      encoding: 'utf8',
    });
    dagreNodeMs = Number(out.trim());
  } catch {
    dagreNodeMs = null; // over the limit
  }
  return { flows: tree.flows.length, layeredNodeMs, dagreNodeMs };
}

async function main() {
  await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  const server = await preview({ logLevel: 'warn', build: { outDir: OUT }, preview: { port: PORT, strictPort: true, host: '127.0.0.1' } });
  const base = `http://127.0.0.1:${PORT}/`;
  const rows: Row[] = [];
  try {
    const launch = chromiumLaunchOptions();
    const browser = await chromium.launch({ ...launch, args: [...(launch.args ?? []), '--enable-precise-memory-info'] });
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const tasks: [number, number][] = [];
        (window as unknown as { __longtasks: [number, number][] }).__longtasks = tasks;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push([e.startTime, e.duration]))).observe({
          type: 'longtask',
          buffered: true,
        });
      });
      await page.goto(`${base}?connection=${GENERATED_CONNECTION}&schema=${GENERATED_SCHEMA}&table=${HUB_TABLE}&mock.generator=${size}&mock.warmup=off`);
      const response = await markAfter(page, 'lineage-tree-response', 0);
      const painted = await markAfter(page, 'lineage-painted', response, 1);
      // Tables in the default view (laid out, on the minimap) and those React Flow rendered as DOM
      // (only the ones inside the camera: onlyRenderVisibleElements).
      const defaultDrawn = await page.evaluate(() => {
        const marks = performance.getEntriesByName('lineage-painted', 'mark') as PerformanceMark[];
        return (marks[marks.length - 1]?.detail as { nodes?: number } | null)?.nodes ?? 0;
      });
      const defaultRendered = await page.locator('.react-flow__node').count();
      const defaultLongestTaskMs = await longestTask(page, response);

      const clickAt = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: /^Show all/ }).click();
      const allPainted = await markAfter(page, 'lineage-painted', clickAt, size);
      const showAllLayoutMs = await page.evaluate(() => {
        const m = performance.getEntriesByName('lineage-layout', 'measure');
        return m.length ? (m[m.length - 1] as PerformanceMeasure).duration : 0;
      });
      const showAllLongestTaskMs = await longestTask(page, clickAt);

      // Highlight: select the hub (every path runs through it) in the whole graph, through search.
      const find = page.getByRole('combobox', { name: 'Find table in graph' });
      await find.fill(HUB_TABLE);
      await page
        .getByRole('option', { name: new RegExp(`^${HUB_TABLE}`) })
        .first()
        .waitFor();
      await find.press('Enter');
      const select = await markAfter(page, 'lineage-select', allPainted);
      const highlighted = await markAfter(page, 'lineage-highlight-painted', select);
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      await context.close();

      const node = nodeSideTimes(size);
      rows.push({
        tables: size,
        flows: node.flows,
        defaultDrawn,
        defaultRendered,
        defaultMs: Math.round(painted - response),
        defaultLongestTaskMs: Math.round(defaultLongestTaskMs),
        showAllMs: Math.round(allPainted - clickAt),
        showAllLayoutMs: Math.round(showAllLayoutMs),
        showAllLongestTaskMs: Math.round(showAllLongestTaskMs),
        highlightMs: Math.round(highlighted - select),
        heapMB: Math.round(heap / 1e5) / 10,
        domNodes,
        layeredNodeMs: Math.round(node.layeredNodeMs),
        dagreNodeMs: node.dagreNodeMs === null ? null : Math.round(node.dagreNodeMs),
        speedupVsDagre: node.dagreNodeMs === null ? null : Math.round((node.dagreNodeMs / Math.max(1, allPainted - clickAt)) * 10) / 10,
      });
      console.warn(`measured ${size} tables`);
    }
    await browser.close();
  } finally {
    await server.close();
  }

  const chunks = sizes();
  const result = {
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${cpus()[0]?.model ?? ''}`,
    date: new Date().toISOString(),
    rows,
    chunks,
    initialJsGzip: initialJs(),
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(result, null, 2)}\n`);

  const header = [
    'tables',
    'flows',
    'drawn',
    'in DOM',
    'default ms',
    'default longest task',
    'show all ms',
    'layout ms',
    'show all longest task',
    'highlight ms',
    'heap MB',
    'DOM nodes',
    'dagre ms (node)',
    'dagre / show all',
  ];
  const lines = rows.map((r) => [
    r.tables,
    r.flows,
    r.defaultDrawn,
    r.defaultRendered,
    r.defaultMs,
    r.defaultLongestTaskMs,
    r.showAllMs,
    r.showAllLayoutMs,
    r.showAllLongestTaskMs,
    r.highlightMs,
    r.heapMB,
    r.domNodes,
    r.dagreNodeMs ?? `> ${DAGRE_LIMIT_S} s`,
    r.speedupVsDagre === null ? '—' : `${r.speedupVsDagre}×`,
  ]);
  console.log(`\nLineage Studio benchmark — ${result.machine}\n`);
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  console.log(`\nInitial JS of the app (entry + static imports, gzip): ${(result.initialJsGzip / 1024).toFixed(1)} KB`);
  console.log('Chunks (gzip):');
  for (const c of chunks) console.log(`  ${c.file.padEnd(44)} ${(c.gzip / 1024).toFixed(1).padStart(7)} KB  (${(c.bytes / 1024).toFixed(0)} KB raw)`);
  console.log('\nJSON: bench-results/bench.json');
}

await main();
