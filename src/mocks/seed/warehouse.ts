// A synthetic warehouse without a hub (`?mock.warehouse=5000`, `--warehouse 5000`): 9 layers from raw
// landing to ML features, in 6 connections and about 60 schemas (a layer × a business domain),
// fan-in 1–4, half of it within the domain, a fifth of the tables also reading from two layers back.
// The shape the grouped overview is for: no single table's tree holds everything, and a middle
// table's lineage still runs to hundreds or thousands of tables across many schemas.
import type { RuleSeverityLevel } from '@/api/types';
import type { SeedCatalog, SeedTable } from './catalog';
import { random } from './generator';

const LAYERS: [connection: string, stage: string][] = [
  ['acme_lake', 'raw'],
  ['acme_lake', 'landing'],
  ['acme_staging', 'stg'],
  ['acme_staging', 'clean'],
  ['acme_edw', 'core'],
  ['acme_edw', 'dims'],
  ['acme_marts', 'mart'],
  ['acme_reporting', 'rpt'],
  ['acme_ml', 'features'],
];
const DOMAINS = ['sales', 'finance', 'crm', 'inventory', 'web', 'supply', 'marketing'];
/** The table the benchmark and the demo link focus on: in the middle layer, not a hub. */
export const WAREHOUSE_FOCUS = { connection: 'acme_edw', schema: 'core_sales', table: 'core_sales_00' };

/**
 * @param fanout the focus table also feeds this many tables of the layers below it (a table every
 *   report reads: the shape that makes one table's neighbourhood hundreds of tables wide).
 */
export function generateWarehouse(size: number, { seed = 7, fanout = 0 }: { seed?: number; fanout?: number } = {}): SeedCatalog {
  const rand = random(seed + size);
  const perLayer = Math.max(DOMAINS.length, Math.floor(size / LAYERS.length));
  // layer → domain → table refs ("connection.schema.table")
  const tables: { ref: string; layer: number; domain: number; sources: Set<string> }[] = [];
  const byLayer: (typeof tables)[] = LAYERS.map(() => []);
  for (let layer = 0; layer < LAYERS.length; layer += 1) {
    const [connection, stage] = LAYERS[layer] as [string, string];
    const count = layer === LAYERS.length - 1 ? size - perLayer * (LAYERS.length - 1) : perLayer;
    for (let i = 0; i < count; i += 1) {
      const domain = i % DOMAINS.length;
      const schema = `${stage}_${DOMAINS[domain]}`;
      const table = { ref: `${connection}.${schema}.${schema}_${String(Math.floor(i / DOMAINS.length)).padStart(2, '0')}`, layer, domain, sources: new Set<string>() };
      tables.push(table);
      byLayer[layer]?.push(table);
    }
  }
  const pick = (layer: number, domain: number) => {
    const list = byLayer[layer] ?? [];
    const same = rand() < 0.5 ? list.filter((t) => t.domain === domain) : list;
    const from = same.length > 0 ? same : list;
    // Popular tables (a few per domain feed many, as dimensions do): the first of a list are picked most.
    return from[Math.floor(rand() ** 2 * from.length)];
  };
  for (const table of tables) {
    if (table.layer === 0) continue;
    const fanIn = 1 + Math.floor(rand() * 4);
    for (let k = 0; k < fanIn; k += 1) {
      const source = pick(table.layer - 1, table.domain);
      if (source) table.sources.add(source.ref);
    }
    if (table.layer >= 2 && rand() < 0.2) {
      const skip = pick(table.layer - 2, table.domain);
      if (skip) table.sources.add(skip.ref);
    }
  }
  const focus = `${WAREHOUSE_FOCUS.connection}.${WAREHOUSE_FOCUS.schema}.${WAREHOUSE_FOCUS.table}`;
  const below = tables.filter((t) => t.layer > LAYERS.findIndex(([connection]) => connection === WAREHOUSE_FOCUS.connection));
  for (let i = 0; i < Math.min(fanout, below.length); i += 1) {
    // Spread over the layers below: every (below.length / fanout)-th table.
    below[Math.floor((i * below.length) / Math.min(fanout, below.length))]?.sources.add(focus);
  }
  const severities: RuleSeverityLevel[] = ['valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'warning', 'error', 'valid', 'fatal'];
  const seeds: SeedTable[] = tables.map((t, i) => {
    const [connection = '', schema = '', table = ''] = t.ref.split('.');
    return {
      connection,
      schema,
      table,
      columns: 'id bigint, value varchar',
      sources: [...t.sources],
      quality: (i % 11 === 0 ? { Validity: severities[i % severities.length] ?? 'valid' } : { Completeness: 'valid' }) as Record<string, RuleSeverityLevel>,
    };
  });
  const connections = [...new Set(LAYERS.map(([connection]) => connection))].map((name) => ({ name, provider: 'snowflake' }));
  return { connections, tables: seeds };
}
