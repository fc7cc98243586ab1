// The drawn tables and links in React Flow, with its zoom buttons and minimap. Highlights reach the
// nodes through EmphasisContext; column-list actions through ColumnActionsContext.
import { Background, Controls, MiniMap, ReactFlow, useStoreApi, type Connection, type Edge, type EdgeMouseHandler, type NodeMouseHandler, type OnConnectEnd } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { INK } from '@/lib/palette';
import { MIN_ZOOM, type Viewport } from '../model/viewport';
import type { ColumnEdgeType } from '../nodes/column-edge';
import { ColumnActionsContext, type ColumnActions } from '../nodes/column-list';
import { EmphasisContext, type Emphasis } from '../nodes/emphasis';
import type { FlowEdgeType } from '../nodes/flow-edge';
import { edgeTypes, nodeTypes } from '../nodes/node-types';
import type { TableFlowNode } from '../nodes/table-node';
import { GRAPH_ARIA_LABELS } from './use-graph-keyboard';

const SMALL_MINIMAP = { width: 140, height: 90 };

interface GraphFlowProps {
  nodes: TableFlowNode[];
  edges: (FlowEdgeType | ColumnEdgeType)[];
  emphasis: Emphasis;
  columnActions: ColumnActions;
  initialViewport: Viewport;
  /** The minimap joins one frame after the first picture; small on a short canvas. */
  miniMap: false | { small: boolean; colourOf: (key: string) => string };
  onNodeClick: NodeMouseHandler<TableFlowNode>;
  onEdgeClick: EdgeMouseHandler;
  onPaneClick: () => void;
  onHover: (key: string | undefined) => void;
  connectable: boolean;
  onConnect: (connection: Connection) => void;
  onConnectEnd: OnConnectEnd;
  isValidConnection: (connection: Connection | Edge) => boolean;
}

/**
 * A callback whose identity never changes, calling the latest `fn`. React Flow hands its handlers
 * to every node and arrow wrapper: a new function on each render (a hover re-renders the canvas)
 * re-rendered all 200 arrows and the minimap's nodes for nothing.
 */
function useStable<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

export function GraphFlow({ nodes: built, edges, emphasis, columnActions, initialViewport, miniMap, onHover, connectable, ...handlers }: GraphFlowProps) {
  const nodes = useMeasured(built);
  const onNodeClick = useStable(handlers.onNodeClick);
  const onEdgeClick = useStable(handlers.onEdgeClick);
  const onPaneClick = useStable(handlers.onPaneClick);
  const onConnect = useStable(handlers.onConnect);
  const onConnectEnd = useStable(handlers.onConnectEnd);
  const isValidConnection = useStable(handlers.isValidConnection);
  const onNodeMouseEnter = useStable<Parameters<NodeMouseHandler<TableFlowNode>>, void>((_event, node) => onHover(node.id));
  const onNodeMouseLeave = useStable(() => onHover(undefined));
  // A new colouring (own / including upstream) is a new function: the minimap redraws its nodes.
  const colourOf = miniMap ? miniMap.colourOf : undefined;
  const nodeColor = useCallback((node: TableFlowNode) => (colourOf ? colourOf(node.id) : INK.border), [colourOf]);
  return (
    <EmphasisContext.Provider value={emphasis}>
      <ColumnActionsContext.Provider value={columnActions}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodeClick={onNodeClick}
          onEdgeClick={onEdgeClick}
          onPaneClick={onPaneClick}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          onNodeMouseEnter={onNodeMouseEnter}
          onNodeMouseLeave={onNodeMouseLeave}
          nodesDraggable={false}
          nodesConnectable={connectable}
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
          <Background gap={20} size={1} color={INK.grid} />
          <Controls showInteractive={false} position="bottom-left" />
          {miniMap ? (
            <MiniMap
              pannable
              zoomable
              position="bottom-right"
              ariaLabel="Minimap of the lineage graph"
              // On a short canvas (1280×720, an embedding host's box) the minimap takes less of it.
              style={miniMap.small ? SMALL_MINIMAP : undefined}
              nodeColor={nodeColor}
              nodeStrokeWidth={0}
            />
          ) : null}
        </ReactFlow>
      </ColumnActionsContext.Provider>
    </EmphasisContext.Provider>
  );
}

/**
 * Our node lists are rebuilt (a new layout, the failure marks, a column list), and React Flow
 * treats a node that comes without `measured` as new: it forgets where its handles are, draws every
 * node again (culling waits for a measurement) and every arrow disappears until then — a second
 * full redraw after each rebuild (bench: 201 nodes drawn, then 17; arrows gone for 130 ms). A node
 * React Flow has measured keeps that measurement; a change of size is seen by its ResizeObserver.
 */
function useMeasured(nodes: TableFlowNode[]): TableFlowNode[] {
  const store = useStoreApi<TableFlowNode>();
  return useMemo(() => {
    const { nodeLookup } = store.getState();
    return nodes.map((node) => {
      const measured = nodeLookup.get(node.id)?.measured;
      return measured?.width !== undefined && measured.height !== undefined ? { ...node, measured } : node;
    });
  }, [nodes, store]);
}
