/**
 * `record[key] = value` for keys that come from users or servers. A plain assignment with the key
 * "__proto__" sets the object's prototype instead of adding the entry, so a column or property
 * named "__proto__" would silently vanish (found by the property-based name tests).
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
