import { plural } from '@/lib/format';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { catalogQueries } from '@/api/queries';
import { SeverityIcon } from '@/components/severity-badge';
import { severityKey } from '@/lib/severity';
import type { GraphModel, TableNodeData } from '../model/build-graph';
import type { ColumnStep, ColumnTrace } from '../model/column-trace';

const SHOWN = 200;

export interface ColumnsPanelProps {
  node: TableNodeData;
  model: GraphModel;
  /** The column being traced in this table, its trace once read, and whether it is being read. */
  traced: { column: string; trace?: ColumnTrace; loading: boolean; error?: unknown } | undefined;
  onTrace: (column: string | undefined) => void;
  /** Draw these tables (the column's path runs through tables the view does not show). */
  onReveal: (keys: string[]) => void;
  drawn: ReadonlySet<string>;
}

/** A table's columns (with their data-quality status) and, for one of them, its path across tables. */
export function ColumnsPanel({ node, model, traced, onTrace, onReveal, drawn }: ColumnsPanelProps) {
  const api = useDqopsApi();
  const columns = useQuery({ ...catalogQueries.columns(api, node.ref, { dataQualityStatus: true }), enabled: node.exists });
  const [filter, setFilter] = useState('');
  const query = filter.trim().toLowerCase();
  const matching = useMemo(() => (columns.data ?? []).filter((c) => c.name.toLowerCase().includes(query)), [columns.data, query]);
  if (!node.exists) return null;

  return (
    <div className="ls-columns">
      <h4 className="ls-legend__sub">Columns</h4>
      {columns.isPending ? <p className="ls-hint">Reading the columns…</p> : null}
      {columns.isError ? <p className="ls-hint">The columns could not be read.</p> : null}
      {columns.data && columns.data.length > 8 ? (
        <input
          type="search"
          className="ls-input ls-columns__filter"
          aria-label={`Find a column of ${node.ref.table}`}
          placeholder="Find a column"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      ) : null}
      {columns.data ? (
        <ul className="ls-columns__list" aria-label={`Columns of ${node.ref.table}`}>
          {matching.slice(0, SHOWN).map((column) => (
            <li key={column.name}>
              <button
                type="button"
                className="ls-linkbutton"
                aria-pressed={traced?.column === column.name}
                title="Trace this column through the column mappings"
                onClick={() => onTrace(traced?.column === column.name ? undefined : column.name)}
              >
                <SeverityIcon severity={severityKey(column.status)} /> {column.name}
              </button>
              {column.type ? <span className="ls-hint">{column.type}</span> : null}
            </li>
          ))}
          {matching.length > SHOWN ? <li className="ls-hint">… {matching.length - SHOWN} more: narrow the search</li> : null}
          {matching.length === 0 ? <li className="ls-hint">No column matches.</li> : null}
        </ul>
      ) : null}
      {traced ? <ColumnPath node={node} model={model} traced={traced} onReveal={onReveal} drawn={drawn} /> : null}
    </div>
  );
}

function ColumnPath({
  node,
  model,
  traced,
  onReveal,
  drawn,
}: Pick<ColumnsPanelProps, 'node' | 'model' | 'onReveal' | 'drawn'> & { traced: NonNullable<ColumnsPanelProps['traced']> }) {
  const name = (step: ColumnStep) => `${model.nodes.get(step.table)?.ref.table ?? step.table}.${step.column}`;
  if (traced.loading)
    return (
      <p className="ls-hint" role="status">
        Reading the column mappings of {traced.column}…
      </p>
    );
  if (traced.error || !traced.trace) return <p className="ls-hint">The column mappings could not be read.</p>;
  const { steps, unread } = traced.trace;
  const upstream = steps.filter((s) => s.side === 'upstream');
  const downstream = steps.filter((s) => s.side === 'downstream');
  const hidden = [...new Set(steps.map((s) => s.table).filter((key) => !drawn.has(key)))];
  return (
    <div className="ls-columns__path" aria-label={`Path of column ${traced.column}`} role="region">
      <h4 className="ls-legend__sub">
        Path of {node.ref.table}.{traced.column}
      </h4>
      {upstream.length === 0 && downstream.length === 0 ? <p className="ls-hint">No column mapping reads or feeds this column.</p> : null}
      {upstream.length > 0 ? (
        <ol className="ls-columns__steps" aria-label="Comes from">
          {upstream.map((step) => (
            <li key={`${step.table}.${step.column}`}>
              ↑ {step.distance} · <strong>{name(step)}</strong>
            </li>
          ))}
        </ol>
      ) : null}
      {downstream.length > 0 ? (
        <ol className="ls-columns__steps" aria-label="Goes to">
          {downstream.map((step) => (
            <li key={`${step.table}.${step.column}`}>
              ↓ {step.distance} · <strong>{name(step)}</strong>
            </li>
          ))}
        </ol>
      ) : null}
      {hidden.length > 0 ? (
        <p className="ls-notice ls-notice--warning">
          {plural(hidden.length, 'table')} on this path {hidden.length === 1 ? 'is' : 'are'} not drawn.{' '}
          <button type="button" className="ls-linkbutton" onClick={() => onReveal(hidden)}>
            Show {hidden.length === 1 ? 'it' : 'them'}
          </button>
        </p>
      ) : null}
      {unread > 0 ? (
        <p className="ls-hint">
          {plural(unread, 'link')} could not be read: the path may continue there.
        </p>
      ) : null}
    </div>
  );
}
