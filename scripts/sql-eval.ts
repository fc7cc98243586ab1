// `npm run sql:eval`: the SQL parser candidates of issue #19 on the project's corpus
// (src/lib/sql/corpus.ts), for docs/sql-parsers.md.
//  - @polyglot-sql/sdk (sqlglot's port in WebAssembly): its own column lineage
//    (openLineageColumnLineage), scored against the corpus's expected mappings.
//  - node-sql-parser (a JavaScript AST per dialect, no lineage of its own): whether it reads each
//    statement (and refuses the bad ones); the lineage walk over its AST would be ours to write.
// Prints per statement and per dialect, the time per statement, and the size each would add.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { openLineageColumnLineage, type OpenLineageColumnLineageResult, type TableSchema } from '@polyglot-sql/sdk';
import type { Derivation } from '../src/lib/sql/derive.ts';
import { compare, deriveCorpusCase, type Score } from '../src/lib/sql/corpus-score.ts';
import { NODE_SQL_GRAMMARS, parserFor, type Dialect, type Grammar } from '../src/lib/sql/grammars.ts';
import { budgetStatement, CORPUS, CORPUS_COLUMNS, hugeStatement, type CorpusCase } from '../src/lib/sql/corpus.ts';
import type { Kind } from '../src/lib/sql/lineage-walk.ts';

const POLYGLOT: Record<Dialect, string> = {
  postgres: 'postgresql',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'databricks',
  redshift: 'redshift',
  mysql: 'mysql',
  tsql: 'tsql',
  duckdb: 'duckdb',
  trino: 'trino',
  generic: 'generic',
};

const schemaTables: TableSchema[] = Object.entries(CORPUS_COLUMNS).map(([name, columns]) => {
  const [schema, table] = name.split('.') as [string, string];
  return { schema, name: table, columns: columns.map((c) => ({ name: c, type: 'text' })) };
});

/** "schema.table.column", lower case, a BigQuery project left out. */
const norm = (table: string, column: string) => `${table.split('.').slice(-2).join('.')}.${column}`.replace(/[`"[\]]/g, '').toLowerCase();

function derivedOf(result: OpenLineageColumnLineageResult): Map<string, Map<string, Kind>> {
  const out = new Map<string, Map<string, Kind>>();
  for (const [column, field] of Object.entries(result.facet?.fields ?? {})) {
    const sources = new Map<string, Kind>();
    for (const input of field.inputFields) {
      const identity = input.transformations?.every((t) => t.type === 'DIRECT' && t.subtype === 'IDENTITY') ?? false;
      sources.set(norm(input.name, input.field), identity ? 'direct' : 'derived');
    }
    out.set(column.toLowerCase(), sources);
  }
  return out;
}

/** Polyglot's time grows much faster than the size (200 KB: 243 s): bigger statements are not given to it. */
const POLYGLOT_MAX_CHARS = 100_000;

function scorePolyglot(c: CorpusCase): Score {
  if (c.sql.length > POLYGLOT_MAX_CHARS)
    return { ok: false, pairs: 1, right: 0, note: `not run: ${Math.round(c.sql.length / 1000)} KB would take hours`, ms: 0 };
  const started = performance.now();
  let result: OpenLineageColumnLineageResult;
  try {
    result = openLineageColumnLineage(c.sql, {
      dialect: POLYGLOT[c.dialect],
      producer: 'lineage-studio',
      datasetNamespace: 'dqops',
      schema: { tables: schemaTables, strict: false },
      ...(c.target ? { outputDataset: { namespace: 'dqops', name: c.target } } : {}),
    });
  } catch (error) {
    result = { success: false, warnings: [], error: `threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  const ms = performance.now() - started;
  if (c.fails)
    return { ok: !result.success, pairs: 1, right: result.success ? 0 : 1, note: result.success ? 'accepted' : `refused: ${result.error ?? ''}`, ms };
  if (!result.success) return { ok: false, pairs: 1, right: 0, note: `error: ${result.error ?? ''}`, ms };
  return { ...compare(c, derivedOf(result), []), ms };
}

/** node-sql-parser's AST, walked by the project's walk (src/lib/sql/derive.ts, as the app runs it). */
async function scoreWalk(c: CorpusCase): Promise<Score> {
  const started = performance.now();
  let result: Derivation | undefined;
  let error = '';
  try {
    result = await deriveCorpusCase(c);
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 120) : String(e);
  }
  const ms = performance.now() - started;
  if (c.fails) return { ok: !result, pairs: 1, right: result ? 0 : 1, note: result ? 'accepted' : `refused: ${error}`, ms };
  if (!result) return { ok: false, pairs: 1, right: 0, note: `error: ${error}`, ms };
  return { ...compare(c, result.columns, result.ambiguous), ms };
}

