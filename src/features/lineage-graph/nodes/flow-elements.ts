// The drawn graph as React Flow's nodes and edges. Pure: the canvas memoises each list on what it
// reads, and highlights travel separately (EmphasisContext), so these lists change only when the
// picture does.
import { MarkerType } from '@xyflow/react';
import { plural } from '@/lib/format';
import { INK } from '@/lib/palette';
import { SEVERITY_STYLE, severityKey } from '@/lib/severity';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import type { LinkChange } from '../model/draft';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from '../model/layout';
import { edgeWidth, type Connector } from '../model/view-model';
import type { NodeColumnList } from './column-list';
import { DIFF_STYLE } from './diff-style';
import type { FlowEdgeType } from './flow-edge';
import { tableHandles, type TableFlowNode } from './table-node';

/** Dimmed connectors through tables a status filter hides. */
export const CONNECTOR_COLOUR = INK.connector;

export interface FlowNodesInput {
  keys: readonly string[];
  model: GraphModel;
  positions: ReadonlyMap<string, Point>;
  hidden: ReadonlyMap<string, { upstream: number; downstream: number }>;
  columns: ReadonlyMap<string, NodeColumnList>;
  heightOf: (key: string) => number;
  /** The table's accessible name (tableNodeLabel). */
  labelOf: (key: string) => string;
  /** The table in the graph's Tab order (roving focus). */
  active: string | undefined;
  connectable: boolean;
  /** Tables the draft brings in. */
  drafted: ReadonlySet<string>;
}

/** One node per drawn table that the layout has placed (the others wait for their layout). */
export function toFlowNodes({ keys, model, positions, hidden, columns, heightOf, labelOf, active, connectable, drafted }: FlowNodesInput): TableFlowNode[] {
  return keys.flatMap((key) => {
    const table = model.nodes.get(key);
    const position = positions.get(key);
    if (!table || !position) return [];
    const list = columns.get(key);
    // Without a column list the table's size and handles are known (a list's rows are measured).
    const known = list ? {} : { measured: { width: NODE_WIDTH, height: NODE_HEIGHT }, handles: tableHandles(NODE_WIDTH, table.isRoot, connectable) };
    return {
      id: key,
      type: 'table',
      ariaLabel: labelOf(key),
      domAttributes: { tabIndex: key === active ? 0 : -1 },
      position,
      width: NODE_WIDTH,
      height: list ? heightOf(key) : NODE_HEIGHT,
      data: {
        table,
        hiddenUpstream: hidden.get(key)?.upstream ?? 0,
        hiddenDownstream: hidden.get(key)?.downstream ?? 0,
        connectable,
        drafted: drafted.has(key),
        columns: list,
        current: key === active,
      },
      selectable: true,
      draggable: false,
      ...known,
    } satisfies TableFlowNode;
  });
}

const tableName = (model: GraphModel, key: string) => model.nodes.get(key)?.ref.table;

/** One arrow per drawn link: coloured by the data arriving (or the draft's change), as wide as its rows. */
export function toFlowEdges(
  edges: readonly GraphEdge[],
  model: GraphModel,
  positions: ReadonlyMap<string, Point>,
  diffs: ReadonlyMap<string, LinkChange>,
  routes: ReadonlyMap<string, Point[]>,
  selected: string | undefined,
): FlowEdgeType[] {
  return edges.flatMap((edge) => {
    if (!positions.has(edge.source) || !positions.has(edge.target)) return [];
    const diff = diffs.get(edge.key)?.diff;
    const color = diff ? DIFF_STYLE[diff].color : SEVERITY_STYLE[severityKey(edge.combinedStatus)].color;
    return {
      id: edge.key,
      type: 'flow',
      source: edge.source,
      target: edge.target,
      selected: edge.key === selected,
      markerEnd: { type: MarkerType.ArrowClosed, color, width: 16, height: 16, markerUnits: 'userSpaceOnUse' },
      data: { color, width: diff ? 2.5 : edgeWidth(edge.rowCount), diff, route: routes.get(edge.key) },
      ariaLabel: `${tableName(model, edge.source)} feeds ${tableName(model, edge.target)}${diff ? `, draft: ${DIFF_STYLE[diff].aria}` : ''}`,
      focusable: true,
      domAttributes: { tabIndex: -1 }, // reached from its tables with Shift+arrow keys, not by Tab
    } satisfies FlowEdgeType;
  });
}

/** The ways between drawn tables through tables a status filter hides: dimmed, not selectable. */
export function toConnectorEdges(connectors: readonly Connector[], model: GraphModel, positions: ReadonlyMap<string, Point>): FlowEdgeType[] {
  return connectors.flatMap((connector) =>
    positions.has(connector.source) && positions.has(connector.target)
      ? [
          {
            id: connector.key,
            type: 'flow',
            source: connector.source,
            target: connector.target,
            selectable: false,
            focusable: false,
            markerEnd: { type: MarkerType.ArrowClosed, color: CONNECTOR_COLOUR, width: 12, height: 12, markerUnits: 'userSpaceOnUse' },
            data: { color: CONNECTOR_COLOUR, width: 1.5, through: connector.through },
            ariaLabel: `${tableName(model, connector.source)} leads to ${tableName(model, connector.target)} through ${plural(connector.through, 'table')} the filter hides`,
          } satisfies FlowEdgeType,
        ]
      : [],
  );
}
