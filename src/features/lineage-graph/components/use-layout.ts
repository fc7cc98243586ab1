// Layout as a hook: small graphs synchronously (no flash; and two embedded instances sharing the
// worker never cancel each other's small layouts), larger ones in a Web Worker so the page stays
// responsive. (Sending small graphs to the worker too would take dagre out of the first chunk, 16 KB
// gzip, but a newer request terminates the busy worker: tried and reverted, see #16.) A newer request cancels an older one (the busy worker is terminated).
// Results are cached by graph content, and a new layout is shifted so that the anchor table
// (the focus table) stays where it was: the picture does not jump when the graph grows.
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LayoutInput, LayoutResult, Point } from '../model/layout';
import { layoutGraph } from '../model/layout-graph';
import type { LayoutRequest, LayoutResponse } from '../model/layout.worker';

/** Up to this many nodes the layout runs on the main thread (≈ 30 ms with dagre). */
export const SYNC_LAYOUT_MAX = 60;
const CACHE_SIZE = 24;
const cache = new Map<string, LayoutResult>();

function contentKey(input: LayoutInput): string {
  // FNV-1a over node and edge ids: a short key for graphs of any size.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
  };
  for (const n of input.nodes) feed(`${n}\n`);
  for (const [s, t] of input.edges) feed(`${s}>${t}\n`);
  for (const n of input.tall ?? []) feed(`+${n}:${input.rows?.[n] ?? ''}\n`);
  return `${input.nodes.length}:${input.edges.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

function remember(key: string, result: LayoutResult) {
  cache.delete(key);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

function shifted(result: LayoutResult, anchor: string | undefined, previous: LayoutResult | undefined): LayoutResult {
  const before = anchor ? previous?.positions.get(anchor) : undefined;
  const after = anchor ? result.positions.get(anchor) : undefined;
  if (!before || !after || (before.x === after.x && before.y === after.y)) return result;
  const dx = before.x - after.x;
  const dy = before.y - after.y;
  const positions = new Map<string, Point>();
  for (const [key, p] of result.positions) positions.set(key, { x: p.x + dx, y: p.y + dy });
  return { ...result, positions };
}

let worker: Worker | undefined;
let busy = false;
let nextId = 1;

function spawnWorker(): Worker {
  return new Worker(new URL('../model/layout.worker.ts', import.meta.url), { type: 'module' });
}

/** A small layered DAG: enough work for the worker to load and compile dagre's hot paths. */
function warmUpInput(): LayoutInput {
  const nodes: string[] = [];
  const edges: [string, string][] = [];
  for (let layer = 0; layer < 6; layer += 1) {
    for (let i = 0; i < 12; i += 1) {
      nodes.push(`${layer}:${i}`);
      if (layer > 0) {
        edges.push([`${layer - 1}:${i}`, `${layer}:${i}`]);
        edges.push([`${layer - 1}:${(i * 7 + 3) % 12}`, `${layer}:${i}`]);
      }
    }
  }
  return { nodes, edges };
}

/**
 * Starts the layout worker and has it lay out a small graph, while the lineage is still being
 * fetched: a cold worker (module load + dagre's first run) costs more than the layout itself.
 * The warm-up is not "busy": a real request queues behind it instead of terminating it.
 */
export function prepareLayoutWorker(): void {
  if (worker || typeof Worker === 'undefined') return;
  worker = spawnWorker();
  const input = warmUpInput();
  worker.postMessage({ id: 0, input, algorithm: 'dagre-network-simplex' } satisfies LayoutRequest);
  worker.postMessage({ id: 0, input, algorithm: 'layered' } satisfies LayoutRequest);
}

function layoutInWorker(input: LayoutInput, onDone: (result: LayoutResult, ms: number) => void, onError: (error: unknown) => void): () => void {
  if (worker && busy) {
    worker.terminate(); // cancel the older, now useless computation
    worker = undefined;
  }
  worker ??= spawnWorker();
  const current = worker;
  const id = nextId++;
  busy = true;
  let cancelled = false;
  current.onmessage = (event: MessageEvent<LayoutResponse>) => {
    if (event.data.id !== id) return;
    busy = false;
    if (cancelled) return;
    const { positions, algorithm, width, height, ms } = event.data;
    onDone({ positions: new Map(positions), algorithm, width, height }, ms);
  };
  current.onerror = (event) => {
    busy = false;
    if (!cancelled) onError(event.message || 'layout failed');
  };
  const request: LayoutRequest = { id, input };
  current.postMessage(request);
  return () => {
    cancelled = true;
  };
}

export interface LayoutState {
  /** The layout to draw: the newest one, or the previous one while a new one is computed. */
  layout: LayoutResult | undefined;
  /** A newer layout is being computed. */
  pending: boolean;
  error?: string;
}

export function useLayout(input: LayoutInput, anchor: string | undefined): LayoutState {
  const key = useMemo(() => contentKey(input), [input]);
  const [shown, setShown] = useState<{ key: string; layout: LayoutResult }>();
  const [failure, setFailure] = useState<{ key: string; message: string }>();

  const small = input.nodes.length <= SYNC_LAYOUT_MAX || typeof Worker === 'undefined';
  // Small or already computed: adopt it during this render (React re-renders before painting).
  if (shown?.key !== key) {
    let ready = cache.get(key);
    if (!ready && small) {
      ready = layoutGraph(input);
      remember(key, ready);
    }
    if (ready) setShown({ key, layout: shifted(ready, anchor, shown?.layout) });
  }

  useEffect(() => {
    if (small || cache.has(key)) return;
    performance.mark('lineage-layout-start');
    return layoutInWorker(
      input,
      (result, ms) => {
        remember(key, result);
        performance.measure('lineage-layout', { start: 'lineage-layout-start', duration: ms });
        // Synchronously: with React 18 (an embedding host's React) an update from a worker message
        // has default priority, while React Flow's store updates re-render with sync priority and
        // skip it. The canvas then alternated between the old and the new layout, each time handing
        // React Flow a new node list, until "Maximum update depth exceeded" (seen on a 196-table
        // neighbourhood in test/console-host). Committed at once, every later render sees it.
        flushSync(() => setShown((previous) => ({ key, layout: shifted(result, anchor, previous?.layout) })));
      },
      (error) => setFailure({ key, message: String(error) }),
    );
  }, [small, key, input, anchor]);

  return { layout: shown?.layout, pending: shown?.key !== key, error: failure?.key === key ? failure.message : undefined };
}
