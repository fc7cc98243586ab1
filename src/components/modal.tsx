import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal built on <dialog>: focus is trapped natively. Escape asks `onClose`, which may keep the
 * dialog open (unsaved changes). The browser is never left to close it on its own: Chromium
 * ignores a second cancelled Escape without a click in between and closes the dialog anyway,
 * which left the page believing the editor open. Escape is handled on keydown (the browser then
 * makes no close request), and should the dialog close by any other way while it is meant to be
 * open, it is reopened and `onClose` asked.
 */
export function Modal({
  open,
  title,
  onClose,
  children,
  footer,
  wide,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latest = useRef({ open, onClose });
  useEffect(() => {
    latest.current = { open, onClose };
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', ''); // jsdom
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={wide ? 'ls-modal ls-modal--wide' : 'ls-modal'}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return; // a list inside closed itself first
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        const dialog = ref.current;
        if (!dialog || !latest.current.open) return;
        // Closed while meant to be open: show it again at once, then ask. A question (unsaved
        // changes) opens above it; leaving closes it through `open`.
        if (typeof dialog.showModal === 'function') dialog.showModal();
        latest.current.onClose();
      }}
    >
      {open ? (
        <div className="ls-modal__body">
          <h2 id={titleId} className="ls-modal__title">
            {title}
          </h2>
          {children}
          {footer ? <div className="ls-modal__footer">{footer}</div> : null}
        </div>
      ) : null}
    </dialog>
  );
}
