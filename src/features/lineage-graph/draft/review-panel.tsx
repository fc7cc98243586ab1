import { plural } from '@/lib/format';
import { useState } from 'react';
import { describeError } from '@/api/errors';
import { useToast } from '@/components/toast';
import type { TableRef } from '@/lib/table-ref';
import { describeOp, withdrawChange, type LinkChange } from '../model/draft';
import { expectedMethod, type AppliedStep, type RunResult, type WriteMethod } from '../model/draft-run';
import { useDraft, type DraftStore } from './draft-store';
import { useSaveDraft } from './use-save-draft';
import { revealOnMount } from '@/lib/reveal';

const DIFF_WORDS = { added: 'Add source', removed: 'Remove source', changed: 'Change column mappings' } as const;
const METHOD_WORDS: Record<WriteMethod, string> = { POST: 'creates the source', PUT: 'replaces the source', DELETE: 'deletes the source' };

function mappingSummary(change: LinkChange): string {
  const parts = [];
  if (change.addMappings.length > 0) parts.push(`+${plural(change.addMappings.length, 'column mapping')}`);
  if (change.removeMappings.length > 0) parts.push(`−${plural(change.removeMappings.length, 'column mapping')}`);
  return parts.join(', ');
}

/** One link change in words ("Add source: a → b"), with the HTTP method DQOps receives as a detail. */
function LinkLine({ change, method, state, note }: { change: LinkChange; method?: WriteMethod; state?: string; note?: string }) {
  const summary = mappingSummary(change);
  return (
    <>
      {state ? <span className={`ls-review__state ls-review__state--${state}`}>{STATE_WORDS[state]}</span> : null}
      <span>
        {DIFF_WORDS[change.diff]}: <bdi>{change.source.table}</bdi> → <bdi>{change.target.table}</bdi>
        {summary ? ` (${summary})` : ''}
        {note ? <span className="ls-hint"> · {note}</span> : null}
      </span>
      {method ? (
        <span className="ls-review__method" title={`The request sent to DQOps: ${method} (${METHOD_WORDS[method]})`}>
          {method}
        </span>
      ) : null}
    </>
  );
}

const STATE_WORDS: Record<string, string> = { applied: '✓ saved', failed: '✗ failed', skipped: '○ not sent', undone: '↶ rolled back' };

/** The draft: what will be sent, the staged steps, and "Save all" with its honest report. */
/** A saved link the focus table's lineage will not show (it does not flow through the focus). */
export interface OutsideLineage {
  /** The focus table's name. */
  root: string;
  isOutside: (change: LinkChange) => boolean;
  onOpenTable: (table: TableRef) => void;
}

