import { formatKpi } from '@/lib/format';
import type { QualityStatus } from '@/api/normalize';
import { statusVar } from '@/lib/palette';
import { SEVERITY_STYLE, severityKey, type SeverityKey } from '@/lib/severity';

export function SeverityIcon({ severity, title }: { severity: SeverityKey; title?: string }) {
  const style = SEVERITY_STYLE[severity];
  return (
    <span
      className={`ls-sev-icon ls-sev-icon--${severity}`}
      style={{ color: statusVar(severity, 'color'), background: statusVar(severity, 'tint'), borderColor: statusVar(severity, 'color') }}
      role="img"
      aria-label={title ?? style.label}
      title={title ?? style.label}
    >
      {style.icon}
    </span>
  );
}

/** `loading`: DQOps has not loaded the status yet, so a missing one reads "Status loading…", not "No checks". */
export function SeverityBadge({ status, showKpi = true, loading = false }: { status: QualityStatus | undefined; showKpi?: boolean; loading?: boolean }) {
  const key = severityKey(status);
  const style = SEVERITY_STYLE[key];
  const label = !status && loading ? 'Status loading…' : key === 'unknown' && status?.unknownSeverity ? `Status “${status.unknownSeverity}”` : style.label;
  return (
    <span className="ls-sev-badge" style={{ color: statusVar(key, 'text'), background: statusVar(key, 'tint') }}>
      <span aria-hidden="true">{style.icon}</span> {label}
      {showKpi && status?.kpi !== undefined ? <span className="ls-sev-badge__kpi"> · KPI {formatKpi(status.kpi)}</span> : null}
    </span>
  );
}

export { formatKpi } from '@/lib/format';
