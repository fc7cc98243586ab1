import { describe, expect, it } from 'vitest';
import { ref } from '../model/fixtures';
import type { DraftOp } from '../model/draft';
import { createDraftStore } from './draft-store';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const op = (source: string): DraftOp => ({ kind: 'add-source', source: ref(source), target: ref('t') });

describe('draft store', () => {
  it('stages, undoes and redoes in order; a new step after an undo drops the redo list', () => {
    const store = createDraftStore('k', memoryStorage());
    store.stage(op('a'));
    store.stage(op('b'));
    store.undo();
    expect(store.get().ops).toEqual([op('a')]);
    store.redo();
    expect(store.get().ops).toEqual([op('a'), op('b')]);
    store.undo();
    store.stage(op('c'));
    expect(store.get()).toMatchObject({ ops: [op('a'), op('c')], undone: [], active: true });
    store.redo(); // nothing to redo
    expect(store.get().ops).toEqual([op('a'), op('c')]);
  });

  it('stages an import as one batch: one Undo takes it all back, one Redo puts it back in order', () => {
    const storage = memoryStorage();
    const store = createDraftStore('k', storage);
    store.stage(op('a'));
    const batch = [op('b'), op('c'), op('d')].map((o) => ({ ...o, batch: 'import:1' }));
    store.stageAll(batch);
    expect(store.get().ops).toEqual([op('a'), ...batch]);
    store.undo();
    expect(store.get().ops).toEqual([op('a')]);
    store.redo();
    expect(store.get().ops).toEqual([op('a'), ...batch]);
    // The batch survives a reload, with its tool and properties.
    const tool = { ...op('e'), tool: 'dbt', properties: { dbt_unique_id: 'model.x.t' }, batch: 'import:4' };
    store.stageAll([tool]);
    expect(createDraftStore('k', storage).get().ops).toEqual([op('a'), ...batch, tool]);
    store.undo();
    store.undo();
    expect(store.get().ops).toEqual([op('a')]);
  });

  it('remembers what a stopped Save all saved, across a reload, until it is rolled back or the draft cleared', () => {
    const storage = memoryStorage();
    const store = createDraftStore('k', storage);
    store.stage(op('a'));
    store.markSaved(['f1', 'f2']);
    expect(createDraftStore('k', storage).get().saved).toEqual(['f1', 'f2']);
    store.markSaved(['f1'], false);
    expect(createDraftStore('k', storage).get().saved).toEqual(['f2']);
    store.clear();
    expect(createDraftStore('k', storage).get().saved).toEqual([]);
  });

  it('survives a reload through storage, and forgets the draft when it is cleared', () => {
    const storage = memoryStorage();
    const first = createDraftStore('k', storage);
    first.stage(op('a'));
    first.stage(op('b'));
    first.undo();
    const reloaded = createDraftStore('k', storage);
    expect(reloaded.get()).toEqual({ ops: [op('a')], undone: [op('b')], active: true, saved: [] });
    reloaded.clear();
    reloaded.setActive(false);
    expect(storage.getItem('k')).toBeNull();
    expect(createDraftStore('k', storage).get()).toEqual({ ops: [], undone: [], active: false, saved: [] });
  });

  it('starts empty when the stored draft is unreadable, and keeps working when storage refuses writes', () => {
    const storage = memoryStorage();
    storage.setItem('k', '{not json');
    const store = createDraftStore('k', storage);
    expect(store.get().ops).toEqual([]);
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    store.stage(op('a'));
    expect(store.get().ops).toEqual([op('a')]);
  });

  it('stays in draft mode while steps are staged', () => {
    const store = createDraftStore('k', memoryStorage());
    store.stage(op('a'));
    store.setActive(false);
    expect(store.get().active).toBe(true);
    store.undo();
    store.setActive(false);
    expect(store.get().active).toBe(false);
  });

  it('tells subscribers about every change', () => {
    const store = createDraftStore('k', memoryStorage());
    let calls = 0;
    const unsubscribe = store.subscribe(() => (calls += 1));
    store.stage(op('a'));
    store.undo();
    store.redo();
    unsubscribe();
    store.clear();
    expect(calls).toBe(3);
  });
});

describe('draft store across tabs', () => {
  it('reads the draft again when another tab changes it', () => {
    const storage = memoryStorage();
    const here = createDraftStore('shared', storage);
    const there = createDraftStore('shared', storage); // another tab: same storage, own store
    let told = 0;
    const unsubscribe = here.subscribe(() => (told += 1));
    there.stage(op('a'));
    window.dispatchEvent(new StorageEvent('storage', { key: 'other-key' }));
    expect(told).toBe(0);
    window.dispatchEvent(new StorageEvent('storage', { key: 'shared' }));
    expect(told).toBe(1);
    expect(here.get().ops).toEqual([op('a')]);
    unsubscribe();
  });
});
