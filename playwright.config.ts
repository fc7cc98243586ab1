import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/browser.ts';

// Browser tests: the demo build (MSW in the browser) on :4173, the mock DQOps server over real
// HTTP on :8899, and the live build served under /lineage/ on :4174 with a strict
// Content-Security-Policy (csp.ts), proxying /api to the mock.
const MOCK = 'http://127.0.0.1:8899';

export default defineConfig({
  testDir: 'test',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  // A forgotten `test.only` would silently skip the rest: it fails the run in CI (.ci/run sets CI).
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    viewport: { width: 1440, height: 960 },
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    acceptDownloads: true,
  },
  webServer: [
    {
      command: 'npx vite build --outDir dist-e2e/demo --emptyOutDir && npx vite preview --outDir dist-e2e/demo --port 4173 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: 'npx tsx scripts/mock-server.ts --port 8899 --warmup off',
      url: `${MOCK}/api/connections`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `DQOPS_URL=${MOCK} BASE_PATH=/lineage/ npx vite build --outDir dist-e2e/live --emptyOutDir && PREVIEW_CSP=1 DQOPS_URL=${MOCK} BASE_PATH=/lineage/ npx vite preview --outDir dist-e2e/live --port 4174 --strictPort --host 127.0.0.1`,
      url: 'http://127.0.0.1:4174/lineage/',
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The library build, built once for two hosts: the example host page (test/embed, Vite) with its
      // own mock DQOps on :8898, and the console-like host (test/console-host: the packed library in
      // webpack 5 with React 18.2 and Tailwind's preflight; a page without a bundler) on :4176 with
      // its mock on :8897. The console host waits for the example host to answer before it listens.
      command:
        'npm run build:lib && npx tsc -p test/embed && npx vite build --config test/embed/vite.config.ts && node test/console-host/build.mjs && ' +
        '(npx tsx scripts/mock-server.ts --port 8898 --warmup off & npx tsx scripts/mock-server.ts --port 8897 --warmup off & ' +
        'npx vite preview --config test/embed/vite.config.ts & node test/console-host/serve.mjs --after http://127.0.0.1:4175/ --after http://127.0.0.1:8897/api/connections)',
      url: 'http://127.0.0.1:4176/static/console.js',
      reuseExistingServer: false,
      timeout: 300_000,
    },
  ],
});
