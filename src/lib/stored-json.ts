// A JSON value kept in this browser's local storage; blocked or full storage and unreadable
// values are no error (the value is then not remembered). For preferences only, never secrets.

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage blocked (a sandboxed frame)
  }
}

/** The stored value, or undefined when there is none or it cannot be read. */
export function readStoredJson(key: string): unknown {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStoredJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // full or blocked storage: not remembered
  }
}

export const isTextMap = (value: unknown): value is Record<string, string> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
