const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const full = new Intl.NumberFormat('en');

export function formatRows(rows: number | undefined, estimated = false): string {
  if (rows === undefined) return 'rows unknown';
  return `${estimated ? '≈' : ''}${compact.format(rows)} rows`;
}

/**
 * A row count in a sentence or a table cell: exact counts in full ("3,269,017"), estimates as
 * what they are ("≈ 3.3M": the 2024-09 server only sent the count's logarithm), `fallback` when
 * DQOps does not know it (it sends 1 for "unknown").
 */
export function formatRowCount(rows: number | undefined, estimated: boolean, fallback = 'unknown'): string {
  if (rows === undefined || rows <= 1) return fallback;
  return estimated ? `≈ ${compact.format(rows)}` : full.format(rows);
}

export function formatNumber(n: number): string {
  return full.format(n);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso: string | undefined): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'unknown' : dateFormat.format(date);
}

/** "3 h ago", "2 d ago": for last check times. */
export function formatAgo(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 90) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/** Sorts names as people read them; one Collator instead of localeCompare (≈ 10× faster on 5,000 names). */
export const compareNames = new Intl.Collator(undefined, { numeric: true }).compare;

/** A KPI as everywhere in the app (screen and exports): "100%", "55.6%". */
export function formatKpi(kpi: number): string {
  return `${kpi.toFixed(kpi % 1 === 0 ? 0 : 1)}%`;
}

/** "1 table", "3 tables" (`many` for irregular plurals); `grouped`: "1,234 tables". */
export function plural(count: number, one: string, many = `${one}s`, { grouped = false }: { grouped?: boolean } = {}): string {
  return `${grouped ? formatNumber(count) : count} ${count === 1 ? one : many}`;
}

/** A time left, as a person says it: "5 s", "3 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