// Every grammar loaded before anything is timed.
const PARSERS = new Map<Grammar, Awaited<ReturnType<typeof parserFor>>>();
for (const grammars of Object.values(NODE_SQL_GRAMMARS)) for (const g of grammars) PARSERS.set(g, await parserFor(g));

/** node-sql-parser alone, in the dialect's first grammar. */
function scoreNodeSql(c: CorpusCase): Score {
  const grammar = NODE_SQL_GRAMMARS[c.dialect][0] as Grammar;
  const parser = PARSERS.get(grammar) as NonNullable<ReturnType<typeof PARSERS.get>>;
  const started = performance.now();
  let error = '';
  try {
    const ast = parser.astify(c.sql, { database: grammar });
    if ((Array.isArray(ast) ? ast.length : 1) !== 1) error = 'not one statement';
  } catch (e) {
    error = e instanceof Error ? e.message.slice(0, 120) : String(e);
  }
  const ms = performance.now() - started;
  const ok = c.fails ? error !== '' : error === '';
  return { ok, pairs: 1, right: ok ? 1 : 0, note: error ? `refused: ${error}` : 'read', ms };
}

const pad = (text: string | number, n: number) => String(text).padEnd(n);
console.log(`Corpus: ${CORPUS.length} statements\n`);
console.log(
  `${pad('statement', 30)} ${pad('dialect', 11)} ${pad('polyglot', 9)} ${pad('ms', 6)} ${pad('node-sql', 9)} ${pad('walk', 9)} ${pad('ms', 6)} differences (polyglot | walk)`,
);
const perDialect = new Map<string, { n: number; poly: number; node: number; walk: number }>();
// The first call starts the WebAssembly module: timed apart.
const warm = performance.now();
openLineageColumnLineage('SELECT 1 AS x', { dialect: 'postgresql', producer: 'x', datasetNamespace: 'x', outputDataset: { namespace: 'x', name: 'a.b' } });
const polyglotStart = performance.now() - warm;
const polyTimes: number[] = [];
const nodeTimes: number[] = [];
const walkTimes: number[] = [];
for (const c of CORPUS) {
  const p = scorePolyglot(c);
  const n = scoreNodeSql(c);
  const w = await scoreWalk(c);
  polyTimes.push(p.ms);
  nodeTimes.push(n.ms);
  walkTimes.push(w.ms);
  const row = perDialect.get(c.dialect) ?? { n: 0, poly: 0, node: 0, walk: 0 };
  row.n += 1;
  row.poly += p.ok ? 1 : 0;
  row.node += n.ok ? 1 : 0;
  row.walk += w.ok ? 1 : 0;
  perDialect.set(c.dialect, row);
  const score = (x: Score) => (x.ok ? 'right' : `${x.right}/${x.pairs}`);
  console.log(
    `${pad(c.id, 30)} ${pad(c.dialect, 11)} ${pad(score(p), 9)} ${pad(p.ms.toFixed(1), 6)} ${pad(n.ok ? 'ok' : 'WRONG', 9)} ${pad(score(w), 9)} ${pad(w.ms.toFixed(1), 6)} ${p.ok ? '' : p.note.slice(0, 100)} | ${w.ok ? '' : w.note.slice(0, 140)}`,
  );
}
console.log('\nPer dialect (statements right / all):');
for (const [dialect, row] of perDialect)
  console.log(`  ${pad(dialect, 11)} polyglot ${row.poly}/${row.n}   node-sql-parser reads ${row.node}/${row.n}, with the walk right ${row.walk}/${row.n}`);
