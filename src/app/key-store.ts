// The DQOps API key: kept in memory, optionally in this tab's sessionStorage; never in
// localStorage, a URL or a log line.
const SESSION_KEY = 'lineage-studio.api-key';

export interface KeyStore {
  get(): string | undefined;
  set(key: string | undefined, remember: boolean): void;
  remembered(): boolean;
  subscribe(listener: () => void): () => void;
}

export function createKeyStore(persist: boolean): KeyStore {
  let key: string | undefined;
  const listeners = new Set<() => void>();
  const session = (): Storage | undefined => {
    try {
      return persist ? globalThis.sessionStorage : undefined;
    } catch {
      return undefined;
    }
  };
  key = session()?.getItem(SESSION_KEY) ?? undefined;
  return {
    get: () => key,
    set(next, remember) {
      key = next?.trim() || undefined;
      if (remember && key) session()?.setItem(SESSION_KEY, key);
      else session()?.removeItem(SESSION_KEY);
      listeners.forEach((l) => l());
    },
    remembered: () => session()?.getItem(SESSION_KEY) != null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
