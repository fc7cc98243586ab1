import { describe, expect, it } from 'vitest';
import type { LineageTree } from '@/api/normalize';
import { tableKey } from '@/lib/table-ref';
import { buildGraph } from './build-graph';
import { ref, treeOf } from './fixtures';
import { CARD_WIDTH, GROUP_HEIGHT, GROUP_WIDTH, openGroupLayout, placeGroups } from './group-layout';
import { groupView, hopsFromFocus, linksOnPath, rankTables } from './group-view';
import { groupKeyOf, groupLineage } from './groups';
import { pathsThrough } from './traverse';

/** Flows between tables named "connection.schema.table". */
function tree(root: string, edges: string[], severities: Record<string, 'valid' | 'warning' | 'error' | 'fatal'> = {}): LineageTree {
  return treeOf(root, edges, severities, [], (name) => {
    const [connection = '', schema = '', table = ''] = name.split('.');
    return ref(table, connection, schema);
  });
}
const key = (name: string) => {
  const [connection = '', schema = '', table = ''] = name.split('.');
  return tableKey(ref(table, connection, schema));
};

// stg holds the focus's two sources and six tables far from it (one failing).
const model = buildGraph(
  tree(
    'wh.marts.fct',
    [
      'lake.raw.a>wh.stg.a',
      'lake.raw.b>wh.stg.b',
      'wh.stg.a>wh.marts.fct',
      'wh.stg.b>wh.marts.fct',
      'wh.stg.a>wh.stg.b',
      ...['c', 'd', 'e', 'f', 'g', 'h'].map((t) => `lake.raw.a>wh.stg.${t}`),
      'wh.stg.c>wh.rpt.x',
      'wh.marts.fct>wh.rpt.daily',
    ],
    { 'wh.stg.h': 'error' },
  ),
);
const grouping = groupLineage(model, 'schema');
const hops = hopsFromFocus(model);
const STG = groupKeyOf('schema', 'wh', 'stg');
const RAW = groupKeyOf('schema', 'lake', 'raw');
const MARTS = groupKeyOf('schema', 'wh', 'marts');
const RPT = groupKeyOf('schema', 'wh', 'rpt');

describe('groupView', () => {
  it('with every group closed, draws exactly the group links', () => {
    const view = groupView(model, grouping, new Map(), new Set(), hops);
    const simple = (links: { source: string; target: string; flows: number; worst?: string }[]) =>
      links.map((l) => `${l.source}→${l.target} ${l.flows} ${l.worst}`).sort();
    expect(simple(view.links)).toEqual(simple(grouping.links));
    expect(view.shown.size).toBe(0);
  });

  it('an open group shows the tables nearest the focus first and counts the rest', () => {
    const view = groupView(model, grouping, new Map([[STG, 3]]), new Set(), hops);
    const shown = view.shown.get(STG) ?? [];
    expect(shown.slice(0, 2).sort()).toEqual([key('wh.stg.a'), key('wh.stg.b')]); // one hop from the focus
    expect(shown[2]).toBe(key('wh.stg.h')); // then the failing one
    expect(view.more.get(STG)).toBe(5);
  });

  it("draws a shown table's own flows to the other groups, and the hidden tables' flows from the group box", () => {
    const view = groupView(model, grouping, new Map([[STG, 2]]), new Set(), hops);
    const link = (source: string, target: string) => view.links.find((l) => l.source === source && l.target === target);
    expect(link(key('wh.stg.a'), MARTS)?.flows).toBe(1);
    expect(link(key('wh.stg.b'), MARTS)?.flows).toBe(1);
    expect(link(RAW, key('wh.stg.a'))?.flows).toBe(1);
    expect(link(key('wh.stg.a'), key('wh.stg.b'))?.flows).toBe(1); // between two shown tables of the group
    expect(link(RAW, STG)?.flows).toBe(6); // raw → the six hidden stg tables
    expect(link(STG, RPT)?.flows).toBe(1); // the hidden stg.c → rpt
    // A hidden table's flow to a shown table of its own group is not an arrow from the group to itself.
    expect(view.links.some((l) => l.source === STG && l.target.startsWith(STG))).toBe(false);
    // Every flow is drawn once, or stays inside a closed group.
    const total = view.links.reduce((sum, l) => sum + l.flows, 0);
    expect(total).toBeLessThanOrEqual(model.edges.size);
  });

  it('a pinned table is drawn even beyond the limit', () => {
    const view = groupView(model, grouping, new Map([[STG, 1]]), new Set([key('wh.stg.g')]), hops);
    expect(view.shown.get(STG)).toContain(key('wh.stg.g'));
    expect(view.more.get(STG)).toBe(6);
  });

  it('marks the arrows a highlighted path runs along', () => {
    const view = groupView(model, grouping, new Map([[STG, 2]]), new Set(), hops);
    const path = pathsThrough(model, key('wh.stg.a'));
    const on = linksOnPath(view.links, path.edges);
    expect(on.has(`${key('wh.stg.a')}→${MARTS}`)).toBe(true);
    expect(on.has(`${key('wh.stg.b')}→${MARTS}`)).toBe(true); // a → b → fct is a path too
    expect(on.has(`${RAW}→${STG}`)).toBe(false);
  });

  it('ranks tables the same way whatever the order they come in', () => {
    const tables = grouping.groups.get(STG)?.tables ?? [];
    expect(rankTables(model, [...tables].reverse(), hops)).toEqual(rankTables(model, tables, hops));
  });
});

describe('open groups in place', () => {
  it('an open group lays its tables out along their flows and grows to hold them, with a row for the rest', () => {
    const { cards, size } = openGroupLayout(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], 4);
    const x = (k: string) => cards.get(k)?.x ?? NaN;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect(size.width).toBeGreaterThanOrEqual(3 * CARD_WIDTH);
    expect(openGroupLayout(['a', 'b', 'c'], [['a', 'b'], ['b', 'c']], 0).size.height).toBeLessThan(size.height);
  });

  it('keeps the groups left of and above an open group still, and every group in its column and order', () => {
    const base = new Map([
      ['left', { x: 0, y: 0 }],
      ['above', { x: 400, y: 0 }],
      ['open', { x: 400, y: 200 }],
      ['below', { x: 400, y: 400 }],
      ['right', { x: 800, y: 100 }],
    ]);
    const placed = placeGroups(base, new Map([['open', { width: 900, height: 500 }]]));
    const p = (k: string) => placed.positions.get(k);
    expect(p('left')).toEqual({ x: 0, y: 0 });
    expect(p('above')).toEqual({ x: 400, y: 0 });
    expect(p('open')).toEqual({ x: 400, y: 200 });
    expect(p('below')).toEqual({ x: 400, y: 400 + 500 - GROUP_HEIGHT });
    expect(p('right')).toEqual({ x: 800 + 900 - GROUP_WIDTH, y: 100 });
    // Nothing overlaps the open group.
    for (const k of ['left', 'above', 'below', 'right']) {
      const q = p(k) as { x: number; y: number };
      const apart = q.x + GROUP_WIDTH <= 400 || q.x >= 400 + 900 || q.y + GROUP_HEIGHT <= 200 || q.y >= 200 + 500;
      expect(apart, k).toBe(true);
    }
    // Closing it puts everything back.
    expect(placeGroups(base, new Map()).positions).toEqual(base);
  });
});
