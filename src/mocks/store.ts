// In-memory DQOps: the catalog (connections, tables, columns, quality status) and the lineage,
// stored like DQOps stores it: on the *target* table, as a list of source specs.
import { sourceRefOf, tableKey, type TableRef } from '@/lib/table-ref';
import type { RuleSeverityLevel, TableCurrentDataQualityStatusModel, TableLineageSourceSpec } from '@/api/types';
import type { SeedCatalog, SeedConnection, SeedSource } from './seed/catalog';

export interface MockColumn {
  name: string;
  type: string;
  nullable: boolean;
}

export interface MockTable {
  ref: TableRef;
  columns: MockColumn[];
  disabled: boolean;
  yamlError?: string;
  labels: string[];
  /** Row count from the latest row-count check; undefined = unknown. */
  rowCount?: number;
  /** Dimension → current severity; null = no checks configured. */
  quality: Record<string, RuleSeverityLevel> | null;
  lastCheckAt: string;
  sources: TableLineageSourceSpec[];
}

const SEVERITY_ORDER: RuleSeverityLevel[] = ['valid', 'warning', 'error', 'fatal'];
const CLOCK = Date.parse('2026-11-20T06:00:00Z'); // deterministic "now" of the demo's check runs

/** Small deterministic hash (FNV-1a) so the seed needs no random numbers. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function parseColumns(spec: string): MockColumn[] {
  // Split on commas outside parentheses: "numeric(12,2)" stays one type.
  return spec
    .split(/,(?![^(]*\))/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name = '', ...rest] = part.split(/\s+/);
      const type = rest.join(' ');
      return { name, type: type.replace(/\?$/, ''), nullable: type.endsWith('?') };
    });
}

function parseRef(dotted: string): TableRef {
  const [connection = '', schema = '', table = ''] = dotted.split('.');
  return { connection, schema, table };
}

export interface MockConnection {
  name: string;
  provider: string;
}

export function createStore(seed: SeedCatalog) {
  const connections = new Map<string, MockConnection>();
  const tables = new Map<string, MockTable>();
  let version = 0;

  for (const c of seed.connections) connections.set(c.name, { name: c.name, provider: c.provider });
  for (const t of seed.tables) {
    const ref = { connection: t.connection, schema: t.schema, table: t.table };
    const h = hash(tableKey(ref));
    tables.set(tableKey(ref), {
      ref,
      columns: parseColumns(t.columns),
      disabled: t.disabled === true,
      yamlError: t.yamlError,
      labels: t.labels ?? [],
      rowCount: t.quality === null ? undefined : (1 + (h % 9)) * 10 ** (3 + ((h >>> 4) % 4)),
      quality: t.quality === undefined ? { Completeness: 'valid', Validity: 'valid' } : t.quality,
      lastCheckAt: new Date(CLOCK - ((h >>> 8) % 36) * 3_600_000).toISOString(),
      sources: [],
    });
  }
  // Second pass: mappings need the source tables' columns.
  for (const t of seed.tables) {
    const target = tables.get(tableKey(t));
    if (target) target.sources = (t.sources ?? []).map((s) => specFromSeed(target, typeof s === 'string' ? { from: s } : s));
  }

  function specFromSeed(target: MockTable, seedSource: SeedSource): TableLineageSourceSpec {
    const ref = parseRef(seedSource.from);
    const sourceColumns = new Set(tables.get(tableKey(ref))?.columns.map((c) => c.name) ?? []);
    const columns: NonNullable<TableLineageSourceSpec['columns']> = {};
    for (const column of target.columns) {
      const explicit = seedSource.map?.[column.name]?.filter((c) => sourceColumns.has(c));
      const mapped = explicit && explicit.length > 0 ? explicit : sourceColumns.has(column.name) ? [column.name] : [];
      if (mapped.length > 0) columns[column.name] = { source_columns: mapped };
    }
    return {
      source_connection: ref.connection,
      source_schema: ref.schema,
      source_table: ref.table,
      data_lineage_source_tool: seedSource.tool,
      properties: seedSource.properties,
      columns: Object.keys(columns).length > 0 ? columns : undefined,
    };
  }

  const sameSource = (spec: TableLineageSourceSpec, ref: TableRef) =>
    spec.source_connection === ref.connection && spec.source_schema === ref.schema && spec.source_table === ref.table;

  function findTable(ref: TableRef): MockTable | undefined {
    return tables.get(tableKey(ref));
  }

  // Downstream index, rebuilt lazily after writes (the real server derives it in its lineage cache).
  let targetsIndex: Map<string, { target: MockTable; spec: TableLineageSourceSpec }[]> | null = null;
  function targetsIndexed() {
    if (!targetsIndex) {
      targetsIndex = new Map();
      for (const table of tables.values()) {
        for (const spec of table.sources) {
          const key = tableKey(sourceRefOf(spec));
          const list = targetsIndex.get(key) ?? [];
          list.push({ target: table, spec });
          targetsIndex.set(key, list);
        }
      }
    }
    return targetsIndex;
  }
  function changed() {
    version += 1;
    targetsIndex = null;
  }

  return {
    get version() {
      return version;
    },
    connections(): MockConnection[] {
      return [...connections.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
    hasConnection(name: string): boolean {
      return connections.has(name);
    },
    addConnection(connection: SeedConnection): void {
      connections.set(connection.name, { ...connection });
    },
    schemas(connection: string): string[] {
      const names = new Set<string>();
      for (const t of tables.values()) if (t.ref.connection === connection) names.add(t.ref.schema);
      return [...names].sort();
    },
    tables(connection: string, schema: string): MockTable[] {
      return [...tables.values()]
        .filter((t) => t.ref.connection === connection && t.ref.schema === schema)
        .sort((a, b) => a.ref.table.localeCompare(b.ref.table));
    },
    allTables(): MockTable[] {
      return [...tables.values()];
    },
    table: findTable,
    /** Adds (or replaces) a table, e.g. for tests and the large-graph generator. */
    putTable(table: Omit<MockTable, 'sources' | 'lastCheckAt' | 'labels' | 'disabled'> & Partial<MockTable>): MockTable {
      const full: MockTable = { sources: [], lastCheckAt: new Date(CLOCK).toISOString(), labels: [], disabled: false, ...table };
      tables.set(tableKey(full.ref), full);
      changed();
      return full;
    },
    getSource(target: TableRef, source: TableRef): TableLineageSourceSpec | undefined {
      return findTable(target)?.sources.find((s) => sameSource(s, source));
    },
    addSource(target: TableRef, spec: TableLineageSourceSpec): void {
      findTable(target)?.sources.push(structuredClone(spec));
      changed();
    },
    replaceSource(target: TableRef, spec: TableLineageSourceSpec): void {
      const table = findTable(target);
      if (!table) return;
      const ref = sourceRefOf(spec);
      const index = table.sources.findIndex((s) => sameSource(s, ref));
      if (index >= 0) table.sources[index] = structuredClone(spec);
      changed();
    },
    removeSource(target: TableRef, source: TableRef): void {
      const table = findTable(target);
      if (!table) return;
      table.sources = table.sources.filter((s) => !sameSource(s, source));
      changed();
    },
    /** Tables whose source list names `source`, with that entry. */
    targetsOf(source: TableRef): { target: MockTable; spec: TableLineageSourceSpec }[] {
      return targetsIndexed().get(tableKey(source)) ?? [];
    },
    /** The lineage part of the store (what demo mode persists). */
    exportLineage(): Record<string, TableLineageSourceSpec[]> {
      const out: Record<string, TableLineageSourceSpec[]> = {};
      for (const [key, table] of tables) out[key] = structuredClone(table.sources);
      return out;
    },
    importLineage(saved: Record<string, TableLineageSourceSpec[]>): void {
      for (const [key, sources] of Object.entries(saved)) {
        const table = tables.get(key);
        if (table && Array.isArray(sources)) table.sources = structuredClone(sources);
      }
      changed();
    },
  };
}

