// The data-quality severity domain: DQOps's four rule severities, their order, and how the app
// names and colours a table's status. The API layer normalises DQOps's answers into these.

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

/**
 * Colour-blind-safe palette (distinct in lightness and hue for deuteranopia/protanopia),
 * always paired with an icon so colour is never the only cue.
 */
export const SEVERITY_STYLE: Record<SeverityKey, { label: string; icon: string; color: string; tint: string; text: string }> = {
  // color: strokes and icons (≥ 3:1 on white); text: words on the tint (≥ 4.5:1, WCAG AA).
  valid: { label: 'Valid', icon: '✓', color: '#1a7f5a', tint: '#e3f4ec', text: '#0b5238' },
  warning: { label: 'Warning', icon: '!', color: '#a66a00', tint: '#fdf3d8', text: '#6b4400' },
  error: { label: 'Error', icon: '✕', color: '#c2410c', tint: '#fde7dc', text: '#8a2c06' },
  fatal: { label: 'Fatal', icon: '■', color: '#7e1d6e', tint: '#f6e0f1', text: '#661659' },
  none: { label: 'No checks', icon: '○', color: '#6b7280', tint: '#f1f2f4', text: '#424852' },
  unknown: { label: 'Unknown status', icon: '?', color: '#6b7280', tint: '#f1f2f4', text: '#424852' },
  missing: { label: 'Not in DQOps', icon: '⊘', color: '#6b7280', tint: '#f5f5f5', text: '#424852' },
};

export function severityKey(status: SeverityOf | undefined): SeverityKey {
  if (!status) return 'none';
  if (!status.tableExists) return 'missing';
  if (status.severity) return status.severity;
  if (status.unknownSeverity) return 'unknown';
  return 'none';
}
