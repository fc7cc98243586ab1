// Layout: graph → node positions. Pure (no React, no DOM), so it can run in a Web Worker.
// dagre lays out readable neighbourhoods; above LAYERED_THRESHOLD nodes a linear-ish layered
// layout is chosen up front (dagre's cost grows steeply with size: measured below and in `npm run bench`).

export const NODE_WIDTH = 248;
export const NODE_HEIGHT = 78;
export const NODE_SEP = 26;
export const RANK_SEP = 110;

/**
 * Above this many nodes the fast layered layout is used instead of dagre (network-simplex, its
 * best picture). Measured on the 201-table default view of a 5,000-table hub: dagre 55–170 ms,
 * layered 1 ms, with the same bounds; dagre's longest-path ranker is no faster at that size.
 */
export const LAYERED_THRESHOLD = 120;

export interface LayoutInput {
  nodes: readonly string[];
  edges: readonly (readonly [source: string, target: string])[];
  /** Tables drawn with their column list open: columnsHeight(rows) taller. */
  tall?: readonly string[];
  /** Rows of an open column list, by table (COLUMN_ROWS when not given): a 3-column table's list is short. */
  rows?: Readonly<Record<string, number>>;
}

/** Extra height of a table whose column list is open (search box, 8 rows, overflow lines). */
export const COLUMN_ROW_HEIGHT = 22;
export const COLUMN_ROWS = 8;
/** Extra height of a table whose open column list shows `rows` rows (search box, rows, overflow lines). */
export const columnsHeight = (rows: number = COLUMN_ROWS) => 34 + rows * COLUMN_ROW_HEIGHT + 2 * 18;
export const COLUMNS_HEIGHT = columnsHeight(COLUMN_ROWS);

/** Rows an open column list shows: all of a short table's columns, at most COLUMN_ROWS (then it scrolls). */
export function listRows(columnCount: number | undefined): number {
  return columnCount === undefined ? COLUMN_ROWS : Math.max(1, Math.min(COLUMN_ROWS, columnCount));
}

/** Height of every table of a layout input. */
export function heightOf(input: Pick<LayoutInput, 'tall' | 'rows'>): (key: string) => number {
  if (!input.tall || input.tall.length === 0) return () => NODE_HEIGHT;
  const tall = new Set(input.tall);
  return (key) => (tall.has(key) ? NODE_HEIGHT + columnsHeight(input.rows?.[key]) : NODE_HEIGHT);
}

export interface Point {
  x: number;
  y: number;
}

export type LayoutAlgorithm = 'dagre-network-simplex' | 'dagre-longest-path' | 'layered';

export interface LayoutResult {
  /** Top-left corner of every node (React Flow's convention). */
  positions: Map<string, Point>;
  algorithm: LayoutAlgorithm;
  width: number;
  height: number;
}

/**
 * Where the tables of a layout really are. A layout shown after another is shifted so that the focus
 * table stays where it was (use-layout.ts): its positions can then start above or left of 0, and
 * `width` × `height` alone do not say where the picture is.
 */
export function layoutExtent(
  positions: ReadonlyMap<string, Point>,
  box: { width: number; height: number } = { width: NODE_WIDTH, height: NODE_HEIGHT },
): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + box.width);
    maxY = Math.max(maxY, p.y + box.height);
  }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : undefined;
}

/** The bounds of placed nodes (top-left corners at positions). */
export function bounds(positions: Map<string, Point>, heightOfNode: (key: string) => number = () => NODE_HEIGHT): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const [key, p] of positions) {
    width = Math.max(width, p.x + NODE_WIDTH);
    height = Math.max(height, p.y + heightOfNode(key));
  }
  return { width, height };
}

/**
 * Fast layered layout for whole large graphs, O((V + E) · sweeps + V log V):
 * cycles broken by DFS, longest-path layers, then barycentre ordering sweeps.
 * Long edges get no dummy nodes, so some cross nodes: acceptable for an overview.
 */
