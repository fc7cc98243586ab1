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
    this.onmessage?.({ data: { id, positions: [['t', { x: id, y: 0 }]], algorithm: 'layered', width: 1, height: 1 } });
  }
}

const input = (name: string, tables = 1) => ({ nodes: Array.from({ length: tables }, (_, i) => `${name}${i}`), edges: [] });
const BIG = 200;

describe('the layout worker queue', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
  });
  afterEach(() => vi.unstubAllGlobals());

  const last = <T,>(list: T[]) => list[list.length - 1] as T;
  const lastId = (worker: FakeWorker) => last(worker.posted).id;

  it("one layout at a time; an instance's newer request drops only its own older one", async () => {
    const { layoutInWorker } = await import('./use-layout');
    const a = {};
    const b = {};
    const done: string[] = [];
    const record = (what: string) => () => done.push(what);
    layoutInWorker(a, input('a1', BIG), record('a1'), record('a1 failed'));
    layoutInWorker(b, input('b1'), record('b1'), record('b1 failed'));
    const first = FakeWorker.started[0] as FakeWorker;
    expect(first.posted).toHaveLength(1); // b1 waits its turn
    const a1 = lastId(first);

    // a asks again while its long first layout is running: that one is stopped, b's goes next.
    layoutInWorker(a, input('a2'), record('a2'), record('a2 failed'));
    expect(first.terminated).toBe(true);
    const second = FakeWorker.started[1] as FakeWorker;
    first.answer(a1); // a late answer from the stopped worker counts for nothing
    second.answer(lastId(second));
    expect(done).toEqual(['b1']);
    second.answer(lastId(second));
    expect(done).toEqual(['b1', 'a2']);

    // A quick layout that is superseded while running finishes, unheard; a waiting one is dropped.
    layoutInWorker(a, input('a3'), record('a3'), record('a3 failed'));
    const a3 = lastId(second);
    layoutInWorker(b, input('b2'), record('b2'), record('b2 failed'));
    layoutInWorker(a, input('a4'), record('a4'), record('a4 failed'));
    const cancel = layoutInWorker(b, input('b3'), record('b3'), record('b3 failed')); // drops b2
    expect(second.terminated).toBe(false);
    second.answer(a3);
    expect(done).toEqual(['b1', 'a2']);
    cancel(); // b unmounts while b3 waits
    second.answer(lastId(second)); // a4
    expect(second.posted).toHaveLength(4); // b1, a2, a3, a4: b2 and b3 never sent
    expect(done).toEqual(['b1', 'a2', 'a4']);
  });

  it('reports a failed layout to its instance and carries on with the others', async () => {
    const { layoutInWorker } = await import('./use-layout');
    const done: string[] = [];
    layoutInWorker({}, input('x'), () => done.push('x'), (error) => done.push(`x failed: ${error}`));
    layoutInWorker({}, input('y'), () => done.push('y'), (error) => done.push(`y failed: ${error}`));
    const first = FakeWorker.started[0] as FakeWorker;
    first.onerror?.({ message: 'out of memory', preventDefault: () => {} });
    expect(first.terminated).toBe(true);
    const second = FakeWorker.started[1] as FakeWorker;
    second.answer(lastId(second));
    expect(done).toEqual(['x failed: out of memory', 'y']);
  });
});
