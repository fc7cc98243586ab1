import { plural } from '@/lib/format';
import { useState } from 'react';
import { describeError } from '@/api/errors';
import { useToast } from '@/components/toast';
import type { TableRef } from '@/lib/table-ref';
import { describeOp, withdrawChange, type LinkChange } from '../model/draft';
import { expectedMethod, type AppliedStep, type RunResult } from '../model/draft-run';
import { useDraft, type DraftStore } from './draft-store';
import { useSaveDraft } from './use-save-draft';
import { LinkLine } from './link-line';
import { RunReport } from './run-report';
import { revealOnMount } from '@/lib/reveal';

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
