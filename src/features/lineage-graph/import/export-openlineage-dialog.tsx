// Export → OpenLineage: the lineage in view (or all of this lineage) as OpenLineage run events,
// with a namespace per DQOps connection the steward can set (remembered per server). Each link's
// spec (tool, properties, column mappings) and each target's columns are read from DQOps, a few
// at a time, through the query cache.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { describeError } from '@/api/errors';
import { catalogQueries, lineageQueries } from '@/api/queries';
import type { TableLineageSourceSpec } from '@/api/types';
import { Modal } from '@/components/modal';
import { downloadBlob } from '@/lib/download';
import { eachLimited } from '@/lib/each-limited';
import { readStoredJson, writeStoredJson } from '@/lib/stored-json';
import { formatNumber, plural } from '@/lib/format';
import { tableKey, type TableRef } from '@/lib/table-ref';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import { exportFileName } from '../model/file-name';
import type { LineageTree } from '@/api/normalize';
import { toOpenLineage, type ExportedTable } from './model/to-openlineage';

const KEY = 'lineage-studio.export-namespaces.';
const PARALLEL = 4;

/** Connection → namespace, as last set on this server (only the texts of an unreadable value). */
function loadNamespaces(server: string): Record<string, string> {
  const value = readStoredJson(KEY + server);
  return value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) : {};
}

export function ExportOpenLineageDialog({
  tree,
  model,
  drawnEdges,
  onClose,
}: {
  tree: LineageTree;
  model: GraphModel;
  /** The links drawn now ("the lineage in view"). */
  drawnEdges: readonly GraphEdge[];
  onClose: () => void;
}) {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<'view' | 'all'>('view');
  const edges = useMemo(() => (scope === 'view' ? drawnEdges : [...model.edges.values()]), [scope, drawnEdges, model]);
  const connections = useMemo(() => {
    const names = new Set<string>();
    for (const edge of edges) {
      names.add(edge.flow.source.connection);
      names.add(edge.flow.target.connection);
    }
    return [...names].sort();
  }, [edges]);
  const [namespaces, setNamespaces] = useState(() => loadNamespaces(api.baseUrl));
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<string>();
  const namespaceOf = (connection: string) => namespaces[connection]?.trim() || connection;

  const run = async () => {
    setError(undefined);
    writeStoredJson(KEY + api.baseUrl, namespaces);
    const byTarget = new Map<string, { target: TableRef; sources: TableRef[] }>();
    for (const edge of edges) {
      const entry = byTarget.get(tableKey(edge.flow.target)) ?? { target: edge.flow.target, sources: [] };
      entry.sources.push(edge.flow.source);
      byTarget.set(tableKey(edge.flow.target), entry);
    }
    const tables: ExportedTable[] = [];
    let done = 0;
    setProgress({ done, total: edges.length });
    try {
      await eachLimited([...byTarget.values()], PARALLEL, async ({ target, sources }) => {
        const specs: TableLineageSourceSpec[] = [];
        for (const source of sources) {
          specs.push(await queryClient.fetchQuery(lineageQueries.source(api, target, source)));
          setProgress({ done: ++done, total: edges.length });
        }
        const columns = await queryClient.fetchQuery(catalogQueries.columns(api, target)).catch(() => []); // a table DQOps lost: no schema facet
        tables.push({ target, sources: specs, columns: columns.map((c) => c.name) });
      });
      const text = toOpenLineage(tables, namespaceOf, new Date().toISOString());
      downloadBlob(new Blob([text], { type: 'application/x-ndjson' }), exportFileName(tree, 'openlineage.ndjson'));
      onClose();
    } catch (failure) {
      setError(`The export stopped: ${describeError(failure)}`);
      setProgress(undefined);
    }
  };

  return (
    <Modal open title="Export to OpenLineage" onClose={onClose}>
      <div className="ls-import">
        <p>
          One OpenLineage <code>COMPLETE</code> run event per target table, with its column lineage and DQOps&apos;s columns, as newline-delimited JSON that
          Marquez or any OpenLineage consumer can load. Importing the file back into this DQOps changes nothing.
        </p>
        <fieldset className="ls-fieldset">
          <legend>Which links</legend>
          <label className="ls-check">
            <input type="radio" name="ol-scope" checked={scope === 'view'} onChange={() => setScope('view')} />
            The lineage in view ({plural(drawnEdges.length, 'link')})
          </label>
          <label className="ls-check">
            <input type="radio" name="ol-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            All of this lineage ({plural(model.edges.size, 'link')})
          </label>
        </fieldset>
        <table className="ls-table">
          <caption className="ls-hint">
            OpenLineage namespace of each DQOps connection (for example postgres://host:5432); remembered for this DQOps server.
          </caption>
          <thead>
            <tr>
              <th scope="col">DQOps connection</th>
              <th scope="col">Namespace</th>
            </tr>
          </thead>
          <tbody>
            {connections.map((connection) => (
              <tr key={connection}>
                <td>{connection}</td>
                <td>
                  <input
                    className="ls-input"
                    aria-label={`OpenLineage namespace of ${connection}`}
                    placeholder={connection}
                    value={namespaces[connection] ?? ''}
                    onChange={(event) => setNamespaces({ ...namespaces, [connection]: event.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {progress ? (
          <p role="status">
            Reading the links from DQOps: {formatNumber(progress.done)} / {formatNumber(progress.total)}
          </p>
        ) : null}
        {error ? (
          <p className="ls-notice ls-notice--error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="ls-modal__footer">
          <button type="button" className="ls-button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="ls-button ls-button--primary" disabled={!!progress || edges.length === 0} onClick={() => void run()}>
            Export {plural(edges.length, 'link')}
          </button>
        </div>
      </div>
    </Modal>
  );
}
