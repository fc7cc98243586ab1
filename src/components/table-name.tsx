import type { ReactNode } from 'react';
import type { TableRef } from '@/lib/table-ref';

/**
 * A table as lists show it: its name, then "schema · connection" in muted text. Each name is
 * isolated (<bdi>) so that right-to-left text or a direction override in one cannot reorder the others.
 */
export function TableName({ table }: { table: TableRef }) {
  return (
    <>
      <bdi className="ls-flows__table">{table.table}</bdi>
      <span className="ls-flows__where">
        {' '}
        <bdi>{table.schema}</bdi> · <bdi>{table.connection}</bdi>
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
