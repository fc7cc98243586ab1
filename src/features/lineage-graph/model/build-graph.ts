// API response → graph model. Pure: no React, no DOM, no layout.
// Node identity is (connection, schema, table) through tableKey, never compact_key.
import type { LineageFlow, LineageTree, QualityStatus } from '@/api/normalize';
import { tableKey, type TableRef } from '@/lib/table-ref';

export interface TableNodeData {
  key: string;
  ref: TableRef;
  /** The table's own status. */
  status?: QualityStatus;
  /** The table's status combined with everything upstream of it (DQOps's upstream_combined). */
  combinedStatus?: QualityStatus;
  rowCount?: number;
  rowCountEstimated: boolean;
  /** False when the lineage names a table DQOps does not know. */
  exists: boolean;
  isRoot: boolean;
  /** The table lists itself as a source (DQOps ignores such links; we show a mark). */
  selfLink: boolean;
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  rowCount?: number;
  /** DQOps's upstream_combined_quality_status of the flow: the edge colour. */
  combinedStatus?: QualityStatus;
  flow: LineageFlow;
}

export interface GraphModel {
  rootKey: string;
  nodes: Map<string, TableNodeData>;
  edges: Map<string, GraphEdge>;
  /** key → keys of its source tables (upstream neighbours). */
  sources: Map<string, string[]>;
  /** key → keys of its target tables (downstream neighbours). */
  targets: Map<string, string[]>;
}

export function edgeKey(source: string, target: string): string {
  return `${source}→${target}`;
}

function pushUnique(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

export function buildGraph(tree: LineageTree): GraphModel {
  const rootKey = tableKey(tree.relativeTable);
  const nodes = new Map<string, TableNodeData>();
  const edges = new Map<string, GraphEdge>();
  const sources = new Map<string, string[]>();
  const targets = new Map<string, string[]>();

  const ensure = (ref: TableRef): TableNodeData => {
    const key = tableKey(ref);
    let node = nodes.get(key);
    if (!node) {
      node = { key, ref, rowCountEstimated: false, exists: true, isRoot: key === rootKey, selfLink: false };
      nodes.set(key, node);
    }
    return node;
  };
  const root = ensure(tree.relativeTable);

  for (const flow of tree.flows) {
    const source = ensure(flow.source);
    const target = ensure(flow.target);
    source.status ??= flow.sourceStatus;
    target.status ??= flow.targetStatus;
    if (flow.sourceStatus?.tableExists === false) source.exists = false;
    if (flow.targetStatus?.tableExists === false) target.exists = false;
    if (flow.rowCount !== undefined && source.rowCount === undefined) {
      source.rowCount = flow.rowCount;
      source.rowCountEstimated = flow.rowCountEstimated;
    }
    if (source.key === target.key) {
      source.selfLink = true;
      continue;
    }
    const key = edgeKey(source.key, target.key);
    if (edges.has(key)) continue; // duplicate flow
    edges.set(key, { key, source: source.key, target: target.key, rowCount: flow.rowCount, combinedStatus: flow.upstreamCombinedStatus, flow });
    pushUnique(sources, target.key, source.key);
    pushUnique(targets, source.key, target.key);
  }

  // upstream_combined means "the source's combined status" on upstream flows and "the target's"
  // on downstream flows (CONTRACT §3): tell them apart by whether the target is above the root.
  const aboveRoot = new Set<string>([rootKey]);
  const queue = [rootKey];
  while (queue.length > 0) {
    const key = queue.pop() as string;
    for (const source of sources.get(key) ?? []) {
      if (!aboveRoot.has(source)) {
        aboveRoot.add(source);
        queue.push(source);
      }
    }
  }
  for (const edge of edges.values()) {
    const owner = aboveRoot.has(edge.target) ? edge.source : edge.target;
    const node = nodes.get(owner);
    if (node && !node.combinedStatus && edge.combinedStatus) node.combinedStatus = edge.combinedStatus;
  }
  root.combinedStatus = tree.relativeCumulativeStatus ?? root.combinedStatus ?? root.status;
  if (!root.status && tree.flows.length === 0) root.status = tree.relativeCumulativeStatus;
  for (const node of nodes.values()) {
    node.combinedStatus ??= node.status;
    // Tables at the end of the lineage feed no flow: their row count comes from their status.
    if (node.rowCount === undefined && node.status?.rowCount !== undefined) node.rowCount = node.status.rowCount;
  }
  return { rootKey, nodes, edges, sources, targets };
}
