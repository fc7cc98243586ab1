// Where the view state lives: the page URL's query string (standalone app, deep links, back and
// forward) or an in-memory location (embedded instances, tests). A tiny store instead of a router
// library: the app has one screen whose whole state is a handful of query parameters.
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';

export interface LocationStore {
  /** The current query string, with or without the leading `?`. */
  getSearch(): string;
  /** Returns false when the user chose to stay (unsaved changes). */
  navigate(search: string, options?: { replace?: boolean; force?: boolean }): boolean;
  subscribe(listener: () => void): () => void;
  /** While set, leaving asks for confirmation with this message (unsaved changes). */
  setBlocker(message: string | undefined): void;
}

/** Asks before a navigation that would lose unsaved changes. */
function allowed(blocker: string | undefined, force?: boolean): boolean {
  return !blocker || force === true || window.confirm(blocker);
}

export function browserLocation(): LocationStore {
  const listeners = new Set<() => void>();
  let blocker: string | undefined;
  let shown = window.location.search;
  const notify = () => {
    shown = window.location.search;
    listeners.forEach((l) => l());
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    event.returnValue = ''; // the browser shows its own "leave site?" question
  };
  const onPopState = () => {
    // Back/forward cannot be cancelled: put the shown URL back if the user stays.
    if (blocker && window.location.search !== shown && !window.confirm(blocker)) {
      window.history.pushState(null, '', `${window.location.pathname}${shown}${window.location.hash}`);
      return;
    }
    notify();
  };
  return {
    getSearch: () => window.location.search,
    navigate(search, options) {
      if (!allowed(blocker, options?.force)) return false;
      const url = `${window.location.pathname}${search ? `?${search.replace(/^\?/, '')}` : ''}${window.location.hash}`;
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      notify();
      return true;
    },
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener('popstate', onPopState);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
      };
    },
    setBlocker(message) {
      if (message && !blocker) window.addEventListener('beforeunload', onBeforeUnload);
      if (!message && blocker) window.removeEventListener('beforeunload', onBeforeUnload);
      blocker = message;
    },
  };
}

export function memoryLocation(initial = ''): LocationStore & { history: string[] } {
  const listeners = new Set<() => void>();
  const history = [initial.replace(/^\?/, '')];
  let blocker: string | undefined;
  return {
    history,
    getSearch: () => history[history.length - 1] ?? '',
    navigate(search, options) {
      if (!allowed(blocker, options?.force)) return false;
      const next = search.replace(/^\?/, '');
      if (options?.replace) history[history.length - 1] = next;
      else history.push(next);
      listeners.forEach((l) => l());
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setBlocker(message) {
      blocker = message;
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
export type NavigateOptions = { replace?: boolean; force?: boolean };

/** Blocks leaving (other tables, closing the tab) while `message` is set. */
export function useNavigationBlocker(message: string | undefined): void {
  const location = useLocationStore();
  useEffect(() => {
    location.setBlocker(message);
    return () => location.setBlocker(undefined);
  }, [location, message]);
}

/** The query string as URLSearchParams, and a way to change some parameters (false: the user stayed). */
export function useSearchParams(): [URLSearchParams, (update: ParamUpdate, options?: NavigateOptions) => boolean] {
  const location = useLocationStore();
  const search = useSyncExternalStore(location.subscribe, location.getSearch, location.getSearch);
  const update = useCallback(
    (changes: ParamUpdate, options?: NavigateOptions) => {
      const next = new URLSearchParams(location.getSearch());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, value);
      }
      return location.navigate(next.toString(), options);
    },
    [location],
  );
  return [new URLSearchParams(search), update];
}
