// The staged draft: its steps, the steps undone (for redo) and whether draft mode is on. Kept in
// local storage per DQOps server, so a draft survives a reload (and shows in another tab of the
// same server) until it is saved or discarded. One store per server per page: embedded
// instances talking to the same server share it.
import { createContext, useContext, useState, useSyncExternalStore } from 'react';
import { parseDraftOps, type DraftOp } from '../model/draft';

export interface DraftSnapshot {
  ops: readonly DraftOp[];
  /** Steps undone, most recent last: redo takes them back in reverse. */
  undone: readonly DraftOp[];
  /** Draft mode: new links and mappings drawn on the canvas are staged instead of saved. */
  active: boolean;
  /**
   * Changes a Save all that has not finished already saved (changeFingerprint): a run after a
   * reload or a pause resumes where it stopped. A change edited since has another fingerprint.
   */
  saved: readonly string[];
}

export interface DraftStore {
  subscribe(listener: () => void): () => void;
  get(): DraftSnapshot;
  stage(op: DraftOp): void;
  /** Stages many steps at once (an import): one change for listeners and for storage. */
  stageAll(ops: readonly DraftOp[]): void;
  /** Takes back the last step, or the last batch of steps staged together. */
  undo(): void;
  redo(): void;
  /** Forgets the whole draft (after saving it, or when the steward throws it away). */
  clear(): void;
  /** Remembers changes a Save all saved (see `saved`); `saved: false` forgets them (rolled back). */
  markSaved(fingerprints: readonly string[], saved?: boolean): void;
  setActive(active: boolean): void;
}

const EMPTY: DraftSnapshot = { ops: [], undone: [], active: false, saved: [] };

function read(storage: Storage | undefined, key: string): DraftSnapshot {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return EMPTY;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return EMPTY;
    const record = value as Record<string, unknown>;
    const ops = parseDraftOps(record.ops);
    const saved = Array.isArray(record.saved) ? record.saved.filter((f): f is string => typeof f === 'string') : [];
    return { ops, undone: parseDraftOps(record.undone), active: record.active === true || ops.length > 0, saved };
  } catch {
    return EMPTY; // unreadable or blocked storage: start with no draft
  }
}

export function createDraftStore(key: string, storage: Storage | undefined = safeLocalStorage()): DraftStore {
  let snapshot = read(storage, key);
  const listeners = new Set<() => void>();
  const set = (next: DraftSnapshot) => {
    snapshot = next;
    try {
      if (next.ops.length === 0 && next.undone.length === 0 && !next.active && next.saved.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(next));
    } catch {
      // Full or blocked storage: the draft still works for this page, it just will not survive a reload.
    }
    for (const listener of listeners) listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key) return;
    snapshot = read(storage, key);
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
      };
    },
    get: () => snapshot,
    stage: (op) => set({ ...snapshot, ops: [...snapshot.ops, op], undone: [], active: true }),
    stageAll: (ops) => {
      if (ops.length > 0) set({ ...snapshot, ops: [...snapshot.ops, ...ops], undone: [], active: true });
    },
    undo: () => {
      const count = trailingBatch(snapshot.ops);
      if (count === 0) return;
      // Undone steps are kept most recent last, so a batch goes in reversed and redo takes it back in order.
      const taken = snapshot.ops.slice(-count).reverse();
      set({ ...snapshot, ops: snapshot.ops.slice(0, -count), undone: [...snapshot.undone, ...taken] });
    },
    redo: () => {
      const count = trailingBatch(snapshot.undone);
      if (count === 0) return;
      const back = snapshot.undone.slice(-count).reverse();
      set({ ...snapshot, ops: [...snapshot.ops, ...back], undone: snapshot.undone.slice(0, -count) });
    },
    clear: () => set({ ops: [], undone: [], active: snapshot.active, saved: [] }),
    markSaved: (fingerprints, saved = true) => {
      const known = new Set(snapshot.saved);
      for (const f of fingerprints) {
        if (saved) known.add(f);
        else known.delete(f);
      }
      set({ ...snapshot, saved: [...known] });
    },
    // Draft mode stays on while steps are staged: the canvas draws them.
    setActive: (active) => set({ ...snapshot, active: active || snapshot.ops.length > 0 }),
  };
}

/** How many steps at the end of `ops` belong together: the last step's batch, else the last step alone. */
function trailingBatch(ops: readonly DraftOp[]): number {
  const batch = ops.at(-1)?.batch;
  if (batch === undefined) return ops.length > 0 ? 1 : 0;
  let count = 0;
  while (count < ops.length && ops[ops.length - 1 - count]?.batch === batch) count += 1;
  return count;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked (embedded in a sandboxed frame)
  }
}

const stores = new Map<string, DraftStore>();

/** The page's store for one DQOps server (`scope` names it). */
export function draftStoreFor(scope: string): DraftStore {
  const key = `lineage-studio:draft:${scope}`;
  let store = stores.get(key);
  if (!store) {
    store = createDraftStore(key);
    stores.set(key, store);
  }
  return store;
}

export const DraftStoreContext = createContext<DraftStore | null>(null);

/** The draft of this app instance; without a provider (component tests), a draft private to the caller. */
export function useDraftStore(): DraftStore {
  const provided = useContext(DraftStoreContext);
  const [own] = useState(() => (provided ? undefined : createDraftStore('private', undefined)));
  return (provided ?? own) as DraftStore;
}

export function useDraft(store: DraftStore): DraftSnapshot {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
