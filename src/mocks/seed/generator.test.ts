import { describe, expect, it } from 'vitest';
import { createStore } from '../store';
import { buildLineageTree } from '../lineage-tree';
import { GENERATED_CONNECTION, GENERATED_SCHEMA, generateCatalog, HUB_TABLE } from './generator';

describe('generateCatalog', () => {
  it.each([100, 1000])('puts all %i tables in the hub table’s lineage tree, deterministically', (size) => {
    const catalog = generateCatalog(size);
    expect(catalog.tables).toHaveLength(size);
    expect(generateCatalog(size)).toEqual(catalog);
    const tree = buildLineageTree(createStore(catalog), { connection: GENERATED_CONNECTION, schema: GENERATED_SCHEMA, table: HUB_TABLE }, true, true);
    const names = new Set(
      (tree.flows ?? []).flatMap((f) => [f.source_table?.physical_table_name?.table_name, f.target_table?.physical_table_name?.table_name]),
    );
    expect(names.size).toBe(size);
    const fanIn = catalog.tables.filter((t) => t.table !== HUB_TABLE).map((t) => t.sources?.length ?? 0);
    expect(Math.max(...fanIn)).toBeLessThanOrEqual(6); // 1–4, plus a skip edge and a feed-forward fix-up
  });
});
