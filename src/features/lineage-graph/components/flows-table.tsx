import { useMemo, useState } from 'react';
import type { LineageTree } from '@/api/normalize';
import { SeverityBadge } from '@/components/severity-badge';
import { TableName } from '@/components/table-name';
import { formatNumber, formatRowCount } from '@/lib/format';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { buildGraph, edgeKey } from '../model/build-graph';

/** Rows rendered at a time: a lineage can have tens of thousands of flows. */
export const FLOWS_PAGE = 500;

function matches(ref: TableRef, query: string): boolean {
  return ref.table.toLowerCase().includes(query) || ref.schema.toLowerCase().includes(query) || ref.connection.toLowerCase().includes(query);
}

/** The same flows as the graph, as an accessible table: filtered by name, shown a page at a time. */
export function FlowsTable({ tree, onOpenTable }: { tree: LineageTree; onOpenTable: (table: TableRef) => void }) {
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(FLOWS_PAGE);
  const query = filter.trim().toLowerCase();
  const rows = useMemo(() => (query ? tree.flows.filter((f) => matches(f.source, query) || matches(f.target, query)) : tree.flows), [tree.flows, query]);
  // What arrives through a flow is read from the graph model, as on the canvas (combined-status.ts).
  const model = useMemo(() => buildGraph(tree), [tree]);
  if (tree.flows.length === 0) return <p className="ls-empty">No flows: this table has no known source or target tables.</p>;
  const shown = rows.slice(0, limit);
  const cell = (ref: TableRef) => (
    <button type="button" className="ls-linkbutton" onClick={() => onOpenTable(ref)} title="Make this the focus table">
      <TableName table={ref} />
    </button>
  );
  return (
    <div className="ls-flows">
      <label className="ls-flows__filter">
        Filter flows by table, schema or connection{' '}
        <input
          type="search"
          className="ls-input"
          value={filter}
          onChange={(event) => {
            setFilter(event.target.value);
            setLimit(FLOWS_PAGE);
          }}
        />
      </label>
      <table className="ls-table">
        <caption>
          {formatNumber(tree.flows.length)} data flows around {tree.relativeTable.table} (source → target)
          {query ? `: ${formatNumber(rows.length)} match "${filter.trim()}"` : ''}
          {shown.length < rows.length ? `, showing the first ${formatNumber(shown.length)}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Source table</th>
            <th scope="col">Target table</th>
            <th scope="col">Rows</th>
            <th scope="col">Source status</th>
            <th scope="col">Target status</th>
            <th scope="col">Arriving data (source with everything upstream, as far as this lineage shows)</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f, i) => (
            <tr key={`${i}`}>
              <td>{cell(f.source)}</td>
              <td>{cell(f.target)}</td>
              <td className="ls-num">{formatRowCount(f.rowCount, f.rowCountEstimated, '—')}</td>
              <td>
                <SeverityBadge status={f.sourceStatus} />
              </td>
              <td>
                <SeverityBadge status={f.targetStatus} />
              </td>
              <td>
                <SeverityBadge status={model.edges.get(edgeKey(tableKey(f.source), tableKey(f.target)))?.combinedStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length < rows.length ? (
        <button type="button" className="ls-button ls-flows__more" onClick={() => setLimit((n) => n + FLOWS_PAGE)}>
          Show {formatNumber(Math.min(FLOWS_PAGE, rows.length - shown.length))} more of {formatNumber(rows.length - shown.length)}
        </button>
      ) : null}
    </div>
  );
}
