import { describe, expect, it } from 'vitest';
import { buildGraph } from '../model/build-graph';
import { ref, treeOf } from '../model/fixtures';
import { tableKey } from '@/lib/table-ref';
import { tableNodeLabel } from './table-node';

describe('a table node\'s accessible name', () => {
  it('says "Status loading" for a table whose status DQOps has not loaded yet, and its status once it has', () => {
    const tree = treeOf('b', ['a>b'], { a: 'error', b: 'valid' });
    const loading = buildGraph({ ...tree, fullyLoaded: false, flows: [{ ...tree.flows[0], sourceStatus: undefined } as (typeof tree.flows)[number]] });
    const a = loading.nodes.get(tableKey(ref('a')));
    expect(a && tableNodeLabel(a, 'own', undefined, false)).toBe('a, s in c: Status loading');
    const loaded = buildGraph(tree).nodes.get(tableKey(ref('a')));
    expect(loaded && tableNodeLabel(loaded, 'own', undefined, false)).toBe('a, s in c: Error');
  });
});
