import { plural } from '@/lib/format';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  type Connection,
  type Edge,
  type EdgeMouseHandler,
  type NodeMouseHandler,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LineageTree } from '@/api/normalize';
import { SEVERITY_STYLE, type SeverityKey } from '@/lib/severity';
import { useEditableConnections, useReadOnly } from '@/api/use-can-edit';
import { ReadOnlyNote } from '@/components/read-only-note';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { edgeKey, type GraphEdge, type GraphModel } from '../model/build-graph';
import { upstreamFailures, type UpstreamFailure } from '../model/quality-paths';
import { columnTraceQueries } from '../api/column-trace-queries';
import { tracePath } from '../model/column-trace';
import { useQuery } from '@tanstack/react-query';
import { useSpecReader } from './use-spec-reader';
import { heightOf, type LayoutInput, type LayoutResult, type Point } from '../model/layout';
import { OverviewCanvas } from './overview-canvas';
import { useLayout } from './use-layout';
import { GRAPH_ARIA_LABELS, useGraphKeyboard } from './use-graph-keyboard';
import { causePathOf, rootCause } from '../model/root-cause';
import { flowsThroughRoot, pathsThrough } from '../model/traverse';
import { DEFAULT_DEPTH, FILTERABLE, nodeSeverity, visibleGraph } from '../model/view-model';
import { edgeTypes, nodeTypes } from '../nodes/node-types';
import { EmphasisContext, type ColourBy, type Emphasis } from '../nodes/emphasis';
import { MIN_ZOOM } from '../model/viewport';
import type { FlowEdgeType } from '../nodes/flow-edge';
import { tableNodeLabel, type TableFlowNode } from '../nodes/table-node';
import { GraphToolbar } from './graph-toolbar';
import { Legend } from './legend';
import { EdgeDetails, NodeDetails } from './details-panel';
import { DraftBar, DraftToggle } from '../draft/draft-bar';
import { useDraftedModel } from '../draft/use-drafted-model';
import { useDraftShortcuts } from '../draft/use-draft-shortcuts';
import { afterPaint } from './after-paint';
import { useCamera } from './use-camera';
import { useColumnLists } from './use-column-lists';
import { ColumnActionsContext, columnId } from '../nodes/column-list';
import type { ColumnEdgeType } from '../nodes/column-edge';
import { useToast } from '@/components/toast';
import { useStoredFlag } from '@/lib/preference';
import { routeEdges } from '../model/routes';
import { toConnectorEdges, toFlowEdges, toFlowNodes } from '../nodes/flow-elements';
import { flushSync } from 'react-dom';

export interface LineageCanvasProps {
  tree: LineageTree;
  selectedKey: string | undefined;
  onSelect: (key: string | undefined) => void;
  onOpenTable: (table: TableRef) => void;
  /** Opens the source editor: `source` of `target`, or a new source prefilled with `prefill`. */
  onEditLink: (target: TableRef, source: TableRef | 'new', prefill?: TableRef) => void;
  /** Controls shown first in the toolbar (direction, loading state). */
  leading?: ReactNode;
}

const SMALL_MINIMAP = { width: 140, height: 90 };
// Loaded when draft mode is first used: most visits never stage anything.
const ReviewPanel = lazy(() => import('../draft/review-panel').then((m) => ({ default: m.ReviewPanel })));
const DraftLinkPanel = lazy(() => import('../draft/draft-link-panel').then((m) => ({ default: m.DraftLinkPanel })));
const StageSourceForm = lazy(() => import('../draft/stage-source-form').then((m) => ({ default: m.StageSourceForm })));

/** Above this many drawn tables the graph is painted on a canvas (OverviewCanvas) instead of as DOM nodes. */
export const OVERVIEW_THRESHOLD = 250;
const EMPTY_LAYOUT = { positions: new Map(), algorithm: 'layered', width: 0, height: 0 } as const satisfies LayoutResult;


