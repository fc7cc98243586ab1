import { describe, expect, it } from 'vitest';
import { tableKey } from '@/lib/table-ref';
import { buildGraph } from '../model/build-graph';
import { ref, treeOf } from '../model/fixtures';
import { foldDraft } from '../model/draft';
import { CONNECTOR_COLOUR, toConnectorEdges, toFlowEdges, toFlowNodes } from './flow-elements';

const k = (table: string) => tableKey(ref(table));
const model = buildGraph(treeOf('b', ['a>b', 'b>c'], { a: 'error' }));
const positions = new Map([
  [k('a'), { x: 0, y: 0 }],
  [k('b'), { x: 400, y: 0 }],
]);

describe('flow elements', () => {
  it('draws only tables the layout has placed, with their labels and the roving tab stop', () => {
    const nodes = toFlowNodes({
      keys: [k('a'), k('b'), k('c')],
      model,
      positions,
      hidden: new Map([[k('a'), { upstream: 2, downstream: 0 }]]),
      columns: new Map(),
      heightOf: () => 78,
      labelOf: (key) => `label of ${key}`,
      active: k('b'),
      connectable: true,
      drafted: new Set(),
    });
    expect(nodes.map((n) => [n.id, n.ariaLabel, n.domAttributes?.tabIndex, n.data.hiddenUpstream])).toEqual([
      [k('a'), `label of ${k('a')}`, -1, 2],
      [k('b'), `label of ${k('b')}`, 0, 0],
    ]);
  });

  it('names arrows by their tables and the draft, coloured by the draft change', () => {
    const changes = foldDraft([{ kind: 'remove-source', source: ref('a'), target: ref('b') }]);
    const diffs = new Map(changes.map((c) => [c.key, c]));
    const [edge] = toFlowEdges([...model.edges.values()], model, positions, diffs, new Map(), undefined);
    expect(edge?.ariaLabel).toBe('a feeds b, draft: removal not saved yet');
    expect(edge?.data?.diff).toBe('removed');
  });

  it('says how many hidden tables a connector passes', () => {
    const [connector] = toConnectorEdges([{ key: 'via', source: k('a'), target: k('b'), through: 2 }], model, positions);
    expect(connector?.ariaLabel).toBe('a leads to b through 2 tables the filter hides');
    expect(connector?.data?.color).toBe(CONNECTOR_COLOUR);
    expect(connector?.focusable).toBe(false);
  });
});
