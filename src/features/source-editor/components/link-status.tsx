import type { QualityStatus } from '@/api/normalize';
import { SeverityBadge, SeverityIcon } from '@/components/severity-badge';

/** Overall status plus one icon per data-quality dimension. */
export function LinkStatus({ status, pending, unseen }: { status: QualityStatus | undefined; pending?: boolean; unseen?: boolean }) {
  if (unseen) {
    return (
      <span className="ls-hint" title="DQOps 2024-09 looks source tables up in the target's connection, so it reports tables of other connections as unknown. Newer DQOps shows their status.">
        status unknown: DQOps 2024-09 cannot see tables in other connections here
      </span>
    );
  }
  if (pending) {
    return (
      <span className="ls-hint" title="DQOps is still loading this table's status">
        <span className="ls-spinner" aria-hidden="true" /> status pending
      </span>
    );
  }
  if (status && !status.tableExists) {
    return <span className="ls-tag ls-tag--danger">⊘ not in DQOps</span>;
  }
  return (
    <span className="ls-linkstatus">
      <SeverityBadge status={status} />
      {status?.dimensions.map((d) => (
        <span key={d.name} className="ls-linkstatus__dim" title={`${d.name}: ${d.severity ?? d.unknownSeverity ?? 'no result'}`}>
          <SeverityIcon severity={d.severity ?? 'none'} title={`${d.name}: ${d.severity ?? 'no result'}`} />
          <span className="ls-linkstatus__name">{d.name}</span>
        </span>
      ))}
    </span>
  );
}
