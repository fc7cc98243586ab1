import { describe, expect, it } from 'vitest';
import { tableKey } from '@/lib/table-ref';
import { buildGraph, edgeKey } from './build-graph';
import { ref, treeOf } from './fixtures';
import type { Point } from './layout';
import { nextArrow, nextTable } from './graph-keys';

const k = (table: string) => tableKey(ref(table));

describe('keyboard moves on the graph', () => {
  // a1, a2 feed b; b feeds c1 (level with b) and c2 (far below).
  const model = buildGraph(treeOf('b', ['a1>b', 'a2>b', 'b>c1', 'b>c2']));
  const positions = new Map<string, Point>([
    [k('a1'), { x: 0, y: 0 }],
    [k('a2'), { x: 0, y: 100 }],
    [k('b'), { x: 400, y: 90 }],
    [k('c1'), { x: 800, y: 90 }],
    [k('c2'), { x: 800, y: 400 }],
  ]);

  it('left and right lead to the nearest source and target; up and down stay in the column', () => {
    expect(nextTable(model, positions, k('b'), 'upstream')).toBe(k('a2'));
    expect(nextTable(model, positions, k('b'), 'downstream')).toBe(k('c1'));
    expect(nextTable(model, positions, k('a2'), 'up')).toBe(k('a1'));
    expect(nextTable(model, positions, k('a1'), 'down')).toBe(k('a2'));
    expect(nextTable(model, positions, k('c1'), 'down')).toBe(k('c2'));
  });

  it('goes nowhere past the edge of the lineage, or from a table not drawn', () => {
    expect(nextTable(model, positions, k('a1'), 'upstream')).toBeUndefined();
    expect(nextTable(model, positions, k('a1'), 'up')).toBeUndefined();
    expect(nextTable(model, positions, k('zz'), 'downstream')).toBeUndefined();
  });

  it('finds the arrow to the nearest source or target', () => {
    expect(nextArrow(model, positions, k('b'), 'upstream')).toBe(edgeKey(k('a2'), k('b')));
    expect(nextArrow(model, positions, k('b'), 'downstream')).toBe(edgeKey(k('b'), k('c1')));
  });
});
