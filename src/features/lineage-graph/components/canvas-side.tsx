// The panel beside the graph: the draft review, a table's details, a link's details, or the legend,
// after the selection (model/selection.ts).
import { lazy, Suspense, useMemo, type RefObject } from 'react';
import type { GroupBy } from '../model/groups';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { edgeKey } from '../model/build-graph';
import type { RootCauseStep } from '../model/root-cause';
import type { Selection } from '../model/selection';
import { throughRoot, type PathHighlight } from '../model/traverse';
import type { DraftedModel } from '../draft/use-drafted-model';
import { EdgeDetails, NodeDetails } from './details-panel';
import { Legend } from './legend';
import type { useColumnTrace } from './use-column-trace';

// Loaded when draft mode is first used: most visits never stage anything.
const ReviewPanel = lazy(() => import('../draft/review-panel').then((m) => ({ default: m.ReviewPanel })));
const DraftLinkPanel = lazy(() => import('../draft/draft-link-panel').then((m) => ({ default: m.DraftLinkPanel })));
const StageSourceForm = lazy(() => import('../draft/stage-source-form').then((m) => ({ default: m.StageSourceForm })));
// Issue #19's budget: the initial JavaScript stays as it was; the button comes with the details.
const SqlDeriveButton = lazy(() => import('../sql-derive/sql-derive-button').then((m) => ({ default: m.SqlDeriveButton })));

const NO_TABLE: TableRef = { connection: '', schema: '', table: '' };

interface CanvasSideProps {
  id: string;
  panel: RefObject<HTMLElement | null>;
  selection: Selection;
  select: (next: Selection) => void;
  closeReview: () => void;
  drafted: DraftedModel;
  /** Connections this user may write to. */
  editable: ReadonlySet<string>;
  /** The selected table's paths (its reach), its traced column, and its root cause. */
  reach: PathHighlight | undefined;
  trace: ReturnType<typeof useColumnTrace>;
  causes: RootCauseStep[];
  rootCauseFor: string | undefined;
  toggleRootCause: (key: string) => void;
  drawn: ReadonlySet<string>;
  reveal: (keys: Iterable<string>) => void;
  focusTable: (key: string) => void;
  legend: { open: boolean; toggle: (open: boolean) => void };
  /** The picture is grouped (the legend explains the groups). */
  grouped?: GroupBy;
  hideLegendButton: RefObject<HTMLButtonElement | null>;
  onOpenTable: (table: TableRef) => void;
  onEditLink: (target: TableRef, source: TableRef | 'new', prefill?: TableRef) => void;
  /** The review will likely open soon (an import is under way): its code is loaded now, hidden, so
   * that it does not wait for it then behind the graph's redraw. */
  reviewSoon?: boolean;
  /** Opens the draft review (after something was staged from a table's details). */
  openReview: () => void;
}

export function CanvasSide(props: CanvasSideProps) {
  const { id, panel, selection, closeReview, drafted, legend, hideLegendButton, onOpenTable } = props;
  const { base, store, draft, changes } = drafted;
  const reviewing = selection.kind === 'review';
  // Asked once per saved link of a Save all's report (thousands after an import): one walk per model.
  const flowsThrough = useMemo(() => throughRoot(base), [base]);
  return (
    <aside className="ls-canvas__side" aria-label="Details" id={id} tabIndex={-1} ref={panel} hidden={!legend.open && selection.kind === 'none'}>
      {/* Kept mounted while hidden: a Save all report (and its roll-back offer) outlives a look at a table. */}
      {draft.active || draft.ops.length > 0 || props.reviewSoon ? (
        <Suspense fallback={reviewing ? <p className="ls-hint">Opening the draft…</p> : null}>
          <ReviewPanel
            store={store}
            changes={changes}
            hidden={!reviewing}
            onClose={closeReview}
            outside={{
              root: base.nodes.get(base.rootKey)?.ref.table ?? '',
              isOutside: (change) => !flowsThrough(tableKey(change.source), tableKey(change.target)),
              onOpenTable,
            }}
          />
        </Suspense>
      ) : null}
      {selection.kind === 'table' ? (
        <TableSide {...props} tableKey={selection.key} />
      ) : selection.kind === 'edge' ? (
        <EdgeSide {...props} edgeKey={selection.key} />
      ) : selection.kind === 'none' ? (
        <Legend draft={draft.active} grouped={props.grouped} onHide={() => legend.toggle(false)} hideButton={hideLegendButton} />
      ) : null}
    </aside>
  );
}

function TableSide(props: CanvasSideProps & { tableKey: string }) {
  const {
    tableKey: key,
    drafted,
    editable,
    select,
    reach,
    trace,
    causes,
    rootCauseFor,
    toggleRootCause,
    drawn,
    reveal,
    focusTable,
    onOpenTable,
    openReview,
    panel,
  } = props;
  const { store, draft, model } = drafted;
  const node = model.nodes.get(key);
  if (!node) return null;
  const isSource = (source: TableRef) => drafted.isLinked(edgeKey(tableKey(source), key));
  const traced = trace.traced?.table === key ? trace.traced : undefined;
  return (
    <NodeDetails
      node={node}
      model={model}
      reach={reach}
      columns={{
        traced: traced ? { column: traced.column, trace: trace.query.data, loading: trace.query.isPending, error: trace.query.error ?? undefined } : undefined,
        onTrace: (column) => trace.setTraced(column === undefined ? undefined : { table: key, column }),
        onReveal: reveal,
        drawn,
      }}
      rootCause={rootCauseFor === key ? causes : undefined}
      onTraceRootCause={() => toggleRootCause(key)}
      onOpenTable={onOpenTable}
      onFocusNode={focusTable}
      onClose={() => select({ kind: 'none' })}
      draft={
        node.exists && editable.has(node.ref.connection) ? (
          <>
            {draft.active ? (
              <Suspense fallback={null}>
                <StageSourceForm key={key} target={node.ref} store={store} isSource={isSource} />
              </Suspense>
            ) : null}
            <Suspense fallback={null}>
              <SqlDeriveButton
                key={`sql-${key}`}
                target={node.ref}
                isLinked={isSource}
                onStaged={() => {
                  openReview();
                  // The dialog is gone with the button that had focus: the review it led to gets it.
                  requestAnimationFrame(() => panel.current?.focus());
                }}
              />
            </Suspense>
          </>
        ) : undefined
      }
    />
  );
}

function EdgeSide({ edgeKey: key, drafted, editable, select, focusTable, onEditLink }: CanvasSideProps & { edgeKey: string }) {
  const { base, store, draft, model } = drafted;
  const edge = model.edges.get(key);
  if (!edge) return null;
  const source = model.nodes.get(edge.source)?.ref ?? NO_TABLE;
  const target = model.nodes.get(edge.target)?.ref ?? NO_TABLE;
  const writable = editable.has(target.connection);
  return (
    <EdgeDetails
      edge={edge}
      model={model}
      staged={!base.edges.has(key)}
      draft={
        draft.active && writable ? (
          <Suspense fallback={null}>
            <DraftLinkPanel key={key} source={source} target={target} stored={base.edges.has(key)} change={drafted.drafted.diffs.get(key)} store={store} />
          </Suspense>
        ) : undefined
      }
      onClose={() => select({ kind: 'none' })}
      onFocusNode={focusTable}
      onEdit={!draft.active && writable && model.nodes.has(edge.source) && model.nodes.has(edge.target) ? () => onEditLink(target, source) : undefined}
    />
  );
}
