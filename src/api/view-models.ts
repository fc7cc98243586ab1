// The view models every DQOps response is normalised into (normalize.ts): what the rest of the app
// reads. Statuses, a lineage tree and its flows, a stored link, and the catalog's rows.
import type { TableRef } from '@/lib/table-ref';
import type { Severity } from '@/lib/severity';
import type { RuleSeverityLevel } from './types';

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
  /**
   * DQOps 2024-09 looked a source table up in the *target's* connection, so a source in another
   * connection came back `table_exist: false` whether it exists or not: its status is unknown, it
   * is not "missing" (docs/dqops-contract.md, "Server generations").
   */
  statusUnseen?: boolean;
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
