// Layout as a hook, always off the main thread: in a Web Worker (dagre is then loaded by the worker
// only, not by the page: −16 KB gzip of JavaScript before the first picture). Without workers
// (tests) the layout module is loaded on demand and runs here. One worker serves every instance on
// the page (two embedded graphs): requests queue, one is computed at a time; a newer request of the
// same instance supersedes its older one (a long one that is running is stopped: the worker is
// terminated and the next request goes to a new one), never another instance's. Results are cached
// by graph content (a cached layout is adopted during the render, no waiting), and a new layout is
// shifted so that the anchor table
// (the focus table) stays where it was: the picture does not jump when the graph grows.
import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LayoutInput, LayoutResult, Point } from '../model/layout';
import type { LayoutRequest, LayoutResponse } from '../model/layout.worker';

/** Up to this many tables the worker answers within a frame or two: no "Laying out…" note. */
export const QUICK_LAYOUT_MAX = 60;
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

interface Job {
  id: number;
  owner: object;
  input: LayoutInput;
  onDone: (result: LayoutResult) => void;
  onError: (error: string) => void;
  /** Superseded while running: its answer is ignored. */
  dropped?: boolean;
}

let worker: Worker | undefined;
let nextId = 1;
/** The request the worker is computing (one at a time), and those waiting their turn. */
let running: Job | undefined;
const waiting: Job[] = [];

function spawnWorker(): Worker {
  return new Worker(new URL('../model/layout.worker.ts', import.meta.url), { type: 'module' });
}

function startWorker(): Worker {
  const started = spawnWorker();
  started.onmessage = (event: MessageEvent<LayoutResponse>) => {
    const job = running;
    if (!job || event.data.id !== job.id) return; // the warm-up (id 0)
    running = undefined;
    const { positions, algorithm, width, height } = event.data;
    if (!job.dropped) job.onDone({ positions: new Map(positions), algorithm, width, height });
    next();
  };
  started.onerror = (event) => {
    // The running layout failed (or the worker could not start): reported, and the next one goes to a new worker.
    event.preventDefault();
    const failed = running;
    running = undefined;
    stopWorker();
    if (failed && !failed.dropped) failed.onError(event.message || 'layout failed');
    next();
  };
  worker = started;
  return started;
}

function stopWorker() {
  worker?.terminate();
  worker = undefined;
}

/** Hands the next waiting request to the worker when it is free. */
function next() {
  if (running) return;
  const job = waiting.shift();
  if (!job) return;
  running = job;
  (worker ?? startWorker()).postMessage({ id: job.id, input: job.input } satisfies LayoutRequest);
}

/** Exported for its tests (use-layout.test.ts). */
export function layoutInWorker(owner: object, input: LayoutInput, onDone: Job['onDone'], onError: Job['onError']): () => void {
  const drop = (old: Job) => {
    const at = waiting.indexOf(old);
    if (at >= 0) waiting.splice(at, 1);
    if (running !== old) return;
    old.dropped = true;
    // A long layout is stopped (the worker is terminated; a new one takes the next request); a
    // quick one finishes: a new worker would cost more than what is left of it.
    if (old.input.nodes.length > QUICK_LAYOUT_MAX) {
      running = undefined;
      stopWorker();
      next();
    }
  };
  // An instance's newer request supersedes its own older ones, never another instance's.
  for (const old of [running, ...waiting]) if (old?.owner === owner) drop(old);
  const job: Job = { id: nextId++, owner, input, onDone, onError };
  waiting.push(job);
  next();
  return () => drop(job);
}

/** Without workers (tests, an old browser): the layout module, loaded on demand, runs here. */
function layoutHere(input: LayoutInput, onDone: Job['onDone'], onError: Job['onError']): () => void {
  let cancelled = false;
  import('../model/layout-graph')
    .then(({ layoutGraph }) => {
      const result = layoutGraph(input);
      if (!cancelled) onDone(result);
    })
    .catch((error: unknown) => !cancelled && onError(String(error)));
  return () => {
    cancelled = true;
  };
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
 * The warm-up (id 0) is no request: a real one queues behind it, and nothing waits for its answer.
 */
export function prepareLayoutWorker(): void {
  if (worker || typeof Worker === 'undefined') return;
  const started = startWorker();
  const input = warmUpInput();
  started.postMessage({ id: 0, input, algorithm: 'dagre-network-simplex' } satisfies LayoutRequest);
  started.postMessage({ id: 0, input, algorithm: 'layered' } satisfies LayoutRequest);
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
  const [owner] = useState(() => ({}));
  const [shown, setShown] = useState<{ key: string; layout: LayoutResult }>();
  const [failure, setFailure] = useState<{ key: string; message: string }>();

  // Already computed: adopt it during this render (React re-renders before painting).
  if (shown?.key !== key) {
    const ready = cache.get(key);
    if (ready) setShown({ key, layout: shifted(ready, anchor, shown?.layout) });
  }

  useEffect(() => {
    if (cache.has(key)) return;
    const run = typeof Worker === 'undefined' ? layoutHere : (...args: Parameters<typeof layoutHere>) => layoutInWorker(owner, ...args);
    return run(
      input,
      (result) => {
        remember(key, result);
        // Synchronously: with React 18 (an embedding host's React) an update from a worker message
        // has default priority, while React Flow's store updates re-render with sync priority and
        // skip it. The canvas then alternated between the old and the new layout, each time handing
        // React Flow a new node list, until "Maximum update depth exceeded" (seen on a 196-table
        // neighbourhood in test/console-host). Committed at once, every later render sees it.
        flushSync(() => setShown((previous) => ({ key, layout: shifted(result, anchor, previous?.layout) })));
      },
      (error) => setFailure({ key, message: error }),
    );
  }, [key, input, anchor, owner]);

  return { layout: shown?.layout, pending: shown?.key !== key, error: failure?.key === key ? failure.message : undefined };
}
