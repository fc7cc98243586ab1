// "Derive from SQL…" in a table's details: opens the dialog, whose code (and, on first use, the
// SQL reader's worker) loads on demand.
import { lazy, Suspense, useState } from 'react';
import type { TableRef } from '@/lib/table-ref';

const SqlDeriveDialog = lazy(() => import('./sql-derive-dialog').then((m) => ({ default: m.SqlDeriveDialog })));

interface Props {
  target: TableRef;
  /** For one link only: its source (the button then reads "From SQL…"). */
  only?: TableRef;
  isLinked: (source: TableRef) => boolean;
  onStaged: () => void;
}

export function SqlDeriveButton({ target, only, isLinked, onStaged }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="ls-button ls-details__sql" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {only ? 'From SQL…' : 'Derive sources and mappings from SQL…'}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <SqlDeriveDialog
            target={target}
            only={only}
            isLinked={isLinked}
            onClose={() => setOpen(false)}
            onStaged={() => {
              setOpen(false);
              onStaged();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
