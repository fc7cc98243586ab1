import { describe, expect, it } from 'vitest';
import { parseTableKey, tableKey } from './table-ref';

describe('tableKey', () => {
  const names = ['plain', 'a/b', 'a.b.c', '50%', '"quoted"', 'back\\slash', '<img src=x onerror=alert(1)>', 'zażółć ☃', '', '..'];

  it.each(names)('round-trips %j in every position', (name) => {
    const ref = { connection: name, schema: `${name}-s`, table: `t-${name}` };
    expect(parseTableKey(tableKey(ref))).toEqual(ref);
  });

  it('never contains quotes or backslashes (safe inside CSS selectors)', () => {
    for (const name of names) expect(tableKey({ connection: name, schema: name, table: name })).not.toMatch(/["\\]/);
  });

  it('keeps tables apart whose dotted names collide', () => {
    expect(tableKey({ connection: 'a.b', schema: 'c', table: 'd' })).not.toBe(tableKey({ connection: 'a', schema: 'b.c', table: 'd' }));
  });

  it('rejects what is not a key', () => {
    expect(parseTableKey('a/b')).toBeUndefined();
    expect(parseTableKey('%E0%A4%A/b/c')).toBeUndefined();
    expect(parseTableKey(undefined)).toBeUndefined();
  });
});
