// Normalisation at the edge: every response of both server generations (2024-09 and 1.13) is
// turned into these view models once, in the client, so the rest of the app never checks
// `row_count ?? weight` or the renamed status field again.
import type { TableRef } from '@/lib/table-ref';
import { setOwn } from '@/lib/own';
import { isSeverity, type Severity } from '@/lib/severity';
import type {
  ColumnListModel,
  ConnectionModel,
  DimensionCurrentDataQualityStatusModel,
  DomainConnectionTableKey,
  LegacyFlowFields,
  LegacyListFields,
  RuleSeverityLevel,
  SchemaModel,
  TableCurrentDataQualityStatusModel,
  TableLineageFlowModel,
  TableLineageModel,
  TableLineageTableListModel,
  TableListModel,
} from './types';

// The severity domain lives in src/lib/severity.ts; DQOps's RuleSeverityLevel must be exactly it.
export { SEVERITIES, severityRank, worstSeverity, type Severity } from '@/lib/severity';
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const SEVERITY_IS_DQOPS: Same<Severity, RuleSeverityLevel> = true;
void SEVERITY_IS_DQOPS;

export interface StatusCounts {
  executedChecks: number;
  valid: number;
  warnings: number;
  errors: number;
  fatals: number;
  executionErrors: number;
}

export interface DimensionStatus {
  name: string;
  severity?: Severity;
  /** The server sent a severity this app does not know; shown as is. */
  unknownSeverity?: string;
  kpi?: number;
  lastCheckAt?: string;
  counts: StatusCounts;
}

export interface QualityStatus {
  /** Absent: the table has no check results. */
  severity?: Severity;
  unknownSeverity?: string;
  highestHistoricalSeverity?: Severity;
  kpi?: number;
  lastCheckAt?: string;
  rowCount?: number;
  freshnessDelayDays?: number;
  counts: StatusCounts;
  dimensions: DimensionStatus[];
  /** False when the table is referenced by lineage but not known to DQOps. */
  tableExists: boolean;
}

export interface LineageFlow {
  source: TableRef;
  target: TableRef;
  /** Normalised on first read in trees from the client (see TreeFlow). */
  sourceStatus?: QualityStatus;
  targetStatus?: QualityStatus;
  upstreamCombinedStatus?: QualityStatus;
  /** Source table's row count; 1.13 sends it (1 = unknown), 2024-09 sent ln(rows) as `weight`. */
  rowCount?: number;
  rowCountEstimated: boolean;
}

export interface LineageTree {
  relativeTable: TableRef;
  relativeCumulativeStatus?: QualityStatus;
  flows: LineageFlow[];
  /** False: the server is still loading its lineage cache; ask again. Missing (2024-09) = loaded. */
  fullyLoaded: boolean;
  /** Flows the server sent without a readable source or target (left out of `flows`). */
  unreadableFlows: number;
  /** What was wrong with the answer and how it was handled, for the user (empty when all was well). */
  problems: string[];
}

export interface LineageLink {
  /** The table that stores the lineage (the downstream side). */
  target: TableRef;
  /** The table data comes from. */
  source: TableRef;
  properties: Record<string, string>;
  canEdit: boolean;
  status?: QualityStatus;
  /** The server had no status for the row yet; ask again in a few seconds. */
  statusPending: boolean;
}

export interface TargetsResult {
  /** complete: 200; partial: 203 (the server is still loading, ask again); unsupported: 2024-09 server. */
  state: 'complete' | 'partial' | 'unsupported';
  links: LineageLink[];
}

export interface ConnectionSummary {
  name: string;
  providerType?: string;
  canEdit: boolean;
  yamlError?: string;
}

export interface SchemaSummary {
  connection: string;
  name: string;
  canEdit: boolean;
}

export interface TableSummary {
  ref: TableRef;
  disabled: boolean;
  yamlError?: string;
  canEdit: boolean;
  hasChecks: boolean;
  status?: QualityStatus;
}

export interface ColumnSummary {
  name: string;
  type?: string;
  nullable?: boolean;
  disabled: boolean;
  canEdit: boolean;
  status?: QualityStatus;
}


const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** DQOps sends `Instant`s as ISO strings; the description says int64. Accept both. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value === 'string') return Number.isNaN(Date.parse(value)) ? undefined : value;
  const n = num(value);
  if (n === undefined) return undefined;
  const millis = Math.abs(n) < 1e11 ? n * 1000 : n; // seconds (Jackson timestamps) or millis
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function counts(model: DimensionCurrentDataQualityStatusModel | TableCurrentDataQualityStatusModel): StatusCounts {
  return {
    executedChecks: num(model.executed_checks) ?? 0,
    valid: num(model.valid_results) ?? 0,
    warnings: num(model.warnings) ?? 0,
    errors: num(model.errors) ?? 0,
    fatals: num(model.fatals) ?? 0,
    executionErrors: num(model.execution_errors) ?? 0,
  };
}