export function LineageCanvas(props: LineageCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ tree, selectedKey, onSelect, onOpenTable, onEditLink, leading }: LineageCanvasProps) {
  // Draft mode: the lineage is drawn as it will be once the staged draft is saved.
  const { base: baseModel, store: draftStore, draft, changes, unsaved, drafted, model, held, isLinked } = useDraftedModel(tree);
  const [reviewOpen, setReviewOpen] = useState(false);
  const toast = useToast();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => (selectedKey ? new Set([selectedKey]) : new Set()));
  const [showAll, setShowAll] = useState(false);
  const [severities, setSeverities] = useState<ReadonlySet<SeverityKey>>(() => new Set(FILTERABLE));
  const [showMissing, setShowMissing] = useState(true);
  const [hovered, setHovered] = useState<string>();
  const [selectedEdge, setSelectedEdge] = useState<string>();
  const [rootCauseFor, setRootCauseFor] = useState<string>();
  const editable = useEditableConnections();
  const readOnly = useReadOnly();

  // Tables the draft brings in are drawn even beyond the default hops: the steward just added them.
  const shown = useMemo(() => (drafted.addedTables.size > 0 ? new Set([...revealed, ...drafted.addedTables]) : revealed), [revealed, drafted.addedTables]);
  const view = useMemo(
    () => visibleGraph(model, { depth: DEFAULT_DEPTH, expanded, revealed: shown, showAll, severities, showMissing }),
    [model, expanded, shown, showAll, severities, showMissing],
  );
  const drawn = useMemo(() => new Set(view.nodes), [view.nodes]);
  const columnLists = useColumnLists(model, baseModel, view.edges, drawn, drafted.diffs);
  const { tall, rows: listRowsByTable } = columnLists;
  const heightOfTable = useMemo(() => heightOf({ tall, rows: listRowsByTable }), [tall, listRowsByTable]);
  const layoutInput = useMemo<LayoutInput>(
    () => ({ nodes: view.nodes, edges: [...view.edges, ...view.connectors].map((e) => [e.source, e.target] as const), tall, rows: listRowsByTable }),
    [view.nodes, view.edges, view.connectors, tall, listRowsByTable],
  );
  const { layout: shownLayout, pending: layoutPending, error: layoutError } = useLayout(layoutInput, model.rootKey);
  const layout = shownLayout ?? EMPTY_LAYOUT;

  const selected = selectedKey && model.nodes.has(selectedKey) ? selectedKey : undefined;
  const focus = hovered ?? selected;
  // The selection's paths are kept while another table is hovered (and give the details panel its counts).
  const selectedPaths = useMemo(() => (selected ? pathsThrough(model, selected) : undefined), [model, selected]);
  const hoveredPaths = useMemo(() => (hovered && hovered !== selected ? pathsThrough(model, hovered) : undefined), [model, hovered, selected]);
  const highlight = hoveredPaths ?? selectedPaths;
  const causes = useMemo(() => (rootCauseFor ? rootCause(model, rootCauseFor) : []), [model, rootCauseFor]);
  const causeRank = useMemo(() => new Map(causes.map((c, i) => [c.key, { rank: i + 1, origin: c.origin }])), [causes]);
  // The tables through which the problem travels: below a cause and above the traced table.
  const causePath = useMemo(() => (rootCauseFor ? causePathOf(model, rootCauseFor, causes) : undefined), [model, rootCauseFor, causes]);

  // "Fed by failing sources" marks: computed once per lineage, one frame after the first picture.
  const [failures, setFailures] = useState<{ model: GraphModel; map: ReadonlyMap<string, UpstreamFailure> }>();
  const [pictured, setPictured] = useState(false); // the first picture has been painted
  useEffect(() => (pictured ? afterPaint(() => setFailures({ model, map: upstreamFailures(model) })) : undefined), [model, pictured]);
  const failureMap = failures?.model === model ? failures.map : undefined;
  const [colourBy, setColourBy] = useState<ColourBy>('own');

  const flowBox = useRef<HTMLDivElement>(null);
  const side = useRef<HTMLElement>(null);
  const sideId = useId();
  // The legend can be put away (remembered in this browser): the canvas then takes its width.
  const [legendOpen, setLegendOpen] = useStoredFlag('legend', true);
  const showLegendButton = useRef<HTMLButtonElement>(null);
  const hideLegendButton = useRef<HTMLButtonElement>(null);
  const toggleLegend = (open: boolean) => {
    flushSync(() => setLegendOpen(open));
    // The button pressed goes away: the focus moves to the one that undoes it.
    (open ? hideLegendButton : showLegendButton).current?.focus();
  };
  const keyboard = useGraphKeyboard({
    model,
    positions: layout.positions,
    start: selected ?? model.rootKey,
    container: flowBox,
    onSelectTable: (key) => {
      setSelectedEdge(undefined);
      setReviewOpen(false);
      onSelect(key);
    },
    onSelectEdge: (key) => {
      setSelectedEdge(key);
      setReviewOpen(false);
      onSelect(undefined);
    },
    onEscape: () => {
      setSelectedEdge(undefined);
      onSelect(undefined);
    },
  });

  const overview = view.nodes.length > OVERVIEW_THRESHOLD;
  // Node and edge lists change with the drawn graph only; highlights travel through EmphasisContext.
  const nodes = useMemo<TableFlowNode[]>(
    () =>
      overview
        ? []
        : toFlowNodes({
            keys: view.nodes,
            model,
            positions: layout.positions,
            hidden: view.hidden,
            columns: columnLists.nodeColumns,
            heightOf: heightOfTable,
            labelOf: (key) => {
              const table = model.nodes.get(key);
              return table ? tableNodeLabel(table, colourBy, failureMap?.get(key), drafted.addedTables.has(key)) : key;
            },
            active: keyboard.active,
            connectable: editable.size > 0,
            drafted: drafted.addedTables,
          }),
    [view, model, layout, editable, overview, drafted.addedTables, columnLists.nodeColumns, colourBy, failureMap, keyboard.active, heightOfTable],
  );
  // Arrows that skip a column go round its tables (routes.ts).
  const routes = useMemo(() => (overview ? new Map<string, Point[]>() : routeEdges(layout.positions, view.edges, heightOfTable)), [overview, layout, view.edges, heightOfTable]);
  const edges = useMemo(
    () => (overview ? [] : toFlowEdges(view.edges, model, layout.positions, drafted.diffs, routes, selectedEdge)),
    [view.edges, model, selectedEdge, layout, overview, drafted.diffs, routes],
  );
  const connectorEdges = useMemo(() => (overview ? [] : toConnectorEdges(view.connectors, model, layout.positions)), [view.connectors, layout, overview, model]);
  const allEdges = useMemo<(FlowEdgeType | ColumnEdgeType)[]>(
    () => [...edges, ...connectorEdges, ...columnLists.flowEdges],
    [edges, connectorEdges, columnLists.flowEdges],
  );

  // Column lineage: one column of the selected table followed through the column mappings.
  const readSpec = useSpecReader(model);
  const [tracedColumn, setTracedColumn] = useState<{ table: string; column: string }>();
  // Read through the draft: a staged mapping shows in an open trace (columnTraceQueries' key).
  const columnTrace = useQuery({
    ...columnTraceQueries.trace(model, unsaved, readSpec, tracedColumn?.table ?? '', tracedColumn?.column ?? ''),
    enabled: tracedColumn !== undefined,
  });
  const columnPath = useMemo(() => (tracedColumn && columnTrace.data ? tracePath(columnTrace.data) : undefined), [tracedColumn, columnTrace.data]);

  const tracedColumns = useMemo(
    () => (tracedColumn && columnTrace.data ? new Set(columnTrace.data.steps.map((step) => columnId(step.table, step.column))) : undefined),
    [tracedColumn, columnTrace.data],
  );

  const emphasis = useMemo<Emphasis>(() => {
    const shared = { selected, causes: causeRank, failures: failureMap, colourBy, tracedColumns };
    if (causePath) {
      const edgesInFocus = new Set<string>();
      for (const edge of view.edges) if (causePath.has(edge.source) && causePath.has(edge.target)) edgesInFocus.add(edge.key);
      return { ...shared, nodes: causePath, edges: edgesInFocus };
    }
    if (columnPath && !hovered) return { ...shared, nodes: columnPath.nodes, edges: columnPath.edges };
    return { ...shared, nodes: highlight?.nodes, edges: highlight?.edges };
  }, [causePath, highlight, selected, causeRank, view.edges, failureMap, colourBy, columnPath, hovered, tracedColumns]);

  const placed = useMemo(() => nodes.map((node) => node.id), [nodes]);
  const { box, initialViewport, miniMap, centerRequest, centerOn, revealColumnList } = useCamera({
    box: flowBox,
    layout: shownLayout,
    drawn: placed,
    edges: view.edges,
    focus: selected ?? model.rootKey,
    showAll,
    heightOf: heightOfTable,
  });

  // Performance marks for `npm run bench`: the drawn graph and a highlight, once painted.
  // React Flow draws edges one commit after it has measured the nodes: the picture counts as
  // painted once an edge is on screen too (when there are edges to draw).
  useEffect(() => {
    if (nodes.length === 0) return;
    const expectEdges = edges.length > 0;
    let cancel = () => {};
    let frames = 0;
    const check = () => {
      frames += 1;
      if (expectEdges && frames < 120 && !flowBox.current?.querySelector('.react-flow__edge')) cancel = afterPaint(check);
      else {
        performance.mark('lineage-painted', { detail: { nodes: nodes.length } });
        setPictured(true);
      }
    };
    cancel = afterPaint(check);
    return () => cancel();
  }, [layout, view.nodes]); // eslint-disable-line react-hooks/exhaustive-deps -- once per new picture, not per highlight
  useEffect(() => (focus && !overview ? afterPaint(() => performance.mark('lineage-highlight-painted')) : undefined), [focus, highlight, overview]);
  const onOverviewPainted = useCallback(
    (kind: 'graph' | 'highlight') => {
      if (kind === 'highlight') return void performance.mark('lineage-highlight-painted');
      performance.mark('lineage-painted', { detail: { nodes: view.nodes.length } });
      setPictured(true);
    },
    [view.nodes.length],
  );

  const onNodeClick = useCallback<NodeMouseHandler<TableFlowNode>>(
    (event, node) => {
      const element = event.target as HTMLElement;
      if (element.closest('[data-expand]')) {
        setExpanded((current) => new Set([...current, node.id]));
        keyboard.focusTable(node.id); // the button goes away: the focus stays on its table
        return;
      }
      if (element.closest('[data-columns]')) {
        if (!columnLists.nodeColumns.has(node.id)) revealColumnList(node.id);
        return columnLists.actions.toggle(node.id);
      }
      if (element.closest('input')) return; // the column search box
      const column = element.closest<HTMLElement>('[data-column]')?.dataset.column;
      if (column !== undefined) {
        // A column row: trace it (again: stop tracing), with its table selected for the details.
        const same = tracedColumn?.table === node.id && tracedColumn.column === column;
        setTracedColumn(same ? undefined : { table: node.id, column });
        setSelectedEdge(undefined);
        setReviewOpen(false);
        onSelect(node.id);
        return;
      }
      performance.mark('lineage-select');
      setSelectedEdge(undefined);
      setReviewOpen(false);
      onSelect(node.id === selected ? undefined : node.id);
    },
    [onSelect, selected, columnLists.actions, columnLists.nodeColumns, tracedColumn, keyboard, revealColumnList],
  );
  const onEdgeClick = useCallback<EdgeMouseHandler>(
    (_event, edge) => {
      setSelectedEdge(edge.id);
      setReviewOpen(false);
      onSelect(undefined);
    },
    [onSelect],
  );
  // Dragging from a table's right handle to another table proposes "add as a source".
  const onConnect = useCallback(
    (connection: Connection) => {
      const source = model.nodes.get(connection.source);
      const target = model.nodes.get(connection.target);
      if (!source || !target || source.key === target.key) return;
      const key = edgeKey(source.key, target.key);
      const sourceColumn = columnLists.columnAt(source.key, connection.sourceHandle);
      const column = columnLists.columnAt(target.key, connection.targetHandle);
      if (sourceColumn !== undefined && column !== undefined) {
        // Column onto column: a mapping, staged in the draft (with the link, when there is none yet).
        if (!isLinked(key)) draftStore.stage({ kind: 'add-source', source: source.ref, target: target.ref });
        draftStore.stage({ kind: 'add-mapping', source: source.ref, target: target.ref, column, sourceColumn });
        toast({ message: `Staged in the draft: ${target.ref.table}.${column} ← ${source.ref.table}.${sourceColumn}. Save the draft to send it to DQOps.` });
        return;
      }
      if (!draft.active) return onEditLink(target.ref, 'new', source.ref);
      if (isLinked(key)) {
        return toast({ message: `${source.ref.table} is already a source of ${target.ref.table}.` });
      }
      draftStore.stage({ kind: 'add-source', source: source.ref, target: target.ref });
      setSelectedEdge(key);
      setReviewOpen(false);
      onSelect(undefined);
      toast({ message: `Staged: ${source.ref.table} as a source of ${target.ref.table}. Nothing is saved until you save the draft.` });
    },
    [model, onEditLink, draft.active, isLinked, draftStore, toast, onSelect, columnLists],
  );
  const isValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const target = model.nodes.get(connection.target);
      return connection.source !== connection.target && target !== undefined && target.exists && editable.has(target.ref.connection);
    },
    [model, editable],
  );
  const onPaneClick = useCallback(() => {
    setSelectedEdge(undefined);
    setRootCauseFor(undefined);
    onSelect(undefined);
  }, [onSelect]);

  const reveal = useCallback(
    (key: string) => {
      performance.mark('lineage-select');
      // A table already drawn needs no new view (recomputing a 5,000-table view costs ~100 ms).
      if (!drawn.has(key)) setRevealed((current) => new Set([...current, key]));
      setSelectedEdge(undefined);
      onSelect(key);
      centerOn(key);
    },
    [onSelect, drawn, centerOn],
  );

  const selectedNode = selected ? model.nodes.get(selected) : undefined;
  const edge: GraphEdge | undefined = selectedEdge ? model.edges.get(selectedEdge) : undefined;

  useDraftShortcuts(draft.active, draftStore);

  return (
    <div className="ls-canvas">
      <GraphToolbar
        model={model}
        drawn={view.nodes.length}
        filteredOut={view.filteredOut}
        matchingBeyond={view.matchingBeyond}
        showAll={showAll}
        onShowAll={(all) => {
          setShowAll(all);
          if (!all) setExpanded(new Set());
        }}
        severities={severities}
        onSeverities={setSeverities}
        showMissing={showMissing}
        onShowMissing={setShowMissing}
        onFind={reveal}
        exportInput={{ tree, model, nodes: view.nodes, edges: view.edges, layout, colourBy }}
        colourBy={colourBy}
        onColourBy={setColourBy}
        leading={
          <>
            {leading}
            {editable.size > 0 || draft.ops.length > 0 ? <DraftToggle store={draftStore} onReview={() => setReviewOpen(true)} /> : readOnly ? <ReadOnlyNote compact /> : null}
          </>
        }
      />
      {draft.active ? <DraftBar store={draftStore} changes={changes} held={held} reviewOpen={reviewOpen} onReview={() => setReviewOpen((open) => !open)} /> : null}
      {/* Keys from the graph and from the details beside it (Escape lets go of the selection). */}
      <div className="ls-canvas__main" onKeyDown={keyboard.onKeyDown}>
        <div className="ls-canvas__flow" ref={flowBox} onMouseLeave={() => setHovered(undefined)}>
          {overview ? null : (
            <button type="button" className="ls-skip" onClick={() => side.current?.focus()} aria-controls={sideId}>
              Skip the graph ({plural(view.nodes.length, 'table')}): go to the details
            </button>
          )}
          {!legendOpen && !reviewOpen && !selectedNode && !edge ? (
            <button
              type="button"
              ref={showLegendButton}
              className="ls-button ls-legend-toggle"
              aria-expanded="false"
              aria-controls={sideId}
              onClick={() => toggleLegend(true)}
            >
              Legend
            </button>
          ) : null}
          {layoutPending ? (
            <div className="ls-canvas__busy" role="status">
              <span className="ls-spinner" aria-hidden="true" /> Laying out {view.nodes.length} tables…
            </div>
          ) : null}
          {layoutError ? (
            <div className="ls-canvas__busy ls-canvas__busy--error" role="alert">
              The layout failed: {layoutError}
            </div>
          ) : null}
          {columnLists.readingLinks > 0 || columnLists.unreadLinks > 0 ? (
            <div className={`ls-canvas__note${columnLists.unreadLinks > 0 ? ' ls-canvas__note--warning' : ''}`} role="status">
              {columnLists.readingLinks > 0 ? `Reading the column mappings of ${plural(columnLists.readingLinks, 'link')}…` : null}
              {columnLists.unreadLinks > 0
                ? ` The column mappings of ${plural(columnLists.unreadLinks, 'link')} could not be read: their column edges are missing.`
                : null}
            </div>
          ) : null}
          {overview && shownLayout ? (
            <OverviewCanvas
              model={model}
              nodes={view.nodes}
              edges={view.edges}
              diffs={drafted.diffs}
              layout={layout}
              emphasis={emphasis}
              onSelect={(key) => {
                setSelectedEdge(undefined);
                onSelect(key);
              }}
              centerOn={centerRequest}
              onPainted={onOverviewPainted}
            />
          ) : null}
          <EmphasisContext.Provider value={emphasis}>
            <ColumnActionsContext.Provider value={columnLists.actions}>
              {overview || !initialViewport ? null : (
                <ReactFlow
                  nodes={nodes}
                  edges={allEdges}
                  nodeTypes={nodeTypes}
                  edgeTypes={edgeTypes}
                  onNodeClick={onNodeClick}
                  onEdgeClick={onEdgeClick}
                  onPaneClick={onPaneClick}
                  onNodeMouseEnter={(_e, node) => setHovered(node.id)}
                  onNodeMouseLeave={() => setHovered(undefined)}
                  nodesDraggable={false}
                  nodesConnectable={editable.size > 0}
                  onConnect={onConnect}
                  isValidConnection={isValidConnection}
                  connectionRadius={140}
                  defaultViewport={initialViewport}
                  minZoom={MIN_ZOOM}
                  maxZoom={2}
                  onlyRenderVisibleElements={nodes.length > 150}
                  // React Flow's attribution stays (hiding it is for Pro subscribers, and logs a
                  // warning on every render otherwise), small, between the zoom buttons and the minimap.
                  attributionPosition="bottom-center"
                  ariaLabelConfig={GRAPH_ARIA_LABELS}
                >
                  <Background gap={20} size={1} color="#e3e7ed" />
                  <Controls showInteractive={false} position="bottom-left" />
                  {miniMap ? (
                    <MiniMap
                      pannable
                      zoomable
                      position="bottom-right"
                      ariaLabel="Minimap of the lineage graph"
                      // On a short canvas (1280×720, an embedding host's box) the minimap takes less of it.
                      style={box && box.height < 520 ? SMALL_MINIMAP : undefined}
                      nodeColor={(n) => SEVERITY_STYLE[nodeSeverity(model, n.id, colourBy)].color}
                      nodeStrokeWidth={0}
                    />
                  ) : null}
                </ReactFlow>
              )}
            </ColumnActionsContext.Provider>
          </EmphasisContext.Provider>
        </div>
        <aside
          className="ls-canvas__side"
          aria-label="Details"
          id={sideId}
          tabIndex={-1}
          ref={side}
          hidden={!legendOpen && !reviewOpen && !selectedNode && !edge}
        >
          {/* Kept mounted while hidden: a Save all report (and its roll-back offer) outlives a look at a table. */}
          {draft.active || draft.ops.length > 0 ? (
            <Suspense fallback={reviewOpen ? <p className="ls-hint">Opening the draft…</p> : null}>
              <ReviewPanel
                store={draftStore}
                changes={changes}
                hidden={!reviewOpen}
                onClose={() => setReviewOpen(false)}
                outside={{
                  root: baseModel.nodes.get(baseModel.rootKey)?.ref.table ?? '',
                  isOutside: (change) => !flowsThroughRoot(baseModel, tableKey(change.source), tableKey(change.target)),
                  onOpenTable,
                }}
              />
            </Suspense>
          ) : null}
          {reviewOpen ? null : selectedNode ? (
            <NodeDetails
              node={selectedNode}
              model={model}
              reach={selectedPaths}
              columns={{
                traced:
                  tracedColumn && tracedColumn.table === selectedNode.key
                    ? { column: tracedColumn.column, trace: columnTrace.data, loading: columnTrace.isPending, error: columnTrace.error ?? undefined }
                    : undefined,
                onTrace: (column) => setTracedColumn(column === undefined ? undefined : { table: selectedNode.key, column }),
                onReveal: (keys) => setRevealed((current) => new Set([...current, ...keys])),
                drawn,
              }}
              rootCause={rootCauseFor === selectedNode.key ? causes : undefined}
              onTraceRootCause={() => {
                if (rootCauseFor === selectedNode.key) return setRootCauseFor(undefined);
                setRootCauseFor(selectedNode.key);
                // Draw the failing upstream tables even when they sit beyond the default hops.
                setRevealed((current) => new Set([...current, ...rootCause(model, selectedNode.key).map((step) => step.key)]));
              }}
              onOpenTable={onOpenTable}
              onFocusNode={reveal}
              onClose={() => onSelect(undefined)}
              draft={
                draft.active && selectedNode.exists && editable.has(selectedNode.ref.connection) ? (
                  <Suspense fallback={null}>
                    <StageSourceForm
                      key={selectedNode.key}
                      target={selectedNode.ref}
                      store={draftStore}
                      isSource={(source) => {
                        const key = edgeKey(tableKey(source), selectedNode.key);
                        return isLinked(key);
                      }}
                    />
                  </Suspense>
                ) : undefined
              }
            />
          ) : edge ? (
            <EdgeDetails
              edge={edge}
              model={model}
              staged={!baseModel.edges.has(edge.key)}
              draft={
                draft.active && editable.has(model.nodes.get(edge.target)?.ref.connection ?? '') ? (
                  <Suspense fallback={null}>
                    <DraftLinkPanel
                      key={edge.key}
                      source={model.nodes.get(edge.source)?.ref ?? { connection: '', schema: '', table: '' }}
                      target={model.nodes.get(edge.target)?.ref ?? { connection: '', schema: '', table: '' }}
                      stored={baseModel.edges.has(edge.key)}
                      change={drafted.diffs.get(edge.key)}
                      store={draftStore}
                    />
                  </Suspense>
                ) : undefined
              }
              onClose={() => setSelectedEdge(undefined)}
              onFocusNode={reveal}
              onEdit={
                !draft.active && editable.has(model.nodes.get(edge.target)?.ref.connection ?? '')
                  ? () => {
                      const source = model.nodes.get(edge.source);
                      const target = model.nodes.get(edge.target);
                      if (source && target) onEditLink(target.ref, source.ref);
                    }
                  : undefined
              }
            />
          ) : (
            <Legend draft={draft.active} onHide={() => toggleLegend(false)} hideButton={hideLegendButton} />
          )}
        </aside>
      </div>
    </div>
  );
}