export function layeredLayout(input: LayoutInput, sweeps = 4): LayoutResult {
  const index = new Map<string, number>();
  input.nodes.forEach((key, i) => index.set(key, i));
  const n = input.nodes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [source, target] of input.edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s !== undefined && t !== undefined && s !== t) out[s]?.push(t);
  }

  // 1. Break cycles: drop edges that point back to a node on the DFS stack (iterative DFS).
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const forward: number[][] = Array.from({ length: n }, () => []);
  for (let start = 0; start < n; start += 1) {
    if (state[start] !== 0) continue;
    const stack: [number, number][] = [[start, 0]];
    state[start] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [v, i] = top;
      const edges = out[v] ?? [];
      if (i < edges.length) {
        top[1] = i + 1;
        const w = edges[i] as number;
        if (state[w] === 1) continue; // back edge: cycle
        forward[v]?.push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        stack.pop();
      }
    }
  }

  // 2. Longest-path layers in topological order (Kahn).
  const indegree = new Int32Array(n);
  for (const edges of forward) for (const w of edges) indegree[w] = (indegree[w] ?? 0) + 1;
  const layer = new Int32Array(n);
  const queue: number[] = [];
  for (let v = 0; v < n; v += 1) if (indegree[v] === 0) queue.push(v);
  for (let head = 0; head < queue.length; head += 1) {
    const v = queue[head] as number;
    for (const w of forward[v] ?? []) {
      layer[w] = Math.max(layer[w] ?? 0, (layer[v] ?? 0) + 1);
      indegree[w] = (indegree[w] ?? 0) - 1;
      if (indegree[w] === 0) queue.push(w);
    }
  }
  // Pull sources right next to their first consumer, so a late source does not sit in layer 0.
  const incoming: number[][] = Array.from({ length: n }, () => []);
  for (let v = 0; v < n; v += 1) for (const w of forward[v] ?? []) incoming[w]?.push(v);
  for (let i = queue.length - 1; i >= 0; i -= 1) {
    const v = queue[i] as number;
    if ((incoming[v]?.length ?? 0) > 0) continue;
    const consumers = forward[v] ?? [];
    if (consumers.length > 0) layer[v] = Math.min(...consumers.map((w) => layer[w] ?? 1)) - 1;
  }

  // 3. Order inside layers: start in input order, then barycentre sweeps left→right and back.
  let layerCount = 0;
  for (let v = 0; v < n; v += 1) layerCount = Math.max(layerCount, (layer[v] ?? 0) + 1);
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (let v = 0; v < n; v += 1) layers[layer[v] ?? 0]?.push(v);
  const order = new Float64Array(n);
  const renumber = () => layers.forEach((members) => members.forEach((v, i) => (order[v] = i)));
  renumber();
  for (let sweep = 0; sweep < sweeps; sweep += 1) {
    const downward = sweep % 2 === 0;
    const sequence = downward ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const members of sequence) {
      const bary = new Map<number, number>();
      for (const v of members) {
        const neighbours = downward ? (incoming[v] ?? []) : (forward[v] ?? []);
        if (neighbours.length === 0) bary.set(v, order[v] ?? 0);
        else bary.set(v, neighbours.reduce((sum, w) => sum + (order[w] ?? 0), 0) / neighbours.length);
      }
      members.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0) || a - b);
      members.forEach((v, i) => (order[v] = i));
    }
  }

  // 4. Coordinates: one column per layer. Each table is pulled towards the mean height of its
  // neighbours in the layer placed before it (sweeps both ways), keeping the order and the gaps:
  // parents and children line up and most edges run straight.
  const step = NODE_HEIGHT + NODE_SEP;
  const height = heightOf(input);
  const extra = new Float64Array(n); // how much taller than NODE_HEIGHT (open column lists)
  for (let v = 0; v < n; v += 1) extra[v] = height(input.nodes[v] as string) - NODE_HEIGHT;
  const y = new Float64Array(n);
  for (const members of layers) {
    let at = 0;
    for (const v of members) {
      y[v] = at;
      at += step + (extra[v] ?? 0);
    }
  }
  const wanted = new Float64Array(n);
  for (let sweep = 0; sweep < sweeps; sweep += 1) {
    const downward = sweep % 2 === 0;
    const sequence = downward ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const members of sequence) {
      if (members.length === 0) continue;
      for (const v of members) {
        const neighbours = downward ? (incoming[v] ?? []) : (forward[v] ?? []);
        wanted[v] = neighbours.length === 0 ? (y[v] ?? 0) : neighbours.reduce((sum, w) => sum + (y[w] ?? 0), 0) / neighbours.length;
      }
      // Place in order at the wanted height or just below the previous table, then shift the
      // column so that, on average, tables sit where they want to be.
      let previous = -Infinity;
      let drift = 0;
      for (const v of members) {
        const placed = Math.max(wanted[v] ?? 0, previous);
        y[v] = placed;
        previous = placed + step + (extra[v] ?? 0);
        drift += (wanted[v] ?? 0) - placed;
      }
      const shift = drift / members.length;
      for (const v of members) y[v] = (y[v] ?? 0) + shift;
    }
  }
  let top = Infinity;
  for (let v = 0; v < n; v += 1) top = Math.min(top, y[v] ?? 0);
  const positions = new Map<string, Point>();
  layers.forEach((members, l) => {
    for (const v of members) positions.set(input.nodes[v] as string, { x: l * (NODE_WIDTH + RANK_SEP), y: Math.round((y[v] ?? 0) - top) });
  });
  return { positions, algorithm: 'layered', ...bounds(positions, height) };
}
