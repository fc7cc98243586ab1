// The dialects the studio offers, and which of node-sql-parser's grammars read each (in order: a
// statement the first refuses is tried with the next). Each grammar is its own chunk, loaded the
// first time a statement of that dialect is read (docs/sql-parsers.md: 37–58 KB gzip each).
import type { Parser } from 'node-sql-parser';

export type Dialect = 'postgres' | 'snowflake' | 'bigquery' | 'databricks' | 'redshift' | 'mysql' | 'tsql' | 'duckdb' | 'trino' | 'generic';

export const DIALECTS: readonly { value: Dialect; label: string }[] = [
  { value: 'postgres', label: 'PostgreSQL' },
  { value: 'snowflake', label: 'Snowflake' },
  { value: 'bigquery', label: 'BigQuery' },
  { value: 'databricks', label: 'Databricks / Spark' },
  { value: 'redshift', label: 'Redshift' },
  { value: 'mysql', label: 'MySQL' },
  { value: 'tsql', label: 'SQL Server' },
  { value: 'duckdb', label: 'DuckDB' },
  { value: 'trino', label: 'Trino' },
  { value: 'generic', label: 'Generic SQL' },
];

export const dialectLabel = (dialect: Dialect) => DIALECTS.find((d) => d.value === dialect)?.label ?? dialect;

/**
 * node-sql-parser has no Databricks/Spark grammar: BigQuery's reads its back-ticks, three-part
 * names and CREATE OR REPLACE, Hive's its INSERT OVERWRITE. No DuckDB one either: PostgreSQL's.
 * The Redshift and Trino grammars do not read CREATE TABLE … AS: PostgreSQL's does.
 */
export const NODE_SQL_GRAMMARS: Record<Dialect, readonly Grammar[]> = {
  postgres: ['postgresql'],
  snowflake: ['snowflake'],
  bigquery: ['bigquery'],
  databricks: ['bigquery', 'hive'],
  redshift: ['redshift', 'postgresql'],
  mysql: ['mysql'],
  tsql: ['transactsql'],
  duckdb: ['postgresql'],
  trino: ['trino', 'postgresql'],
  generic: ['postgresql', 'mysql'],
};

export type Grammar = 'postgresql' | 'snowflake' | 'bigquery' | 'hive' | 'redshift' | 'mysql' | 'transactsql' | 'trino';

type ParserClass = new () => Parser;
// One static import() per grammar, so that the bundler makes each its own chunk.
const LOADERS: Record<Grammar, () => Promise<{ Parser: ParserClass }>> = {
  postgresql: () => import('node-sql-parser/build/postgresql'),
  snowflake: () => import('node-sql-parser/build/snowflake'),
  bigquery: () => import('node-sql-parser/build/bigquery'),
  hive: () => import('node-sql-parser/build/hive'),
  redshift: () => import('node-sql-parser/build/redshift'),
  mysql: () => import('node-sql-parser/build/mysql'),
  transactsql: () => import('node-sql-parser/build/transactsql'),
  trino: () => import('node-sql-parser/build/trino'),
};

const loaded = new Map<Grammar, Promise<Parser>>();

/** node-sql-parser with one grammar, loaded once. */
export function parserFor(grammar: Grammar): Promise<Parser> {
  let parser = loaded.get(grammar);
  if (!parser) {
    parser = LOADERS[grammar]().then((module) => {
      // The builds are CommonJS: the bundler may hand the exports over as `default`.
      const Class = module.Parser ?? (module as unknown as { default: { Parser: ParserClass } }).default.Parser;
      return new Class();
    });
    loaded.set(grammar, parser);
  }
  return parser;
}
