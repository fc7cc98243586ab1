// What the last "Save all" of this page put in DQOps, read from the query client's mutation cache
// (the save runs in the review panel, loaded on demand; the canvas and the draft bar need the
// outcome too). A change counts as saved when the last run applied exactly it and no roll-back
// came after.
import { useMutationState } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { LinkChange } from '../model/draft';
import type { RollbackResult, RunResult } from '../model/draft-run';

export const SAVE_DRAFT_KEY = ['lineage-studio', 'save-draft'] as const;
export const ROLLBACK_DRAFT_KEY = ['lineage-studio', 'rollback-draft'] as const;

const sameChange = (a: LinkChange, b: LinkChange) => JSON.stringify(a) === JSON.stringify(b);

/** A predicate: this change of the current draft is already saved by the last Save all. */
export function useSavedByLastRun(): (change: LinkChange) => boolean {
  const saves = useMutationState({
    filters: { mutationKey: SAVE_DRAFT_KEY, status: 'success' },
    select: (mutation) => ({ at: mutation.state.submittedAt, result: mutation.state.data as RunResult | undefined }),
  });
  const rollbacks = useMutationState({
    filters: { mutationKey: ROLLBACK_DRAFT_KEY, status: 'success' },
    select: (mutation) => ({ at: mutation.state.submittedAt, result: mutation.state.data as RollbackResult | undefined }),
  });
  const last = saves.at(-1);
  const undoneAfter = rollbacks.filter((rollback) => last && rollback.at >= last.at).flatMap((rollback) => rollback.result?.undone ?? []);
  const applied = useMemo(
    () => (last?.result?.applied ?? []).filter((step) => step.method !== undefined && !undoneAfter.some((undone) => sameChange(undone.change, step.change))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the runs' times: new arrays on every render otherwise
    [last?.at, undoneAfter.length],
  );
  return useMemo(() => (change: LinkChange) => applied.some((step) => sameChange(step.change, change)), [applied]);
}
