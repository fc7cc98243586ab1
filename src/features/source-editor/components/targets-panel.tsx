import { plural } from '@/lib/format';
import { ReadOnlyNote } from '@/components/read-only-note';
import { useReadOnly } from '@/api/use-can-edit';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import type { QualityStatus } from '@/api/normalize';
import { lineageQueries } from '@/api/queries';
import { ErrorPanel } from '@/components/error-panel';
import { LoadingNote, TableName } from '@/components/table-name';
import { useViewParams } from '@/lib/view-params';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { DeleteSourceDialog } from './delete-source-dialog';
import { LinkStatus } from './link-status';
import { CheckTypeSelect } from './sources-panel';
import { useLineageTree } from '@/api/use-lineage-tree';

const PARTIAL_POLLS = 5;
const BOTH = { upstream: true, downstream: true };

/** The tables that read from the current table (each stores the link on itself). */
export function TargetsPanel({ table }: { table: TableRef }) {
  const api = useDqopsApi();
  const { params, update, openTable, editSource } = useViewParams();
  const [deleting, setDeleting] = useState<TableRef>();
  const targets = useQuery({
    ...lineageQueries.targets(api, table, params.checkType),
    refetchInterval: (q) => (q.state.data?.state === 'partial' && q.state.dataUpdateCount < PARTIAL_POLLS ? 1_500 : false),
  });
  // DQOps fills every /targets row with *this* table's status (docs/dqops-contract.md §2.3); the targets' own
  // statuses come from the lineage tree, which the graph view shares.
  // Polled while DQOps is still loading it: a target whose status was left out updates in place.
  const { query: tree } = useLineageTree(table, BOTH);
  const readOnly = useReadOnly();
  const statusOf = useMemo(() => {
    const map = new Map<string, QualityStatus | undefined>();
    for (const flow of tree.data?.flows ?? []) map.set(tableKey(flow.target), flow.targetStatus);
    return map;
  }, [tree.data]);

  return (
    <div className="ls-panel">
      <div className="ls-toolbar">
        <h2 className="ls-panel__title">Target tables of {table.table}</h2>
        <CheckTypeSelect value={params.checkType} onChange={(checkType) => update({ checkType }, { replace: true })} />
        {readOnly ? <ReadOnlyNote /> : null}
      </div>
      {targets.isPending ? (
        <LoadingNote>Loading the target tables…</LoadingNote>
      ) : targets.isError ? (
        <ErrorPanel error={targets.error} title="The target tables could not be loaded" onRetry={() => void targets.refetch()} />
      ) : targets.data.state === 'unsupported' ? (
        <p className="ls-notice">This DQOps server is older than 1.9 and cannot list target tables. The downstream side of the lineage graph shows them.</p>
      ) : (
        <>
          {targets.data.state === 'partial' ? (
            <p className="ls-notice ls-notice--warning" role="status">
              DQOps is still loading its lineage cache: this list may be incomplete.{' '}
              <button type="button" className="ls-linkbutton" onClick={() => void targets.refetch()}>
                Check again
              </button>
            </p>
          ) : null}
          {targets.data.links.length === 0 ? (
            <p className="ls-empty">{targets.data.state === 'partial' ? 'No target tables known yet.' : `No table reads from ${table.table}.`}</p>
          ) : (
            <table className="ls-table">
              <caption>
                {plural(targets.data.links.length, 'target table')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Target table</th>
                  <th scope="col">Its data quality</th>
                  <th scope="col">
                    <span className="ls-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {targets.data.links.map((link) => (
                  <tr key={tableKey(link.target)}>
                    <td>
                      <TableName table={link.target} />
                    </td>
                    <td>
                      <LinkStatus
                        status={statusOf.get(tableKey(link.target))}
                        pending={tree.isPending || (statusOf.get(tableKey(link.target)) === undefined && tree.data?.fullyLoaded === false)}
                      />
                    </td>
                    <td className="ls-actions">
                      <button
                        type="button"
                        className="ls-button"
                        onClick={() => openTable(link.target)}
                        aria-label={`Open ${link.target.table}`}
                      >
                        Open
                      </button>
                      {link.canEdit ? (
                        <>
                          <button
                            type="button"
                            className="ls-button"
                            onClick={() => editSource(link.target, table)}
                            aria-label={`Edit the link to ${link.target.table}`}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="ls-button ls-button--danger"
                            onClick={() => setDeleting(link.target)}
                            aria-label={`Remove the link to ${link.target.table}`}
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
        </>
      )}
      {/* The link is stored on the target: delete this table from the target's sources. */}
      {deleting ? <DeleteSourceDialog target={deleting} source={table} onClose={() => setDeleting(undefined)} /> : null}
    </div>
  );
}
