// Dragging from one table to another on the canvas. Outside draft mode it opens the source editor
// with both ends filled in; in draft mode it stages the link, and column onto column stages a
// mapping (with its link when there is none yet).
import type { Connection, Edge, OnConnectEnd } from '@xyflow/react';
import { useCallback } from 'react';
import { useToast } from '@/components/toast';
import type { TableRef } from '@/lib/table-ref';
import { edgeKey, type GraphModel } from '../model/build-graph';
import type { DraftStore } from './draft-store';

interface ConnectInput {
  model: GraphModel;
  store: DraftStore;
  draftActive: boolean;
  isLinked: (key: string) => boolean;
  /** The column behind a column row's handle. */
  columnAt: (table: string, handle: string | null | undefined) => string | undefined;
  /** Connections that DQOps lets this user save (the target's connection). */
  editable: ReadonlySet<string>;
  onEditLink: (target: TableRef, source: TableRef | 'new', prefill?: TableRef) => void;
  /** Selects the staged link. */
  onStaged: (key: string) => void;
}

export function useConnectTables({ model, store, draftActive, isLinked, columnAt, editable, onEditLink, onStaged }: ConnectInput) {
  const toast = useToast();
  const onConnect = useCallback(
    (connection: Connection) => {
      const source = model.nodes.get(connection.source);
      const target = model.nodes.get(connection.target);
      if (!source || !target || source.key === target.key) return;
      const key = edgeKey(source.key, target.key);
      const sourceColumn = columnAt(source.key, connection.sourceHandle);
      const column = columnAt(target.key, connection.targetHandle);
      if (sourceColumn !== undefined && column !== undefined) {
        if (!isLinked(key)) store.stage({ kind: 'add-source', source: source.ref, target: target.ref });
        store.stage({ kind: 'add-mapping', source: source.ref, target: target.ref, column, sourceColumn });
        toast({ message: `Staged in the draft: ${target.ref.table}.${column} ← ${source.ref.table}.${sourceColumn}. Save the draft to send it to DQOps.` });
        return;
      }
      if (!draftActive) return onEditLink(target.ref, 'new', source.ref);
      if (isLinked(key)) {
        return toast({ message: `${source.ref.table} is already a source of ${target.ref.table}.` });
      }
      store.stage({ kind: 'add-source', source: source.ref, target: target.ref });
      onStaged(key);
      toast({ message: `Staged: ${source.ref.table} as a source of ${target.ref.table}. Nothing is saved until you save the draft.` });
    },
    [model, onEditLink, draftActive, isLinked, store, toast, onStaged, columnAt],
  );
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const target = model.nodes.get(connection.target);
      return connection.source !== connection.target && target !== undefined && target.exists && editable.has(target.ref.connection);
    },
    [model, editable],
  );
  // React Flow joins a drag to the handle nearest the pointer (within its connection radius). Over a
  // table's right half that is the table's own outgoing handle, which cannot take a link, so a drop
  // on the table did nothing about half of the time. A table-level drag that ends on another table
  // links to that table; column drags keep React Flow's choice (the column is the handle).
  const onConnectEnd = useCallback<OnConnectEnd>(
    (event, state) => {
      const from = state.fromNode;
      if (state.isValid || !from || state.fromHandle?.type !== 'source' || columnAt(from.id, state.fromHandle.id) !== undefined) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const over = document.elementFromPoint(point.clientX, point.clientY)?.closest('.react-flow__node');
      const target = over?.getAttribute('data-id');
      if (!target || target === from.id) return;
      const connection: Connection = { source: from.id, target, sourceHandle: state.fromHandle.id ?? null, targetHandle: null };
      if (isValidConnection(connection)) onConnect(connection);
    },
    [columnAt, isValidConnection, onConnect],
  );
  return { onConnect, isValidConnection, onConnectEnd };
}
