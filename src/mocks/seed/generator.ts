// Synthetic lineage for benchmarks (`?mock.generator=5000`, `--generator 5000`): a pipeline of
// 8–10 layers, fan-in 1–4, some edges skipping a layer, a few cycles. One hub table in the middle
// layer reads from the whole layer before it and feeds the whole layer after it, so that the
// hub's lineage tree (ancestors ∪ descendants) holds every table, as a stress test should.
import type { RuleSeverityLevel } from '@/api/types';
import type { SeedCatalog, SeedTable } from './catalog';

/** Deterministic PRNG (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const GENERATED_CONNECTION = 'synthetic';
export const GENERATED_SCHEMA = 'pipeline';
export const HUB_TABLE = 'hub_events';

export function generateCatalog(size: number, seed = 42): SeedCatalog {
  const rand = random(seed + size);
  const layers = 8 + (size % 3); // 8–10
  const middle = Math.floor(layers / 2);
  const perLayer: string[][] = Array.from({ length: layers }, () => []);
  const names: string[] = [];
  for (let i = 0; i < size - 1; i += 1) {
    let layer = Math.floor((i / (size - 1)) * layers);
    if (layer === middle) layer = rand() < 0.5 ? middle - 1 : middle + 1; // the middle layer is the hub's
    const name = `l${layer}_t${String(i).padStart(5, '0')}`;
    perLayer[Math.min(layer, layers - 1)]?.push(name);
    names.push(name);
  }
  perLayer[middle] = [HUB_TABLE];
  const sources = new Map<string, Set<string>>([...names, HUB_TABLE].map((n) => [n, new Set<string>()]));
  const pickFrom = (list: string[]) => list[Math.floor(rand() * list.length)] as string;
  const previous = (layer: number) => {
    for (let l = layer - 1; l >= 0; l -= 1) if ((perLayer[l]?.length ?? 0) > 0) return l;
    return -1;
  };
  for (let layer = 1; layer < layers; layer += 1) {
    const prev = previous(layer);
    if (prev < 0) continue;
    for (const table of perLayer[layer] ?? []) {
      if (table === HUB_TABLE) {
        for (const s of perLayer[prev] ?? []) sources.get(table)?.add(s);
        continue;
      }
      if (prev === middle) {
        sources.get(table)?.add(HUB_TABLE);
        continue;
      }
      const fanIn = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < fanIn; k += 1) sources.get(table)?.add(pickFrom(perLayer[prev] ?? []));
      const skip = previous(prev);
      if (skip >= 0 && skip !== middle && rand() < 0.1) sources.get(table)?.add(pickFrom(perLayer[skip] ?? []));
    }
  }
  // Every table feeds something in the next layer, so it is an ancestor of the hub (or below it).
  for (let layer = 0; layer < layers - 1; layer += 1) {
    for (const table of perLayer[layer] ?? []) {
      const consumers = perLayer[layer + 1] ?? [];
      if (consumers.length === 0 || table === HUB_TABLE) continue;
      const fed = consumers.some((c) => sources.get(c)?.has(table));
      if (!fed) sources.get(layer + 1 === middle ? HUB_TABLE : pickFrom(consumers))?.add(table);
    }
  }
  // A few cycles below the hub: a last-layer table feeding an earlier downstream one (DQOps's
  // tree cuts them). A cycle through the hub's ancestors would hide most of the graph.
  for (let k = 0; k < Math.max(1, Math.floor(size / 1000)); k += 1) {
    const late = pickFrom(perLayer[layers - 1] ?? names);
    const early = pickFrom(perLayer[middle + 2] ?? names);
    if (late !== early) sources.get(early)?.add(late);
  }
  const severities: RuleSeverityLevel[] = ['valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'warning', 'error', 'valid', 'fatal'];
  const qualityOf = (i: number): Record<string, RuleSeverityLevel> =>
    i % 7 === 0 ? { Validity: severities[i % severities.length] ?? 'valid', Completeness: 'valid' } : { Completeness: 'valid' };
  const tables: SeedTable[] = [...sources.entries()].map(([table, from], i) => ({
    connection: GENERATED_CONNECTION,
    schema: GENERATED_SCHEMA,
    table,
    columns: 'id bigint, value varchar',
    sources: [...from].map((s) => `${GENERATED_CONNECTION}.${GENERATED_SCHEMA}.${s}`),
    quality: qualityOf(i),
  }));
  return { connections: [{ name: GENERATED_CONNECTION, provider: 'bigquery' }], tables };
}
