import { describe, expect, it } from 'vitest';
import { tableKey } from '@/lib/table-ref';
import { buildGraph } from './build-graph';
import { ref, treeOf } from './fixtures';
import { impactCsv, impactOf, upstreamFailures } from './quality-paths';

const k = (table: string) => tableKey(ref(table));

describe('upstreamFailures', () => {
  // a(error) → b → d ; c(fatal) → d → e ; w(warning) → e ; ok → e
  const model = buildGraph(treeOf('d', ['a>b', 'b>d', 'c>d', 'd>e', 'w>e', 'ok>e'], { a: 'error', c: 'fatal', w: 'warning', ok: 'valid', b: 'valid' }));
  const failures = upstreamFailures(model);

  it('counts each failing upstream table once and keeps the worst severity', () => {
    expect(failures.get(k('b'))).toEqual({ count: 1, worst: 'error' });
    expect(failures.get(k('d'))).toEqual({ count: 2, worst: 'fatal' });
    expect(failures.get(k('e'))).toEqual({ count: 3, worst: 'fatal' });
  });

  it('marks nothing that has no failing table upstream (a failing table is not its own upstream)', () => {
    for (const table of ['a', 'c', 'w', 'ok']) expect(failures.has(k(table))).toBe(false);
  });

  it('settles cycles: tables on a loop below a failing table are all fed by it, and so is what follows', () => {
    const cyclic = buildGraph(treeOf('x', ['f>x', 'x>y', 'y>z', 'z>x', 'z>out'], { f: 'error' }));
    const marks = upstreamFailures(cyclic);
    for (const table of ['x', 'y', 'z', 'out']) expect(marks.get(k(table))).toEqual({ count: 1, worst: 'error' });
    expect(marks.has(k('f'))).toBe(false);
  });

  it('agrees with one walk per failing table on a bigger graph (more than 32 failing tables)', () => {
    const edges: string[] = [];
    const severities: Record<string, 'error' | 'warning'> = {};
    for (let i = 0; i < 80; i += 1) {
      edges.push(`s${i}>m${i % 7}`);
      if (i % 2 === 0) severities[`s${i}`] = i % 4 === 0 ? 'error' : 'warning';
    }
    for (let j = 0; j < 7; j += 1) edges.push(`m${j}>t${j % 3}`, `t${j % 3}>m${(j + 1) % 7}`); // cycles too
    const graph = buildGraph(treeOf('m0', edges, severities));
    const marks = upstreamFailures(graph);
    // Reference: walk upstream from every table and count failing ancestors.
    for (const key of graph.nodes.keys()) {
      const seen = new Set<string>();
      const stack = [...(graph.sources.get(key) ?? [])];
      while (stack.length > 0) {
        const at = stack.pop() as string;
        if (seen.has(at)) continue;
        seen.add(at);
        stack.push(...(graph.sources.get(at) ?? []));
      }
      const failing = [...seen].filter((s) => ['warning', 'error', 'fatal'].includes(graph.nodes.get(s)?.status?.severity ?? ''));
      expect(marks.get(key)?.count ?? 0, key).toBe(failing.length);
    }
  });
});

describe('impactOf', () => {
  const model = buildGraph(treeOf('src', ['src>a', 'src>b', 'a>c', 'b>c', 'c>d', 'other>d']));

  it('lists every downstream table nearest first, with the affected tables feeding it', () => {
    expect(impactOf(model, k('src')).map((row) => [row.key, row.distance, row.via])).toEqual([
      [k('a'), 1, [k('src')]],
      [k('b'), 1, [k('src')]],
      [k('c'), 2, [k('a'), k('b')]],
      [k('d'), 3, [k('c')]],
    ]);
    expect(impactOf(model, k('d'))).toEqual([]);
  });

  it('exports it as CSV with neutralised cells', () => {
    const formula = buildGraph(treeOf('=cmd', ['=cmd>@sum']));
    const csv = impactCsv(formula, k('=cmd'), impactOf(formula, k('=cmd')));
    expect(csv.split('\r\n')[0]).toBe(
      'failing_connection,failing_schema,failing_table,affected_connection,affected_schema,affected_table,hops,fed_by,affected_own_status',
    );
    expect(csv.split('\r\n')[1]).toBe(`"c","s","'=cmd","c","s","'@sum","1","'=cmd","no checks"`);
  });
});
