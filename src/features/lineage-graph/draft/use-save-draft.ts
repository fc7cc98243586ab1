import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { invalidateLinks } from '@/api/mutations';
import type { TableRef } from '@/lib/table-ref';
import { changeFingerprint, type LinkChange } from '../model/draft';
import { inSlices } from '@/lib/in-slices';
import { ROLLBACK_DRAFT_KEY, SAVE_DRAFT_KEY } from './save-state';
import { createRunControl, rollbackDraft, runDraft, type AppliedStep, type RollbackResult, type RunResult } from '../model/draft-run';
import type { DraftStore } from './draft-store';

/** The tables whose stored lineage a run or rollback wrote to (the query client tells an embedding host). */
export interface Written {
  writtenTargets: TableRef[];
}

/** Writes to different target tables at once, at most (DQOps handles each table's YAML file on its own). */
export const SAVE_PARALLEL = 4;
/** How often the progress of a run is written to the stored draft (each write stores the whole draft). */
const REMEMBER_EVERY_MS = 1_000;

export interface SaveProgress {
  done: number;
  total: number;
  /** Saved by an earlier run that stopped (a reload, a failure): not sent again. */
  before: number;
  /** Milliseconds left at the pace so far (pauses not counted); undefined until a few are done. */
  leftMs?: number;
  paused: boolean;
}

const refresh = (queryClient: ReturnType<typeof useQueryClient>, changes: readonly LinkChange[]) => invalidateLinks(queryClient, changes);

/**
 * "Save all" and "Roll back" for a draft. Both resolve with a report (a failure part-way is an
 * outcome to show, not an exception); the lists, trees and traces are read again afterwards.
 * Save all writes up to SAVE_PARALLEL target tables at once, can be paused and resumed, and
 * remembers in the stored draft what it saved, so that a run stopped by a reload resumes there.
 */
export function useSaveDraft(store: DraftStore) {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<SaveProgress>();
  const [control] = useState(createRunControl);
  // What the run under way saved and has not written to the stored draft yet (written on a pause too).
  const [unremembered] = useState<string[]>(() => []);
  const remember = () => {
    if (unremembered.length > 0) store.markSaved(unremembered.splice(0));
  };
  const save = useMutation({
    mutationKey: SAVE_DRAFT_KEY,
    mutationFn: async (changes: readonly LinkChange[]): Promise<RunResult & Written & { before: number }> => {
      // Every change's fingerprint, in slices: what a stop saved is skipped, and the graph (which
      // tells saved links from unsaved ones by it) would otherwise work them all out in one task.
      const saved = new Set(store.get().saved);
      const todo: LinkChange[] = [];
      await inSlices(changes, (change) => !saved.has(changeFingerprint(change)) && todo.push(change));
      const before = changes.length - todo.length;
      control.resume();
      let lastRemembered = performance.now();
      // The pace: time spent running (pauses left out) per change done in this run.
      let running = 0;
      let since = performance.now();
      const tick = (done: number, total: number) => {
        const now = performance.now();
        if (!control.paused) running += now - since;
        since = now;
        const leftMs = done >= 3 ? (running / done) * (total - done) : undefined;
        setProgress({ done: before + done, total: before + total, before, leftMs, paused: control.paused });
      };
      const result = await runDraft(api, todo, tick, {
        parallel: SAVE_PARALLEL,
        control,
        onApplied: (step) => {
          unremembered.push(changeFingerprint(step.change));
          // A write paused part-way finishes after the pause: remembered at once then.
          if (control.paused || performance.now() - lastRemembered > REMEMBER_EVERY_MS) {
            remember();
            lastRemembered = performance.now();
          }
        },
      });
      remember();
      return { ...result, before, writtenTargets: result.applied.filter((step) => step.method).map((step) => step.change.target) };
    },
    onSettled: (_result, _error, changes) => refresh(queryClient, changes),
  });
  const rollback = useMutation({
    mutationKey: ROLLBACK_DRAFT_KEY,
    mutationFn: async (applied: readonly AppliedStep[]): Promise<RollbackResult & Written> => {
      const result = await rollbackDraft(api, applied);
      store.markSaved(
        result.undone.map((step) => changeFingerprint(step.change)),
        false,
      );
      return { ...result, writtenTargets: result.undone.map((step) => step.change.target) };
    },
    onSettled: (_result, _error, applied) =>
      refresh(
        queryClient,
        applied.map((step) => step.change),
      ),
  });
  const setPaused = (paused: boolean) => {
    if (paused) {
      control.pause();
      remember(); // a tab closed while paused resumes from here
    } else control.resume();
    setProgress((p) => (p ? { ...p, paused } : p));
  };
  return { save, rollback, progress, pause: () => setPaused(true), resume: () => setPaused(false) };
}