function severityFields(value: unknown): { severity?: Severity; unknownSeverity?: string } {
  if (value === undefined || value === null) return {};
  if (isSeverity(value)) return { severity: value };
  return { unknownSeverity: String(value) };
}

function normalizeDimensions(raw: TableCurrentDataQualityStatusModel['dimensions']): DimensionStatus[] {
  const dimensions: DimensionStatus[] = [];
  if (!raw || typeof raw !== 'object') return dimensions;
  for (const [key, dimension] of Object.entries(raw)) {
    if (!dimension || typeof dimension !== 'object') continue;
    dimensions.push({
      name: str(dimension.dimension) ?? key,
      ...severityFields(dimension.current_severity),
      kpi: num(dimension.data_quality_kpi),
      lastCheckAt: toIsoDate(dimension.last_check_executed_at),
      counts: counts(dimension),
    });
  }
  if (dimensions.length > 1) dimensions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // not localeCompare: thousands of statuses a tree
  return dimensions;
}

export function normalizeStatus(model: TableCurrentDataQualityStatusModel | undefined | null): QualityStatus | undefined {
  if (!model || typeof model !== 'object') return undefined;
  const historical = model.highest_historical_severity;
  const severity = model.current_severity as unknown;
  let dimensions: DimensionStatus[] | undefined;
  return {
    severity: isSeverity(severity) ? severity : undefined,
    unknownSeverity: severity === undefined || severity === null || isSeverity(severity) ? undefined : String(severity),
    highestHistoricalSeverity: isSeverity(historical) ? historical : undefined,
    kpi: num(model.data_quality_kpi),
    lastCheckAt: toIsoDate(model.last_check_executed_at),
    rowCount: num(model.total_row_count),
    freshnessDelayDays: num(model.data_freshness_delay_days),
    counts: counts(model),
    // Per-dimension statuses are shown in the details panel only: built on first read.
    get dimensions() {
      return (dimensions ??= normalizeDimensions(model.dimensions));
    },
    tableExists: model.table_exist !== false,
  };
}

export function refFromKey(key: DomainConnectionTableKey | undefined | null): TableRef | undefined {
  const connection = str(key?.connection_name);
  const schema = str(key?.physical_table_name?.schema_name);
  const table = str(key?.physical_table_name?.table_name);
  if (connection === undefined || schema === undefined || table === undefined) return undefined;
  return { connection, schema, table };
}

// The raw fields normalizeStatus reads: two raw statuses equal on these normalise to the same model.
// Tables and dimensions share the severity, KPI, last-check and count fields.
const SHARED_FIELDS = [
  'current_severity',
  'data_quality_kpi',
  'last_check_executed_at',
  'executed_checks',
  'valid_results',
  'warnings',
  'errors',
  'fatals',
  'execution_errors',
] as const satisfies readonly (keyof TableCurrentDataQualityStatusModel & keyof DimensionCurrentDataQualityStatusModel)[];
const STATUS_FIELDS = [...SHARED_FIELDS, 'highest_historical_severity', 'total_row_count', 'data_freshness_delay_days', 'table_exist'] as const;
const DIMENSION_FIELDS = [...SHARED_FIELDS, 'dimension'] as const;

type Fields = Record<string, unknown>;

function sameFields(a: Fields, b: Fields, fields: readonly string[]): boolean {
  for (const field of fields) if (a[field] !== b[field]) return false;
  return true;
}

function sameDimensions(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    const da = (a as Record<string, unknown>)[key];
    const db = (b as Record<string, unknown>)[key];
    if (da === db) continue;
    if (!da || !db || typeof da !== 'object' || typeof db !== 'object' || !sameFields(da as Fields, db as Fields, DIMENSION_FIELDS)) return false;
  }
  return true;
}

/**
 * A tree repeats the same table's status on every flow that touches it (thousands of times in big
 * lineages): normalise each distinct status once. Statuses are bucketed by table, then compared
 * field by field on what normalizeStatus reads (no key strings: 30,000 statuses a tree).
 */
