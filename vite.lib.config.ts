import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { scopeThirdPartyCss } from './scripts/scope-css.ts';

// `npm run build:lib`: an ES module (React and React DOM are the host's), its CSS and type
// declarations, in dist-lib/. Live mode only: no MSW, no demo data.
export default defineConfig({
  // Relative asset URLs: the worker is found next to the module that starts it, by a bundler
  // (webpack 5, Vite) or by a browser loading dist-lib/ as is, never at the host's /assets.
  base: './',
  plugins: [react()],
  // ES module workers: the SQL reader's worker loads each dialect's grammar as its own chunk.
  worker: { format: 'es' },
  css: { postcss: { plugins: [scopeThirdPartyCss()] } },
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // CommonJS that require()s React cannot run from an ES module with React external.
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: fileURLToPath(new URL('./src/embed/use-sync-external-store-with-selector.ts', import.meta.url)),
      },
    ],
  },
  define: {
    'import.meta.env.VITE_DEMO': JSON.stringify('false'),
    'import.meta.env.VITE_DQOPS_URL': JSON.stringify(''),
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir: 'dist-lib',
    emptyOutDir: true,
    copyPublicDir: false,
    lib: { entry: 'src/embed/index.tsx', formats: ['es'], fileName: 'lineage-studio', cssFileName: 'lineage-studio' },
    rollupOptions: { external: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'] },
  },
});
