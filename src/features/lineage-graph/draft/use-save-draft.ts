import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { invalidateLink } from '@/api/mutations';
import type { TableRef } from '@/lib/table-ref';
import type { LinkChange } from '../model/draft';
import { ROLLBACK_DRAFT_KEY, SAVE_DRAFT_KEY } from './save-state';
import { rollbackDraft, runDraft, type AppliedStep, type RollbackResult, type RunResult } from '../model/draft-run';

/** The tables whose stored lineage a run or rollback wrote to (the query client tells an embedding host). */
export interface Written {
  writtenTargets: TableRef[];
}

const refresh = (queryClient: ReturnType<typeof useQueryClient>, changes: readonly LinkChange[]) =>
  Promise.all(changes.map((change) => invalidateLink(queryClient, change.target, change.source)));

/**
 * "Save all" and "Roll back" for a draft. Both resolve with a report (a failure part-way is an
 * outcome to show, not an exception); the lists, trees and traces are read again afterwards.
 */
export function useSaveDraft() {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const save = useMutation({
    mutationKey: SAVE_DRAFT_KEY,
    mutationFn: async (changes: readonly LinkChange[]): Promise<RunResult & Written> => {
      setProgress({ done: 0, total: changes.length });
      const result = await runDraft(api, changes, (done, total) => setProgress({ done, total }));
      return { ...result, writtenTargets: result.applied.filter((step) => step.method).map((step) => step.change.target) };
    },
    onSettled: (_result, _error, changes) => refresh(queryClient, changes),
  });
  const rollback = useMutation({
    mutationKey: ROLLBACK_DRAFT_KEY,
    mutationFn: async (applied: readonly AppliedStep[]): Promise<RollbackResult & Written> => {
      const result = await rollbackDraft(api, applied);
      return { ...result, writtenTargets: result.undone.map((step) => step.change.target) };
    },
    onSettled: (_result, _error, applied) =>
      refresh(
        queryClient,
        applied.map((step) => step.change),
      ),
  });
  return { save, rollback, progress };
}
