import { describe, expect, it } from 'vitest';
import { parseTableKey, tableKey } from '@/lib/table-ref';
import { buildGraph, edgeKey } from './build-graph';
import { ref, status, treeOf } from './fixtures';
import { COLUMNS_HEIGHT, layeredLayout, NODE_HEIGHT, NODE_WIDTH, type LayoutInput, type LayoutResult } from './layout';
import { chooseAlgorithm, dagreLayout, layoutGraph } from './layout-graph';
import { causePathOf, rootCause } from './root-cause';
import { closure, neighbourhood, pathsFromRoot, pathsThrough, throughRoot } from './traverse';

const k = (table: string) => tableKey(ref(table));
const names = (keys: Iterable<string>) => [...keys].map((key) => parseTableKey(key)?.table).sort();

describe('buildGraph', () => {
  it('collects nodes from flows and the root, keyed by (connection, schema, table)', () => {
    const model = buildGraph(treeOf('b', ['a>b', 'b>c']));
    expect(names(model.nodes.keys())).toEqual(['a', 'b', 'c']);
    expect(model.rootKey).toBe(k('b'));
    expect(model.nodes.get(k('b'))?.isRoot).toBe(true);
  });

  it('keeps tables apart whose compact keys collide (dots in names)', () => {
    const tree = treeOf('x', []);
    tree.flows.push({ source: { connection: 'a.b', schema: 'c', table: 'd' }, target: ref('x'), rowCountEstimated: false });
    tree.flows.push({ source: { connection: 'a', schema: 'b.c', table: 'd' }, target: ref('x'), rowCountEstimated: false });
    expect(buildGraph(tree).nodes.size).toBe(3);
  });

  it('a table whose status DQOps left out while loading is "status loading"; once the tree is fully loaded, not', () => {
    const tree = treeOf('b', ['a>b', 'b>c'], { a: 'error' });
    tree.fullyLoaded = false;
    tree.flows[1] = { ...tree.flows[1], targetStatus: undefined } as (typeof tree.flows)[number]; // c not loaded yet
    const loading = buildGraph(tree);
    expect([...loading.nodes.values()].filter((n) => n.statusLoading).map((n) => n.ref.table)).toEqual(['c']);
    expect(buildGraph({ ...tree, fullyLoaded: true }).nodes.get(k('c'))?.statusLoading).toBe(false);
  });

  it('draws duplicate flows once', () => {
    const model = buildGraph(treeOf('b', ['a>b', 'a>b', 'a>b']));
    expect(model.edges.size).toBe(1);
    expect(model.sources.get(k('b'))).toEqual([k('a')]);
  });

  it('marks a self link instead of drawing a loop edge', () => {
    const model = buildGraph(treeOf('a', ['a>a', 'b>a']));
    expect(model.nodes.get(k('a'))?.selfLink).toBe(true);
    expect([...model.edges.keys()]).toEqual([edgeKey(k('b'), k('a'))]);
  });

  it('renders an empty flow list as the root alone', () => {
    const model = buildGraph(treeOf('alone', []));
    expect(names(model.nodes.keys())).toEqual(['alone']);
    expect(model.edges.size).toBe(0);
  });

  it('marks tables DQOps does not know', () => {
    const model = buildGraph(treeOf('b', ['ext>b'], {}, ['ext']));
    expect(model.nodes.get(k('ext'))?.exists).toBe(false);
    expect(model.nodes.get(k('b'))?.exists).toBe(true);
  });

  it('colours an arrow by its source with everything above it, whatever DQOps says on downstream flows or which table is the focus', () => {
    // oi (valid) feeds ret, whose own checks fail. DQOps's downstream flow carries ret's own error
    // as upstream_combined (DQOps merges the target's own status into it on downstream flows); the arrow is about the data leaving oi.
    const severities = { up: 'valid', oi: 'valid', ret: 'error' } as const;
    const aroundOi = treeOf('oi', ['up>oi', 'oi>ret'], severities);
    const down = aroundOi.flows[1];
    if (!down) throw new Error('fixture');
    down.upstreamCombinedStatus = status('error');
    const aroundRet = treeOf('ret', ['up>oi', 'oi>ret'], severities);
    for (const tree of [aroundOi, aroundRet]) {
      const model = buildGraph(tree);
      expect(model.edges.get(edgeKey(k('oi'), k('ret')))?.combinedStatus?.severity).toBe('valid');
      expect(model.nodes.get(k('ret'))?.combinedStatus?.severity).toBe('error');
    }
  });

  it("gives the focus table its status including upstream without DQOps's cumulative status (the 2024-09 server sends none)", () => {
    const tree = treeOf('orders', ['payments>stg', 'stg>orders', 'orders>report'], { payments: 'fatal', stg: 'valid', orders: 'valid', report: 'valid' });
    expect(tree.relativeCumulativeStatus).toBeUndefined();
    const model = buildGraph(tree);
    expect(model.nodes.get(k('orders'))?.status?.severity).toBe('valid');
    expect(model.nodes.get(k('orders'))?.combinedStatus?.severity).toBe('fatal');
    expect(model.nodes.get(k('report'))?.combinedStatus?.severity).toBe('fatal');
  });
});

