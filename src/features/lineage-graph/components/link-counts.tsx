// A drawn table's links: how many of its sources and targets this lineage holds, against what
// DQOps lists for the table itself. DQOps's tree of the focus table holds only what flows through
// the focus, so a table's other sources and targets are not in it; said so, with a way to them.
import { plural } from '@/lib/format';
import { useQuery } from '@tanstack/react-query';
import { useDqopsApi } from '@/api/api-context';
import { lineageQueries } from '@/api/queries';
import type { TableRef } from '@/lib/table-ref';
import type { GraphModel, TableNodeData } from '../model/build-graph';


function side(inLineage: number, listed: number | undefined, noun: string): string {
  if (listed === undefined || listed <= inLineage) return plural(inLineage, noun);
  return `${inLineage} of ${plural(listed, noun)}`;
}

export function LinkCounts({ node, model, onOpenTable }: { node: TableNodeData; model: GraphModel; onOpenTable: (table: TableRef) => void }) {
  const api = useDqopsApi();
  const inSources = model.sources.get(node.key)?.length ?? 0;
  const inTargets = model.targets.get(node.key)?.length ?? 0;
  // The focus table's own sources and targets are all in its tree; other tables are checked.
  const check = node.exists && !node.isRoot;
  const sources = useQuery({ ...lineageQueries.sources(api, node.ref), enabled: check });
  const targets = useQuery({ ...lineageQueries.targets(api, node.ref), enabled: check });
  const listedSources = sources.data?.length;
  const listedTargets = targets.data && targets.data.state !== 'unsupported' ? targets.data.links.length : undefined;
  const otherSources = Math.max(0, (listedSources ?? 0) - inSources);
  const otherTargets = Math.max(0, (listedTargets ?? 0) - inTargets);
  const root = model.nodes.get(model.rootKey)?.ref.table ?? 'the focus table';
  const others = [otherSources > 0 ? plural(otherSources, 'source') : '', otherTargets > 0 ? plural(otherTargets, 'target') : ''].filter(Boolean).join(' and ');
  return (
    <>
      <dt>Links</dt>
      <dd>
        {side(inSources, listedSources, 'source')} · {side(inTargets, listedTargets, 'target')}
        {check ? ' in this lineage' : null}
        {check && (sources.isPending || targets.isPending) ? <span className="ls-hint"> (asking DQOps for its other links…)</span> : null}
        {check && (sources.isError || targets.isError) ? <span className="ls-hint"> (DQOps could not be asked for its other links)</span> : null}
        {targets.data?.state === 'unsupported' ? <span className="ls-hint"> (this DQOps version does not list targets)</span> : null}
        {others ? (
          <p className="ls-hint ls-links__others">
            The other {others} {otherSources + otherTargets === 1 ? 'does' : 'do'} not flow through {root}, so {root}&apos;s lineage does not hold{' '}
            {otherSources + otherTargets === 1 ? 'it' : 'them'}.{' '}
            <button type="button" className="ls-linkbutton" onClick={() => onOpenTable(node.ref)}>
              Open {node.ref.table}&apos;s own lineage
            </button>
          </p>
        ) : null}
      </dd>
    </>
  );
}
