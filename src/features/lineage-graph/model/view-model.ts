// What to draw: the neighbourhood, minus what the filters hide. Pure.
import { severityKey, type SeverityKey } from '@/lib/severity';
import type { GraphEdge, GraphModel } from './build-graph';
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
}

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
  return { nodes, edges, hidden, filteredOut };
}

/** Edge width grows with the log of the row count that flows through it. */
export function edgeWidth(rowCount: number | undefined): number {
  if (rowCount === undefined || rowCount <= 1) return 1.5;
  return Math.min(9, Math.max(1.5, 1 + Math.log10(rowCount) * 0.95));
}
