// The corpus (corpus.ts) through node-sql-parser and the project's walk, as the app derives it:
// every statement's mappings as expected, or refused with the message it must give. At the end,
// the report: expected vs derived per statement that differs, and the accuracy per dialect.
import { afterAll, describe, expect, it } from 'vitest';
import { CORPUS } from './corpus';
import type { Dialect } from './grammars';
import { compare, deriveCorpusCase as derive } from './corpus-score';

const report = new Map<Dialect, { right: number; all: number; wrong: string[] }>();
const record = (dialect: Dialect, id: string, note: string) => {
  const row = report.get(dialect) ?? { right: 0, all: 0, wrong: [] };
  row.all += 1;
  if (note === '') row.right += 1;
  else row.wrong.push(`${id}: ${note}`);
  report.set(dialect, row);
};

describe('the SQL corpus, derived', () => {
  for (const c of CORPUS) {
    it(`${c.id} (${c.dialect})`, async () => {
      if (c.fails) {
        const outcome = await derive(c).then(
          () => 'accepted',
          (error: unknown) => (c.fails?.test(error instanceof Error ? error.message : String(error)) ? '' : `refused otherwise: ${String(error)}`),
        );
        record(c.dialect, c.id, outcome);
        expect(outcome).toBe('');
        return;
      }
      const result = await derive(c).catch((error: unknown) => error as Error);
      const note = result instanceof Error ? `refused: ${result.message}` : compare(c, result.columns, result.ambiguous).note;
      record(c.dialect, c.id, note);
      expect(note).toBe('');
    });
  }
});

afterAll(() => {
  const lines = [...report].map(([dialect, row]) => `  ${dialect.padEnd(11)} ${row.right}/${row.all}${row.wrong.map((w) => `\n    ✗ ${w}`).join('')}`);
  const right = [...report.values()].reduce((sum, row) => sum + row.right, 0);
  process.stdout.write(`SQL corpus: ${right} of ${CORPUS.length} statements derived as expected\n${lines.join('\n')}\n`);
});
