import { describe, expect, it } from 'vitest';
import { askedToDraw, DRAFT_REVEAL_MAX } from './use-drawing';

const keys = (n: number, prefix: string) => new Set(Array.from({ length: n }, (_, i) => `${prefix}${i}`));

describe('the tables drawn beyond the default steps', () => {
  it('are the revealed ones and the few the draft brings in', () => {
    expect([...askedToDraw(new Set(['found']), new Set(['added']))].sort()).toEqual(['added', 'found']);
  });
  it('leave out what an import brings in by the hundred (the revealed ones stay)', () => {
    expect([...askedToDraw(new Set(['found']), keys(DRAFT_REVEAL_MAX + 1, 'added'))]).toEqual(['found']);
    expect(askedToDraw(new Set(['found']), keys(DRAFT_REVEAL_MAX, 'added')).size).toBe(DRAFT_REVEAL_MAX + 1);
  });
});
