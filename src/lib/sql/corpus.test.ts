// The corpus (corpus.ts) through node-sql-parser and the project's walk (lineage-walk.ts): every
// statement's mappings as expected, or refused when it must be. The statements the parser's
import { describe, expect, it } from 'vitest';
import { CORPUS } from './corpus';
import { compare, deriveCorpusCase as derive } from './corpus-score';

describe('the SQL corpus, derived', () => {
  for (const c of CORPUS) {
    it(`${c.id} (${c.dialect})`, async () => {
      if (c.fails) {
        await expect(derive(c)).rejects.toThrow(c.fails);
        return;
      }
      const result = await derive(c);
      const score = compare(c, result.columns, result.ambiguous);
      expect(score.note).toBe('');
      expect(score.ok).toBe(true);
    });
  }
});
