import { describe, expect, it } from 'vitest';
import { tableKey } from '@/lib/table-ref';
import { buildGraph } from './build-graph';
import { ref, treeOf } from './fixtures';
import { FILTERABLE, visibleGraph, type ViewOptions } from './view-model';

const k = (table: string) => tableKey(ref(table));
const options = (overrides: Partial<ViewOptions> = {}): ViewOptions => ({
  depth: 2,
  expanded: new Set(),
  revealed: new Set(),
  showAll: false,
  severities: new Set(FILTERABLE),
  showMissing: true,
  ...overrides,
});

describe('visibleGraph with a status filter', () => {
  // src (error) → a → b → root (fatal) → c → d → e → far (error): far is 4 steps away, beyond the 3 drawn.
  const model = buildGraph(treeOf('root', ['src>a', 'a>b', 'b>root', 'root>c', 'c>d', 'd>e', 'e>far'], { src: 'error', root: 'fatal', far: 'error' }));
  const failing = new Set(['error', 'fatal'] as const);

  it('without a filter: no connectors, nothing counted beyond', () => {
    const view = visibleGraph(model, options());
    expect(view.connectors).toEqual([]);
    expect(view.matchingBeyond).toBe(0);
  });

  it('keeps the way between the tables it shows, through the ones it hides, and counts matches beyond the drawn steps', () => {
    const view = visibleGraph(model, options({ severities: failing, depth: 3 }));
    expect(view.nodes.sort()).toEqual([k('root'), k('src')].sort());
    expect(view.edges).toEqual([]);
    // src → a → b → root: a and b are hidden by the filter, the way stays, dimmed.
    expect(view.connectors.map(({ source, target, through }) => ({ source, target, through }))).toEqual([{ source: k('src'), target: k('root'), through: 2 }]);
    // far fails too but lies 4 steps downstream, beyond the drawn neighbourhood.
    expect(view.matchingBeyond).toBe(1);
    expect(view.filteredOut).toBe(5); // a, b, c, d, e
  });
});
