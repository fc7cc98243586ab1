// Embedded instances: keeps the instance's (in-memory) location in step with what the host passes
// (a table, a view) and tells the host what the user changes, without echoing either way.
import { useEffect, useRef } from 'react';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { useViewParams, type ViewName } from '@/lib/view-params';

export interface HostSyncProps {
  /** The table the host shows; a different one is opened. */
  table?: TableRef;
  /** The view the host shows; a different one is switched to. */
  view?: ViewName;
  onOpenTable?: (table: TableRef) => void;
  onViewChange?: (view: ViewName) => void;
}

export function HostSync({ table, view, onOpenTable, onViewChange }: HostSyncProps) {
  const { params, update, openTable } = useViewParams();
  const selectedKey = params.selected ? tableKey(params.selected) : undefined;
  const hostTableKey = table ? tableKey(table) : undefined;
  const latest = useRef({ params, table, update, openTable, onOpenTable, onViewChange });
  useEffect(() => {
    latest.current = { params, table, update, openTable, onOpenTable, onViewChange };
  });
  // What the two sides last agreed on: the host's choice or what it was last told. Only a change
  // to something else is news for the other side (the first table and view are the host's).
  const agreed = useRef({ table: selectedKey, view: params.view });

  useEffect(() => {
    const chosen = latest.current.table;
    if (!chosen || !hostTableKey || hostTableKey === agreed.current.table) return;
    agreed.current.table = hostTableKey;
    latest.current.openTable(chosen);
  }, [hostTableKey]);

  useEffect(() => {
    if (!view || view === agreed.current.view) return;
    agreed.current.view = view;
    latest.current.update({ view: view === 'graph' ? undefined : view });
  }, [view]);

  useEffect(() => {
    const selected = latest.current.params.selected;
    if (!selectedKey || !selected || selectedKey === agreed.current.table) return;
    agreed.current.table = selectedKey;
    latest.current.onOpenTable?.(selected);
  }, [selectedKey]);

  useEffect(() => {
    if (params.view === agreed.current.view) return;
    agreed.current.view = params.view;
    latest.current.onViewChange?.(params.view);
  }, [params.view]);

  return null;
}