describe('traverse', () => {
  const chain = buildGraph(treeOf('r', ['u4>u3', 'u3>u2', 'u2>u1', 'u1>r', 'r>d1', 'd1>d2', 'd2>d3']));

  it('shows 2 hops each way and counts the hidden neighbours of the edge nodes', () => {
    const { visible, hidden } = neighbourhood(chain, { depth: 2 });
    expect(names(visible)).toEqual(['d1', 'd2', 'r', 'u1', 'u2']);
    // u3 is one click away (u4 behind it is not counted: expanding reveals one hop).
    expect(hidden.get(k('u2'))).toEqual({ upstream: 1, downstream: 0 });
    expect(hidden.get(k('d2'))).toEqual({ upstream: 0, downstream: 1 });
    expect(hidden.has(k('r'))).toBe(false);
  });

  it('expands one more hop past an expanded node, and everything with showAll', () => {
    expect(names(neighbourhood(chain, { depth: 2, expanded: new Set([k('u2')]) }).visible)).toContain('u3');
    expect(neighbourhood(chain, { depth: 2, showAll: true }).visible.size).toBe(8);
  });

  it('caps the default view of a hub table and counts the rest as hidden', () => {
    const edges = Array.from({ length: 300 }, (_, i) => `s${i}>hub`).concat(Array.from({ length: 300 }, (_, i) => `hub>t${i}`));
    const hub = buildGraph(treeOf('hub', edges));
    const { visible, hidden } = neighbourhood(hub, { depth: 2, maxNodes: 200 });
    expect(visible.size).toBe(201);
    expect(hidden.get(k('hub'))).toEqual({ upstream: 200, downstream: 200 });
    expect(neighbourhood(hub, { depth: 2, maxNodes: 200, expanded: new Set([k('hub')]) }).visible.size).toBe(601);
  });

  it('reveals a far node with the path that leads to it', () => {
    expect(pathsFromRoot(chain)(k('u4')).map((key) => names([key])[0])).toEqual(['r', 'u1', 'u2', 'u3', 'u4']);
    expect(names(neighbourhood(chain, { depth: 1, revealed: new Set([k('d3')]) }).visible)).toEqual(['d1', 'd2', 'd3', 'r', 'u1']);
  });

  it('highlights every path through a node, not siblings', () => {
    const model = buildGraph(treeOf('r', ['a>m', 'b>m', 'm>r', 'x>r']));
    const { nodes, edges } = pathsThrough(model, k('m'));
    expect(names(nodes)).toEqual(['a', 'b', 'm', 'r']);
    expect(edges.has(edgeKey(k('x'), k('r')))).toBe(false);
    expect(edges.size).toBe(3);
  });

  it('stops at cycles', () => {
    const model = buildGraph(treeOf('a', ['a>b', 'b>c', 'c>a']));
    expect(names(closure(model, k('a'), 'downstream'))).toEqual(['b', 'c']);
    expect(names(pathsThrough(model, k('b')).nodes)).toEqual(['a', 'b', 'c']);
  });
});

describe('rootCause', () => {
  it('lists failing upstream tables nearest first and marks where the problem entered', () => {
    const model = buildGraph(treeOf('r', ['src>land', 'land>stg', 'stg>r', 'ok>r'], { src: 'error', land: 'warning', stg: 'valid', r: 'error' }));
    const steps = rootCause(model, k('r'));
    expect(steps.map((s) => [names([s.key])[0], s.distance, s.severity, s.origin])).toEqual([
      ['r', 0, 'error', false],
      ['land', 2, 'warning', false],
      ['src', 3, 'error', true],
    ]);
    // The way the problem travels: from each cause down to r, not the healthy side branch.
    expect(names([...causePathOf(model, k('r'), steps)]).sort()).toEqual(['land', 'r', 'src', 'stg']);
  });
});

