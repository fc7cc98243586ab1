import { defineConfig } from 'vite';

// Builds the example host page in test/embed against dist-lib (run `npm run build:lib` first).
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { outDir: '../../dist-e2e/embed', emptyOutDir: true },
  preview: { port: 4175, strictPort: true, host: '127.0.0.1' },
});
