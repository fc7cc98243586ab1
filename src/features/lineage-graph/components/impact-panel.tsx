import { useMemo, useState } from 'react';
import { SeverityIcon } from '@/components/severity-badge';
import { downloadBlob } from '@/lib/download';
import { formatNumber } from '@/lib/format';
import type { GraphModel, TableNodeData } from '../model/build-graph';
import { exportFileName } from '../model/export';
import { impactCsv, impactOf } from '../model/quality-paths';
import { nodeSeverity } from '../model/view-model';

const SHOWN = 100;

/** "What breaks if this fails": every table downstream of `node`, nearest first, as a list and as CSV. */
export function ImpactPanel({ node, model, onFocusNode }: { node: TableNodeData; model: GraphModel; onFocusNode: (key: string) => void }) {
  const rows = useMemo(() => impactOf(model, node.key), [model, node.key]);
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, SHOWN);
  const download = () =>
    downloadBlob(
      new Blob([impactCsv(model, node.key, rows)], { type: 'text/csv;charset=utf-8' }),
      exportFileName({ relativeTable: node.ref, flows: [], fullyLoaded: true, unreadableFlows: 0, problems: [] }, 'impact.csv'),
    );
  return (
    <div className="ls-impact">
      <h4 className="ls-legend__sub">If {node.ref.table} fails</h4>
      {rows.length === 0 ? (
        <p className="ls-hint">Nothing downstream: no other table reads from it.</p>
      ) : (
        <>
          <p className="ls-hint">
            {formatNumber(rows.length)} table{rows.length === 1 ? '' : 's'} downstream receive its data, nearest first.
          </p>
          <ol className="ls-impact__list" aria-label={`Tables affected if ${node.ref.table} fails`}>
            {shown.map((row) => (
              <li key={row.key}>
                <button type="button" className="ls-linkbutton" onClick={() => onFocusNode(row.key)}>
                  <SeverityIcon severity={nodeSeverity(model, row.key)} /> {model.nodes.get(row.key)?.ref.table ?? row.key}
                </button>
                <span className="ls-hint">
                  {row.distance} hop{row.distance === 1 ? '' : 's'} down
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
            <button type="button" className="ls-button" onClick={download}>
              Download as CSV
            </button>
          </div>
        </>
      )}
    </div>
  );
}
