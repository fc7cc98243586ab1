import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { describeError } from '@/api/errors';
import { catalogQueries, lineageQueries } from '@/api/queries';
import type { TableRef } from '@/lib/table-ref';
import { mappingId, type LinkChange, type MappingRef } from '../model/draft';
import type { DraftStore } from './draft-store';
import { SqlDeriveButton } from '../sql-derive/sql-derive-button';

interface Props {
  source: TableRef;
  target: TableRef;
  /** The link is stored in DQOps (not only added by the draft). */
  stored: boolean;
  change: LinkChange | undefined;
  store: DraftStore;
}

type MappingState = 'saved' | 'added' | 'removed';

/** Draft mode, for one link: stage its removal, and stage column mappings on it. */
export function DraftLinkPanel({ source, target, stored, change, store }: Props) {
  const api = useDqopsApi();
  const removed = change?.diff === 'removed';
  const spec = useQuery({ ...lineageQueries.source(api, target, source), enabled: stored && !removed });
  const targetColumns = useQuery({ ...catalogQueries.columns(api, target), enabled: !removed });
  const sourceColumns = useQuery({ ...catalogQueries.columns(api, source), enabled: !removed });
  const [column, setColumn] = useState('');
  const [sourceColumn, setSourceColumn] = useState('');
  const [problem, setProblem] = useState<string>();
  const ids = useId();

  const mappings = useMemo(() => {
    const rows = new Map<string, { mapping: MappingRef; state: MappingState }>();
    for (const [name, mapping] of Object.entries(spec.data?.columns ?? {})) {
      for (const from of mapping.source_columns ?? [])
        rows.set(mappingId({ column: name, sourceColumn: from }), { mapping: { column: name, sourceColumn: from }, state: 'saved' });
    }
    for (const mapping of change?.removeMappings ?? []) rows.set(mappingId(mapping), { mapping, state: 'removed' });
    for (const mapping of change?.addMappings ?? []) rows.set(mappingId(mapping), { mapping, state: 'added' });
    return [...rows.values()];
  }, [spec.data, change]);

  if (removed) {
    return (
      <div className="ls-draft-link">
        <p className="ls-notice ls-notice--warning">This link is staged for removal: saving the draft deletes it and its column mappings.</p>
        <button type="button" className="ls-button" onClick={() => store.stage({ kind: 'add-source', source, target })}>
          Keep this link
        </button>
      </div>
    );
  }

  const stage = (event: FormEvent) => {
    event.preventDefault();
    const to = column.trim();
    const from = sourceColumn.trim();
    if (!to || !from) return setProblem('Choose a column of each table.');
    if (mappings.some((row) => row.state !== 'removed' && row.mapping.column === to && row.mapping.sourceColumn === from)) {
      return setProblem(`${target.table}.${to} already reads ${source.table}.${from}.`);
    }
    setProblem(undefined);
    store.stage({ kind: 'add-mapping', source, target, column: to, sourceColumn: from });
    setColumn('');
    setSourceColumn('');
  };

  return (
    <div className="ls-draft-link">
      {change?.diff === 'added' ? (
        <p className="ls-notice ls-notice--success">New source, staged in the draft: DQOps does not have it until you save.</p>
      ) : null}
      <h4 className="ls-legend__sub">Column mappings (draft)</h4>
      {spec.isPending && stored ? <p className="ls-hint">Reading the column mappings…</p> : null}
      {spec.isError ? <p className="ls-hint">The stored column mappings could not be read: {describeError(spec.error)}</p> : null}
      {mappings.length === 0 && !(spec.isPending && stored) ? <p className="ls-hint">No column mappings yet.</p> : null}
      {mappings.length > 0 ? (
        <ul className="ls-draft-link__mappings" aria-label="Column mappings of this link">
          {mappings.map(({ mapping, state }) => (
            <li key={mappingId(mapping)} className={`ls-draft-link__mapping ls-draft-link__mapping--${state}`}>
              <span>
                <bdi>{mapping.column}</bdi> ← <bdi>{mapping.sourceColumn}</bdi>
                {state === 'added' ? <span className="ls-diff ls-diff--added"> staged</span> : null}
                {state === 'removed' ? <span className="ls-diff ls-diff--removed"> staged removal</span> : null}
              </span>
              <button
                type="button"
                className="ls-linkbutton"
                onClick={() => store.stage({ kind: state === 'removed' ? 'add-mapping' : 'remove-mapping', source, target, ...mapping })}
                aria-label={`${state === 'removed' ? 'Keep' : 'Unmap'} ${mapping.column} ← ${mapping.sourceColumn}`}
              >
                {state === 'removed' ? 'Keep' : 'Unmap'}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <SqlDeriveButton target={target} only={source} isLinked={() => true} onStaged={() => {}} />
      <form className="ls-draft-link__form" onSubmit={stage} aria-label="Stage a column mapping">
        <label>
          <span>
            Column of <bdi>{target.table}</bdi>
          </span>
          <input className="ls-input" list={`${ids}-t`} value={column} onChange={(e) => setColumn(e.target.value)} autoComplete="off" />
        </label>
        <span aria-hidden="true">←</span>
        <label>
          <span>
            reads <bdi>{source.table}</bdi>
          </span>
          <input className="ls-input" list={`${ids}-s`} value={sourceColumn} onChange={(e) => setSourceColumn(e.target.value)} autoComplete="off" />
        </label>
        <datalist id={`${ids}-t`}>
          {(targetColumns.data ?? []).map((c) => (
            <option key={c.name} value={c.name} />
          ))}
        </datalist>
        <datalist id={`${ids}-s`}>
          {(sourceColumns.data ?? []).map((c) => (
            <option key={c.name} value={c.name} />
          ))}
        </datalist>
        <button type="submit" className="ls-button">
          Stage mapping
        </button>
        {problem ? (
          <p className="ls-field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
      <button type="button" className="ls-button ls-button--danger" onClick={() => store.stage({ kind: 'remove-source', source, target })}>
        {change?.diff === 'added' ? 'Drop this new link from the draft' : 'Stage removal of this link'}
      </button>
    </div>
  );
}
