// The lineage graph: a composition of the hooks that each do one job (docs/architecture.md): the
// drafted model, what is drawn and the filters, the selection, the layout, the column lists, the
// emphasis, React Flow's elements, the camera. This file wires them and lays out
// the toolbar, the graph and the side panel.
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LineageTree } from '@/api/normalize';
import { useEditableConnections, useReadOnly } from '@/api/use-can-edit';
import { ReadOnlyNote } from '@/components/read-only-note';
import { plural } from '@/lib/format';
import { SEVERITY_STYLE } from '@/lib/severity';
import type { TableRef } from '@/lib/table-ref';
import { heightOf, type LayoutInput, type LayoutResult } from '../model/layout';
import { closeReview, letGo, selectedTable } from '../model/selection';
import { nodeSeverity } from '../model/view-model';
import { DraftBar, DraftToggle } from '../draft/draft-bar';
import { ImportButton } from '../import/import-button';
import { useConnectTables } from '../draft/use-connect-tables';
import { useDraftedModel } from '../draft/use-drafted-model';
import { useDraftShortcuts } from '../draft/use-draft-shortcuts';
import { CanvasNotes } from './canvas-notes';
import { CanvasSide } from './canvas-side';
import { GraphFlow } from './graph-flow';
import type { GroupedPicture } from './paint-groups';
import { DrawnCount, GraphToolbar } from './graph-toolbar';
import { OverviewCanvas } from './overview-canvas';
import { useCamera } from './use-camera';
import { useCanvasEmphasis, useFailureMarks } from './use-canvas-emphasis';
import { useColumnLists } from './use-column-lists';
import { useColumnTrace } from './use-column-trace';
import { useDrawing } from './use-drawing';
import { useFlowElements } from './use-flow-elements';
import { useGraphKeyboard } from './use-graph-keyboard';
import { QUICK_LAYOUT_MAX, useLayout } from './use-layout';
import { useLegend } from './use-legend';
import { useNodeClick } from './use-node-click';
import { useSelection } from './use-selection';

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

// Loaded when a lineage is first drawn grouped.
const GroupedOverview = lazy(() => import('./grouped-overview').then((m) => ({ default: m.GroupedOverview })));