const total = (key: 'poly' | 'node' | 'walk') => [...perDialect.values()].reduce((sum, row) => sum + row[key], 0);
console.log(
  `  all         polyglot ${total('poly')}/${CORPUS.length}   node-sql-parser reads ${total('node')}/${CORPUS.length}, with the walk right ${total('walk')}/${CORPUS.length}`,
);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
console.log(
  `\nTime per statement, median: polyglot ${median(polyTimes).toFixed(1)} ms (its first call, starting the module: ${polyglotStart.toFixed(0)} ms), node-sql-parser ${median(nodeTimes).toFixed(1)} ms (read), ${median(walkTimes).toFixed(1)} ms (read and walked)`,
);

// Wide statements (one SELECT of ever more columns): how the time grows. Polyglot is not given the
// 2 MB one — it grows faster than the size (on this machine 20 KB took 2.8 s, 200 KB 243 s).
for (const kb of [5, 20, 2048]) {
  const sql = hugeStatement(kb * 1024);
  const runs =
    kb > 20
      ? ([['node-sql-parser', scoreNodeSql]] as const)
      : ([
          ['polyglot', scorePolyglot],
          ['node-sql-parser', scoreNodeSql],
        ] as const);
  for (const [name, score] of runs) {
    const s = await score({ id: 'wide', dialect: 'postgres', sql, fails: /./ });
    console.log(`${kb} KB statement, ${name}: ${s.ms.toFixed(0)} ms (${s.note.startsWith('refused') ? s.note.slice(0, 80) : 'read'})`);
  }
}
const budget = budgetStatement();
for (const [name, score] of [
  ['polyglot', scorePolyglot],
  ['node-sql-parser', scoreNodeSql],
  ['node-sql-parser and the walk', scoreWalk],
] as const) {
  const runs: Score[] = [];
  for (let i = 0; i < 3; i += 1) runs.push(await score({ id: 'budget', dialect: 'postgres', sql: budget }));
  const times = runs.map((r) => r.ms);
  if (runs.some((r) => r.note.startsWith('error'))) console.log(`  (${name}: ${runs[0]?.note.slice(0, 100) ?? ''})`);
  console.log(`the budget's statement (${budget.split('\n').length} lines, 8 CTEs, 12 joins), ${name}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
}

// What each would add to the app (loaded on demand): raw and gzip.
const require = createRequire(import.meta.url);
function size(files: string[]) {
  let raw = 0;
  let gz = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return `${(raw / 2 ** 20).toFixed(1)} MB raw, ${(gz / 2 ** 20).toFixed(2)} MB gzip`;
}
const polyDir = require.resolve('@polyglot-sql/sdk').replace(/index\.(c?js)$/, '');
console.log(`\npolyglot: index.js + polyglot_sql.wasm: ${size([`${polyDir}index.js`, `${polyDir}polyglot_sql.wasm`])}`);
const nodeDir = require.resolve('node-sql-parser').replace(/[^/]+$/, '');
const builds = readdirSync(`${nodeDir}build`).filter((f) => f.endsWith('.js') && statSync(`${nodeDir}build/${f}`).isFile());
for (const name of ['postgresql', 'snowflake', 'bigquery', 'transactsql'])
  if (builds.includes(`${name}.js`)) console.log(`node-sql-parser, one dialect (${name}): ${size([`${nodeDir}build/${name}.js`])}`);
