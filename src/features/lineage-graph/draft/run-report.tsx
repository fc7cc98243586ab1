// What a Save all did: saved, or where it stopped, what it undid, and what is left to do.
import { plural } from '@/lib/format';
import { useState } from 'react';
import type { LinkChange } from '../model/draft';
import type { RunResult } from '../model/draft-run';
import { describeError } from '@/api/errors';
import type { OutsideLineage } from './review-panel';
import type { useSaveDraft } from './use-save-draft';

export function RunReport({
  report,
  rollback,
  outside,
  onWithdraw,
}: {
  report: RunResult;
  outside: OutsideLineage;
  rollback: ReturnType<typeof useSaveDraft>['rollback'];
  /** Takes the failed change out of the draft (when it cannot succeed, e.g. the link is gone). */
  onWithdraw: (change: LinkChange) => void;
}) {
  const [withdrawn, setWithdrawn] = useState(false);
  const writes = report.applied.filter((step) => step.method);
  if (!report.failed) {
    const elsewhere = report.applied.filter((step) => step.method === 'POST' && outside.isOutside(step.change));
    return (
      <div className="ls-notice ls-notice--success" role="status">
        <p>
          Saved. {plural(writes.length, 'write')} sent to DQOps; the lineage is being read again.
        </p>
        {elsewhere.length > 0 ? (
          <ul className="ls-review__elsewhere" aria-label="Saved links outside this lineage">
            {elsewhere.map(({ change }) => (
              <li key={change.key}>
                {change.source.table} → {change.target.table} is saved, but it does not flow through {outside.root}, so {outside.root}&apos;s lineage does not
                show it.{' '}
                <button type="button" className="ls-linkbutton" onClick={() => outside.onOpenTable(change.target)}>
                  Open {change.target.table}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    );
  }
  const alsoFailed = report.alsoFailed ?? [];
  const total = report.applied.length + 1 + alsoFailed.length + report.notAttempted.length;
  const failed = report.failed;
  const rolledBack = rollback.data !== undefined && !rollback.data.failed;
  return (
    <div className={`ls-notice ${rolledBack ? 'ls-notice--info' : 'ls-notice--error'}`} role="alert">
      <p>
        <strong>
          {rolledBack
            ? `Rolled back: none of the ${total} changes is in DQOps. The draft is kept.`
            : `Saved ${report.applied.length} of ${total} changes, then stopped.`}
        </strong>
      </p>
      <p>
        <bdi>{failed.change.source.table}</bdi> → <bdi>{failed.change.target.table}</bdi> failed: {describeError(failed.error)}
      </p>
      {alsoFailed.map((f) => (
        <p key={f.change.key}>
          At the same time, <bdi>{f.change.source.table}</bdi> → <bdi>{f.change.target.table}</bdi> failed: {describeError(f.error)}
        </p>
      ))}
      <p>
        {report.notAttempted.length > 0
          ? `${report.notAttempted.length} later change${report.notAttempted.length === 1 ? ' was' : 's were'} not attempted. `
          : ''}
        Your draft is kept: “Try again” sends only what is still missing.
      </p>
      <div className="ls-review__recover">
        {withdrawn ? (
          <p role="status">The failed change was taken out of the draft.</p>
        ) : (
          <button
            type="button"
            className="ls-button"
            onClick={() => {
              onWithdraw(failed.change);
              setWithdrawn(true);
            }}
          >
            Take the failed change out of the draft
          </button>
        )}
        {writes.length > 0 && !rollback.data ? (
          <button type="button" className="ls-button" disabled={rollback.isPending} onClick={() => rollback.mutate(report.applied)}>
            {rollback.isPending ? 'Rolling back…' : `Roll back the ${plural(writes.length, 'saved change')}`}
          </button>
        ) : null}
      </div>
      {rolledBack ? <p role="status">DQOps holds the lineage as it was before “Save all”; “Save all” sends the whole draft again.</p> : null}
      {rollback.data?.failed ? (
        <p>
          The roll-back stopped: {rollback.data.failed.step.change.source.table} → {rollback.data.failed.step.change.target.table} could not be put back (
          {describeError(rollback.data.failed.error)}). {rollback.data.left.length} saved change{rollback.data.left.length === 1 ? ' is' : 's are'} still in
          DQOps.
        </p>
      ) : null}
      {rollback.isError ? <p>The roll-back failed: {describeError(rollback.error)}</p> : null}
    </div>
  );
}
