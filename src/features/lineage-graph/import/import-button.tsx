// "Import…": opens the import dialog (loaded on demand: most visits never import).
import { lazy, Suspense, useState } from 'react';
import type { TableRef } from '@/lib/table-ref';

const ImportDialog = lazy(() => import('./import-dialog').then((m) => ({ default: m.ImportDialog })));

export function ImportButton({
  onStaged,
  onOpen,
  className = 'ls-button',
}: {
  onStaged: (staged: { links: number; targets: TableRef[] }) => void;
  /** The dialog opened (the review it may lead to can be made ready meanwhile). */
  onOpen?: () => void;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          onOpen?.();
        }}
        title="Stage lineage from a dbt manifest or OpenLineage events"
      >
        Import…
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ImportDialog
            onClose={() => setOpen(false)}
            onStaged={(staged) => {
              setOpen(false);
              onStaged(staged);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