function statusCache() {
  const buckets = new Map<string, { raw: TableCurrentDataQualityStatusModel; status: QualityStatus | undefined }[]>();
  return (model: TableCurrentDataQualityStatusModel | undefined | null): QualityStatus | undefined => {
    if (!model || typeof model !== 'object') return undefined;
    const key = `${model.connection_name}\u0000${model.schema_name}\u0000${model.table_name}`;
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = [];
      buckets.set(key, bucket);
    }
    for (const seen of bucket) {
      if (sameFields(seen.raw as Fields, model as Fields, STATUS_FIELDS) && sameDimensions(seen.raw.dimensions, model.dimensions)) return seen.status;
    }
    const status = normalizeStatus(model);
    bucket.push({ raw: model, status });
    return status;
  };
}

type StatusReader = (model: TableCurrentDataQualityStatusModel | undefined | null) => QualityStatus | undefined;
const UNREAD = Symbol('unread');

/**
 * One flow of a tree. The three statuses are normalised when first read: a 5,000-table tree
 * carries 34,000 status objects of which the graph reads about one per table, so normalising
 * them all up front cost ≈ 150 ms of the time to the first picture.
 */
class TreeFlow implements LineageFlow {
  readonly source: TableRef;
  readonly target: TableRef;
  readonly rowCount: number | undefined;
  readonly rowCountEstimated: boolean;
  readonly #raw: TableLineageFlowModel;
  readonly #read: StatusReader;
  #source: QualityStatus | undefined | typeof UNREAD = UNREAD;
  #target: QualityStatus | undefined | typeof UNREAD = UNREAD;
  #combined: QualityStatus | undefined | typeof UNREAD = UNREAD;

  constructor(raw: TableLineageFlowModel & LegacyFlowFields, read: StatusReader, source: TableRef, target: TableRef) {
    this.source = source;
    this.target = target;
    this.#raw = raw;
    this.#read = read;
    const rowCount = num(raw.row_count);
    const weight = num(raw.weight);
    // 2024-09's weight was (int) ln(rows): turn it back into an estimated row count.
    this.rowCount = rowCount ?? (weight !== undefined ? Math.round(Math.exp(weight)) : undefined);
    this.rowCountEstimated = rowCount === undefined && weight !== undefined;
  }

