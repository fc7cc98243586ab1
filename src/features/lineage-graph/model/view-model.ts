// What to draw: the neighbourhood, minus what the filters hide. Pure.
import { severityKey, type SeverityKey } from '@/lib/severity';
import { edgeKey, type GraphEdge, type GraphModel } from './build-graph';
import { neighbourhood } from './traverse';

export const DEFAULT_DEPTH = 2;
/** The default view never draws more than about this many tables. */
export const DEFAULT_MAX_NODES = 200;
export const FILTERABLE: SeverityKey[] = ['valid', 'warning', 'error', 'fatal', 'none'];

export interface ViewOptions {
  depth: number;
  expanded: ReadonlySet<string>;
  revealed: ReadonlySet<string>;
  showAll: boolean;
  /** Severities to show; the focus table is always shown. */
  severities: ReadonlySet<SeverityKey>;
  showMissing: boolean;
}

export interface VisibleGraph {
  nodes: string[];
  edges: GraphEdge[];
  hidden: Map<string, { upstream: number; downstream: number }>;
  /** Tables in the neighbourhood that the filters hide. */
  filteredOut: number;
  /**
   * While a status filter hides tables: dimmed links between drawn tables that are connected only
   * through hidden ones (`through`: how many hidden tables lie between, on the shortest way).
   */
  connectors: Connector[];
  /** Tables of the whole lineage that pass the filter but lie beyond the drawn neighbourhood. */
  matchingBeyond: number;
}

export interface Connector {
  key: string;
  source: string;
  target: string;
  through: number;
}

/** Work limit for connectors on a whole 5,000-table lineage: past it, fewer connectors, never a frozen page. */
const CONNECTOR_BUDGET = 200_000;

/** A table's colour: its own status, or (`upstream`) DQOps's status including everything upstream. */
export function nodeSeverity(model: GraphModel, key: string, colourBy: 'own' | 'upstream' = 'own'): SeverityKey {
  const node = model.nodes.get(key);
  if (!node) return 'none';
  if (!node.exists) return 'missing';
  const s = severityKey(colourBy === 'upstream' ? node.combinedStatus : node.status);
  return s === 'unknown' ? 'none' : s;
}

export function visibleGraph(model: GraphModel, options: ViewOptions): VisibleGraph {
  const { visible, hidden } = neighbourhood(model, { maxNodes: DEFAULT_MAX_NODES, ...options });
  let filteredOut = 0;
  const nodes: string[] = [];
  // Model order (= the server's flow order) keeps layouts deterministic.
  for (const key of model.nodes.keys()) {
    if (!visible.has(key)) continue;
    const severity = nodeSeverity(model, key);
    const shown = key === model.rootKey || (severity === 'missing' ? options.showMissing : options.severities.has(severity));
    if (shown) nodes.push(key);
    else filteredOut += 1;
  }
  const drawn = new Set(nodes);
  const edges = [...model.edges.values()].filter((e) => drawn.has(e.source) && drawn.has(e.target));
  const filtering = options.severities.size < FILTERABLE.length || !options.showMissing;
  if (!filtering) return { nodes, edges, hidden, filteredOut, connectors: [], matchingBeyond: 0 };
  let matchingBeyond = 0;
  for (const key of model.nodes.keys()) {
    if (visible.has(key)) continue;
    const severity = nodeSeverity(model, key);
    if (severity === 'missing' ? options.showMissing : options.severities.has(severity)) matchingBeyond += 1;
  }
  return { nodes, edges, hidden, filteredOut, connectors: connectorsThroughHidden(model, nodes, drawn, visible), matchingBeyond };
}

/**
 * From every drawn table, a walk downstream through the tables the filter hides (inside the drawn
 * neighbourhood) to the next drawn tables: the paths between what is shown stay visible.
 */
function connectorsThroughHidden(model: GraphModel, nodes: readonly string[], drawn: ReadonlySet<string>, visible: ReadonlySet<string>): Connector[] {
  const connectors: Connector[] = [];
  let budget = CONNECTOR_BUDGET;
  for (const start of nodes) {
    const depth = new Map<string, number>();
    let frontier: string[] = [];
    for (const edge of model.outgoing.get(start) ?? []) {
      if (!drawn.has(edge.target) && visible.has(edge.target) && !depth.has(edge.target)) {
        depth.set(edge.target, 1);
        frontier.push(edge.target);
      }
    }
    const reached = new Map<string, number>();
    while (frontier.length > 0 && budget > 0) {
      const next: string[] = [];
      for (const key of frontier) {
        const through = depth.get(key) ?? 1;
        for (const edge of model.outgoing.get(key) ?? []) {
          budget -= 1;
          if (drawn.has(edge.target)) {
            if (edge.target !== start && !reached.has(edge.target)) reached.set(edge.target, through);
          } else if (visible.has(edge.target) && !depth.has(edge.target)) {
            depth.set(edge.target, through + 1);
            next.push(edge.target);
          }
        }
      }
      frontier = next;
    }
    for (const [target, through] of reached) if (!model.edges.has(edgeKey(start, target))) connectors.push({ key: `via\u0000${start}\u0000${target}`, source: start, target, through });
  }
  return connectors;
}

/** Edge width grows with the log of the row count that flows through it. */
export function edgeWidth(rowCount: number | undefined): number {
  if (rowCount === undefined || rowCount <= 1) return 1.5;
  return Math.min(9, Math.max(1.5, 1 + Math.log10(rowCount) * 0.95));
}
