import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { useEditableConnections } from '@/api/use-can-edit';
import { isStatus } from '@/api/errors';
import { ErrorPanel } from '@/components/error-panel';
import { directionFlags, DIRECTIONS, useViewParams, type DirectionChoice } from '@/lib/view-params';
import { sameTable, tableKey, type TableRef } from '@/lib/table-ref';
import { foldDraft } from '../model/draft';
import { DraftStoreContext, useDraft, useDraftStore } from '../draft/draft-store';
import { MAX_POLLS, useLineageTree } from '@/api/use-lineage-tree';
import { LineageCanvas } from './lineage-canvas';
import { prepareLayoutWorker } from './use-layout';

// The Flows tab loads when it is first opened: the graph is the first view.
const FlowsTable = lazy(() => import('./flows-table').then((m) => ({ default: m.FlowsTable })));

const StageSourceForm = lazy(() => import('../draft/stage-source-form').then((m) => ({ default: m.StageSourceForm })));

const DIRECTION_LABELS: Record<DirectionChoice, string> = { both: 'Both', upstream: 'Upstream', downstream: 'Downstream' };

/** One table's lineage: graph or flows table, with loading, partial, empty and error states. */
export function LineageView({ table, mode }: { table: TableRef; mode: 'graph' | 'flows' }) {
  const { params, update, openTable, editSource } = useViewParams();
  const direction = directionFlags(params.direction);
  const { query, polling, partial, polls, refresh } = useLineageTree(table, direction);
  // Warm the layout worker up while the tree is on its way.
  useEffect(() => {
    if (mode === 'graph') prepareLayoutWorker();
  }, [mode]);
  const draftStore = useDraftStore();
  const editable = useEditableConnections();
  const draft = useDraft(draftStore);
  const draftTouches = useMemo(() => foldDraft(draft.ops).some((c) => sameTable(c.source, table) || sameTable(c.target, table)), [draft.ops, table]);
  const onSelect = useCallback((key: string | undefined) => update({ node: key }, { replace: true }), [update]);

  const directionControl = (
    <div className="ls-segmented" role="radiogroup" aria-label="Direction">
      {DIRECTIONS.map((d) => (
        <button
          key={d}
          type="button"
          role="radio"
          aria-checked={params.direction === d}
          className="ls-segmented__item"
          onClick={() => update({ direction: d === 'both' ? undefined : d, node: undefined })}
        >
          {DIRECTION_LABELS[d]}
        </button>
      ))}
    </div>
  );
  const loadState = polling ? (
    <span className="ls-badge ls-badge--loading" role="status">
      <span className="ls-spinner" aria-hidden="true" /> Loading lineage… ({polls + 1}/{MAX_POLLS})
    </span>
  ) : partial ? (
    <span className="ls-badge ls-badge--partial" role="status">
      Partial lineage: DQOps is still loading it.
      <button type="button" className="ls-linkbutton" onClick={refresh}>
        Refresh
      </button>
    </span>
  ) : null;

  if (query.isPending) {
    return (
      <div className="ls-skeleton" role="status" aria-label="Loading lineage">
        <div className="ls-toolbar">{directionControl}</div>
        <div className="ls-skeleton__graph">
          <span className="ls-spinner" aria-hidden="true" /> Loading the lineage of {table.table}…
        </div>
      </div>
    );
  }
  if (query.isError) {
    const error = query.error;
    if (isStatus(error, 404)) {
      return (
        <ErrorPanel error={error} title={`${table.table} was not found in DQOps`}>
          <button type="button" className="ls-button" onClick={() => update({ table: undefined, node: undefined })}>
            Back to the table list
          </button>
        </ErrorPanel>
      );
    }
    return <ErrorPanel error={error} title="The lineage could not be loaded" onRetry={() => void query.refetch()} />;
  }

  const tree = query.data;
  // Empty unless the draft already links this table (the canvas draws the staged links).
  const empty = tree.flows.length === 0 && !draftTouches;
  // What the client had to leave out or assume when reading the server's answer: said, not hidden.
  const problems =
    tree.problems.length > 0 ? (
      <details className="ls-menu ls-problems" role="status">
        <summary className="ls-badge ls-badge--partial">
          ⚠ {tree.problems.length === 1 ? 'Part of the answer could not be read' : `${tree.problems.length} problems in the answer`}
        </summary>
        <div className="ls-menu__panel">
          <p>DQOps sent lineage this app could only partly read:</p>
          <ul>
            {tree.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      </details>
    ) : null;
  if (mode === 'flows') {
    return (
      <div className="ls-flows-view">
        <div className="ls-toolbar">
          {directionControl}
          {loadState}
          {problems}
        </div>
        <Suspense fallback={<p className="ls-hint" role="status">Opening the flows…</p>}>
          <FlowsTable tree={tree} onOpenTable={openTable} />
        </Suspense>
      </div>
    );
  }
  return (
    <div className="ls-graph-view">
      {/* The same draft for the canvas (useDraftStore makes a private one when the app gives none). */}
      <DraftStoreContext.Provider value={draftStore}>
        <LineageCanvas
          key={`${params.direction}`}
          tree={tree}
          selectedKey={params.node}
          onSelect={onSelect}
          onOpenTable={openTable}
          onEditLink={editSource}
          leading={
            <>
              {directionControl}
              {loadState}
              {problems}
            </>
          }
        />
      </DraftStoreContext.Provider>
      {empty ? (
        <div className="ls-empty-overlay" role="note">
          <h3>No lineage yet</h3>
          <p>
            DQOps knows no {params.direction === 'upstream' ? 'source' : params.direction === 'downstream' ? 'target' : 'source or target'} tables for{' '}
            <strong>{table.table}</strong>.
          </p>
          {draft.active && editable.has(table.connection) ? (
            // Draft mode: stage the first source right here, unless the table's details (which
            // offer the same form) are open.
            params.node === tableKey(table) ? (
              <p className="ls-hint">Stage a source in the details of {table.table}.</p>
            ) : (
              <Suspense fallback={null}>
                <StageSourceForm target={table} store={draftStore} isSource={() => false} />
              </Suspense>
            )
          ) : (
            <button type="button" className="ls-button ls-button--primary" onClick={() => editSource(table, 'new')}>
              Add a source table
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}