function check(result: LayoutResult, input: LayoutInput) {
  for (const key of input.nodes) expect(result.positions.has(key)).toBe(true);
  for (const [s, t] of input.edges) {
    expect(result.positions.get(s)).toBeDefined();
    expect(result.positions.get(t)).toBeDefined();
  }
  const tall = new Set(input.tall);
  const boxes = [...result.positions].map(([key, p]) => ({ ...p, height: tall.has(key) ? NODE_HEIGHT + COLUMNS_HEIGHT : NODE_HEIGHT }));
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i];
      const b = boxes[j];
      if (!a || !b) continue;
      const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
      const overlap = Math.abs(a.x - b.x) < NODE_WIDTH && lower.y - upper.y < upper.height;
      expect(overlap).toBe(false);
    }
  }
}

describe('layout', () => {
  const input: LayoutInput = {
    nodes: ['a', 'b', 'c', 'd', 'e', 'f'],
    edges: [
      ['a', 'c'],
      ['b', 'c'],
      ['c', 'd'],
      ['c', 'e'],
      ['a', 'e'],
      ['e', 'f'],
    ],
  };

  it.each(['dagre-network-simplex', 'dagre-longest-path', 'layered'] as const)(
    '%s keeps every edge attached to a laid-out node, without overlaps',
    (algorithm) => {
      check(layoutGraph(input, algorithm), input);
    },
  );

  it.each(['dagre-network-simplex', 'layered'] as const)('%s puts data flow left → right', (algorithm) => {
    const { positions } = layoutGraph(input, algorithm);
    for (const [s, t] of input.edges) expect(positions.get(s)?.x ?? 0).toBeLessThan(positions.get(t)?.x ?? 0);
  });

  it('layered lines children up with their parents', () => {
    const star: LayoutInput = {
      nodes: ['s1', 's2', 's3', 's4', 's5', 'hub', 't1', 't2', 't3', 'chain'],
      edges: [
        ['s1', 'hub'],
        ['s2', 'hub'],
        ['s3', 'hub'],
        ['s4', 'hub'],
        ['s5', 'hub'],
        ['hub', 't1'],
        ['hub', 't2'],
        ['hub', 't3'],
        ['t3', 'chain'],
      ],
    };
    const { positions } = layeredLayout(star);
    const y = (key: string) => positions.get(key)?.y ?? NaN;
    // The hub sits level with the middle of its five sources; a single child is level with its parent.
    expect(y('hub')).toBe(y('s3'));
    expect(y('chain')).toBe(y('t3'));
    check(layeredLayout(star), star);
  });

  it('is deterministic', () => {
    expect([...dagreLayout(input, 'network-simplex').positions]).toEqual([...dagreLayout(input, 'network-simplex').positions]);
    expect([...layeredLayout(input).positions]).toEqual([...layeredLayout(input).positions]);
  });

  it('survives cycles and self links', () => {
    const cyclic: LayoutInput = {
      nodes: ['a', 'b', 'c'],
      edges: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['b', 'b'],
      ],
    };
    check(layeredLayout(cyclic), cyclic);
    check(dagreLayout(cyclic, 'network-simplex'), cyclic);
  });

  it.each(['dagre-network-simplex', 'layered'] as const)('%s makes room for tables with their column list open', (algorithm) => {
    const open: LayoutInput = { ...input, tall: ['a', 'c', 'e'] };
    check(layoutGraph(open, algorithm), open);
  });

  it('chooses the layout before computing, by size', () => {
    expect(chooseAlgorithm(50)).toBe('dagre-network-simplex');
    expect(chooseAlgorithm(120)).toBe('dagre-network-simplex');
    expect(chooseAlgorithm(121)).toBe('layered');
    expect(chooseAlgorithm(5000)).toBe('layered');
  });
});

describe('throughRoot', () => {
  // u feeds r; r feeds d; x (a sibling source) feeds d too.
  const model = buildGraph(treeOf('r', ['u>r', 'r>d', 'x>d']));
  it('holds links into the focus or its ancestors and out of the focus or its descendants, not a sibling’s', () => {
    expect(throughRoot(model)(k('new'), k('u'))).toBe(true); // a new source of an ancestor
    expect(throughRoot(model)(k('d'), k('new'))).toBe(true); // a new target of a descendant
    expect(throughRoot(model)(k('new'), k('d'))).toBe(false); // another source of a descendant
    expect(throughRoot(model)(k('u'), k('new'))).toBe(false); // another target of an ancestor
    expect(throughRoot(model)(k('new'), k('r'))).toBe(true);
  });
});