export type MockStore = ReturnType<typeof createStore>;

/** The table's own current status, as DQOps's status cache reports it (no checks/columns). */
export function statusOf(table: MockTable): TableCurrentDataQualityStatusModel {
  const base: TableCurrentDataQualityStatusModel = {
    data_domain: '',
    connection_name: table.ref.connection,
    schema_name: table.ref.schema,
    table_name: table.ref.table,
    total_row_count: table.rowCount,
    executed_checks: 0,
    valid_results: 0,
    warnings: 0,
    errors: 0,
    fatals: 0,
    execution_errors: 0,
    dimensions: {},
    table_exist: true,
  };
  if (!table.quality) return base;
  const dimensions: NonNullable<TableCurrentDataQualityStatusModel['dimensions']> = {};
  let worst = 0;
  for (const [name, severity] of Object.entries(table.quality)) {
    const rank = SEVERITY_ORDER.indexOf(severity);
    worst = Math.max(worst, rank);
    const counts = { valid_results: rank === 3 ? 1 : 2, warnings: rank === 1 ? 1 : 0, errors: rank >= 2 ? 1 : 0, fatals: rank === 3 ? 1 : 0 };
    const executed = counts.valid_results + counts.warnings + counts.errors + counts.fatals;
    dimensions[name] = {
      dimension: name,
      current_severity: severity,
      highest_historical_severity: severity,
      last_check_executed_at: table.lastCheckAt as unknown as number, // DQOps sends ISO strings (docs/dqops-contract.md §1)
      executed_checks: executed,
      execution_errors: 0,
      data_quality_kpi: kpi(counts),
      ...counts,
    };
    base.valid_results = (base.valid_results ?? 0) + counts.valid_results;
    base.warnings = (base.warnings ?? 0) + counts.warnings;
    base.errors = (base.errors ?? 0) + counts.errors;
    base.fatals = (base.fatals ?? 0) + counts.fatals;
    base.executed_checks = (base.executed_checks ?? 0) + executed;
  }
  return {
    ...base,
    current_severity: SEVERITY_ORDER[worst],
    highest_historical_severity: SEVERITY_ORDER[Math.max(worst, 1)],
    last_check_executed_at: table.lastCheckAt as unknown as number,
    data_quality_kpi: kpi({ valid_results: base.valid_results ?? 0, warnings: base.warnings ?? 0, errors: base.errors ?? 0, fatals: base.fatals ?? 0 }),
    data_freshness_delay_days: Number((((hash(table.ref.table) % 30) + 1) / 10).toFixed(1)),
    dimensions,
  };
}

