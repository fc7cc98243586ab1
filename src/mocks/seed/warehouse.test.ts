import { describe, expect, it } from 'vitest';
import { createStore } from '../store';
import { buildLineageTree } from '../lineage-tree';
import { generateWarehouse, WAREHOUSE_FOCUS } from './warehouse';

describe('generateWarehouse', () => {
  it('spreads the tables over 6 connections and about 60 schemas, with no hub, deterministically', () => {
    const catalog = generateWarehouse(5000);
    expect(catalog.tables).toHaveLength(5000);
    expect(generateWarehouse(5000)).toEqual(catalog);
    expect(catalog.connections).toHaveLength(6);
    expect(new Set(catalog.tables.map((t) => `${t.connection}.${t.schema}`)).size).toBe(63);
    const feeds = new Map<string, number>();
    for (const t of catalog.tables) for (const s of t.sources ?? []) feeds.set(String(s), (feeds.get(String(s)) ?? 0) + 1);
    expect(Math.max(...feeds.values())).toBeLessThan(100); // popular tables feed dozens, none feeds hundreds
  });

  it("gives the middle table a lineage of hundreds of tables across many schemas", () => {
    const tree = buildLineageTree(createStore(generateWarehouse(5000)), WAREHOUSE_FOCUS, true, true);
    const tables = new Set((tree.flows ?? []).flatMap((f) => [f.source_table, f.target_table].map((t) => `${t?.connection_name}.${t?.physical_table_name?.schema_name}.${t?.physical_table_name?.table_name}`)));
    const schemas = new Set([...tables].map((t) => t.split('.').slice(0, 2).join('.')));
    expect(tables.size).toBeGreaterThan(250);
    expect(schemas.size).toBeGreaterThan(20);
  });
});
