// Walks over the graph model. Every walk keeps a visited set, so cycles end.
import type { GraphModel } from './build-graph';

export type Side = 'upstream' | 'downstream';

function neighbours(model: GraphModel, side: Side) {
  return side === 'upstream' ? model.sources : model.targets;
}

/** Hop distance from `start` to every node reachable on one side (BFS). */
export function distances(model: GraphModel, start: string, side: Side): Map<string, number> {
  const next = neighbours(model, side);
  const dist = new Map<string, number>([[start, 0]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const following: string[] = [];
    for (const key of frontier) {
      const d = dist.get(key) ?? 0;
      for (const n of next.get(key) ?? []) {
        if (!dist.has(n)) {
          dist.set(n, d + 1);
          following.push(n);
        }
      }
    }
    frontier = following;
  }
  return dist;
}

/** All nodes above (ancestors) or below (descendants) `start`, not including it. */
export function closure(model: GraphModel, start: string, side: Side): Set<string> {
  const found = new Set(distances(model, start, side).keys());
  found.delete(start);
  return found;
}

export interface PathHighlight {
  nodes: Set<string>;
  edges: Set<string>;
  /** How many tables lie upstream and downstream of the table (its whole lineage). */
  upstream: number;
  downstream: number;
}

/**
 * Every upstream and downstream path through `key`: its ancestors, descendants and their edges.
 * One walk per side; every edge into an ancestor (or `key`) lies on an upstream path, every edge
 * out of a descendant (or `key`) on a downstream one, so edges are collected on the way.
 */
export function pathsThrough(model: GraphModel, key: string): PathHighlight {
  const nodes = new Set<string>([key]);
  const edges = new Set<string>();
  const walk = (side: Side): number => {
    const links = side === 'upstream' ? model.incoming : model.outgoing;
    const seen = new Set<string>([key]);
    const stack = [key];
    while (stack.length > 0) {
      const at = stack.pop() as string;
      for (const edge of links.get(at) ?? []) {
        edges.add(edge.key);
        const n = side === 'upstream' ? edge.source : edge.target;
        if (seen.has(n)) continue;
        seen.add(n);
        nodes.add(n);
        stack.push(n);
      }
    }
    return seen.size - 1;
  };
  const upstream = walk('upstream');
  const downstream = walk('downstream');
  return { nodes, edges, upstream, downstream };
}

export interface Neighbourhood {
  visible: Set<string>;
  /** Visible node → how many of its neighbours are not drawn, per side. */
  hidden: Map<string, { upstream: number; downstream: number }>;
}

/**
 * The part of the graph to draw: the root, `depth` hops each way, plus one more hop past every
 * node in `expanded`, plus every node in `revealed` with a path to it.
 */
export function neighbourhood(
  model: GraphModel,
  options: {
    depth: number;
    expanded?: ReadonlySet<string>;
    revealed?: ReadonlySet<string>;
    showAll?: boolean;
    /** At most this many tables are drawn by the hop rule (hub tables can have hundreds of neighbours). */
    maxNodes?: number;
  },
): Neighbourhood {
  const visible = new Set<string>();
  if (options.showAll) for (const key of model.nodes.keys()) visible.add(key);
  else {
    visible.add(model.rootKey);
    // Each side gets half the budget; expansions the user asked for are never cut.
    const budget = Math.max(1, Math.floor((options.maxNodes ?? Number.POSITIVE_INFINITY) / 2));
    for (const side of ['upstream', 'downstream'] as const) {
      const next = neighbours(model, side);
      const dist = new Map<string, number>([[model.rootKey, 0]]);
      let added = 0;
      let frontier = [model.rootKey];
      while (frontier.length > 0) {
        const following: string[] = [];
        for (const key of frontier) {
          const d = dist.get(key) ?? 0;
          const expanded = options.expanded?.has(key) === true;
          if (d >= options.depth && !expanded) continue;
          for (const n of next.get(key) ?? []) {
            if (dist.has(n)) continue;
            if (added >= budget && !expanded) continue;
            dist.set(n, d + 1);
            visible.add(n);
            following.push(n);
            added += 1;
          }
        }
        frontier = following;
      }
    }
    if (options.revealed && options.revealed.size > 0) {
      const pathTo = pathsFromRoot(model);
      for (const key of options.revealed) for (const step of pathTo(key)) visible.add(step);
    }
  }

  // "+N" on a table: its neighbours that are not drawn, i.e. exactly what one click reveals
  // (expanding adds one hop). Counting everything hidden behind every drawn table took ~60 ms
  // on a 5,000-table lineage; the details panel counts the whole lineage of a selected table.
  const hidden = new Map<string, { upstream: number; downstream: number }>();
  for (const key of visible) {
    let upstream = 0;
    let downstream = 0;
    for (const n of model.sources.get(key) ?? []) if (!visible.has(n)) upstream += 1;
    for (const n of model.targets.get(key) ?? []) if (!visible.has(n)) downstream += 1;
    if (upstream > 0 || downstream > 0) hidden.set(key, { upstream, downstream });
  }
  return { visible, hidden };
}

/**
 * The shortest chain of tables from the root to a table (either side), both ends included: one walk
 * per side from the root (made when first needed), then each chain is read back through the
 * parents. A draft of 2,000 imported links asked for 2,000 chains, and a walk per chain took the
 * page ~250 ms.
 */
export function pathsFromRoot(model: GraphModel): (key: string) => string[] {
  const parents: Partial<Record<Side, Map<string, string | null>>> = {};
  const walk = (side: Side) => {
    const next = neighbours(model, side);
    const parent = new Map<string, string | null>([[model.rootKey, null]]);
    const queue = [model.rootKey];
    for (let i = 0; i < queue.length; i += 1) {
      const current = queue[i] as string;
      for (const n of next.get(current) ?? []) {
        if (!parent.has(n)) {
          parent.set(n, current);
          queue.push(n);
        }
      }
    }
    return parent;
  };
  return (key) => {
    for (const side of ['upstream', 'downstream'] as const) {
      const parent = (parents[side] ??= walk(side));
      if (!parent.has(key)) continue;
      const path: string[] = [];
      for (let at: string | null | undefined = key; at; at = parent.get(at)) path.push(at);
      return path.reverse();
    }
    return model.nodes.has(key) ? [key] : [];
  };
}

/**
 * Whether a link source → target lies on a path through the focus table, i.e. whether DQOps's
 * tree of the focus holds it (its tree is the focus's ancestors and descendants only). For many
 * links: the focus's ancestors and descendants are found once.
 */
export function throughRoot(model: GraphModel): (source: string, target: string) => boolean {
  let upstream: Set<string> | undefined;
  let downstream: Set<string> | undefined;
  const root = model.rootKey;
  return (source, target) => {
    if (source === root || target === root) return true;
    upstream ??= closure(model, root, 'upstream');
    if (upstream.has(target)) return true;
    downstream ??= closure(model, root, 'downstream');
    return downstream.has(source);
  };
}

/**
 * Every table's level from the focus: how many flows its longest chain to the focus has, upstream
 * negative and downstream positive, the focus 0. The longest chain (not the shortest) so that a
 * flow between two tables on one side always runs from a lower level to a higher one: levels read
 * left to right as the data flows, and no flow between two levels runs backwards unless the
 * tables form a loop. A table that is both upstream and downstream (a loop through the focus) is on
 * level 0; a table neither upstream nor downstream of the focus has no level.
 */
export function levelsFromFocus(model: GraphModel): Map<string, number> {
  const levels = new Map<string, number>([[model.rootKey, 0]]);
  const upstream = longestChains(model, 'upstream');
  const downstream = longestChains(model, 'downstream');
  for (const [key, level] of upstream) if (!downstream.has(key)) levels.set(key, -level);
  for (const [key, level] of downstream) if (!upstream.has(key)) levels.set(key, level);
  for (const key of upstream.keys()) if (downstream.has(key)) levels.set(key, 0);
  return levels;
}

/** One side's tables (the focus excluded) → the longest chain of flows to the focus (Kahn's order). */
function longestChains(model: GraphModel, side: Side): Map<string, number> {
  const next = neighbours(model, side);
  const back = neighbours(model, side === 'upstream' ? 'downstream' : 'upstream');
  const hops = distances(model, model.rootKey, side);
  // Flows into each table from the focus's side (from the focus or another table of this side).
  const waiting = new Map<string, number>();
  for (const key of hops.keys()) {
    if (key === model.rootKey) continue;
    let count = 0;
    for (const n of back.get(key) ?? []) if (hops.has(n)) count += 1;
    waiting.set(key, count);
  }
  const level = new Map<string, number>();
  const ready = [model.rootKey];
  while (ready.length > 0) {
    const key = ready.pop() as string;
    const from = key === model.rootKey ? 0 : (level.get(key) ?? 0);
    for (const n of next.get(key) ?? []) {
      const left = waiting.get(n);
      if (left === undefined) continue; // the focus itself (a loop through it)
      level.set(n, Math.max(level.get(n) ?? 0, from + 1));
      waiting.set(n, left - 1);
      if (left === 1) ready.push(n);
    }
  }
  // Tables in a loop on this side never become ready: they keep the longest chain found into the
  // loop (at least their hop distance).
  for (const [key, d] of hops) if (key !== model.rootKey) level.set(key, Math.max(level.get(key) ?? 0, d));
  return level;
}
