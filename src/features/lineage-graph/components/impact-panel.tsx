import { plural } from '@/lib/format';
import { revealOnMount } from '@/lib/reveal';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { SeverityIcon } from '@/components/severity-badge';
import { downloadBlob } from '@/lib/download';
import { formatNumber } from '@/lib/format';
import type { GraphModel, TableNodeData } from '../model/build-graph';
import { exportFileName } from '../model/file-name';
import { impactCsv, impactOf } from '../model/quality-paths';
import { columnTraceQueries } from '../api/column-trace-queries';
import { foldDraft } from '../model/draft';
import { useDraft, useDraftStore } from '../draft/draft-store';
import { useSpecReader } from './use-spec-reader';
import { nodeSeverity } from '../model/view-model';

const SHOWN = 100;

/** "What breaks if this fails": every table downstream of `node`, nearest first, as a list and as CSV. */
export function ImpactPanel({ node, model, onFocusNode }: { node: TableNodeData; model: GraphModel; onFocusNode: (key: string) => void }) {
  const rows = useMemo(() => impactOf(model, node.key), [model, node.key]);
  const [all, setAll] = useState(false);
  // Affected columns: read on request (one source spec per downstream link, cached).
  const readSpec = useSpecReader(model);
  const [withColumns, setWithColumns] = useState(false);
  // Read through the staged draft, as the canvas's column trace is (columnTraceQueries).
  const draft = useDraft(useDraftStore());
  const changes = useMemo(() => foldDraft(draft.ops), [draft.ops]);
  const columns = useQuery({ ...columnTraceQueries.impact(model, changes, readSpec, node.key), enabled: withColumns });
  const columnMap = columns.data?.columns;
  const shown = all ? rows : rows.slice(0, SHOWN);
  const download = () =>
    downloadBlob(
      new Blob([impactCsv(model, node.key, rows, columnMap)], { type: 'text/csv;charset=utf-8' }),
      exportFileName({ relativeTable: node.ref }, 'impact.csv'),
    );
  return (
    <div className="ls-impact" ref={revealOnMount}>
      <h4 className="ls-legend__sub">If {node.ref.table} fails</h4>
      {rows.length === 0 ? (
        <p className="ls-hint">Nothing downstream: no other table reads from it.</p>
      ) : (
        <>
          <p className="ls-hint">
            {plural(rows.length, 'table', undefined, { grouped: true })} downstream receive its data, nearest first.
          </p>
          {withColumns && columns.isPending ? (
            <p className="ls-hint" role="status">
              Reading the column mappings downstream…
            </p>
          ) : null}
          {columns.isError ? <p className="ls-hint">The column mappings could not be read.</p> : null}
          {columns.data && columns.data.unread > 0 ? (
            <p className="ls-hint">
              {plural(columns.data.unread, 'link')} could not be read: more columns may be affected.
            </p>
          ) : null}
          <ol className="ls-impact__list" aria-label={`Tables affected if ${node.ref.table} fails`}>
            {shown.map((row) => (
              <li key={row.key}>
                <button type="button" className="ls-linkbutton" onClick={() => onFocusNode(row.key)}>
                  <SeverityIcon severity={nodeSeverity(model, row.key)} /> {model.nodes.get(row.key)?.ref.table ?? row.key}
                </button>
                <span className="ls-hint">
                  {plural(row.distance, 'step')} downstream
                  {columnMap?.get(row.key)?.length ? ` · columns ${columnMap.get(row.key)?.join(', ')}` : ''}
                </span>
              </li>
            ))}
          </ol>
          <div className="ls-details__actions">
            {rows.length > SHOWN && !all ? (
              <button type="button" className="ls-button" onClick={() => setAll(true)}>
                Show all {formatNumber(rows.length)}
              </button>
            ) : null}
            {!withColumns ? (
              <button type="button" className="ls-button" onClick={() => setWithColumns(true)}>
                Find the affected columns
              </button>
            ) : null}
            <button type="button" className="ls-button" onClick={download} disabled={withColumns && columns.isPending}>
              Download as CSV
            </button>
          </div>
        </>
      )}
    </div>
  );
}
