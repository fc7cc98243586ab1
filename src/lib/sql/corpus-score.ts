// How derived column mappings compare with the corpus's expected ones (corpus.ts): used by the
// parser evaluation (scripts/sql-eval.ts) and the corpus test.
import { CORPUS_COLUMNS, type CorpusCase } from './corpus';
import type { Kind } from './lineage-walk';
import { deriveFromSql, type Derivation } from './derive';

const COLUMNS = new Map(Object.entries(CORPUS_COLUMNS).map(([table, columns]) => [table.toLowerCase(), columns]));

/** A corpus statement derived as the app derives it (rejects with what refuses it). */
export function deriveCorpusCase(c: CorpusCase): Promise<Derivation> {
  return deriveFromSql(c.sql, c.dialect, { columnsOf: (table) => COLUMNS.get(table) });
}

export interface Score {
  ok: boolean;
  /** Expected (or unexpected) column ← source pairs, and how many were right. */
  pairs: number;
  right: number;
  /** What differs, for the report. */
  note: string;
  ms: number;
}

/** Derived mappings (target column → source → kind, lower case) against the expected ones. */
export function compare(c: CorpusCase, derived: Map<string, Map<string, Kind>>, reported: readonly string[]): Omit<Score, 'ms'> {
  let pairs = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const [column, sources] of Object.entries(c.expected ?? {})) {
    const got = derived.get(column.toLowerCase()) ?? new Map<string, Kind>();
    const want = new Map(Object.entries(sources).map(([s, k]) => [s.toLowerCase(), k]));
    for (const [source, kind] of want) {
      pairs += 1;
      if (got.get(source) === kind) right += 1;
      else wrong.push(`${column}←${source} ${kind}: got ${got.get(source) ?? 'nothing'}`);
    }
    for (const source of got.keys()) {
      if (want.has(source)) continue;
      pairs += 1;
      wrong.push(`${column}←${source}: not expected`);
    }
    if (want.size === 0 && got.size === 0) {
      pairs += 1;
      right += 1;
    }
  }
  for (const column of c.ambiguous ?? []) {
    pairs += 1;
    const got = derived.get(column.toLowerCase());
    if ((!got || got.size === 0) && (reported.length === 0 || reported.includes(column.toLowerCase()))) right += 1;
    else wrong.push(`${column}: guessed ${[...(got?.keys() ?? [])].join(', ')}`);
  }
  return { ok: wrong.length === 0, pairs, right, note: wrong.join('; ') };
}
