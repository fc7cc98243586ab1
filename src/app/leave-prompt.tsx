// The question asked when leaving would lose unsaved changes (closing the editor, opening another
// table, Back): the app's own dialog, with answers that say what they do.
import { useEffect, useRef } from 'react';
import { Modal } from '@/components/modal';
import { useLeavePrompt } from '@/lib/location';

export function LeavePrompt() {
  const [prompt, answer] = useLeavePrompt();
  const keep = useRef<HTMLButtonElement>(null);
  // Staying is the safe answer: it has the focus (after the dialog has opened and placed its own).
  useEffect(() => {
    if (prompt) keep.current?.focus();
  }, [prompt]);
  return (
    <Modal
      open={prompt !== undefined}
      title="Discard your changes?"
      onClose={() => answer(false)}
      footer={
        <>
          <button type="button" className="ls-button ls-button--danger" onClick={() => answer(true)}>
            Discard changes
          </button>
          <button ref={keep} type="button" className="ls-button ls-button--primary" onClick={() => answer(false)}>
            Keep editing
          </button>
        </>
      }
    >
      <p className="ls-leave-prompt__text">{prompt?.message}</p>
    </Modal>
  );
}
