import { describe, expect, it } from 'vitest';
import type { SeedCatalog } from './seed/catalog';
import { createStore } from './store';
import { buildLineageTree } from './lineage-tree';

function catalog(edges: [string, string][], extra: string[] = []): SeedCatalog {
  const names = new Set([...edges.flat(), ...extra]);
  return {
    connections: [{ name: 'c', provider: 'postgresql' }],
    tables: [...names].map((name) => ({
      connection: 'c',
      schema: 's',
      table: name,
      columns: 'id bigint',
      sources: edges.filter(([, target]) => target === name).map(([source]) => `c.s.${source}`),
    })),
  };
}

function setQuality(seed: SeedCatalog, table: string, quality: SeedCatalog['tables'][number]['quality']) {
  for (const t of seed.tables) if (t.table === table) t.quality = quality;
}

const ref = (table: string) => ({ connection: 'c', schema: 's', table });
const pairs = (seed: SeedCatalog, root: string, up = true, down = true) =>
  (buildLineageTree(createStore(seed), ref(root), up, down).flows ?? []).map(
    (f) => `${f.source_table?.physical_table_name?.table_name}>${f.target_table?.physical_table_name?.table_name}`,
  );

describe('buildLineageTree (DQOps TableLineageServiceImpl)', () => {
  it('emits upstream edges in post-order, then downstream edges in pre-order', () => {
    const seed = catalog([
      ['a', 'b'],
      ['b', 'root'],
      ['root', 'x'],
      ['x', 'y'],
    ]);
    expect(pairs(seed, 'root')).toEqual(['a>b', 'b>root', 'root>x', 'x>y']);
  });

  it('emits diamond edges once each and does not walk a visited table twice', () => {
    const seed = catalog([
      ['a', 'l'],
      ['a', 'r'],
      ['l', 'root'],
      ['r', 'root'],
    ]);
    expect(pairs(seed, 'root')).toEqual(['a>l', 'l>root', 'a>r', 'r>root']);
  });

  it('drops cycle edges and self links', () => {
    const seed = catalog([
      ['a', 'root'],
      ['root', 'a'],
      ['root', 'root'],
    ]);
    expect(pairs(seed, 'root')).toEqual(['a>root']);
  });

  it('returns only relative_table when there is no lineage', () => {
    const model = buildLineageTree(createStore(catalog([], ['alone'])), ref('alone'), true, true);
    expect(model.flows).toEqual([]);
    expect(model.relative_table?.physical_table_name?.table_name).toBe('alone');
  });

  it('follows only the requested direction and omits the cumulative status without upstream', () => {
    const seed = catalog([
      ['a', 'root'],
      ['root', 'x'],
    ]);
    expect(pairs(seed, 'root', true, false)).toEqual(['a>root']);
    expect(pairs(seed, 'root', false, true)).toEqual(['root>x']);
    expect(buildLineageTree(createStore(seed), ref('root'), false, true).relative_table_cumulative_quality_status).toBeUndefined();
  });

  it('does not follow siblings: the graph is ancestors ∪ descendants', () => {
    const seed = catalog([
      ['a', 'root'],
      ['a', 'sibling'],
      ['other', 'sibling'],
    ]);
    expect(pairs(seed, 'root')).toEqual(['a>root']);
  });

  it('carries the worst upstream severity in upstream_combined_quality_status', () => {
    const seed = catalog([
      ['a', 'b'],
      ['b', 'root'],
    ]);
    setQuality(seed, 'a', { Uniqueness: 'fatal' });
    const model = buildLineageTree(createStore(seed), ref('root'), true, true);
    expect(model.flows?.map((f) => f.upstream_combined_quality_status?.current_severity)).toEqual(['fatal', 'fatal']);
    expect(model.relative_table_cumulative_quality_status?.current_severity).toBe('fatal');
    expect(model.flows?.[1]?.source_table_quality_status?.current_severity).toBe('valid');
  });

  it('uses row_count 1 when the source row count is unknown', () => {
    const seed = catalog([['a', 'root']]);
    setQuality(seed, 'a', null);
    expect(buildLineageTree(createStore(seed), ref('root'), true, true).flows?.[0]?.row_count).toBe(1);
  });
});
