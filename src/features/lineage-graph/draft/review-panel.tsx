import { useMemo, useState } from 'react';
import { describeError } from '@/api/errors';
import { useToast } from '@/components/toast';
import type { TableRef } from '@/lib/table-ref';
import { changeFingerprint, describeOp, withdrawChange, type LinkChange } from '../model/draft';
import { expectedMethod, type AppliedStep, type RunResult, type WriteMethod } from '../model/draft-run';
import { VIRTUAL_FROM, VirtualList } from '@/components/virtual-list';
import { formatDuration, formatNumber, plural } from '@/lib/format';
import { tableKey } from '@/lib/table-ref';
import { useDraft, type DraftStore } from './draft-store';
import { useSaveDraft } from './use-save-draft';
import { LinkLine } from './link-line';
import { RunReport } from './run-report';
import { revealOnMount } from '@/lib/reveal';

/** Row height and list height of a long review (drawn a screenful at a time). */
const ROW = 26;
const LIST_HEIGHT = 360;

type ReviewRow = { kind: 'target'; key: string; table: string; count: number } | { kind: 'change'; change: LinkChange };
interface ReportRow {
  change: LinkChange;
  method?: WriteMethod;
  state: string;
  note?: string;
}

/** A long draft grouped by target table: a heading row per target, its changes under it. */
function byTarget(changes: readonly LinkChange[]): ReviewRow[] {
  const groups = new Map<string, LinkChange[]>();
  for (const change of changes) {
    const key = tableKey(change.target);
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return [...groups].flatMap(([key, group]): ReviewRow[] => [
    { kind: 'target', key, table: group[0]?.target.table ?? '', count: group.length },
    ...group.map((change): ReviewRow => ({ kind: 'change', change })),
  ]);
}

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
  const { save, rollback, progress, pause, resume } = useSaveDraft(store);
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
  const reportRows = (run: RunResult): ReportRow[] => [
    ...run.applied.map((step) => ({ change: step.change, method: step.method, state: stateOf(step), note: step.note })),
    ...[run.failed, ...(run.alsoFailed ?? [])].flatMap((f) => (f ? [{ change: f.change, method: expectedMethod(f.change), state: 'failed' }] : [])),
    ...run.notAttempted.map((change) => ({ change, method: expectedMethod(change), state: 'skipped', note: 'not attempted' })),
  ];
  // Changes a stopped Save all saved already (this draft, stored): the next run skips them.
  // (Only shown between runs: while one runs, `saved` grows every second.)
  const resumable = useMemo(() => {
    if (busy || draft.saved.length === 0) return 0;
    const savedBefore = new Set(draft.saved);
    return changes.filter((change) => savedBefore.has(changeFingerprint(change))).length;
  }, [busy, draft.saved, changes]);
  const grouped = changes.length > VIRTUAL_FROM;
  // Once per draft, not per render: a Save all's progress renders the panel many times a second.
  const rows = useMemo(() => (grouped ? byTarget(changes) : changes.map((change): ReviewRow => ({ kind: 'change', change }))), [grouped, changes]);

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
        <VirtualList
          className="ls-review__list"
          label="What Save all did"
          items={reportRows(report)}
          rowHeight={ROW}
          height={LIST_HEIGHT}
          itemKey={(row) => row.change.key}
          renderItem={(row) => <LinkLine change={row.change} method={row.method} state={row.state} note={row.note} />}
        />
      ) : changes.length > 0 ? (
        <>
          {resumable > 0 && !save.isPending && !report ? (
            <p className="ls-notice ls-notice--info" role="status">
              A Save all stopped part-way (the page was closed or reloaded, or a write failed): {resumable} of {plural(changes.length, 'change')} are saved
              already. Saving goes on with the rest.
            </p>
          ) : null}
          <h4 className="ls-legend__sub">{grouped ? 'Will be sent to DQOps, by target table' : 'Will be sent to DQOps, in this order'}</h4>
          <VirtualList
            className="ls-review__list"
            label="Changes to save"
            items={rows}
            rowHeight={ROW}
            height={LIST_HEIGHT}
            itemKey={(row) => (row.kind === 'target' ? `target ${row.key}` : row.change.key)}
            renderItem={(row) =>
              row.kind === 'target' ? (
                <strong className="ls-review__target">
                  <bdi>{row.table}</bdi> · {plural(row.count, 'change')}
                </strong>
              ) : (
                <LinkLine change={row.change} method={expectedMethod(row.change)} />
              )
            }
          />
        </>
      ) : draft.ops.length > 0 ? (
        <p className="ls-hint">The staged steps cancel each other out: saving sends nothing.</p>
      ) : null}

      {draft.ops.length > 0 ? (
        <details className="ls-review__steps" open={draft.ops.length <= 8}>
          <summary>{plural(draft.ops.length, 'staged step')}</summary>
          <VirtualList
            label="Staged steps"
            items={draft.ops}
            rowHeight={ROW}
            height={LIST_HEIGHT}
            itemKey={(_op, index) => String(index)}
            renderItem={(op) => describeOp(op)}
          />
        </details>
      ) : null}

      {save.isPending && progress ? (
        <div className="ls-review__progress">
          <progress max={progress.total} value={progress.done} aria-label="Saving the draft" />
          <span role="status">
            {progress.paused
              ? `Paused: ${formatNumber(progress.done)} of ${formatNumber(progress.total)} saved. The writes under way finish; no other starts until you resume.`
              : `Saving: ${formatNumber(progress.done)} of ${formatNumber(progress.total)} saved${progress.leftMs !== undefined ? `, about ${formatDuration(progress.leftMs)} left` : ''}…`}
          </span>
          {progress.paused ? (
            <button type="button" className="ls-button ls-button--small" onClick={resume}>
              Resume
            </button>
          ) : (
            <button type="button" className="ls-button ls-button--small" onClick={pause}>
              Pause
            </button>
          )}
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
          {save.isPending ? 'Saving…' : report?.failed ? 'Try again' : resumable > 0 ? 'Resume saving' : 'Save all'}
        </button>
      </div>
    </section>
  );
}
