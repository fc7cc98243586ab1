import { useIsMutating } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo } from 'react';
import type { LineageTree } from '@/api/normalize';
import { buildGraph } from '../model/build-graph';
import { changeFingerprint, foldDraft, isHeld, withDraft } from '../model/draft';
import { useDraft, useDraftStore } from './draft-store';
import { SAVE_DRAFT_KEY } from './save-state';

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
  // The picture follows the draft a moment later: staging 2,000 imported links shows the review
  // first (its list is what the steward asked for), then redraws the graph in the background.
  const drawnChanges = useDeferredValue(changes);
  // What a Save all of this draft saved already (remembered in the stored draft as it runs, so
  // also after a reload; forgotten when rolled back).
  const saved = useMemo(() => new Set(draft.saved), [draft.saved]);
  const savedByLastRun = useCallback((change: (typeof changes)[number]) => saved.size > 0 && saved.has(changeFingerprint(change)), [saved]);
  // Drawn as drafted: every change but those saved. While a Save all runs, a link it saved stays
  // drawn as drafted until the lineage read shows it (held), so that nothing vanishes mid-run; the
  // lineage is read again when the run ends.
  const saving = useIsMutating({ mutationKey: SAVE_DRAFT_KEY }) > 0;
  const dropped = useMemo(
    () => drawnChanges.filter((change) => savedByLastRun(change) && (!saving || change.diff === 'changed' || isHeld(base, change))).map((change) => change.key),
    [base, drawnChanges, savedByLastRun, saving],
  );
  const droppedKey = dropped.join('\n'); // the picture is built again only when this set changes
  const unsaved = useMemo(() => {
    const skip = new Set(droppedKey.split('\n'));
    return drawnChanges.filter((change) => !skip.has(change.key));
  }, [drawnChanges, droppedKey]);
  const drafted = useMemo(() => withDraft(base, unsaved), [base, unsaved]);
  const held = useMemo(() => changes.filter((change) => savedByLastRun(change) || isHeld(base, change)).length, [base, changes, savedByLastRun]);
  /** The link (edge key) is in the lineage as it will be once the draft is saved. */
  const isLinked = useCallback((key: string) => drafted.model.edges.has(key) && drafted.diffs.get(key)?.diff !== 'removed', [drafted]);
  return { base, store, draft, changes, unsaved, drafted, model: drafted.model, held, isLinked };
}
export type DraftedModel = ReturnType<typeof useDraftedModel>;
