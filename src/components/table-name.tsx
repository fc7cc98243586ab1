import type { ReactNode } from 'react';
import type { TableRef } from '@/lib/table-ref';

/** A table as lists show it: its name, then "schema · connection" in muted text. */
export function TableName({ table }: { table: TableRef }) {
  return (
    <>
      <span className="ls-flows__table">{table.table}</span>
      <span className="ls-flows__where">
        {' '}
        {table.schema} · {table.connection}
      </span>
    </>
  );
}

/** A centred "loading" line with a spinner, for panels whose data is on its way. */
export function LoadingNote({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="ls-empty">
      <span className="ls-spinner" aria-hidden="true" /> {children}
    </p>
  );
}
