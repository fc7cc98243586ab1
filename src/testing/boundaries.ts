// The project's layering rules, checked on the import statements of every source file (run by
// boundaries.test.ts in `npm test`). Pure: it takes file paths and their text, so the test can
// also feed it a made-up file that breaks a rule and see it caught. The layers are described in
// docs/architecture.md.
import { posix } from 'node:path';

export interface SourceFile {
  /** Path from the repository root, with forward slashes: `src/features/lineage-graph/…`. */
  path: string;
  text: string;
}

export interface Import {
  from: string;
  /** Resolved path of the imported file (without extension resolution), or the package name. */
  to: string;
  /** `import type …`: erased at build time, no runtime dependency. */
  typeOnly: boolean;
  /** `import('…')`: loaded on demand. */
  dynamic: boolean;
}

const STATIC = /^\s*(import|export)\s+(type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolve(from: string, specifier: string): string {
  if (specifier.startsWith('@/')) return `src/${specifier.slice(2)}`;
  if (specifier.startsWith('.')) return posix.normalize(posix.join(posix.dirname(from), specifier));
  return specifier; // a package
}

export function importsOf(file: SourceFile): Import[] {
  const out: Import[] = [];
  for (const match of file.text.matchAll(STATIC)) {
    const specifier = match[3] ?? '';
    out.push({ from: file.path, to: resolve(file.path, specifier), typeOnly: match[2] !== undefined, dynamic: false });
  }
  for (const match of file.text.matchAll(DYNAMIC)) out.push({ from: file.path, to: resolve(file.path, match[1] ?? ''), typeOnly: false, dynamic: true });
  return out;
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path) || path.startsWith('src/testing/');
const featureOf = (path: string) => /^src\/features\/([^/]+)\//.exec(`${path}/`)?.[1];
const layerOf = (path: string) => /^src\/([^/]+)\//.exec(`${path}/`)?.[1];

/** Files allowed to load the mock DQOps: the demo's start (main.tsx) and, for types only, the app shell. */
function mayImportMocks(imp: Import): boolean {
  if (layerOf(imp.from) === 'mocks' || isTest(imp.from)) return true;
  if (imp.from === 'src/app/main.tsx') return true; // starts the demo server (dynamic import)
  return imp.typeOnly && layerOf(imp.from) === 'app'; // the settings dialog shows the mock's options
}

/** Every broken rule, as "file: what" lines (empty when the code follows the rules). */
export function boundaryViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  const imports = files.flatMap(importsOf);
  for (const imp of imports) {
    if (!imp.to.startsWith('src/')) {
      // Fetching: shared layers never talk to the server.
      if (['components', 'lib'].includes(layerOf(imp.from) ?? '') && !isTest(imp.from) && imp.to === '@tanstack/react-query')
        problems.push(`${imp.from}: src/${layerOf(imp.from)} must not fetch (imports @tanstack/react-query)`);
      continue;
    }
    const from = featureOf(imp.from);
    const to = featureOf(imp.to);
    if (from && to && from !== to) problems.push(`${imp.from}: a feature imports another feature (${imp.to})`);
    if (layerOf(imp.to) === 'mocks' && !mayImportMocks(imp)) problems.push(`${imp.from}: imports the mock DQOps (${imp.to}) outside the demo wiring`);
    const shared = layerOf(imp.from);
    if ((shared === 'components' || shared === 'lib') && !isTest(imp.from)) {
      if (['features', 'app', 'mocks'].includes(layerOf(imp.to) ?? '')) problems.push(`${imp.from}: src/${shared} imports ${imp.to}`);
      if (imp.to === 'src/api/client' || imp.to === 'src/api/api-context' || imp.to === 'src/api/queries')
        problems.push(`${imp.from}: src/${shared} must not fetch (imports ${imp.to})`);
    }
    if (shared === 'lib' && !isTest(imp.from) && layerOf(imp.to) === 'api') problems.push(`${imp.from}: src/lib imports the API layer (${imp.to})`);
  }
  return [...problems, ...importCycles(files, imports)];
}

/** Runtime import cycles (type-only and on-demand imports do not count), each as "a → b → a". */
export function importCycles(files: readonly SourceFile[], imports: readonly Import[] = files.flatMap(importsOf)): string[] {
  const known = new Map<string, string>(); // path without extension → path
  for (const file of files) known.set(file.path.replace(/\.tsx?$/, ''), file.path);
  const target = (to: string) => known.get(to) ?? known.get(`${to}/index`);
  const edges = new Map<string, string[]>();
  for (const imp of imports) {
    if (imp.typeOnly || imp.dynamic) continue;
    const to = target(imp.to);
    if (to) edges.set(imp.from, [...(edges.get(imp.from) ?? []), to]);
  }
  // Tarjan's strongly connected components: every component with more than one file is a cycle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, order.get(w) ?? 0));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) cycles.push(`import cycle: ${[...component.reverse(), component[0]].join(' → ')}`);
    }
  };
  for (const file of files) if (!order.has(file.path)) visit(file.path);
  return cycles;
}
