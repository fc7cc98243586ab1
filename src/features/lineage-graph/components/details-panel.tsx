import { plural } from '@/lib/format';
import { Fragment, Suspense, lazy, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDqopsApi } from '@/api/api-context';
import { lineageQueries } from '@/api/queries';
import type { QualityStatus } from '@/api/normalize';
import { severityRank } from '@/api/normalize';
import { SeverityBadge, SeverityIcon, formatKpi } from '@/components/severity-badge';
import { formatAgo, formatDate, formatNumber, formatRowCount } from '@/lib/format';
import { severityKey } from '@/lib/severity';
import type { TableRef } from '@/lib/table-ref';
import type { GraphEdge, GraphModel, TableNodeData } from '../model/build-graph';
import type { RootCauseStep } from '../model/root-cause';
import type { PathHighlight } from '../model/traverse';
import { LinkCounts } from './link-counts';
import { ColumnsPanel, type ColumnsPanelProps } from './columns-panel';
import { revealOnMount } from '@/lib/reveal';

// "What breaks if this fails" loads when first asked.
const ImpactPanel = lazy(() => import('./impact-panel').then((m) => ({ default: m.ImpactPanel })));

function Dimensions({ status, loading = false }: { status: QualityStatus | undefined; loading?: boolean }) {
  if (!status && loading) return <p className="ls-hint">DQOps is still loading this table's status.</p>;
  if (!status || status.dimensions.length === 0) return <p className="ls-hint">No data-quality dimensions checked.</p>;
  return (
    <table className="ls-dims">
      <caption className="ls-visually-hidden">Data-quality dimensions</caption>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          <th scope="col">Status</th>
          <th scope="col">KPI</th>
        </tr>
      </thead>
      <tbody>
        {status.dimensions.map((d) => (
          <tr key={d.name}>
            <td>{d.name}</td>
            <td>
              <SeverityIcon severity={d.severity ?? (d.unknownSeverity ? 'unknown' : 'none')} title={d.severity ?? d.unknownSeverity ?? 'no result'} />{' '}
              {d.severity ?? d.unknownSeverity ?? '—'}
            </td>
            <td>{d.kpi !== undefined ? formatKpi(d.kpi) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface NodeDetailsProps {
  node: TableNodeData;
  model: GraphModel;
  /** Column lineage for this table (see ColumnsPanel). */
  columns: Omit<ColumnsPanelProps, 'node' | 'model'>;
  /** The table's whole lineage, drawn or not (hidden lineage is not missing lineage). */
  reach: Pick<PathHighlight, 'upstream' | 'downstream'> | undefined;
  rootCause: RootCauseStep[] | undefined;
  onTraceRootCause: () => void;
  onOpenTable: (table: TableRef) => void;
  onFocusNode: (key: string) => void;
  onClose: () => void;
  /** Draft mode: staging controls for this table. */
  draft?: ReactNode;
}

export function NodeDetails({ node, model, reach, columns, rootCause, onTraceRootCause, onOpenTable, onFocusNode, onClose, draft }: NodeDetailsProps) {
  const failing = severityRank(node.status?.severity) >= 1 || severityRank(node.combinedStatus?.severity) >= 1;
  const [impact, setImpact] = useState(false);
  return (
    <section className="ls-details" aria-label={`Details of ${node.ref.table}`}>
      <div className="ls-details__head">
        <h3 className="ls-side__title">{node.ref.table}</h3>
        <button type="button" className="ls-button ls-button--ghost ls-button--icon" aria-label="Close details" onClick={onClose}>
          ✕
        </button>
      </div>
      <p className="ls-details__where">
        {node.ref.schema} · {node.ref.connection}
        {node.isRoot ? <span className="ls-node__focus">focus</span> : null}
      </p>
      {!node.exists ? (
        <p className="ls-notice ls-notice--warning">This table is named in the lineage but does not exist in DQOps (not imported, or renamed).</p>
      ) : null}
      <dl className="ls-details__facts">
        <dt>Own status</dt>
        <dd>
          <SeverityBadge status={node.status} loading={node.statusLoading} />
        </dd>
        <dt title="This table's status merged with every table upstream of it in this lineage">Including upstream, as far as this lineage shows</dt>
        <dd>
          <SeverityBadge status={node.combinedStatus} loading={node.statusLoading} />
        </dd>
        <dt>Rows</dt>
        <dd>{formatRowCount(node.rowCount, node.rowCountEstimated)}</dd>
        <dt>Last check</dt>
        <dd>
          {formatDate(node.status?.lastCheckAt)} {node.status?.lastCheckAt ? <span className="ls-hint">({formatAgo(node.status.lastCheckAt)})</span> : null}
        </dd>
        <LinkCounts node={node} model={model} onOpenTable={onOpenTable} />
        {reach ? (
          <>
            <dt>Reach in this lineage</dt>
            <dd>
              {plural(reach.upstream, 'table', undefined, { grouped: true })} upstream · {formatNumber(reach.downstream)} downstream
            </dd>
          </>
        ) : null}
      </dl>
      <h4 className="ls-legend__sub">Dimensions</h4>
      <Dimensions status={node.status} loading={node.statusLoading} />
      <div className="ls-details__actions">
        {!node.isRoot ? (
          <button type="button" className="ls-button ls-button--primary" onClick={() => onOpenTable(node.ref)}>
            Make focus table
          </button>
        ) : null}
        {failing ? (
          <button type="button" className="ls-button" aria-pressed={rootCause !== undefined} onClick={onTraceRootCause}>
            {rootCause ? 'Hide root cause' : 'Trace root cause'}
          </button>
        ) : null}
        <button type="button" className="ls-button" aria-pressed={impact} onClick={() => setImpact(!impact)}>
          What breaks if this fails
        </button>
      </div>
      {failing ? null : <p className="ls-hint">No root cause to trace: nothing fails in this table or upstream of it, as far as this lineage shows.</p>}
      {rootCause ? (
        <div className="ls-rootcause" ref={revealOnMount}>
          <h4 className="ls-legend__sub">Where the problem comes from</h4>
          {rootCause.length === 0 ? (
            <p className="ls-hint">
              No upstream table has a failing status of its own: the problem is in this table
              {severityKey(node.status) === 'none' ? "'s upstream data, which DQOps does not check" : ''}.
            </p>
          ) : (
            <ol className="ls-rootcause__list" aria-label="Root cause, nearest first">
              {rootCause.map((step) => {
                const t = model.nodes.get(step.key);
                return (
                  <li key={step.key}>
                    <button type="button" className="ls-linkbutton" onClick={() => onFocusNode(step.key)}>
                      <SeverityIcon severity={step.severity} /> {t?.ref.table ?? step.key}
                    </button>
                    <span className="ls-hint">
                      {step.distance === 0 ? 'this table' : `${plural(step.distance, 'step')} upstream`}
                      {step.origin ? ' · problem entered here' : ''}
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ) : null}
      {impact ? (
        <Suspense fallback={<p className="ls-hint">Reading what this table feeds…</p>}>
          <ImpactPanel node={node} model={model} onFocusNode={onFocusNode} />
        </Suspense>
      ) : null}
      {draft}
      <ColumnsPanel node={node} model={model} {...columns} />
    </section>
  );
}

/**
 * What entered the link (its tool, e.g. dbt or an OpenLineage job) and its properties: in the
 * link's own spec only, DQOps leaves them out of the lineage tree and the source lists.
 */
function LinkOrigin({ target, source }: { target: TableRef; source: TableRef }) {
  const api = useDqopsApi();
  const spec = useQuery({ ...lineageQueries.source(api, target, source), staleTime: 30_000 });
  if (!spec.data) return null;
  const properties = Object.entries(spec.data.properties ?? {});
  return (
    <>
      <dt>Entered by (tool)</dt>
      <dd>{spec.data.data_lineage_source_tool ? <bdi>{spec.data.data_lineage_source_tool}</bdi> : <span className="ls-hint">not given</span>}</dd>
      {properties.map(([name, value]) => (
        <Fragment key={name}>
          <dt>
            <bdi>{name}</bdi>
          </dt>
          <dd>
            <bdi>{String(value)}</bdi>
          </dd>
        </Fragment>
      ))}
    </>
  );
}

export function EdgeDetails({
  edge,
  model,
  onClose,
  onFocusNode,
  onEdit,
  draft,
  staged = false,
}: {
  edge: GraphEdge;
  model: GraphModel;
  onClose: () => void;
  onFocusNode: (key: string) => void;
  /** Absent when the user may not change this link. */
  onEdit?: () => void;
  /** Draft mode: staging controls for this link. */
  draft?: ReactNode;
  /** The link exists only in the draft: DQOps has no statuses for it yet. */
  staged?: boolean;
}) {
  const source = model.nodes.get(edge.source);
  const target = model.nodes.get(edge.target);
  return (
    <section className="ls-details" aria-label="Flow details">
      <div className="ls-details__head">
        <h3 className="ls-side__title">Data flow</h3>
        <button type="button" className="ls-button ls-button--ghost ls-button--icon" aria-label="Close details" onClick={onClose}>
          ✕
        </button>
      </div>
      <p>
        <button type="button" className="ls-linkbutton" onClick={() => onFocusNode(edge.source)}>
          {source?.ref.table}
        </button>{' '}
        →{' '}
        <button type="button" className="ls-linkbutton" onClick={() => onFocusNode(edge.target)}>
          {target?.ref.table}
        </button>
      </p>
      {staged ? null : (
        <>
          <dl className="ls-details__facts">
            <dt title="The source table's status merged with every table upstream of it in this lineage">
              Arriving data: the source with everything upstream, as far as this lineage shows
            </dt>
            <dd>
              <SeverityBadge status={edge.combinedStatus} loading={source?.statusLoading} />
            </dd>
            <dt>Source table</dt>
            <dd>
              <SeverityBadge status={edge.flow.sourceStatus} loading={source?.statusLoading} />
            </dd>
            <dt>Target table</dt>
            <dd>
              <SeverityBadge status={edge.flow.targetStatus} loading={target?.statusLoading} />
            </dd>
            <dt>Rows</dt>
            <dd>{formatRowCount(edge.rowCount, edge.flow.rowCountEstimated)}</dd>
            {source && target ? <LinkOrigin target={target.ref} source={source.ref} /> : null}
          </dl>
          <h4 className="ls-legend__sub">Dimensions of the arriving data</h4>
          <Dimensions status={edge.combinedStatus} loading={source?.statusLoading} />
        </>
      )}
      {draft}
      {onEdit ? (
        <div className="ls-details__actions">
          <button type="button" className="ls-button ls-button--primary" onClick={onEdit}>
            Edit or remove this link
          </button>
        </div>
      ) : null}
    </section>
  );
}
