// Which of node-sql-parser's grammars reads each dialect the studio offers.
import type { Dialect } from './corpus';

/** node-sql-parser's names; it has no Databricks/Spark (Hive is the nearest) and no DuckDB (PostgreSQL's grammar). */
export const NODE_SQL_GRAMMAR: Record<Dialect, string> = {
  postgres: 'postgresql',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'hive',
  redshift: 'redshift',
  mysql: 'mysql',
  tsql: 'transactsql',
  duckdb: 'postgresql',
  trino: 'trino',
  generic: 'postgresql',
};
