import { describe, expect, it } from 'vitest';
import type { LineageTree } from '@/api/normalize';
import { buildGraph } from './build-graph';
import { ref, treeOf } from './fixtures';
import { autoGroupBy } from './auto-group';
import { groupKeyOf, groupLabel, groupLineage, levelKey, pathsInGroups } from './groups';
import { levelsFromFocus, pathsThrough } from './traverse';

/** Flows between tables named "connection.schema.table". */
function tree(root: string, edges: string[], severities: Record<string, 'valid' | 'warning' | 'error' | 'fatal'> = {}): LineageTree {
  return treeOf(root, edges, severities, [], (name) => {
    const [connection = '', schema = '', table = ''] = name.split('.');
    return ref(table, connection, schema);
  });
}

const warehouse = tree(
  'wh.marts.fct',
  ['lake.raw.a>wh.stg.a', 'lake.raw.b>wh.stg.b', 'wh.stg.a>wh.marts.fct', 'wh.stg.b>wh.marts.fct', 'wh.stg.a>wh.stg.b', 'wh.marts.fct>wh.rpt.daily'],
  { 'lake.raw.b': 'fatal', 'wh.stg.a': 'warning' },
);

describe('groupLineage', () => {
  it('groups tables by schema with counts, statuses and the focus', () => {
    const grouping = groupLineage(buildGraph(warehouse), 'schema');
    expect(grouping.groups.size).toBe(4);
    const raw = grouping.groups.get(groupKeyOf('schema', 'lake', 'raw'));
    expect(raw?.tables).toHaveLength(2);
    expect(raw?.statuses).toEqual({ none: 1, fatal: 1 });
    expect(raw?.failing).toBe(1);
    expect(raw?.worst).toBe('fatal');
    expect(grouping.groups.get(groupKeyOf('schema', 'wh', 'marts'))?.hasFocus).toBe(true);
    expect(grouping.groups.get(groupKeyOf('schema', 'wh', 'stg'))?.innerFlows).toBe(1);
  });

  it('aggregates flows between groups: one link per pair, with flows, rows and the worst status arriving', () => {
    const grouping = groupLineage(buildGraph(warehouse), 'schema');
    const rawToStg = grouping.links.find((l) => l.source === groupKeyOf('schema', 'lake', 'raw') && l.target === groupKeyOf('schema', 'wh', 'stg'));
    expect(rawToStg).toMatchObject({ flows: 2, rows: 2000, worst: 'fatal', cyclic: false });
    expect(grouping.links).toHaveLength(3); // raw→stg, stg→marts, marts→rpt; stg→stg stays inside
  });

  it('by connection, the warehouse is one group with its inner flows', () => {
    const grouping = groupLineage(buildGraph(warehouse), 'connection');
    expect([...grouping.groups.values()].map((g) => [g.label, g.tables.length, g.innerFlows])).toEqual(
      expect.arrayContaining([
        ['lake', 2, 0],
        ['wh', 4, 4],
      ]),
    );
    expect(grouping.links).toEqual([expect.objectContaining({ flows: 2 })]);
  });

  it('keeps loops between groups and marks them', () => {
    const looped = tree('a.x.t1', ['a.x.t1>a.y.t2', 'a.y.t2>a.z.t3', 'a.z.t3>a.x.t4', 'a.z.t3>a.w.t5']);
    const grouping = groupLineage(buildGraph(looped), 'schema');
    const cyclic = grouping.links.filter((l) => l.cyclic).map((l) => l.key);
    expect(cyclic).toHaveLength(3);
    expect(grouping.links.find((l) => l.target === groupKeyOf('schema', 'a', 'w'))?.cyclic).toBe(false);
  });

  it('names a group for a screen reader', () => {
    const grouping = groupLineage(buildGraph(warehouse), 'schema');
    const label = (connection: string, schema: string) => {
      const group = grouping.groups.get(groupKeyOf('schema', connection, schema));
      return group ? groupLabel(group) : 'no such group';
    };
    expect(label('lake', 'raw')).toBe('schema raw in lake: 2 tables, 1 failing');
    expect(label('wh', 'marts')).toBe('schema marts in wh: 1 table, 0 failing, holds the focus table');
  });
});