/** DQOps's KPI: (valid + warnings) × 100 / (valid + warnings + errors + fatals). */
export function kpi(c: { valid_results: number; warnings: number; errors: number; fatals: number }): number | undefined {
  const total = c.valid_results + c.warnings + c.errors + c.fatals;
  return total === 0 ? undefined : Math.round(((c.valid_results + c.warnings) * 10000) / total) / 100;
}

/** Worst-of merge (DQOps `appendResultsFromUpstreamTable`): severities by max, counters summed. */
export function mergeStatus(
  own: TableCurrentDataQualityStatusModel | undefined,
  upstream: TableCurrentDataQualityStatusModel | undefined,
): TableCurrentDataQualityStatusModel | undefined {
  if (!own) return upstream && structuredClone(upstream);
  if (!upstream) return structuredClone(own);
  const worse = (a?: RuleSeverityLevel, b?: RuleSeverityLevel) =>
    a === undefined ? b : b === undefined ? a : SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
  const merged = structuredClone(own);
  merged.current_severity = worse(own.current_severity, upstream.current_severity);
  merged.highest_historical_severity = worse(own.highest_historical_severity, upstream.highest_historical_severity);
  for (const field of ['executed_checks', 'valid_results', 'warnings', 'errors', 'fatals', 'execution_errors'] as const) {
    merged[field] = (own[field] ?? 0) + (upstream[field] ?? 0);
  }
  const dims = { ...(merged.dimensions ?? {}) };
  for (const [name, dim] of Object.entries(upstream.dimensions ?? {})) {
    const mine = dims[name];
    dims[name] = mine ? { ...mine, current_severity: worse(mine.current_severity, dim.current_severity) } : structuredClone(dim);
  }
  merged.dimensions = dims;
  merged.data_quality_kpi = kpi({
    valid_results: merged.valid_results ?? 0,
    warnings: merged.warnings ?? 0,
    errors: merged.errors ?? 0,
    fatals: merged.fatals ?? 0,
  });
  return merged;
}
