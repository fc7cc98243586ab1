// The mock DQOps server's state: the store plus the switches that make it behave like a given
// server (generation, role, latency, auth, cache warm-up).
import { tableKey, type TableRef } from '@/lib/table-ref';
import type { SeedCatalog } from './seed/catalog';
import { generateCatalog } from './seed/generator';
import { generateWarehouse } from './seed/warehouse';
import { hostileCatalog } from './seed/hostile';
import { createStore, type MockStore } from './store';

export type ServerGeneration = '1.13' | '2024-09';
export type MockRole = 'editor' | 'viewer';

export interface MockOptions {
  generation: ServerGeneration;
  /** viewer: `can_edit:false` everywhere and writes answer 403. */
  role: MockRole;
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** The API key the server accepts. A wrong bearer token gets 401 even without `requireAuth`. */
  apiKey: string;
  /** true: calls without a key get 401 (DQOps with authentication enabled). */
  requireAuth: boolean;
  /**
   * Simulate DQOps's asynchronous caches (docs/dqops-contract.md, "Transient states"):
   * `data_lineage_fully_loaded:false` on the first tree calls after a write; /targets answers
   * 203 [] for a table the cache does not know yet, 203 with part of the list while it loads,
   * then 200; a table's quality status is left out (of trees and lists) until it has been asked
   * for once. 'never': the lineage cache never finishes loading (the "partial lineage" state).
   */
  cacheWarmup: 'off' | 'realistic' | 'never';
  /** Extra tables: 'hostile' adds tables with names that break naive UIs (seed/hostile.ts). */
  scenario: 'none' | 'hostile';
  /** Tables of a synthetic pipeline to add (benchmarks; 0 = none). */
  generator: number;
  /** A synthetic warehouse of this many tables, without a hub (seed/warehouse.ts). */
  warehouse: number;
  /** In that warehouse, the focus table also feeds this many tables further down. */
  fanout: number;
  /**
   * Fault injection for demos and tests: writes (POST/PUT/DELETE) whose path names this table,
   * as target or as source, fail with HTTP 500 ('' = none).
   */
  failWritesTo: string;
  /**
   * "Applied, response lost" (a real server usually finishes a write after the client gave up):
   * writes whose path names this table ('*': every write) are carried out, then their answer is
   * lost as `lostAs` says ('' = none).
   */
  loseWriteResponsesTo: string;
  /** network: the connection drops; timeout: no answer ever comes (the client gives up); 502: a proxy's empty Bad Gateway. */
  lostAs: LostAs;
  /** After a lost answer, this many further requests (of any kind) fail with a dropped connection: the server is briefly unreachable. */
  unreachableAfterLoss: number;
}

export type LostAs = 'network' | 'timeout' | '502';
export const LOST_AS: readonly LostAs[] = ['network', 'timeout', '502'];

export const DEFAULT_MOCK_OPTIONS: MockOptions = {
  generation: '1.13',
  role: 'editor',
  latencyMs: 0,
  apiKey: 'dqops-demo-key',
  requireAuth: false,
  cacheWarmup: 'off',
  scenario: 'none',
  generator: 0,
  warehouse: 0,
  fanout: 0,
  failWritesTo: '',
  loseWriteResponsesTo: '',
  lostAs: 'network',
  unreachableAfterLoss: 0,
};

/** How many tree calls after a write report `data_lineage_fully_loaded:false`. */
export const TREE_CALLS_LOADING_AFTER_WRITE = 2;

export interface MockContext {
  store: MockStore;
  options: MockOptions;
  /** Tree calls left that report "not fully loaded". */
  treeCallsLoading: number;
  /** Tables whose /targets cache entry is loaded (else the next call answers 203). */
  targetsLoaded: Set<string>;
  /** Tables whose /targets entry is loading: the next call answers 203 with part of the list (the first answered 203 []). */
  targetsLoading: Set<string>;
  /** Tables whose quality status DQOps's status cache holds (else it is left out of answers, and loaded for the next call). */
  statusLoaded: Set<string>;
  /** Called after every successful write (demo mode persists the lineage). */
  onWrite: (() => void)[];
  /** Requests still to fail after a lost answer (unreachableAfterLoss). */
  unreachableLeft: number;
}

