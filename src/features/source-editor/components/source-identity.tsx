// The "Source table" part of the editor: which table feeds the target (locked while editing until
// the steward asks to change it), with what DQOps says about that choice: unknown to DQOps, a
// loop, a replacement.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { useDqopsApi } from '@/api/api-context';
import { lineageQueries } from '@/api/queries';
import type { CatalogCascade } from '@/api/use-catalog-cascade';
import { TablePathPicker } from '@/components/table-path-picker';
import { createsCycle } from '@/lib/cycle';
import { sameTable, type TableRef } from '@/lib/table-ref';
import { sourceRefOfValues, type SourceFormValues } from '../schema';

const LABELS = { connection: 'Source connection', schema: 'Source schema', table: 'Source table' };

interface Props {
  target: TableRef;
  editing: TableRef | undefined;
  cascade: CatalogCascade;
}

export function SourceIdentity({ target, editing, cascade }: Props) {
  const api = useDqopsApi();
  const { control, formState, setValue } = useFormContext<SourceFormValues>();
  const [unlocked, setUnlocked] = useState(!editing);
  const connectionField = useController({ control, name: 'source_connection' }).field;
  const schemaField = useController({ control, name: 'source_schema' }).field;
  const tableField = useController({ control, name: 'source_table' }).field;
  const [connection, schema, table] = useWatch({ control, name: ['source_connection', 'source_schema', 'source_table'] });
  const source = sourceRefOfValues({ source_connection: connection, source_schema: schema, source_table: table });
  // A loop: is the chosen source already downstream of this table?
  const tree = useQuery(lineageQueries.tree(api, target, { upstream: true, downstream: true }));
  const loop = !!tree.data && !!table && createsCycle(tree.data.flows, target, source);
  const error = formState.errors.source_table?.message ?? formState.errors.source_schema?.message ?? formState.errors.source_connection?.message;

  return (
    <>
      {editing && !unlocked ? (
        <div className="ls-editor__identity">
          <strong>{editing.table}</strong>
          <span className="ls-hint">
            {editing.schema} · {editing.connection}
          </span>
          <button type="button" className="ls-button ls-button--ghost" onClick={() => setUnlocked(true)}>
            Change source table…
          </button>
        </div>
      ) : (
        <div className="ls-editor__pickers">
          <TablePathPicker
            cascade={cascade}
            value={{ connection, schema, table }}
            labels={LABELS}
            placeholders="short"
            allowCustom
            autoFocus
            onChange={(next, level) => {
              if (level === 'connection') connectionField.onChange(next.connection ?? '');
              if (level === 'schema') schemaField.onChange(next.schema ?? '');
              if (level === 'table') return tableField.onChange(next.table ?? '');
              // A new connection or schema empties the levels below it.
              if (level === 'connection') setValue('source_schema', '', { shouldDirty: true });
              setValue('source_table', '', { shouldDirty: true });
            }}
          />
        </div>
      )}
      {error ? (
        <p className="ls-field-error" role="alert">
          {error}
        </p>
      ) : null}
      {table && cascade.tables.isSuccess && !cascade.known.table ? (
        <p className="ls-notice ls-notice--warning">
          {table} is not a table DQOps knows in {connection}.{schema}. You can still record it (for example a system DQOps does not monitor); it will show as
          “not in DQOps”.
        </p>
      ) : null}
      {loop ? (
        <p className="ls-notice ls-notice--warning" role="note">
          {table} already receives data from {target.table}: this link makes the lineage circular. DQOps accepts it, but the graph will cut the cycle.
        </p>
      ) : null}
      {editing && !sameTable(editing, source) ? (
        <p className="ls-notice">
          Saving replaces the source {editing.table} with {table || '…'}: DQOps cannot rename a source, so the old entry is deleted and a new one created (restored
          if that fails).
        </p>
      ) : null}
    </>
  );
}