  get sourceStatus(): QualityStatus | undefined {
    if (this.#source === UNREAD) this.#source = this.#read(this.#raw.source_table_quality_status);
    return this.#source;
  }

  get targetStatus(): QualityStatus | undefined {
    if (this.#target === UNREAD) this.#target = this.#read(this.#raw.target_table_quality_status);
    return this.#target;
  }

  get upstreamCombinedStatus(): QualityStatus | undefined {
    if (this.#combined === UNREAD) this.#combined = this.#read(this.#raw.upstream_combined_quality_status);
    return this.#combined;
  }

  /** A plain copy (for JSON, structuredClone and test comparisons). */
  toJSON(): LineageFlow {
    const { source, target, sourceStatus, targetStatus, upstreamCombinedStatus, rowCount, rowCountEstimated } = this;
    return { source, target, sourceStatus, targetStatus, upstreamCombinedStatus, rowCount, rowCountEstimated };
  }
}

/** One shared ref object per table of a tree (cheaper keys and comparisons downstream). */
function refInterner() {
  const connections = new Map<string, Map<string, Map<string, TableRef>>>();
  return (ref: TableRef | undefined): TableRef | undefined => {
    if (!ref) return undefined;
    let schemas = connections.get(ref.connection);
    if (!schemas) connections.set(ref.connection, (schemas = new Map()));
    let tables = schemas.get(ref.schema);
    if (!tables) schemas.set(ref.schema, (tables = new Map()));
    const known = tables.get(ref.table);
    if (known) return known;
    tables.set(ref.table, ref);
    return ref;
  };
}

function normalizeFlow(flow: TableLineageFlowModel & LegacyFlowFields, read: StatusReader, intern: (ref: TableRef | undefined) => TableRef | undefined): LineageFlow | undefined {
  const source = intern(refFromKey(flow.source_table));
  const target = intern(refFromKey(flow.target_table));
  if (!source || !target) return undefined;
  return new TreeFlow(flow, read, source, target);
}

export function normalizeTree(model: TableLineageModel, requested: TableRef): LineageTree {
  const flows: LineageFlow[] = [];
  const problems: string[] = [];
  let unreadableFlows = 0;
  let duplicates = 0;
  const status = statusCache();
  const intern = refInterner();
  // Refs are interned, so a flow's identity is a pair of objects: duplicates are found without keys.
  const seen = new Map<TableRef, Set<TableRef>>();
  const rawFlows: unknown = model.flows;
  if (rawFlows !== undefined && rawFlows !== null && !Array.isArray(rawFlows)) problems.push('The list of flows was not a list; no flow could be read.');
  for (const raw of Array.isArray(rawFlows) ? (rawFlows as (TableLineageFlowModel & LegacyFlowFields)[]) : []) {
    const flow = raw && typeof raw === 'object' ? normalizeFlow(raw, status, intern) : undefined;
    if (!flow) {
      unreadableFlows += 1;
      continue;
    }
    let targets = seen.get(flow.source);
    if (!targets) seen.set(flow.source, (targets = new Set()));
    if (targets.has(flow.target)) duplicates += 1;
    targets.add(flow.target);
    flows.push(flow);
  }
  if (unreadableFlows > 0) problems.push(`${unreadableFlows} ${unreadableFlows === 1 ? 'flow names' : 'flows name'} no readable source or target table and ${unreadableFlows === 1 ? 'was' : 'were'} left out.`);
  if (duplicates > 0) problems.push(`${duplicates} duplicate ${duplicates === 1 ? 'flow was' : 'flows were'} drawn once.`);
  const relativeTable = refFromKey(model.relative_table);
  if (!relativeTable && flows.length > 0) problems.push(`The answer did not say which table it describes; ${requested.table} was assumed.`);
  return {
    relativeTable: relativeTable ?? requested,
    relativeCumulativeStatus: normalizeStatus(model.relative_table_cumulative_quality_status),
    flows,
    fullyLoaded: model.data_lineage_fully_loaded !== false,
    unreadableFlows,
    problems,
  };
}

export function normalizeLink(row: TableLineageTableListModel & LegacyListFields): LineageLink | undefined {
  const target = { connection: str(row.target_connection), schema: str(row.target_schema), table: str(row.target_table) };
  const source = { connection: str(row.source_connection), schema: str(row.source_schema), table: str(row.source_table) };
  if (!isRef(target) || !isRef(source)) return undefined;
  const rawStatus = row.table_data_quality_status ?? row.source_table_data_quality_status;
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.properties ?? {})) if (typeof v === 'string') setOwn(properties, k, v);
  return {
    target,
    source,
    properties,
    canEdit: row.can_edit === true,
    status: normalizeStatus(rawStatus),
    statusPending: rawStatus === undefined || rawStatus === null,
  };
}

function isRef(ref: { connection?: string; schema?: string; table?: string }): ref is TableRef {
  return ref.connection !== undefined && ref.schema !== undefined && ref.table !== undefined;
}

export function normalizeConnection(model: ConnectionModel): ConnectionSummary | undefined {
  const name = str(model.connection_name);
  if (name === undefined) return undefined;
  // provider_type is an enum that grows between versions: keep any string.
  return { name, providerType: str(model.provider_type), canEdit: model.can_edit === true, yamlError: str(model.yaml_parsing_error) };
}

export function normalizeSchema(model: SchemaModel, connection: string): SchemaSummary | undefined {
  const name = str(model.schema_name);
  if (name === undefined) return undefined;
  return { connection: str(model.connection_name) ?? connection, name, canEdit: model.can_edit === true };
}

export function normalizeTable(model: TableListModel, connection: string): TableSummary | undefined {
  const schema = str(model.target?.schema_name);
  const table = str(model.target?.table_name);
  if (schema === undefined || table === undefined) return undefined;
  return {
    ref: { connection: str(model.connection_name) ?? connection, schema, table },
    disabled: model.disabled === true,
    yamlError: str(model.yaml_parsing_error),
    canEdit: model.can_edit === true,
    hasChecks: model.has_any_configured_checks === true,
    status: normalizeStatus(model.data_quality_status),
  };
}

export function normalizeColumn(model: ColumnListModel): ColumnSummary | undefined {
  const name = str(model.column_name);
  if (name === undefined) return undefined;
  return {
    name,
    type: str(model.type_snapshot?.column_type),
    nullable: typeof model.type_snapshot?.nullable === 'boolean' ? model.type_snapshot.nullable : undefined,
    disabled: model.disabled === true,
    canEdit: model.can_edit === true,
    status: normalizeStatus(model.data_quality_status),
  };
}

/** Keeps the rows that could be read; the others are dropped (they cannot be shown anyway). */
export function normalizeList<In, Out>(rows: unknown, fn: (row: In) => Out | undefined): Out[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: In) => {
    const out = row && typeof row === 'object' ? fn(row) : undefined;
    return out === undefined ? [] : [out];
  });
}
