import { describe, expect, it } from 'vitest';
import { layeredLayout, NODE_HEIGHT, NODE_WIDTH, type LayoutInput, type Point } from './layout';
import { dagreLayout } from './layout-graph';
import { routedPath, routeEdges } from './routes';

/** Every table an arrow's waypoints (and the level runs between them) pass through. */
function tablesUnder(positions: Map<string, Point>, route: Point[], except: string[]): string[] {
  const hits = new Set<string>();
  for (let i = 0; i + 1 < route.length; i += 2) {
    const a = route[i] as Point;
    const b = route[i + 1] as Point;
    for (const [key, p] of positions) {
      if (except.includes(key)) continue;
      if (a.x <= p.x + NODE_WIDTH && b.x >= p.x && a.y >= p.y && a.y <= p.y + NODE_HEIGHT) hits.add(key);
    }
  }
  return [...hits];
}

// The demo's shape that showed the fault: fct_order_items feeds rpt_product_performance two
// columns to the right, past fct_returns, which sits on the straight line between them.
const SHAPE: LayoutInput = {
  nodes: ['stg_items', 'fct_order_items', 'fct_returns', 'fct_sales', 'rpt_product_performance', 'rpt_other'],
  edges: [
    ['stg_items', 'fct_order_items'],
    ['fct_order_items', 'fct_returns'],
    ['fct_returns', 'rpt_product_performance'],
    ['fct_order_items', 'fct_sales'],
    ['fct_sales', 'rpt_other'],
    ['fct_order_items', 'rpt_product_performance'],
  ],
};
const edgesOf = (input: LayoutInput) => input.edges.map(([source, target]) => ({ key: `${source}>${target}`, source, target }));

describe('routeEdges', () => {
  it('passes every column between two tables through a gap, never over a table (dagre and the layered layout)', () => {
    // Without routing, the layered layout's straight line runs under fct_returns.
    const layered = layeredLayout(SHAPE);
    const from = layered.positions.get('fct_order_items') as Point;
    const to = layered.positions.get('rpt_product_performance') as Point;
    const middle = (from.y + to.y) / 2 + NODE_HEIGHT / 2;
    const column = (layered.positions.get('fct_returns') as Point).x;
    expect(tablesUnder(layered.positions, [{ x: column, y: middle }, { x: column + NODE_WIDTH, y: middle }], [])).toEqual(['fct_returns']);
    for (const layout of [dagreLayout(SHAPE, 'network-simplex'), layeredLayout(SHAPE)]) {
      const routes = routeEdges(layout.positions, edgesOf(SHAPE));
      const long = routes.get('fct_order_items>rpt_product_performance');
      expect(long, layout.algorithm).toBeDefined();
      expect(tablesUnder(layout.positions, long ?? [], ['fct_order_items', 'rpt_product_performance']), layout.algorithm).toEqual([]);
      // Arrows between neighbouring columns keep the plain curve.
      expect(routes.has('stg_items>fct_order_items')).toBe(false);
    }
  });

  it('keeps the straight line where it is free, and goes round a table that is in the way', () => {
    const positions = new Map<string, Point>([
      ['a', { x: 0, y: 0 }],
      ['blocker', { x: 400, y: 0 }],
      ['b', { x: 800, y: 0 }],
      ['c', { x: 800, y: 400 }],
    ]);
    const routes = routeEdges(positions, [
      { key: 'a>b', source: 'a', target: 'b' },
      { key: 'a>c', source: 'a', target: 'c' },
    ]);
    const around = routes.get('a>b') ?? [];
    expect(around).toHaveLength(2);
    expect((around[0] as Point).y < 0 || (around[0] as Point).y > NODE_HEIGHT).toBe(true);
    // a → c crosses the blocker's column at about y = 200: free, so straight through.
    const free = routes.get('a>c') ?? [];
    expect((free[0] as Point).y).toBeCloseTo(NODE_HEIGHT / 2 + (400 / (800 - NODE_WIDTH)) * (400 + NODE_WIDTH / 2 - NODE_WIDTH), 0);
  });

  it('draws a path through its waypoints, level runs as lines', () => {
    const [path, x, y] = routedPath(0, 10, [{ x: 100, y: 50 }, { x: 300, y: 50 }], 400, 10);
    expect(path).toBe('M0,10 C50,10 50,50 100,50 L300,50 C350,50 350,10 400,10');
    expect([x, y]).toEqual([200, 50]);
  });
});