export function ReviewPanel({
  store,
  changes,
  hidden,
  onClose,
  outside,
}: {
  store: DraftStore;
  changes: readonly LinkChange[];
  hidden: boolean;
  onClose: () => void;
  outside: OutsideLineage;
}) {
  const draft = useDraft(store);
  const toast = useToast();
  const { save, rollback, progress } = useSaveDraft();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  // The last run's report is the mutation's result (cleared by a new run or a discard).
  const report: RunResult | undefined = save.data;
  const busy = save.isPending || rollback.isPending;

  const saveAll = () => {
    rollback.reset();
    save.mutate(changes, {
      onSuccess: (result) => {
        if (!result.failed) {
          store.clear();
          const sent = result.applied.filter((step) => step.method).length;
          toast({ message: `Draft saved: ${plural(sent, 'write')} to DQOps.` });
        }
      },
    });
  };

  const undone = new Set(rollback.data?.undone ?? []);
  const stateOf = (step: AppliedStep) => (undone.has(step) ? 'undone' : step.method ? 'applied' : 'skipped');

  return (
    <section className="ls-details ls-review" aria-label="Draft review" hidden={hidden}>
      <div className="ls-details__head">
        <h3 className="ls-side__title">Draft</h3>
        <button type="button" className="ls-button ls-button--ghost ls-button--icon" aria-label="Close the draft review" onClick={onClose}>
          ✕
        </button>
      </div>

      {report ? (
        <RunReport
          report={report}
          rollback={rollback}
          outside={outside}
          onWithdraw={(change) => {
            for (const op of withdrawChange(change)) store.stage(op);
          }}
        />
      ) : draft.ops.length === 0 ? (
        <p className="ls-hint">
          Nothing staged. In draft mode, drag from a table’s right edge to another table to stage a new source, or select an arrow to stage its removal or its
          column mappings. Nothing is sent to DQOps until you save the draft.
        </p>
      ) : null}

      {report ? (
        <ol className="ls-review__list" aria-label="What Save all did">
          {report.applied.map((step) => (
            <li key={step.change.key}>
              <LinkLine change={step.change} method={step.method} state={stateOf(step)} note={step.note} />
            </li>
          ))}
          {report.failed ? (
            <li key={report.failed.change.key}>
              <LinkLine change={report.failed.change} method={expectedMethod(report.failed.change)} state="failed" />
            </li>
          ) : null}
          {report.notAttempted.map((change) => (
            <li key={change.key}>
              <LinkLine change={change} method={expectedMethod(change)} state="skipped" note="not attempted" />
            </li>
          ))}
        </ol>
      ) : changes.length > 0 ? (
        <>
          <h4 className="ls-legend__sub">Will be sent to DQOps, in this order</h4>
          <ol className="ls-review__list" aria-label="Changes to save">
            {changes.map((change) => (
              <li key={change.key}>
                <LinkLine change={change} method={expectedMethod(change)} />
              </li>
            ))}
          </ol>
        </>
      ) : draft.ops.length > 0 ? (
        <p className="ls-hint">The staged steps cancel each other out: saving sends nothing.</p>
      ) : null}

      {draft.ops.length > 0 ? (
        <details className="ls-review__steps" open={draft.ops.length <= 8}>
          <summary>
            {plural(draft.ops.length, 'staged step')}
          </summary>
          <ol aria-label="Staged steps">
            {draft.ops.map((op, index) => (
              <li key={index}>{describeOp(op)}</li>
            ))}
          </ol>
        </details>
      ) : null}

      {save.isPending && progress ? (
        <div role="status" className="ls-review__progress">
          <progress max={progress.total} value={progress.done} aria-label="Saving the draft" />
          Saving {Math.min(progress.done + 1, progress.total)} of {progress.total}…
        </div>
      ) : null}
      {save.isError ? (
        <p className="ls-notice ls-notice--error" role="alert">
          The draft could not be saved: {describeError(save.error)}
        </p>
      ) : null}

      <div className="ls-details__actions ls-review__actions">
        <button type="button" className="ls-button" onClick={store.undo} disabled={busy || draft.ops.length === 0} aria-keyshortcuts="Control+Z">
          ↶ Undo
        </button>
        <button type="button" className="ls-button" onClick={store.redo} disabled={busy || draft.undone.length === 0} aria-keyshortcuts="Control+Shift+Z">
          ↷ Redo
        </button>
        {confirmDiscard ? (
          <span className="ls-review__confirm" role="group" aria-label="Discard the draft?" ref={revealOnMount}>
            Discard {plural(draft.ops.length, 'step')}?{' '}
            <button
              type="button"
              className="ls-button ls-button--danger"
              onClick={() => {
                store.clear();
                setConfirmDiscard(false);
                save.reset();
              }}
            >
              Discard
            </button>
            {/* The button pressed is gone: the focus goes to the answer that loses nothing. */}
            <button type="button" className="ls-button" onClick={() => setConfirmDiscard(false)} autoFocus>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="ls-button" disabled={busy || draft.ops.length === 0} onClick={() => setConfirmDiscard(true)}>
            Discard draft
          </button>
        )}
        <button type="button" className="ls-button ls-button--primary" disabled={busy || changes.length === 0} onClick={saveAll}>
          {report?.failed ? 'Try again' : 'Save all'}
        </button>
      </div>
    </section>
  );
}

function RunReport({
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
  const total = report.applied.length + 1 + report.notAttempted.length;
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
