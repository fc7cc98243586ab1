// What the editor says at Save when the steward must decide: someone else changed or deleted the
// source since it was opened (a conflict), or the save replaces one source with another.
import type { ConflictError } from '../api/use-save-source';

interface ConflictProps {
  conflict: ConflictError;
  onOverwrite: () => void;
  onLoadTheirs: () => void;
  onClose: () => void;
}

export function ConflictNotice({ conflict, onOverwrite, onLoadTheirs, onClose }: ConflictProps) {
  return (
    <div className="ls-notice ls-notice--warning" role="alert">
      <strong>{conflict.message}</strong>
      {conflict.differences.length > 0 ? (
        <ul>
          {conflict.differences.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
      <div className="ls-settings__row">
        {conflict.theirs ? (
          <>
            <button type="button" className="ls-button ls-button--danger" onClick={onOverwrite}>
              Overwrite with my version
            </button>
            {conflict.whileAdding ? (
              // Adding: the form cannot take over an existing link; the link's own editor can.
              <button type="button" className="ls-button" onClick={onClose}>
                Keep theirs and close the editor
              </button>
            ) : (
              <button type="button" className="ls-button" onClick={onLoadTheirs}>
                Load their version (discard mine)
              </button>
            )}
          </>
        ) : (
          <button type="button" className="ls-button" onClick={onClose}>
            Close the editor
          </button>
        )}
      </div>
    </div>
  );
}

/** Replacing a source is a delete and a create (docs/dqops-contract.md): asked once more. The Yes button submits the form. */
export function RenameConfirm({ from, to, onCancel }: { from: string; to: string; onCancel: () => void }) {
  return (
    <div className="ls-notice ls-notice--warning" role="alert">
      Replace the source {from} with {to}? The old entry is deleted and the new one created with these mappings.
      <div className="ls-settings__row">
        <button type="submit" className="ls-button ls-button--primary">
          Yes, replace it
        </button>
        <button type="button" className="ls-button ls-button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
