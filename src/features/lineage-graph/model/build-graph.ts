// API response → graph model. Pure: no React, no DOM, no layout.
// Node identity is (connection, schema, table) through tableKey, never compact_key.
import type { LineageFlow, LineageTree, QualityStatus } from '@/api/normalize';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { CombinedStatuses } from './combined-status';

export interface TableNodeData {
  key: string;
  ref: TableRef;
  /** The table's own status. */
  status?: QualityStatus;
  /** The table's status merged with everything upstream of it as far as this lineage shows (combined-status.ts). */
  readonly combinedStatus?: QualityStatus;
  rowCount?: number;
  rowCountEstimated: boolean;
  /** False when the lineage names a table DQOps does not know. */
  exists: boolean;
  isRoot: boolean;
  /** The table lists itself as a source (DQOps ignores such links; we show a mark). */
  selfLink: boolean;
  /** DQOps has not loaded this table's status yet (the tree is not fully loaded and left it out): "status loading", not "no checks". */
  statusLoading?: boolean;
}

export interface GraphEdge {
  key: string;
  source: string;
  target: string;
  rowCount?: number;
  /** The data arriving through the arrow: the source's combined status (the edge colour). */
  readonly combinedStatus?: QualityStatus;
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
  /** key → the edges arriving at it / leaving it (same order as sources / targets). */
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
}

export function edgeKey(source: string, target: string): string {
  return `${source}→${target}`;
}

// Classes rather than object literals: 5,000 tables and 11,000 flows are built per tree, and the
// combined statuses are read lazily through prototype getters (no closure per object).
class GraphTable implements TableNodeData {
  status?: QualityStatus;
  rowCount?: number;
  rowCountEstimated = false;
  exists = true;
  selfLink = false;
  statusLoading = false;

  constructor(
    readonly key: string,
    readonly ref: TableRef,
    readonly isRoot: boolean,
    private readonly combined: CombinedStatuses,
  ) {}

  get combinedStatus(): QualityStatus | undefined {
    return this.combined.of(this.key);
  }
}

class FlowEdge implements GraphEdge {
  readonly rowCount: number | undefined;

  constructor(
    readonly key: string,
    private readonly from: GraphTable,
    readonly target: string,
    readonly flow: LineageFlow,
  ) {
    this.rowCount = flow.rowCount;
  }

  get source(): string {
    return this.from.key;
  }

  /** What arrives through the arrow: its source table with everything upstream of it. */
  get combinedStatus(): QualityStatus | undefined {
    return this.from.combinedStatus;
  }
}

/** Appends to the list under `key` (edges are deduplicated by key first, so lists stay unique). */
function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else list.push(value);
}

export function buildGraph(tree: LineageTree): GraphModel {
  const rootKey = tableKey(tree.relativeTable);
  const nodes = new Map<string, GraphTable>();
  const edges = new Map<string, GraphEdge>();
  const sources = new Map<string, string[]>();
  const targets = new Map<string, string[]>();
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  const combined = new CombinedStatuses((key) => nodes.get(key)?.status, sources);
  const ensure = (ref: TableRef): GraphTable => {
    const key = tableKey(ref);
    let node = nodes.get(key);
    if (!node) {
      node = new GraphTable(key, ref, key === rootKey, combined);
      nodes.set(key, node);
    }
    return node;
  };
  const root = ensure(tree.relativeTable);

  for (const flow of tree.flows) {
    const source = ensure(flow.source);
    const target = ensure(flow.target);
    // DQOps repeats a table's status on every flow that touches it: the first one is read (the
    // statuses are normalised when read, so reading them all would cost ~100 ms on 5,000 tables).
    if (source.status === undefined) {
      source.status = flow.sourceStatus;
      if (source.status?.tableExists === false) source.exists = false;
    }
    if (target.status === undefined) {
      target.status = flow.targetStatus;
      if (target.status?.tableExists === false) target.exists = false;
    }
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
    const edge = new FlowEdge(key, source, target.key, flow);
    edges.set(key, edge);
    push(sources, target.key, source.key);
    push(targets, source.key, target.key);
    push(incoming, target.key, edge);
    push(outgoing, source.key, edge);
  }

  if (!root.status && tree.flows.length === 0) root.status = tree.relativeCumulativeStatus;
  for (const node of nodes.values()) {
    // DQOps leaves out a status its cache has not loaded, and then says the tree is not fully loaded.
    if (!node.status && !tree.fullyLoaded) node.statusLoading = true;
    // Tables at the end of the lineage feed no flow: their row count comes from their status.
    if (node.rowCount === undefined && node.status?.rowCount !== undefined) node.rowCount = node.status.rowCount;
  }
  return { rootKey, nodes, edges, sources, targets, incoming, outgoing };
}
