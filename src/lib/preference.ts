// Small view preferences remembered in this browser (the legend shown or hidden). Never anything
// about the server, the key or the lineage: those have their own stores.
import { useCallback, useState } from 'react';

const PREFIX = 'lineage-studio.pref.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked (a sandboxed frame, privacy settings): not remembered
  }
}

/** A yes/no preference kept in localStorage; `initial` until the user chooses. */
export function useStoredFlag(name: string, initial: boolean): [boolean, (next: boolean) => void] {
  const [value, setValue] = useState(() => {
    const saved = storage()?.getItem(PREFIX + name);
    return saved === 'true' ? true : saved === 'false' ? false : initial;
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        storage()?.setItem(PREFIX + name, String(next));
      } catch {
        // quota or blocked storage: the choice holds for this page only
      }
    },
    [name],
  );
  return [value, set];
}

/** One of `allowed`, kept in localStorage (the SQL dialect last chosen); `initial` until the user chooses. */
export function useStoredChoice<T extends string>(name: string, allowed: readonly T[], initial: T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => {
    const saved = storage()?.getItem(PREFIX + name);
    return allowed.find((a) => a === saved) ?? initial;
  });
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        storage()?.setItem(PREFIX + name, next);
      } catch {
        // quota or blocked storage: the choice holds for this page only
      }
    },
    [name],
  );
  return [value, set];
}
