import { useCallback, useMemo } from 'react';
import type { LineageTree } from '@/api/normalize';
import { buildGraph } from '../model/build-graph';
import { foldDraft, isHeld, withDraft } from '../model/draft';
import { useDraft, useDraftStore } from './draft-store';
import { useSavedByLastRun } from './save-state';

/**
 * The lineage as it will be once the staged draft is saved (draft.ts), next to the model of what
 * DQOps holds (`base`). Changes that a Save all which stopped part-way already put in DQOps are
 * drawn as stored (or, outside this lineage, not at all) and counted in `held`.
 */
export function useDraftedModel(tree: LineageTree) {
  const base = useMemo(() => buildGraph(tree), [tree]);
  const store = useDraftStore();
  const draft = useDraft(store);
  const changes = useMemo(() => foldDraft(draft.ops), [draft.ops]);
  const savedByLastRun = useSavedByLastRun();
  const unsaved = useMemo(() => changes.filter((change) => !savedByLastRun(change)), [changes, savedByLastRun]);
  const drafted = useMemo(() => withDraft(base, unsaved), [base, unsaved]);
  const held = useMemo(() => changes.filter((change) => savedByLastRun(change) || isHeld(base, change)).length, [base, changes, savedByLastRun]);
  /** The link (edge key) is in the lineage as it will be once the draft is saved. */
  const isLinked = useCallback((key: string) => drafted.model.edges.has(key) && drafted.diffs.get(key)?.diff !== 'removed', [drafted]);
  return { base, store, draft, changes, unsaved, drafted, model: drafted.model, held, isLinked };
}
export type DraftedModel = ReturnType<typeof useDraftedModel>;
