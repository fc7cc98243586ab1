import { useState, type FormEvent } from 'react';
import { useCatalogCascade, type TablePath } from '@/api/use-catalog-cascade';
import { TablePathPicker } from '@/components/table-path-picker';
import { sameTable, type TableRef } from '@/lib/table-ref';
import type { DraftStore } from './draft-store';

const LABELS = { connection: 'Connection of the new source', schema: 'Schema of the new source', table: 'Table of the new source' };

interface Props {
  target: TableRef;
  store: DraftStore;
  /** The link is already there (stored or staged). */
  isSource: (source: TableRef) => boolean;
}

/** Draft mode, in a table's details: stage any DQOps table as a new source (also one not drawn). */
export function StageSourceForm({ target, store, isSource }: Props) {
  const [path, setPath] = useState<TablePath>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'done'; text: string }>();
  const cascade = useCatalogCascade(path);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { connection = '', schema = '', table = '' } = path;
    const source = { connection, schema, table };
    if (!connection || !schema || !table) return setMessage({ tone: 'error', text: 'Choose a connection, a schema and a table.' });
    if (sameTable(source, target)) return setMessage({ tone: 'error', text: 'A table cannot be its own source.' });
    if (isSource(source)) return setMessage({ tone: 'error', text: `${table} is already a source of ${target.table}.` });
    store.stage({ kind: 'add-source', source, target });
    setMessage({ tone: 'done', text: `Staged: ${table} as a source of ${target.table}.` });
    setPath({ connection, schema });
  };

  return (
    <form className="ls-stage-source" onSubmit={submit} aria-label={`Stage a new source of ${target.table}`}>
      <h4 className="ls-legend__sub">Stage a new source (draft)</h4>
      <TablePathPicker cascade={cascade} value={path} onChange={setPath} labels={LABELS} placeholders="short" hideLabels />
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
