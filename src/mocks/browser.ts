// Demo mode: the mock DQOps server in a service worker, with the lineage kept in localStorage
// so edits survive a reload until "Reset demo data".
import { setupWorker } from 'msw/browser';
import type { TableLineageSourceSpec } from '@/api/types';
import { demoCatalog } from './seed/catalog';
import { createMockContext, optionsFromSearch, type MockOptions } from './context';
import { createHandlers } from './handlers';

const STORAGE_KEY = 'lineage-studio.demo-lineage.v1';
const OPTIONS_KEY = 'lineage-studio.demo-options.v1';

function readJson<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined; // unreadable saved data: start from the seed
  }
}

export async function startDemoServer() {
  const saved = readJson<Partial<MockOptions>>(OPTIONS_KEY) ?? {};
  const ctx = createMockContext(demoCatalog, { cacheWarmup: 'realistic', ...saved, ...optionsFromSearch(location.search) });
  // The demo catalog's lineage, as edited, survives a reload. A synthetic catalog (mock.generator,
  // mock.warehouse) is made again from the URL: persisting it (megabytes at every write, past the
  // storage quota at 5,000 tables) would only slow a Save all of thousands of links down.
  if (ctx.options.generator === 0 && ctx.options.warehouse === 0) {
    const lineage = readJson<Record<string, TableLineageSourceSpec[]>>(STORAGE_KEY);
    if (lineage) ctx.store.importLineage(lineage);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const persist = () => {
      pending = undefined;
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(ctx.store.exportLineage()));
      } catch {
        // full or blocked storage: the edits last as long as the page
      }
    };
    // Once per burst of writes (a Save all), and before the page goes.
    ctx.onWrite.push(() => {
      if (pending === undefined) pending = setTimeout(persist, 200);
    });
    window.addEventListener('pagehide', () => pending !== undefined && persist());
  }

  // On a reload, MSW asks the browser to update its worker script (registration.update()) without
  // handling a failure: a reload at the wrong moment aborts that update and the page is left with
  // an "Uncaught (in promise) Failed to update a ServiceWorker" (seen in a browser test that
  // reloads mid-run). The worker already running serves the demo either way.
  window.addEventListener('unhandledrejection', (event) => {
    // (a TypeError in Chromium, whose message says "Not found")
    if (event.reason instanceof Error && event.reason.message.startsWith('Failed to update a ServiceWorker')) event.preventDefault();
  });
  const worker = setupWorker(...createHandlers(ctx));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });

  return {
    // Loaded when first asked for: most demo visits never import.
    sampleFiles: [
      { label: 'Use the demo’s dbt project', name: 'the demo’s dbt manifest.json', read: () => import('./seed/demo-files').then((m) => m.demoDbtManifest()) },
      {
        label: 'Use the demo’s OpenLineage events',
        name: 'the demo’s OpenLineage events',
        read: () => import('./seed/demo-files').then((m) => m.demoOpenLineageEvents()),
      },
    ],
    options: (): MockOptions => ({ ...ctx.options }),
    setOptions(next: Partial<MockOptions>) {
      Object.assign(ctx.options, next);
      localStorage.setItem(
        OPTIONS_KEY,
        JSON.stringify({ generation: ctx.options.generation, role: ctx.options.role, latencyMs: ctx.options.latencyMs, cacheWarmup: ctx.options.cacheWarmup }),
      );
    },
    reset() {
      localStorage.removeItem(STORAGE_KEY);
      localStorage.removeItem(OPTIONS_KEY);
    },
  };
}

export type DemoServer = Awaited<ReturnType<typeof startDemoServer>>;
