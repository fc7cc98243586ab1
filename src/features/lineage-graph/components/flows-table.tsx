import { useMemo, useState } from 'react';
import { severityRank, type LineageFlow, type LineageTree, type QualityStatus } from '@/api/normalize';
import { SeverityBadge } from '@/components/severity-badge';
import { TableName } from '@/components/table-name';
import { compareNames, formatNumber, formatRowCount } from '@/lib/format';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { buildGraph, edgeKey } from '../model/build-graph';

/** Rows rendered at a time: a lineage can have tens of thousands of flows. */
export const FLOWS_PAGE = 500;

/** Columns: key, header, whether the first click sorts descending (rows and statuses: most / worst first). */
const COLUMNS: [SortKey, string, boolean][] = [
  ['source', 'Source table', false],
  ['target', 'Target table', false],
  ['rows', 'Rows', true],
  ['sourceStatus', 'Source status', true],
  ['targetStatus', 'Target status', true],
  ['arriving', 'Arriving data (source with everything upstream, as far as this lineage shows)', true],
];

function matches(ref: TableRef, query: string): boolean {
  return ref.table.toLowerCase().includes(query) || ref.schema.toLowerCase().includes(query) || ref.connection.toLowerCase().includes(query);
}

type SortKey = 'source' | 'target' | 'rows' | 'sourceStatus' | 'targetStatus' | 'arriving';
interface Sort {
  key: SortKey;
  descending: boolean;
}

const rank = (status: QualityStatus | undefined) => severityRank(status?.severity);

/** The same flows as the graph, as an accessible table: filtered by name, sorted by any column, shown a page at a time. */
export function FlowsTable({ tree, onOpenTable }: { tree: LineageTree; onOpenTable: (table: TableRef) => void }) {
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(FLOWS_PAGE);
  const query = filter.trim().toLowerCase();
  // What arrives through a flow is read from the graph model, as on the canvas (combined-status.ts).
  const model = useMemo(() => buildGraph(tree), [tree]);
  // Looked up once per flow (a sort compares each flow ~log n times; 50,000 flows happen).
  const arrivingOf = useMemo(
    () => new Map(tree.flows.map((f) => [f, model.edges.get(edgeKey(tableKey(f.source), tableKey(f.target)))?.combinedStatus])),
    [tree.flows, model],
  );
  const arriving = (f: LineageFlow) => arrivingOf.get(f);
  // Unsorted: the order DQOps sent. A header sorts by its column; again reverses.
  const [sort, setSort] = useState<Sort>();
  const rows = useMemo(() => {
    const found = query ? tree.flows.filter((f) => matches(f.source, query) || matches(f.target, query)) : tree.flows;
    if (!sort) return found;
    const by: Record<SortKey, (a: LineageFlow, b: LineageFlow) => number> = {
      source: (a, b) => compareNames(a.source.table, b.source.table),
      target: (a, b) => compareNames(a.target.table, b.target.table),
      rows: (a, b) => (a.rowCount ?? -1) - (b.rowCount ?? -1),
      sourceStatus: (a, b) => rank(a.sourceStatus) - rank(b.sourceStatus),
      targetStatus: (a, b) => rank(a.targetStatus) - rank(b.targetStatus),
      arriving: (a, b) => rank(arrivingOf.get(a)) - rank(arrivingOf.get(b)),
    };
    const compare = by[sort.key];
    return [...found].sort((a, b) => (sort.descending ? compare(b, a) : compare(a, b)));
  }, [tree.flows, query, sort, arrivingOf]);
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
            {COLUMNS.map(([key, label, firstDescending]) => (
              <th key={key} scope="col" aria-sort={sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button
                  type="button"
                  className="ls-sort"
                  onClick={() => setSort(sort?.key === key ? { key, descending: !sort.descending } : { key, descending: firstDescending })}
                >
                  {label}
                  <span aria-hidden="true" className="ls-sort__mark">
                    {sort?.key === key ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={COLUMNS.length} className="ls-flows__none">
                No flow has a table, schema or connection matching “{filter.trim()}”.{' '}
                <button type="button" className="ls-linkbutton" onClick={() => setFilter('')}>
                  Clear the filter
                </button>
              </td>
            </tr>
          ) : null}
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
                <SeverityBadge status={arriving(f)} />
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
