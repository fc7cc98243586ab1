import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { scopeThirdPartyCss } from './scripts/scope-css.ts';
import { STRICT_CSP } from './csp.ts';

// Live mode: `DQOPS_URL=http://host:8888 npm start` proxies /api to that DQOps server, so the
// browser talks to one origin and DQOps's auth filter never sees a CORS preflight.
// Without DQOPS_URL the app runs in demo mode (MSW in the browser).
const dqopsUrl = process.env.DQOPS_URL;

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  plugins: [react()],
  // ES module workers: the SQL reader's worker loads each dialect's grammar as its own chunk.
  worker: { format: 'es' },
  css: { postcss: { plugins: [scopeThirdPartyCss()] } },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    'import.meta.env.VITE_DEMO': JSON.stringify(dqopsUrl ? 'false' : (process.env.VITE_DEMO ?? 'true')),
    'import.meta.env.VITE_DQOPS_URL': JSON.stringify(dqopsUrl ?? ''),
  },
  server: {
    proxy: dqopsUrl ? { '/api': { target: dqopsUrl, changeOrigin: true } } : undefined,
  },
  preview: {
    proxy: dqopsUrl ? { '/api': { target: dqopsUrl, changeOrigin: true } } : undefined,
    // PREVIEW_CSP=1: serve the build under the strict policy the browser tests check.
    headers: process.env.PREVIEW_CSP ? { 'Content-Security-Policy': STRICT_CSP } : undefined,
  },
});
