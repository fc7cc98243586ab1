// Quality statuses (a table's, a dimension's), normalised; and a cache that normalises each distinct
// status of a tree once.
import { isSeverity, type Severity } from '@/lib/severity';
import { num, str, toIsoDate } from './raw-fields';
import type { DimensionCurrentDataQualityStatusModel, TableCurrentDataQualityStatusModel } from './types';
import type { DimensionStatus, QualityStatus, StatusCounts } from './view-models';

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
export function statusCache() {
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

