// Where the view state lives: the page URL's query string (standalone app, deep links, back and
// forward) or an in-memory location (embedded instances, tests). A tiny store instead of a router
// library: the app has one screen whose whole state is a handful of query parameters.
import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';

export interface LocationStore {
  /** The current query string, with or without the leading `?`. */
  getSearch(): string;
  navigate(search: string, options?: { replace?: boolean }): void;
  subscribe(listener: () => void): () => void;
}

export function browserLocation(): LocationStore {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    getSearch: () => window.location.search,
    navigate(search, options) {
      const url = `${window.location.pathname}${search ? `?${search.replace(/^\?/, '')}` : ''}${window.location.hash}`;
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      window.addEventListener('popstate', listener);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('popstate', listener);
      };
    },
  };
}

export function memoryLocation(initial = ''): LocationStore & { history: string[] } {
  const listeners = new Set<() => void>();
  const history = [initial.replace(/^\?/, '')];
  return {
    history,
    getSearch: () => history[history.length - 1] ?? '',
    navigate(search, options) {
      const next = search.replace(/^\?/, '');
      if (options?.replace) history[history.length - 1] = next;
      else history.push(next);
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const LocationContext = createContext<LocationStore | null>(null);

export function LocationProvider({ location, children }: { location: LocationStore; children: ReactNode }) {
  return <LocationContext.Provider value={location}>{children}</LocationContext.Provider>;
}

function useLocationStore(): LocationStore {
  const location = useContext(LocationContext);
  if (!location) throw new Error('useSearchParams must be used inside <LocationProvider>');
  return location;
}

export type ParamUpdate = Record<string, string | undefined>;

/** The query string as URLSearchParams, and a way to change some parameters. */
export function useSearchParams(): [URLSearchParams, (update: ParamUpdate, options?: { replace?: boolean }) => void] {
  const location = useLocationStore();
  const search = useSyncExternalStore(location.subscribe, location.getSearch, location.getSearch);
  const update = useCallback(
    (changes: ParamUpdate, options?: { replace?: boolean }) => {
      const next = new URLSearchParams(location.getSearch());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      location.navigate(next.toString(), options);
    },
    [location],
  );
  return [new URLSearchParams(search), update];
}
