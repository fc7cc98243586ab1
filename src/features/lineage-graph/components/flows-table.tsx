import type { LineageTree } from '@/api/normalize';
import { SeverityBadge } from '@/components/severity-badge';
import { TableName } from '@/components/table-name';
import { formatNumber } from '@/lib/format';
import type { TableRef } from '@/lib/table-ref';

/** The same flows as the graph, as an accessible table. */
export function FlowsTable({ tree, onOpenTable }: { tree: LineageTree; onOpenTable: (table: TableRef) => void }) {
  if (tree.flows.length === 0) return <p className="ls-empty">No flows: this table has no known source or target tables.</p>;
  const cell = (ref: TableRef) => (
    <button type="button" className="ls-linkbutton" onClick={() => onOpenTable(ref)} title="Make this the focus table">
      <TableName table={ref} />
    </button>
  );
  return (
    <div className="ls-flows">
      <table className="ls-table">
        <caption>
          {tree.flows.length} data flows around {tree.relativeTable.table} (source → target)
        </caption>
        <thead>
          <tr>
            <th scope="col">Source table</th>
            <th scope="col">Target table</th>
            <th scope="col">Rows</th>
            <th scope="col">Source status</th>
            <th scope="col">Target status</th>
            <th scope="col">Arriving data (incl. upstream)</th>
          </tr>
        </thead>
        <tbody>
          {tree.flows.map((f, i) => (
            <tr key={`${i}`}>
              <td>{cell(f.source)}</td>
              <td>{cell(f.target)}</td>
              <td className="ls-num">{f.rowCount !== undefined && f.rowCount > 1 ? `${f.rowCountEstimated ? '≈ ' : ''}${formatNumber(f.rowCount)}` : '—'}</td>
              <td>
                <SeverityBadge status={f.sourceStatus} />
              </td>
              <td>
                <SeverityBadge status={f.targetStatus} />
              </td>
              <td>
                <SeverityBadge status={f.upstreamCombinedStatus} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
