// Where the view state lives: the page URL's query string (standalone app, deep links, back and
// forward) or an in-memory location (embedded instances, tests). A tiny store instead of a router
// library: the app has one screen whose whole state is a handful of query parameters.
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';

export interface LocationStore {
  /** The current query string, with or without the leading `?`. */
  getSearch(): string;
  /**
   * Goes to `search`. Returns false when it did not: unsaved changes block it, and the user is
   * asked (getLeavePrompt) whether to leave; answering "leave" then goes there.
   */
  navigate(search: string, options?: { replace?: boolean; force?: boolean }): boolean;
  subscribe(listener: () => void): () => void;
  /** While set, leaving asks for confirmation with this message (unsaved changes). */
  setBlocker(message: string | undefined): void;
  /** The question waiting for the user's answer: a navigation blocked by unsaved changes. */
  getLeavePrompt(): LeavePrompt | undefined;
  /** Answers it: true leaves (the changes are lost), false stays where the user is. */
  answerLeavePrompt(leave: boolean): void;
}

export interface LeavePrompt {
  message: string;
  search: string;
  replace: boolean;
}

/**
 * Unsaved-changes blocking shared by both stores. The question is the app's own dialog
 * (LeavePrompt in app/), not the browser's confirm(), whose "OK" means "lose my changes".
 */
function leaveGuard(go: (search: string, replace: boolean) => void, notify: () => void) {
  let blocker: string | undefined;
  let prompt: LeavePrompt | undefined;
  return {
    get blocker() {
      return blocker;
    },
    setBlocker(message: string | undefined) {
      blocker = message;
      if (!message && prompt) {
        prompt = undefined;
        notify();
      }
    },
    /** Goes, or asks first; false when it asked. */
    request(search: string, options: { replace?: boolean; force?: boolean } | undefined): boolean {
      if (blocker && options?.force !== true) {
        prompt = { message: blocker, search, replace: options?.replace === true };
        notify();
        return false;
      }
      go(search, options?.replace === true);
      return true;
    },
    getPrompt: () => prompt,
    answer(leave: boolean) {
      const asked = prompt;
      prompt = undefined;
      if (asked && leave) go(asked.search, asked.replace);
      else notify();
    },
  };
}

export function browserLocation(): LocationStore {
  const listeners = new Set<() => void>();
  let shown = window.location.search;
  const notify = () => {
    shown = window.location.search;
    listeners.forEach((l) => l());
  };
  const guard = leaveGuard((search, replace) => {
    const url = `${window.location.pathname}${search ? `?${search.replace(/^\?/, '')}` : ''}${window.location.hash}`;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    notify();
  }, notify);
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    event.returnValue = ''; // the browser shows its own "leave site?" question
  };
  const onPopState = () => {
    // Back/forward cannot be cancelled: put the shown URL back and ask; leaving goes there after all.
    if (guard.blocker && window.location.search !== shown) {
      const wanted = window.location.search;
      window.history.pushState(null, '', `${window.location.pathname}${shown}${window.location.hash}`);
      guard.request(wanted, { replace: true });
      return;
    }
    notify();
  };
  return {
    getSearch: () => window.location.search,
    navigate: (search, options) => guard.request(search, options),
    subscribe(listener) {
      if (listeners.size === 0) window.addEventListener('popstate', onPopState);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('popstate', onPopState);
      };
    },
    setBlocker(message) {
      if (message && !guard.blocker) window.addEventListener('beforeunload', onBeforeUnload);
      if (!message && guard.blocker) window.removeEventListener('beforeunload', onBeforeUnload);
      guard.setBlocker(message);
    },
    getLeavePrompt: guard.getPrompt,
    answerLeavePrompt: (leave) => guard.answer(leave),
  };
}

export function memoryLocation(initial = ''): LocationStore & { history: string[] } {
  const listeners = new Set<() => void>();
  const history = [initial.replace(/^\?/, '')];
  const notify = () => listeners.forEach((l) => l());
  const guard = leaveGuard((search, replace) => {
    const next = search.replace(/^\?/, '');
    if (replace) history[history.length - 1] = next;
    else history.push(next);
    notify();
  }, notify);
  return {
    history,
    getSearch: () => history[history.length - 1] ?? '',
    navigate: (search, options) => guard.request(search, options),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setBlocker: (message) => guard.setBlocker(message),
    getLeavePrompt: guard.getPrompt,
    answerLeavePrompt: (leave) => guard.answer(leave),
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

/** The navigation waiting for an answer about unsaved changes, and the way to answer it. */
export function useLeavePrompt(): [LeavePrompt | undefined, (leave: boolean) => void] {
  const location = useLocationStore();
  const prompt = useSyncExternalStore(location.subscribe, location.getLeavePrompt, location.getLeavePrompt);
  return [prompt, location.answerLeavePrompt];
}

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
