// The layouts that use dagre, apart from model/layout.ts (the shared types, sizes and the layered
// layout): the grouped overview's chunk and the shared model code need no dagre.
import dagre from '@dagrejs/dagre';
import { bounds, heightOf, LAYERED_THRESHOLD, layeredLayout, NODE_SEP, NODE_WIDTH, RANK_SEP, type LayoutAlgorithm, type LayoutInput, type LayoutResult, type Point } from './layout';

export function chooseAlgorithm(nodeCount: number): LayoutAlgorithm {
  return nodeCount <= LAYERED_THRESHOLD ? 'dagre-network-simplex' : 'layered';
}

export function layoutGraph(input: LayoutInput, algorithm: LayoutAlgorithm = chooseAlgorithm(input.nodes.length)): LayoutResult {
  return algorithm === 'layered' ? layeredLayout(input) : dagreLayout(input, algorithm === 'dagre-network-simplex' ? 'network-simplex' : 'longest-path');
}

/** Left to right (data flows left → right), fixed node sizes, a new dagre graph on every call. */
export function dagreLayout(input: LayoutInput, ranker: 'network-simplex' | 'longest-path' | 'tight-tree'): LayoutResult {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: NODE_SEP, ranksep: RANK_SEP, marginx: 0, marginy: 0, ranker });
  graph.setDefaultEdgeLabel(() => ({}));
  const height = heightOf(input);
  for (const key of input.nodes) graph.setNode(key, { width: NODE_WIDTH, height: height(key) });
  for (const [source, target] of input.edges) {
    if (source !== target && graph.hasNode(source) && graph.hasNode(target)) graph.setEdge(source, target);
  }
  dagre.layout(graph);
  const positions = new Map<string, Point>();
  for (const key of input.nodes) {
    const node = graph.node(key);
    // dagre gives the centre point; React Flow wants the top-left corner.
    positions.set(key, { x: Math.round(node.x - NODE_WIDTH / 2), y: Math.round(node.y - height(key) / 2) });
  }
  return { positions, algorithm: ranker === 'network-simplex' ? 'dagre-network-simplex' : 'dagre-longest-path', ...bounds(positions, height) };
}