describe('autoGroupBy', () => {
  it('groups all of a big lineage by schema, by connection past 80 schemas, and by level in one schema', () => {
    const model = buildGraph(warehouse);
    expect(autoGroupBy(model, 300, true, 250)).toBe('schema');
    expect(autoGroupBy(model, 300, false, 250)).toBeUndefined(); // the neighbourhood stays tables
    expect(autoGroupBy(model, 200, true, 250)).toBeUndefined(); // few enough to read as boxes
    const manySchemas = tree('c1.s0.t', Array.from({ length: 90 }, (_, i) => `c${i % 3}.s${i}.t>c${(i + 1) % 3}.s${i + 1}.t`));
    expect(autoGroupBy(buildGraph(manySchemas), 300, true, 250)).toBe('connection');
    const oneSchema = tree('c.s.t0', Array.from({ length: 10 }, (_, i) => `c.s.t${i}>c.s.t${i + 1}`));
    expect(autoGroupBy(buildGraph(oneSchema), 300, true, 250)).toBe('level');
  });
});

describe('levels from the focus', () => {
  // One schema: u2 → u1 → f and u2 → f (a skip); f → d1 → d2 and f → d2; f ⇄ x (a loop through the
  // focus); sib → d1 (a sibling: neither upstream nor downstream of f); c1 ⇄ c2 → f (a loop upstream).
  const oneSchema = tree('c.s.f', ['c.s.u2>c.s.u1', 'c.s.u1>c.s.f', 'c.s.u2>c.s.f', 'c.s.f>c.s.d1', 'c.s.d1>c.s.d2', 'c.s.f>c.s.d2', 'c.s.f>c.s.x', 'c.s.x>c.s.f', 'c.s.sib>c.s.d1', 'c.s.c1>c.s.c2', 'c.s.c2>c.s.c1', 'c.s.c2>c.s.f'], {
    'c.s.u2': 'error',
  });

  it('counts the longest chain of flows to the focus, upstream negative', () => {
    const levels = levelsFromFocus(buildGraph(oneSchema));
    expect(Object.fromEntries(levels)).toEqual({ 'c/s/f': 0, 'c/s/u1': -1, 'c/s/u2': -2, 'c/s/d1': 1, 'c/s/d2': 2, 'c/s/x': 0, 'c/s/c2': -1, 'c/s/c1': -2 });
  });

  it('groups by level: named, counted, the flows between levels all running forwards', () => {
    const grouping = groupLineage(buildGraph(oneSchema), 'level');
    const names = [...grouping.groups.values()].map((g) => `${g.label}: ${g.tables.length}`).sort();
    expect(names).toEqual(['1 level down: 1', '1 level up: 2', '2 levels down: 1', '2 levels up: 2', 'Focus: 2', 'Other tables: 1']);
    const upstream2 = grouping.groups.get(levelKey(-2));
    expect(upstream2 && groupLabel(upstream2)).toBe('2 levels upstream: 2 tables, 1 failing');
    const between = grouping.links.filter((l) => l.source !== levelKey(null) && l.target !== levelKey(null));
    for (const link of between) expect(Number(link.source.slice(6)) < Number(link.target.slice(6)) || link.cyclic).toBe(true);
    expect(grouping.links.find((l) => l.source === levelKey(-2) && l.target === levelKey(0))?.flows).toBe(1); // u2 → f
  });

  it('puts the levels beyond 12 into one group', () => {
    const chain = tree('c.s.t0', Array.from({ length: 15 }, (_, i) => `c.s.t${i + 1}>c.s.t${i}`));
    const grouping = groupLineage(buildGraph(chain), 'level');
    const beyond = grouping.groups.get(levelKey(-12));
    expect(beyond?.label).toBe('12+ levels up');
    expect(beyond && groupLabel(beyond)).toBe('12 or more levels upstream: 4 tables, 0 failing');
    expect(beyond?.tables).toHaveLength(4); // t12 … t15
    expect(grouping.groups.size).toBe(13);
  });
});

describe('pathsInGroups', () => {
  it('counts a table’s path tables per group and names the group links its links run along', () => {
    const model = buildGraph(warehouse);
    const grouping = groupLineage(model, 'schema');
    const paths = pathsInGroups(model, grouping, pathsThrough(model, 'lake/raw/b'));
    expect(paths?.groups.get(groupKeyOf('schema', 'lake', 'raw'))).toBe(1);
    expect(paths?.groups.get(groupKeyOf('schema', 'wh', 'stg'))).toBe(1); // stg.b, not stg.a
    expect(paths?.groups.get(groupKeyOf('schema', 'wh', 'rpt'))).toBe(1);
    expect(paths?.links.has(`${groupKeyOf('schema', 'lake', 'raw')}→${groupKeyOf('schema', 'wh', 'stg')}`)).toBe(true);
    expect(pathsInGroups(model, grouping, {})).toBeUndefined(); // nothing highlighted
  });
});
