import { plural } from '@/lib/format';
import { ReadOnlyNote } from '@/components/read-only-note';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { catalogQueries, lineageQueries } from '@/api/queries';
import { CHECK_TYPES, type CheckType } from '@/api/types';
import { ErrorPanel } from '@/components/error-panel';
import { LoadingNote, TableName } from '@/components/table-name';
import { useViewParams } from '@/lib/view-params';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { useCanEdit } from '@/api/use-can-edit';
import { DeleteSourceDialog } from './delete-source-dialog';
import { LinkStatus } from './link-status';

const PENDING_POLLS = 5;
/** Above this many sources the list does not read every source's column mappings. */
const COVERAGE_LIMIT = 50;

export function CheckTypeSelect({ value, onChange }: { value: CheckType | undefined; onChange: (value: CheckType | undefined) => void }) {
  return (
    <label className="ls-inline-field">
      <span>Status from</span>
      <select value={value ?? 'all'} onChange={(e) => onChange(CHECK_TYPES.find((c) => c === e.target.value))}>
        <option value="all">All checks (monitoring + partitioned)</option>
        <option value="profiling">Profiling checks</option>
        <option value="monitoring">Monitoring checks</option>
        <option value="partitioned">Partitioned checks</option>
      </select>
    </label>
  );
}

/** The tables the current table reads from (stored on the current table). */
export function SourcesPanel({ table }: { table: TableRef }) {
  const api = useDqopsApi();
  const { params, update, openTable, editSource } = useViewParams();
  const canEdit = useCanEdit(table.connection);
  const [deleting, setDeleting] = useState<TableRef>();
  const sources = useQuery({
    ...lineageQueries.sources(api, table, params.checkType),
    // Rows whose status DQOps has not loaded yet: ask again a few times.
    refetchInterval: (q) => (q.state.data?.some((l) => l.statusPending) && q.state.dataUpdateCount < PENDING_POLLS ? 3_000 : false),
  });

  // A removed row takes its Remove button (where the focus went back to) with it: once the list
  // no longer shows it, the focus goes to "+ Add source table" instead of falling to the page.
  const removed = useRef<TableRef>(undefined);
  const addButton = useRef<HTMLButtonElement>(null);
  // Once the confirmation has closed too: closing it gives the focus back to the Remove button
  // (gone), and the new list can arrive before or after that.
  useEffect(() => {
    const gone = removed.current;
    if (!gone || deleting || sources.data?.some((link) => tableKey(link.source) === tableKey(gone))) return;
    addButton.current?.focus();
    removed.current = undefined;
  }, [sources.data, deleting]);

  // Mapping coverage and tool per source, from each source's spec: its mapped columns of this
  // table's columns (a few small reads, only for lists a steward reads row by row).
  const links = sources.data ?? [];
  const withCoverage = links.length > 0 && links.length <= COVERAGE_LIMIT;
  const specs = useQueries({ queries: withCoverage ? links.map((link) => lineageQueries.source(api, table, link.source)) : [] });
  const targetColumns = useQuery({ ...catalogQueries.columns(api, table), enabled: withCoverage });
  const specOf = (source: TableRef) => specs[links.findIndex((link) => tableKey(link.source) === tableKey(source))];
  // DQOps never copies the source tool into list rows: it is read from the same spec.
  const tool = (source: TableRef) => {
    const spec = withCoverage ? specOf(source) : undefined;
    if (!spec || spec.isPending || spec.isError) return <span className="ls-hint">{spec?.isPending ? '…' : '—'}</span>;
    return spec.data.data_lineage_source_tool ? <bdi>{spec.data.data_lineage_source_tool}</bdi> : <span className="ls-hint">not given</span>;
  };
  const coverage = (source: TableRef) => {
    if (!withCoverage) return <span className="ls-hint">—</span>;
    const spec = specOf(source);
    if (!spec || spec.isPending) return <span className="ls-hint">…</span>;
    if (spec.isError) return <span className="ls-hint">could not be read</span>;
    const mapped = Object.values(spec.data.columns ?? {}).filter((column) => (column.source_columns ?? []).length > 0).length;
    const total = targetColumns.data?.length;
    return mapped === 0 ? <span className="ls-hint">none</span> : total ? `${mapped} of ${total} columns` : `${plural(mapped, 'column')}`;
  };

  return (
    <div className="ls-panel">
      <div className="ls-toolbar">
        <h2 className="ls-panel__title">Source tables of {table.table}</h2>
        <CheckTypeSelect value={params.checkType} onChange={(checkType) => update({ checkType }, { replace: true })} />
        {canEdit ? (
          <button type="button" ref={addButton} className="ls-button ls-button--primary" onClick={() => editSource(table, 'new')}>
            + Add source table
          </button>
        ) : canEdit === false ? (
          <ReadOnlyNote />
        ) : null}
      </div>
      {sources.isPending ? (
        <LoadingNote>Loading the source tables…</LoadingNote>
      ) : sources.isError ? (
        <ErrorPanel error={sources.error} title="The source tables could not be loaded" onRetry={() => void sources.refetch()} />
      ) : sources.data.length === 0 ? (
        <div className="ls-empty">
          <p>
            <strong>{table.table}</strong> has no source tables yet. Add the tables it reads from, and map their columns, so that DQOps can trace problems
            upstream.
          </p>
          {canEdit ? (
            <button type="button" className="ls-button ls-button--primary" onClick={() => editSource(table, 'new')}>
              + Add source table
            </button>
          ) : null}
        </div>
      ) : (
        <table className="ls-table">
          <caption>
            {plural(sources.data.length, 'source table')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Source table</th>
              <th scope="col">Data quality</th>
              <th scope="col">Column mappings</th>
              <th scope="col">Tool</th>
              <th scope="col">Properties</th>
              <th scope="col">
                <span className="ls-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.data.map((link) => (
              <tr key={tableKey(link.source)}>
                <td>
                  <TableName table={link.source} />
                </td>
                <td>
                  <LinkStatus status={link.status} pending={link.statusPending} unseen={link.statusUnseen} />
                </td>
                <td>{coverage(link.source)}</td>
                <td>{tool(link.source)}</td>
                <td>
                  {/* <bdi>: a right-to-left override inside a key or value must not reorder the rest */}
                  {Object.keys(link.properties).length > 0
                    ? Object.entries(link.properties).map(([k, v], i) => (
                        <span key={k}>
                          {i > 0 ? ', ' : ''}
                          <bdi>{k}</bdi>=<bdi>{v}</bdi>
                        </span>
                      ))
                    : '—'}
                </td>
                <td className="ls-actions">
                  {link.status?.tableExists !== false ? (
                    <button
                      type="button"
                      className="ls-button"
                      onClick={() => openTable(link.source)}
                      aria-label={`Open ${link.source.table}`}
                    >
                      Open
                    </button>
                  ) : null}
                  {link.canEdit ? (
                    <>
                      <button
                        type="button"
                        className="ls-button"
                        onClick={() => editSource(table, link.source)}
                        aria-label={`Edit source ${link.source.table}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="ls-button ls-button--danger"
                        onClick={() => setDeleting(link.source)}
                        aria-label={`Remove source ${link.source.table}`}
                      >
                        Remove
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleting ? (
        <DeleteSourceDialog target={table} source={deleting} onClose={() => setDeleting(undefined)} onDeleted={() => (removed.current = deleting)} />
      ) : null}
    </div>
  );
}