const NOTHING_TO_LAY_OUT: LayoutInput = { nodes: [], edges: [] };
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
  const drafted = useDraftedModel(tree);
  const { base, store, draft, model } = drafted;
  const editable = useEditableConnections();
  const readOnly = useReadOnly();
  const { selection, select } = useSelection(model, selectedKey, onSelect);
  const selected = selectedTable(selection);
  const { filters, onFilters, drawing, drawn, expand, reveal, grouped, overview } = useDrawing(model, drafted.drafted.addedTables, selectedKey);

  const columnLists = useColumnLists(model, base, drawing.edges, drawn, drafted.drafted.diffs);
  const { tall, rows } = columnLists;
  const heightOfTable = useMemo(() => heightOf({ tall, rows }), [tall, rows]);
  // Grouped, no table is laid out (the grouped overview places its own): laying out 5,000 tables
  // for nothing cost ~150 ms of main thread after Show all.
  const layoutInput = useMemo<LayoutInput>(
    () =>
      grouped
        ? NOTHING_TO_LAY_OUT
        : { nodes: drawing.nodes, edges: [...drawing.edges, ...drawing.connectors].map((e) => [e.source, e.target] as const), tall, rows },
    [grouped, drawing.nodes, drawing.edges, drawing.connectors, tall, rows],
  );
  const { layout: placed, pending: layoutPending, error: layoutError } = useLayout(layoutInput, model.rootKey);
  const layout = placed ?? EMPTY_LAYOUT;

  const trace = useColumnTrace(model, drafted.unsaved);
  const failures = useFailureMarks(model);
  const miniMapColour = useCallback((key: string) => SEVERITY_STYLE[nodeSeverity(model, key, filters.colourBy)].color, [model, filters.colourBy]);
  const emphasis = useCanvasEmphasis({ model, selected, drawnEdges: drawing.edges, colourBy: filters.colourBy, failures, trace, reveal });

  const flowBox = useRef<HTMLDivElement>(null);
  const groupedPicture = useRef<GroupedPicture>(undefined);
  const side = useRef<HTMLElement>(null);
  const sideId = useId();
  const showLegendButton = useRef<HTMLButtonElement>(null);
  const hideLegendButton = useRef<HTMLButtonElement>(null);
  const legend = useLegend(showLegendButton, hideLegendButton);
  const keyboard = useGraphKeyboard({
    model,
    positions: layout.positions,
    start: selected ?? model.rootKey,
    container: flowBox,
    onSelectTable: (key) => select({ kind: 'table', key }),
    onSelectEdge: (key) => select({ kind: 'edge', key }),
    onEscape: () => select(letGo(selection)),
  });

  const flow = useFlowElements({
    overview,
    drawing,
    model,
    layout,
    heightOf: heightOfTable,
    columns: columnLists,
    colourBy: filters.colourBy,
    failures,
    draft: drafted.drafted,
    active: keyboard.active,
    connectable: editable.size > 0,
    selectedEdge: selection.kind === 'edge' ? selection.key : undefined,
  });
  const placedKeys = useMemo(() => flow.nodes.map((node) => node.id), [flow.nodes]);
  const camera = useCamera({
    box: flowBox,
    layout: placed,
    drawn: placedKeys,
    edges: drawing.edges,
    focus: selected ?? model.rootKey,
    showAll: filters.showAll,
    heightOf: heightOfTable,
  });

  /** Selects a table (found, or named in a panel), draws it if it is not drawn, and centres on it. */
  const focusTable = useCallback(
    (key: string) => {
      if (!drawn.has(key)) reveal([key]);
      select({ kind: 'table', key });
      camera.centerOn(key);
    },
    [drawn, reveal, select, camera.centerOn], // eslint-disable-line react-hooks/exhaustive-deps -- centerOn is stable; the camera object is not
  );
  const onNodeClick = useNodeClick({ selected, select, expand, keyboard, columnLists, camera, trace });
  const connect = useConnectTables({
    model,
    store,
    draftActive: draft.active,
    isLinked: drafted.isLinked,
    columnAt: columnLists.columnAt,
    editable,
    onEditLink,
    onStaged: (key) => select({ kind: 'edge', key }),
  });
  useDraftShortcuts(draft.active, store);

  const selectOnCanvas = (key: string | undefined) => select(key === undefined ? { kind: 'none' } : { kind: 'table', key });
  const reviewing = selection.kind === 'review';
  const openReview = () => select({ kind: 'review', table: selected });
  // An import may stage thousands of links: its review is made ready while the dialog is open.
  const [reviewSoon, setReviewSoon] = useState(false);
  return (
    <div className="ls-canvas">
      <GraphToolbar
        model={model}
        filters={filters}
        grouped={grouped}
        onFilters={onFilters}
        onFind={focusTable}
        exportInput={{ tree, model, nodes: drawing.nodes, edges: drawing.edges, layout, colourBy: filters.colourBy }}
        groupedPicture={() => groupedPicture.current}
        leading={
          <>
            {leading}
            {editable.size > 0 || draft.ops.length > 0 ? <DraftToggle store={store} onReview={openReview} /> : readOnly ? <ReadOnlyNote compact /> : null}
            {readOnly ? null : (
              <ImportButton
                onStaged={() => {
                  openReview();
                  // The dialog is gone with the button that had focus: the review it led to gets it.
                  requestAnimationFrame(() => side.current?.focus());
                }}
                onOpen={() => setReviewSoon(true)}
              />
            )}
          </>
        }
      />
      {draft.active ? (
        <DraftBar
          store={store}
          changes={drafted.changes}
          held={drafted.held}
          reviewOpen={reviewing}
          onReview={() => (reviewing ? select(closeReview(selection)) : openReview())}
        />
      ) : null}
      {/* Keys from the graph and from the details beside it (Escape lets go of the selection). */}
      <div className="ls-canvas__main" onKeyDown={keyboard.onKeyDown}>
        <div className="ls-canvas__flow" ref={flowBox} onMouseLeave={() => emphasis.setHovered(undefined)}>
          {overview ? null : (
            <button type="button" className="ls-skip" onClick={() => side.current?.focus()} aria-controls={sideId}>
              Skip the graph ({plural(drawing.nodes.length, 'table')}): go to the details
            </button>
          )}
          {!legend.open && selection.kind === 'none' ? (
            <button
              type="button"
              ref={showLegendButton}
              className="ls-button ls-legend-toggle"
              aria-expanded="false"
              aria-controls={sideId}
              onClick={() => legend.toggle(true)}
            >
              Legend
            </button>
          ) : null}
          <DrawnCount
            drawn={drawing.nodes.length}
            total={model.nodes.size}
            filteredOut={drawing.filteredOut}
            matchingBeyond={drawing.matchingBeyond}
            showAll={filters.showAll}
            grouped={grouped}
            onFilters={onFilters}
          />
          <CanvasNotes
            layingOut={layoutPending && !grouped && drawing.nodes.length > QUICK_LAYOUT_MAX ? drawing.nodes.length : undefined}
            layoutError={layoutError}
            readingLinks={columnLists.readingLinks}
            unreadLinks={columnLists.unreadLinks}
          />
          {grouped ? (
            <Suspense
              fallback={
                <p className="ls-canvas__busy" role="status">
                  Grouping the tables…
                </p>
              }
            >
              <GroupedOverview
                model={model}
                by={grouped}
                colourBy={filters.colourBy}
                emphasis={emphasis.emphasis}
                diffs={drafted.drafted.diffs}
                centerOn={camera.centerRequest}
                onSelect={selectOnCanvas}
                onHover={emphasis.setHovered}
                pictureRef={groupedPicture}
              />
            </Suspense>
          ) : null}
          {overview && !grouped && placed ? (
            <OverviewCanvas
              model={model}
              nodes={drawing.nodes}
              edges={drawing.edges}
              diffs={drafted.drafted.diffs}
              layout={layout}
              emphasis={emphasis.emphasis}
              onSelect={selectOnCanvas}
              onHover={emphasis.setHovered}
              centerOn={camera.centerRequest}
            />
          ) : null}
          {overview || !camera.initialViewport ? null : (
            <GraphFlow
              nodes={flow.nodes}
              edges={flow.edges}
              emphasis={emphasis.emphasis}
              columnActions={columnLists.actions}
              initialViewport={camera.initialViewport}
              miniMap={camera.miniMap && { small: camera.box !== undefined && camera.box.height < 520, colourOf: miniMapColour }}
              onNodeClick={onNodeClick}
              onEdgeClick={(_event, edge) => select({ kind: 'edge', key: edge.id })}
              onPaneClick={() => {
                emphasis.stopRootCause();
                select(letGo(selection));
              }}
              onHover={emphasis.setHovered}
              connectable={editable.size > 0}
              onConnect={connect.onConnect}
              onConnectEnd={connect.onConnectEnd}
              isValidConnection={connect.isValidConnection}
            />
          )}
        </div>
        <CanvasSide
          id={sideId}
          panel={side}
          selection={selection}
          select={select}
          closeReview={() => select(closeReview(selection))}
          drafted={drafted}
          editable={editable}
          reach={emphasis.selectedPaths}
          trace={trace}
          causes={emphasis.causes}
          rootCauseFor={emphasis.rootCauseFor}
          toggleRootCause={emphasis.toggleRootCause}
          drawn={drawn}
          reveal={reveal}
          focusTable={focusTable}
          legend={legend}
          grouped={grouped}
          hideLegendButton={hideLegendButton}
          onOpenTable={onOpenTable}
          onEditLink={onEditLink}
          reviewSoon={reviewSoon}
          openReview={openReview}
        />
      </div>
    </div>
  );
}
