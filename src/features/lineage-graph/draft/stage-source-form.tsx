import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { catalogQueries } from '@/api/queries';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { sameTable, type TableRef } from '@/lib/table-ref';
import type { DraftStore } from './draft-store';

interface Props {
  target: TableRef;
  store: DraftStore;
  /** The link is already there (stored or staged). */
  isSource: (source: TableRef) => boolean;
}

/** Draft mode, in a table's details: stage any DQOps table as a new source (also one not drawn). */
export function StageSourceForm({ target, store, isSource }: Props) {
  const api = useDqopsApi();
  const [connection, setConnection] = useState('');
  const [schema, setSchema] = useState('');
  const [table, setTable] = useState('');
  const [message, setMessage] = useState<{ tone: 'error' | 'done'; text: string }>();
  const connections = useQuery(catalogQueries.connections(api));
  const schemas = useQuery({ ...catalogQueries.schemas(api, connection), enabled: connection !== '' });
  const tables = useQuery({ ...catalogQueries.tables(api, connection, schema), enabled: connection !== '' && schema !== '' });
  const connectionOptions = useMemo<ComboboxOption[]>(() => (connections.data ?? []).map((c) => ({ value: c.name, label: c.name })), [connections.data]);
  const schemaOptions = useMemo<ComboboxOption[]>(() => (schemas.data ?? []).map((s) => ({ value: s.name, label: s.name })), [schemas.data]);
  const tableOptions = useMemo<ComboboxOption[]>(() => (tables.data ?? []).map((t) => ({ value: t.ref.table, label: t.ref.table })), [tables.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const source = { connection, schema, table };
    if (!connection || !schema || !table) return setMessage({ tone: 'error', text: 'Choose a connection, a schema and a table.' });
    if (sameTable(source, target)) return setMessage({ tone: 'error', text: 'A table cannot be its own source.' });
    if (isSource(source)) return setMessage({ tone: 'error', text: `${table} is already a source of ${target.table}.` });
    store.stage({ kind: 'add-source', source, target });
    setMessage({ tone: 'done', text: `Staged: ${table} as a source of ${target.table}.` });
    setTable('');
  };

  return (
    <form className="ls-stage-source" onSubmit={submit} aria-label={`Stage a new source of ${target.table}`}>
      <h4 className="ls-legend__sub">Stage a new source (draft)</h4>
      <Combobox
        label="Connection of the new source"
        hideLabel
        options={connectionOptions}
        value={connection || undefined}
        loading={connections.isPending}
        placeholder="Connection"
        onChange={(value) => {
          setConnection(value);
          setSchema('');
          setTable('');
        }}
      />
      <Combobox
        label="Schema of the new source"
        hideLabel
        options={schemaOptions}
        value={schema || undefined}
        disabled={!connection}
        loading={schemas.isFetching}
        placeholder="Schema"
        onChange={(value) => {
          setSchema(value);
          setTable('');
        }}
      />
      <Combobox
        label="Table of the new source"
        hideLabel
        options={tableOptions}
        value={table || undefined}
        disabled={!schema}
        loading={tables.isFetching}
        placeholder="Table"
        onChange={setTable}
      />
      <button type="submit" className="ls-button">
        Stage as a source
      </button>
      {message ? (
        <p className={message.tone === 'error' ? 'ls-field-error' : 'ls-hint'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
