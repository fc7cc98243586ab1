import { describe, expect, it } from 'vitest';
import { setupMockDqops } from '@/testing/mock-dqops';
import { tableKey } from '@/lib/table-ref';
import { indexCatalog, matchAll, type MatchRules } from './match';
import { countStates, planImport, resolveLinks, type StoredLink } from './plan';
import { readLineageFile } from './read-file';
import { datasetName, toOpenLineage, type ExportedTable } from './to-openlineage';

const mock = setupMockDqops();

/** Every table of the demo DQOps with its sources, as the export reads them. */
function demoLineage(): { tables: ExportedTable[]; stored: Map<string, StoredLink[]> } {
  const tables: ExportedTable[] = [];
  const stored = new Map<string, StoredLink[]>();
  for (const t of mock.ctx.store.allTables()) {
    tables.push({ target: t.ref, columns: t.columns.map((c) => c.name), sources: t.sources });
    stored.set(
      tableKey(t.ref),
      t.sources.map((spec) => ({
        source: { connection: spec.source_connection ?? '', schema: spec.source_schema ?? '', table: spec.source_table ?? '' },
        ...(spec.data_lineage_source_tool ? { tool: spec.data_lineage_source_tool } : {}),
        properties: (spec.properties ?? {}) as Record<string, string>,
        columns: spec.columns ?? {},
      })),
    );
  }
  return { tables, stored };
}

function reimport(text: string, rules: MatchRules) {
  const all = mock.ctx.store.allTables();
  const catalog = indexCatalog(
    mock.ctx.store.connections().map((c) => c.name),
    all.map((t) => t.ref),
  );
  const lineage = readLineageFile(text);
  const matches = matchAll(lineage.datasets.values(), catalog, rules);
  return { lineage, matches, ...resolveLinks(lineage, matches) };
}

describe('export to OpenLineage', () => {
  it('writes one COMPLETE event per target table: its sources as inputs, columnLineage and schema facets on the output', () => {
    const { tables } = demoLineage();
    const events = toOpenLineage(tables, (c) => c, '2026-12-01T00:00:00Z')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { outputs: { name: string }[] });
    expect(events).toHaveLength(tables.filter((t) => t.sources.length > 0).length);
    const fctOrders = events.find((e) => e.outputs[0]?.name === 'marts.fct_orders') as unknown as {
      eventType: string;
      inputs: { namespace: string; name: string }[];
      outputs: { namespace: string; facets: { schema: { fields: { name: string }[] }; columnLineage: { fields: Record<string, { inputFields: { name: string; field: string }[] }> } } }[];
    };
    expect(fctOrders.eventType).toBe('COMPLETE');
    expect(fctOrders.inputs.map((i) => `${i.namespace} ${i.name}`).sort()).toEqual(
      ['warehouse staging.stg_orders', 'warehouse staging.stg_payments', 'warehouse staging.stg_fx_rates', 'warehouse marts.dim_customers'].sort(),
    );
    const output = fctOrders.outputs[0];
    expect(output?.namespace).toBe('warehouse');
    expect(output?.facets.schema.fields.map((f) => f.name)).toContain('total_amount_usd');
    expect(output?.facets.columnLineage.fields.total_amount_usd?.inputFields.map((f) => `${f.name}.${f.field}`).sort()).toEqual([
      'staging.stg_fx_rates.rate_to_usd',
      'staging.stg_orders.total_amount',
    ]);
    // A name with a dot is quoted, so that it splits back into schema and table.
    expect(datasetName({ schema: 'raw', table: 'events.v2' })).toBe('raw."events.v2"');
  });

  it('round trip: the export imported into the same DQOps stages nothing (connections as namespaces)', () => {
    const { tables, stored } = demoLineage();
    const { lineage, matches, resolved, unresolved } = reimport(toOpenLineage(tables, (c) => c, '2026-12-01T00:00:00Z'), { spaces: {}, choices: {} });
    // Every table matches but the one source DQOps does not know (the demo's Kafka topic), whose link waits.
    const missing = [...lineage.datasets.values()].filter((d) => matches.get(d.key)?.state !== 'matched').map((d) => `${d.space} ${d.schema}.${d.table}`);
    expect(missing).toEqual(['kafka_events web.clickstream']);
    expect(unresolved).toHaveLength(1);
    const plan = planImport(resolved, stored, [], { sync: true });
    expect(countStates(plan)).toEqual({ new: 0, changed: 0, staged: 0, remove: 0, already: plan.length });
    expect(plan.length).toBeGreaterThan(60);
  });

  it('round trip with a namespace per connection and the rules that point them back', () => {
    const { tables, stored } = demoLineage();
    const namespaces: Record<string, string> = { crm_postgres: 'postgres://crm-db:5432', warehouse: 'snowflake://acme', datalake: 'databricks://lake' };
    const namespaceOf = (c: string) => namespaces[c] ?? c;
    const text = toOpenLineage(tables, namespaceOf, '2026-12-01T00:00:00Z');
    // Without rules, the lake's copy of shop_orders and the warehouse's are one name in two connections.
    const loose = reimport(text, { spaces: {}, choices: {} });
    expect([...loose.matches.values()].some((m) => m.state === 'ambiguous')).toBe(true);
    const rules: MatchRules = { spaces: Object.fromEntries(Object.entries(namespaces).map(([c, ns]) => [ns, c])), choices: {} };
    const { resolved, unresolved } = reimport(text, rules);
    expect(unresolved).toHaveLength(1); // the Kafka topic, as above
    expect(countStates(planImport(resolved, stored, [], { sync: false }))).toMatchObject({ new: 0, changed: 0 });
  });
});
