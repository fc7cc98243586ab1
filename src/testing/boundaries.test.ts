// The layering rules of docs/architecture.md, enforced on the real source tree, and shown to bite
// on made-up files that break them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundaryViolations, importCycles, type SourceFile } from './boundaries';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): SourceFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(name) || name.endsWith('.d.ts')) return [];
    return [{ path: relative(ROOT, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }];
  });
}

describe('the source tree', () => {
  it('follows the layering rules and has no import cycles', () => {
    expect(boundaryViolations(sources(join(ROOT, 'src')))).toEqual([]);
  });
});

describe('the check itself', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });
  it('catches a feature importing another feature, by alias or by a relative path', () => {
    expect(
      boundaryViolations([
        file('src/features/source-editor/a.ts', "import { x } from '@/features/lineage-graph/model/layout';"),
        file('src/features/source-editor/b.ts', "import { y } from '../lineage-graph/model/traverse';"),
      ]),
    ).toEqual([
      'src/features/source-editor/a.ts: a feature imports another feature (src/features/lineage-graph/model/layout)',
      'src/features/source-editor/b.ts: a feature imports another feature (src/features/lineage-graph/model/traverse)',
    ]);
  });
  it('catches the mock DQOps imported outside the demo wiring', () => {
    expect(boundaryViolations([file('src/features/lineage-graph/x.tsx', "import { store } from '../../mocks/store';")])).toEqual([
      'src/features/lineage-graph/x.tsx: imports the mock DQOps (src/mocks/store) outside the demo wiring',
    ]);
    expect(boundaryViolations([file('src/app/main.tsx', "const m = await import('@/mocks/browser');")])).toEqual([]);
  });
  it('catches shared layers importing features or fetching', () => {
    expect(
      boundaryViolations([
        file('src/components/x.tsx', "import { LineageView } from '@/features/lineage-graph/components/lineage-view';"),
        file('src/lib/y.ts', "import { useQuery } from '@tanstack/react-query';"),
      ]),
    ).toEqual([
      'src/components/x.tsx: src/components imports src/features/lineage-graph/components/lineage-view',
      'src/lib/y.ts: src/lib must not fetch (imports @tanstack/react-query)',
    ]);
  });
  it('finds import cycles, not counting type-only and on-demand imports', () => {
    const a = file('src/app/a.tsx', "import { b } from './b';");
    expect(importCycles([a, file('src/app/b.tsx', "import { a } from './a';")])).toEqual(['import cycle: src/app/a.tsx → src/app/b.tsx → src/app/a.tsx']);
    expect(importCycles([a, file('src/app/b.tsx', "import type { A } from './a';")])).toEqual([]);
    expect(importCycles([a, file('src/app/b.tsx', "const a = () => import('./a');")])).toEqual([]);
  });
});
