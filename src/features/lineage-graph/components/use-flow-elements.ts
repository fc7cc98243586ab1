// React Flow's node and edge lists for the drawn tables (nodes/flow-elements.ts, pure), memoised on
// what each list reads: a highlight never rebuilds them (emphasis travels through a context).
import { useMemo } from 'react';
import type { GraphModel } from '../model/build-graph';
import type { LinkChange } from '../model/draft';
import type { LayoutResult, Point } from '../model/layout';
import type { UpstreamFailure } from '../model/quality-paths';
import { routeEdges } from '../model/routes';
import type { VisibleGraph } from '../model/view-model';
import type { ColumnEdgeType } from '../nodes/column-edge';
import type { NodeColumnList } from '../nodes/column-list';
import type { ColourBy } from '../nodes/emphasis';
import type { FlowEdgeType } from '../nodes/flow-edge';
import { toConnectorEdges, toFlowEdges, toFlowNodes } from '../nodes/flow-elements';
import { tableNodeLabel, type TableFlowNode } from '../nodes/table-node';

interface FlowInput {
  /** Painted on a canvas instead (OverviewCanvas): no React Flow elements. */
  overview: boolean;
  drawing: VisibleGraph;
  model: GraphModel;
  layout: LayoutResult;
  heightOf: (key: string) => number;
  columns: { nodeColumns: ReadonlyMap<string, NodeColumnList>; flowEdges: ColumnEdgeType[] };
  colourBy: ColourBy;
  failures: ReadonlyMap<string, UpstreamFailure> | undefined;
  draft: { addedTables: ReadonlySet<string>; diffs: ReadonlyMap<string, LinkChange> };
  /** The table in the graph's Tab order. */
  active: string | undefined;
  connectable: boolean;
  selectedEdge: string | undefined;
}

export function useFlowElements(input: FlowInput) {
  const { overview, drawing, model, layout, heightOf, columns, colourBy, failures, draft, active, connectable, selectedEdge } = input;
  const nodes = useMemo<TableFlowNode[]>(
    () =>
      overview
        ? []
        : toFlowNodes({
            keys: drawing.nodes,
            model,
            positions: layout.positions,
            hidden: drawing.hidden,
            columns: columns.nodeColumns,
            heightOf,
            labelOf: (key) => {
              const table = model.nodes.get(key);
              return table ? tableNodeLabel(table, colourBy, failures?.get(key), draft.addedTables.has(key)) : key;
            },
            active,
            connectable,
            drafted: draft.addedTables,
          }),
    [drawing, model, layout, connectable, overview, draft.addedTables, columns.nodeColumns, colourBy, failures, active, heightOf],
  );
  // Arrows that skip a column go round its tables (routes.ts).
  const routes = useMemo(() => (overview ? new Map<string, Point[]>() : routeEdges(layout.positions, drawing.edges, heightOf)), [overview, layout, drawing.edges, heightOf]);
  const links = useMemo(
    () => (overview ? [] : toFlowEdges(drawing.edges, model, layout.positions, draft.diffs, routes, selectedEdge)),
    [drawing.edges, model, selectedEdge, layout, overview, draft.diffs, routes],
  );
  const connectors = useMemo(() => (overview ? [] : toConnectorEdges(drawing.connectors, model, layout.positions)), [drawing.connectors, layout, overview, model]);
  const edges = useMemo<(FlowEdgeType | ColumnEdgeType)[]>(() => [...links, ...connectors, ...columns.flowEdges], [links, connectors, columns.flowEdges]);
  return { nodes, edges, linkCount: links.length };
}
