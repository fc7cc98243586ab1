// After `vite build --config vite.lib.config.ts` and `tsc -p tsconfig.lib.json`: turns dist-lib/
// into an installable package (docs/embedding.md).
// - The public entry's declarations become dist-lib/lineage-studio.d.ts. They reference nothing but
//   React, so the internal declarations are not shipped.
// - The workers (layout; the import's file reader; the SQL reader) are started with the one form every consumer understands:
//   `new Worker(new URL("./assets/…", import.meta.url), { type: "module" })`. webpack 5 and Vite
//   bundle that file; a browser loading dist-lib/ as is fetches it next to the module. Vite's own
//   output (`new URL(new URL("assets/…", import.meta.url).href, "" + import.meta.url)`) is not
//   recognised by webpack, and without `base: './'` it is a root-absolute "/assets/…".
// - package.json: `exports` for the JS and `lineage-studio/style.css`, types, React as a peer.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const entry = readFileSync('dist-lib/types/embed/index.d.ts', 'utf8');
const imports = [...entry.matchAll(/from ['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
const foreign = imports.filter((name) => name !== 'react' && !name.startsWith('react/'));
if (foreign.length > 0) throw new Error(`The public declarations import internal modules: ${foreign.join(', ')}`);
writeFileSync('dist-lib/lineage-studio.d.ts', entry);
rmSync('dist-lib/types', { recursive: true, force: true });

const WORKER_CALL =
  /new Worker\(\s*new URL\(\s*(?:\/\*[^*]*\*\/\s*)?new URL\("(assets\/[^"]+\.js)", import\.meta\.url\)\.href,\s*"" \+ import\.meta\.url\s*\)/g;
let workers = 0;
for (const file of readdirSync('dist-lib').filter((name) => name.endsWith('.js'))) {
  const path = `dist-lib/${file}`;
  const code = readFileSync(path, 'utf8');
  const fixed = code.replace(WORKER_CALL, (_, asset: string) => {
    workers += 1;
    return `new Worker(new URL("./${asset}", import.meta.url)`;
  });
  if (/new URL\(\s*["']\//.test(fixed)) throw new Error(`${path} still refers to a root-absolute URL`);
  if (fixed !== code) writeFileSync(path, fixed);
}
// The layout worker, the import's file reader and the SQL reader.
if (workers !== 3) throw new Error(`Expected three workers in dist-lib (layout, import, SQL), rewrote ${workers}: has Vite's output changed?`);

const app = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; description: string; dependencies: Record<string, string> };
const pkg = {
  name: 'lineage-studio',
  version: app.version,
  description: app.description,
  license: 'UNLICENSED',
  type: 'module',
  main: './lineage-studio.js',
  module: './lineage-studio.js',
  types: './lineage-studio.d.ts',
  exports: {
    '.': { types: './lineage-studio.d.ts', import: './lineage-studio.js', default: './lineage-studio.js' },
    './style.css': './lineage-studio.css',
    './lineage-studio.css': './lineage-studio.css',
    './package.json': './package.json',
  },
  // Importing the stylesheet is a side effect; the JS is not (a bundler may drop unused parts).
  sideEffects: ['*.css'],
  // Everything else (React Flow, TanStack Query, dagre, zod, …) is bundled in.
  peerDependencies: { react: '>=18', 'react-dom': '>=18' },
};
writeFileSync('dist-lib/package.json', `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  'dist-lib/README.md',
  "# lineage-studio\n\nLineage Studio for DQOps as an embeddable React component. See docs/embedding.md in the Lineage Studio repository.\n\n```ts\nimport { LineageStudio, mountLineageStudio } from 'lineage-studio';\nimport 'lineage-studio/style.css';\n```\n",
);