export function createMockContext(seed: SeedCatalog, options: Partial<MockOptions> = {}): MockContext {
  const extras: SeedCatalog[] = [];
  if (options.scenario === 'hostile') extras.push(hostileCatalog);
  if (options.generator && options.generator > 0) extras.push(generateCatalog(options.generator));
  if (options.warehouse && options.warehouse > 0) extras.push(generateWarehouse(options.warehouse, { fanout: options.fanout }));
  const withScenario: SeedCatalog = {
    connections: [...seed.connections, ...extras.flatMap((e) => e.connections)],
    tables: [...seed.tables, ...extras.flatMap((e) => e.tables)],
  };
  return {
    store: createStore(withScenario),
    options: { ...DEFAULT_MOCK_OPTIONS, ...options },
    treeCallsLoading: 0,
    targetsLoaded: new Set(),
    targetsLoading: new Set(),
    statusLoaded: new Set(),
    onWrite: [],
    unreachableLeft: 0,
  };
}

/** A write re-queues the target table in DQOps's lineage cache: trees and the source's targets reload. */
export function afterWrite(ctx: MockContext, target: TableRef, source: TableRef): void {
  if (ctx.options.cacheWarmup !== 'off') ctx.treeCallsLoading = TREE_CALLS_LOADING_AFTER_WRITE;
  ctx.targetsLoaded.delete(tableKey(source));
  ctx.targetsLoaded.delete(tableKey(target));
  ctx.targetsLoading.delete(tableKey(source));
  ctx.targetsLoading.delete(tableKey(target));
  for (const listener of ctx.onWrite) listener();
}

/** Reads mock switches from a query string (`?mock.generation=2024-09&mock.role=viewer&mock.latency=300`). */
export function optionsFromSearch(search: string): Partial<MockOptions> {
  const params = new URLSearchParams(search);
  const out: Partial<MockOptions> = {};
  const generation = params.get('mock.generation');
  if (generation === '1.13' || generation === '2024-09') out.generation = generation;
  const role = params.get('mock.role');
  if (role === 'editor' || role === 'viewer') out.role = role;
  const latency = Number(params.get('mock.latency'));
  if (Number.isFinite(latency) && latency > 0) out.latencyMs = Math.min(latency, 60_000);
  const warmup = params.get('mock.warmup');
  if (warmup === 'off' || warmup === 'realistic' || warmup === 'never') out.cacheWarmup = warmup;
  if (params.get('mock.auth') === 'required' || params.get('mock.requireAuth') === 'true') out.requireAuth = true;
  if (params.get('mock.scenario') === 'hostile') out.scenario = 'hostile';
  const generator = Number(params.get('mock.generator'));
  if (Number.isInteger(generator) && generator > 1 && generator <= 50_000) out.generator = generator;
  const warehouse = Number(params.get('mock.warehouse'));
  if (Number.isInteger(warehouse) && warehouse > 1 && warehouse <= 50_000) out.warehouse = warehouse;
  const fanout = Number(params.get('mock.fanout'));
  if (Number.isInteger(fanout) && fanout > 0 && fanout <= 10_000) out.fanout = fanout;
  const failing = params.get('mock.failWritesTo');
  if (failing) out.failWritesTo = failing;
  const losing = params.get('mock.loseWriteResponsesTo');
  if (losing) out.loseWriteResponsesTo = losing;
  const lostAs = params.get('mock.lostAs');
  if (LOST_AS.includes(lostAs as LostAs)) out.lostAs = lostAs as LostAs;
  const unreachable = Number(params.get('mock.unreachableAfterLoss'));
  if (Number.isInteger(unreachable) && unreachable > 0 && unreachable <= 100) out.unreachableAfterLoss = unreachable;
  return out;
}
