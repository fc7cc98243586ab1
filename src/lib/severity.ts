// The data-quality severity domain: DQOps's four rule severities, their order, and how the app
// names and colours a table's status. The API layer normalises DQOps's answers into these.
import { STATUS_COLOURS } from './palette';

export const SEVERITIES = ['valid', 'warning', 'error', 'fatal'] as const;
/** DQOps's rule severity (its RuleSeverityLevel; src/api/normalize.ts checks they are the same). */
export type Severity = (typeof SEVERITIES)[number];
const SEVERITY_RANK: Record<Severity, number> = { valid: 0, warning: 1, error: 2, fatal: 3 };

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && value in SEVERITY_RANK;
}

/** valid 0 … fatal 3; no result -1. */
export function severityRank(severity: Severity | undefined): number {
  return severity === undefined ? -1 : SEVERITY_RANK[severity];
}

export function worstSeverity(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/** What severityKey reads of a status (the API's QualityStatus has these fields). */
export interface SeverityOf {
  severity?: Severity;
  /** A severity this app does not know (a newer server). */
  unknownSeverity?: string;
  tableExists: boolean;
}

export type SeverityKey = Severity | 'none' | 'unknown' | 'missing';

/** How a status is named and drawn: its label, its icon (colour is never the only cue), its colours (palette.ts). */
export const SEVERITY_STYLE: Record<SeverityKey, { label: string; icon: string; color: string; tint: string; text: string }> = {
  valid: { label: 'Valid', icon: '✓', ...STATUS_COLOURS.valid },
  warning: { label: 'Warning', icon: '!', ...STATUS_COLOURS.warning },
  error: { label: 'Error', icon: '✕', ...STATUS_COLOURS.error },
  fatal: { label: 'Fatal', icon: '■', ...STATUS_COLOURS.fatal },
  none: { label: 'No checks', icon: '○', ...STATUS_COLOURS.none },
  unknown: { label: 'Unknown status', icon: '?', ...STATUS_COLOURS.unknown },
  missing: { label: 'Not in DQOps', icon: '⊘', ...STATUS_COLOURS.missing },
};

export function severityKey(status: SeverityOf | undefined): SeverityKey {
  if (!status) return 'none';
  if (!status.tableExists) return 'missing';
  if (status.severity) return status.severity;
  if (status.unknownSeverity) return 'unknown';
  return 'none';
}
