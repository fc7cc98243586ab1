import { plural } from '@/lib/format';
import type { LinkChange } from '../model/draft';
import { useDraft, type DraftStore } from './draft-store';

/**
 * Toolbar switch for draft mode. While steps are staged the draft stays on (the canvas shows
 * them): the button opens the review, where the draft is saved or discarded.
 */
export function DraftToggle({ store, onReview }: { store: DraftStore; onReview: () => void }) {
  const draft = useDraft(store);
  const staged = draft.ops.length > 0;
  return (
    <button
      type="button"
      className={`ls-button ls-draft-toggle${draft.active ? ' ls-draft-toggle--on' : ''}`}
      aria-pressed={draft.active}
      title={staged ? 'Review the staged draft (save or discard it to leave draft mode)' : 'Stage several edits and save them together'}
      onClick={() => (staged ? onReview() : store.setActive(!draft.active))}
    >
      ✎ Draft{staged ? ` (${draft.ops.length})` : ''}
    </button>
  );
}

/** The strip under the toolbar while draft mode is on: what is staged, undo/redo, review. */
export function DraftBar({
  store,
  changes,
  held = 0,
  reviewOpen,
  onReview,
}: {
  store: DraftStore;
  changes: readonly LinkChange[];
  /** Of `changes`, how many DQOps already holds (a Save all that stopped part-way saved them). */
  held?: number;
  reviewOpen: boolean;
  onReview: () => void;
}) {
  const draft = useDraft(store);
  const links = changes.length;
  const pending = links - held;
  return (
    <div className="ls-draft-bar" role="region" aria-label="Draft mode">
      <strong>Draft mode</strong>
      <span aria-live="polite">
        {draft.ops.length === 0
          ? 'Drag from a table’s right edge to another table to stage a source; select an arrow to stage removals and column mappings.'
          : `${plural(draft.ops.length, 'staged step')}, ${plural(links, 'link')} to change${
              held > 0 ? `: ${held} already saved in DQOps, ${pending} not saved yet.` : '. Not saved yet.'
            }`}
      </span>
      <span className="ls-draft-bar__actions">
        <button type="button" className="ls-button ls-button--small" onClick={store.undo} disabled={draft.ops.length === 0} aria-keyshortcuts="Control+Z">
          ↶ Undo
        </button>
        <button
          type="button"
          className="ls-button ls-button--small"
          onClick={store.redo}
          disabled={draft.undone.length === 0}
          aria-keyshortcuts="Control+Shift+Z"
        >
          ↷ Redo
        </button>
        <button type="button" className="ls-button ls-button--small ls-button--primary" aria-expanded={reviewOpen} onClick={onReview}>
          Review and save
        </button>
        {draft.ops.length === 0 ? (
          <button type="button" className="ls-button ls-button--small" onClick={() => store.setActive(false)}>
            Leave draft mode
          </button>
        ) : null}
      </span>
    </div>
  );
}
