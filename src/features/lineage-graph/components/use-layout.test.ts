// The layout worker shared by the instances of a page: requests queue, an instance's newer request
// drops its own older one, never another instance's (two embedded graphs on one page).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeWorker {
  static started: FakeWorker[] = [];
  posted: { id: number }[] = [];
  terminated = false;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null;
  constructor() {
    FakeWorker.started.push(this);
  }
  postMessage(message: { id: number }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker answers request `id`. */
  answer(id: number) {
    this.onmessage?.({ data: { id, positions: [['t', { x: id, y: 0 }]], algorithm: 'layered', width: 1, height: 1, ms: 1 } });
  }
}

const input = (name: string) => ({ nodes: [name], edges: [] });

describe('the layout worker queue', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps another instance's request when an instance asks again; drops only its own older one", async () => {
    const { layoutInWorker } = await import('./use-layout');
    const a = {};
    const b = {};
    const done: string[] = [];
    const record = (what: string) => () => done.push(what);
    layoutInWorker(a, input('a1'), record('a1'), record('a1 failed'));
    layoutInWorker(b, input('b1'), record('b1'), record('b1 failed'));
    const first = FakeWorker.started[0] as FakeWorker;
    expect(first.posted.map((m) => m.id)).toHaveLength(2);
    const [a1, b1] = first.posted.map((m) => m.id) as [number, number];

    // a asks again while its first layout is running: the worker is stopped, b's request re-posted.
    layoutInWorker(a, input('a2'), record('a2'), record('a2 failed'));
    expect(first.terminated).toBe(true);
    const second = FakeWorker.started[1] as FakeWorker;
    expect(second.posted.map((m) => m.id)).toEqual([b1, expect.any(Number)]);
    const a2 = (second.posted[1] as { id: number }).id;
    first.answer(a1); // a late answer from the stopped worker counts for nothing
    second.answer(b1);
    second.answer(a2);
    expect(done).toEqual(['b1', 'a2']);

    // A request that is waiting (not running) is dropped without stopping the worker.
    layoutInWorker(b, input('b2'), record('b2'), record('b2 failed'));
    layoutInWorker(a, input('a3'), record('a3'), record('a3 failed'));
    const cancel = layoutInWorker(a, input('a4'), record('a4'), record('a4 failed'));
    expect(second.terminated).toBe(false);
    const [b2, , a4] = second.posted.slice(2).map((m) => m.id) as [number, number, number];
    cancel(); // a unmounts: its request goes
    second.answer(b2);
    second.answer(a4);
    expect(done).toEqual(['b1', 'a2', 'b2']);
  });

  it('reports a failed layout to its instance and carries on with the others', async () => {
    const { layoutInWorker } = await import('./use-layout');
    const done: string[] = [];
    layoutInWorker({}, input('x'), () => done.push('x'), (error) => done.push(`x failed: ${error}`));
    layoutInWorker({}, input('y'), () => done.push('y'), (error) => done.push(`y failed: ${error}`));
    const first = FakeWorker.started[0] as FakeWorker;
    const y = (first.posted[1] as { id: number }).id;
    first.onerror?.({ message: 'out of memory', preventDefault: () => {} });
    const second = FakeWorker.started[1] as FakeWorker;
    expect(second.posted.map((m) => m.id)).toEqual([y]);
    second.answer(y);
    expect(done).toEqual(['x failed: out of memory', 'y']);
  });
});
