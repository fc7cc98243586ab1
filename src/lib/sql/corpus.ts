// The project's SQL corpus (issue #19): statements that build a table, each with the column
// mappings a steward would enter by hand — the yardstick for the SQL parser candidates
// (scripts/sql-eval.ts, docs/sql-parsers.md) and for the derivation itself in `npm test` (corpus.test.ts).
//
// `expected`: target column → its source columns as "schema.table.column", each direct (copied as
// it is) or derived (computed: an expression, a cast, an aggregate, a CASE, a window function).
// Columns only read in a join or a filter are no column's source. Names are as the statement
// writes them, compared without regard to case unless quoted. `fails`: the statement must be
// refused with a message matching it. `ambiguous`: target columns whose source cannot be told
// (an unqualified column that two joined tables have): reported, not guessed.
import type { Dialect } from './grammars';
import type { Kind } from './lineage-walk';

export interface CorpusCase {
  id: string;
  dialect: Dialect;
  sql: string;
  /** The table the statement builds, when it names none (a bare SELECT). */
  target?: string;
  expected?: Record<string, Record<string, Kind>>;
  ambiguous?: string[];
  fails?: RegExp;
}

/** The DQOps columns the corpus's tables have (for `SELECT *` and unqualified columns). */
export const CORPUS_COLUMNS: Record<string, string[]> = {
  'staging.stg_orders': ['id', 'customer_id', 'status', 'total', 'ordered_at'],
  'staging.stg_customers': ['id', 'name', 'country', 'created_at'],
  'staging.stg_payments': ['id', 'order_id', 'amount', 'paid_at'],
  'staging.stg_refunds': ['id', 'order_id', 'amount', 'refunded_at'],
  'raw.events': ['event_id', 'user_id', 'kind', 'ts'],
};

const d = (...cols: string[]) => Object.fromEntries(cols.map((c) => [c, 'direct' as const]));
const x = (...cols: string[]) => Object.fromEntries(cols.map((c) => [c, 'derived' as const]));

export const CORPUS: CorpusCase[] = [
  // — Plain projections —
  {
    id: 'select-qualified',
    dialect: 'postgres',
    target: 'marts.orders',
    sql: 'SELECT o.id, o.customer_id, o.total FROM staging.stg_orders o',
    expected: { id: d('staging.stg_orders.id'), customer_id: d('staging.stg_orders.customer_id'), total: d('staging.stg_orders.total') },
  },
  {
    id: 'select-unqualified-one-table',
    dialect: 'postgres',
    target: 'marts.orders',
    sql: "SELECT id, status FROM staging.stg_orders WHERE status <> 'void'",
    expected: { id: d('staging.stg_orders.id'), status: d('staging.stg_orders.status') },
  },
  {
    id: 'select-alias-rename',
    dialect: 'postgres',
    target: 'marts.orders',
    sql: 'SELECT o.id AS order_id, o.total AS order_total FROM staging.stg_orders AS o',
    expected: { order_id: d('staging.stg_orders.id'), order_total: d('staging.stg_orders.total') },
  },
  {
    id: 'insert-column-list',
    dialect: 'postgres',
    sql: 'INSERT INTO marts.orders (order_id, buyer) SELECT o.id, o.customer_id FROM staging.stg_orders o',
    expected: { order_id: d('staging.stg_orders.id'), buyer: d('staging.stg_orders.customer_id') },
  },
  {
    id: 'insert-unnamed-expression',
    dialect: 'postgres',
    sql: "INSERT INTO marts.orders (order_id, order_day) SELECT o.id, DATE_TRUNC('day', o.ordered_at) FROM staging.stg_orders o",
    expected: { order_id: d('staging.stg_orders.id'), order_day: x('staging.stg_orders.ordered_at') },
  },
  {
    id: 'ctas',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.customers AS SELECT c.id, UPPER(c.name) AS name FROM staging.stg_customers c',
    expected: { id: d('staging.stg_customers.id'), name: x('staging.stg_customers.name') },
  },
  {
    id: 'create-view',
    dialect: 'postgres',
    sql: 'CREATE VIEW marts.v_customers AS SELECT c.id, c.country FROM staging.stg_customers c',
    expected: { id: d('staging.stg_customers.id'), country: d('staging.stg_customers.country') },
  },
  // — Joins, expressions, aggregates, CASE, windows —
  {
    id: 'join-two',
    dialect: 'postgres',
    sql: 'INSERT INTO marts.orders (order_id, customer_name) SELECT o.id, c.name FROM staging.stg_orders o JOIN staging.stg_customers c ON c.id = o.customer_id',
    expected: { order_id: d('staging.stg_orders.id'), customer_name: d('staging.stg_customers.name') },
  },
  {
    id: 'left-join-coalesce',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.paid AS SELECT o.id, COALESCE(p.amount, 0) AS paid FROM staging.stg_orders o LEFT JOIN staging.stg_payments p ON p.order_id = o.id',
    expected: { id: d('staging.stg_orders.id'), paid: x('staging.stg_payments.amount') },
  },
  {
    id: 'expression-two-tables',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.net AS SELECT o.id, o.total - r.amount AS net FROM staging.stg_orders o JOIN staging.stg_refunds r ON r.order_id = o.id',
    expected: { id: d('staging.stg_orders.id'), net: x('staging.stg_orders.total', 'staging.stg_refunds.amount') },
  },
  {
    id: 'aggregate-group-by',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.customer_totals AS SELECT o.customer_id, SUM(o.total) AS revenue, COUNT(*) AS orders FROM staging.stg_orders o GROUP BY o.customer_id',
    expected: { customer_id: d('staging.stg_orders.customer_id'), revenue: x('staging.stg_orders.total'), orders: {} },
  },
  {
    id: 'case-when',
    dialect: 'postgres',
    sql: "CREATE TABLE marts.order_flags AS SELECT o.id, CASE WHEN o.total > 100 THEN 'big' ELSE o.status END AS flag FROM staging.stg_orders o",
    expected: { id: d('staging.stg_orders.id'), flag: x('staging.stg_orders.total', 'staging.stg_orders.status') },
  },
  {
    id: 'window-function',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.ranked AS SELECT o.id, ROW_NUMBER() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at) AS nth FROM staging.stg_orders o',
    expected: { id: d('staging.stg_orders.id'), nth: x('staging.stg_orders.customer_id', 'staging.stg_orders.ordered_at') },
  },
  {
    id: 'cast',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.o AS SELECT CAST(o.id AS TEXT) AS id_text, o.total::numeric(10,2) AS total FROM staging.stg_orders o',
    expected: { id_text: x('staging.stg_orders.id'), total: x('staging.stg_orders.total') },
  },
  // — CTEs and subqueries —
  {
    id: 'cte-one',
    dialect: 'postgres',
    sql: "CREATE TABLE marts.valid_orders AS WITH v AS (SELECT id, total FROM staging.stg_orders WHERE status <> 'void') SELECT v.id, v.total FROM v",
    expected: { id: d('staging.stg_orders.id'), total: d('staging.stg_orders.total') },
  },
  {
    id: 'cte-chain',
    dialect: 'postgres',
    sql: `CREATE TABLE marts.customer_revenue AS
WITH o AS (SELECT customer_id, total FROM staging.stg_orders),
     per AS (SELECT customer_id, SUM(total) AS revenue FROM o GROUP BY customer_id)
SELECT c.name, per.revenue FROM per JOIN staging.stg_customers c ON c.id = per.customer_id`,
    expected: { name: d('staging.stg_customers.name'), revenue: x('staging.stg_orders.total') },
  },
  {
    id: 'subquery-from',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.t AS SELECT s.oid, s.amt FROM (SELECT o.id AS oid, o.total AS amt FROM staging.stg_orders o) s',
    expected: { oid: d('staging.stg_orders.id'), amt: d('staging.stg_orders.total') },
  },
  {
    id: 'union-by-position',
    dialect: 'postgres',
    sql: 'INSERT INTO marts.money (ref, amount) SELECT p.order_id, p.amount FROM staging.stg_payments p UNION ALL SELECT r.order_id, -r.amount FROM staging.stg_refunds r',
    expected: {
      ref: d('staging.stg_payments.order_id', 'staging.stg_refunds.order_id'),
      amount: { 'staging.stg_payments.amount': 'direct', 'staging.stg_refunds.amount': 'derived' },
    },
  },
  // — Stars, expanded with the DQOps columns —
  {
    id: 'star',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.customers_copy AS SELECT * FROM staging.stg_customers',
    expected: {
      id: d('staging.stg_customers.id'),
      name: d('staging.stg_customers.name'),
      country: d('staging.stg_customers.country'),
      created_at: d('staging.stg_customers.created_at'),
    },
  },
  {
    id: 'table-star-and-column',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.refunds_x AS SELECT r.*, o.status FROM staging.stg_refunds r JOIN staging.stg_orders o ON o.id = r.order_id',
    expected: {
      id: d('staging.stg_refunds.id'),
      order_id: d('staging.stg_refunds.order_id'),
      amount: d('staging.stg_refunds.amount'),
      refunded_at: d('staging.stg_refunds.refunded_at'),
      status: d('staging.stg_orders.status'),
    },
  },
  {
    id: 'star-through-cte',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.events_copy AS WITH e AS (SELECT * FROM raw.events) SELECT * FROM e',
    expected: { event_id: d('raw.events.event_id'), user_id: d('raw.events.user_id'), kind: d('raw.events.kind'), ts: d('raw.events.ts') },
  },
  // — Ambiguity: reported, not guessed —
  {
    id: 'ambiguous-unqualified',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.t AS SELECT o.id AS order_id, amount FROM staging.stg_orders o JOIN staging.stg_payments p ON p.order_id = o.id JOIN staging.stg_refunds r ON r.order_id = o.id',
    expected: { order_id: d('staging.stg_orders.id') },
    ambiguous: ['amount'],
  },
  // — Dialects: quoting and case —
  {
    id: 'snowflake-upper',
    dialect: 'snowflake',
    sql: 'INSERT INTO MARTS.ORDERS (ORDER_ID, TOTAL) SELECT O.ID, O.TOTAL FROM STAGING.STG_ORDERS O',
    expected: { ORDER_ID: d('STAGING.STG_ORDERS.ID'), TOTAL: d('STAGING.STG_ORDERS.TOTAL') },
  },
  {
    id: 'snowflake-ctas-iff',
    dialect: 'snowflake',
    sql: "CREATE OR REPLACE TABLE MARTS.FLAGS AS SELECT O.ID, IFF(O.TOTAL > 100, 'big', 'small') AS SIZE FROM STAGING.STG_ORDERS O",
    expected: { ID: d('STAGING.STG_ORDERS.ID'), SIZE: x('STAGING.STG_ORDERS.TOTAL') },
  },
  {
    id: 'bigquery-backticks',
    dialect: 'bigquery',
    sql: 'CREATE OR REPLACE TABLE `acme.marts.orders` AS SELECT o.id, o.total FROM `acme.staging.stg_orders` AS o',
    expected: { id: d('staging.stg_orders.id'), total: d('staging.stg_orders.total') },
  },
  {
    id: 'bigquery-safe-cast',
    dialect: 'bigquery',
    sql: 'CREATE TABLE `acme.marts.amounts` AS SELECT p.id, SAFE_CAST(p.amount AS NUMERIC) AS amount FROM `acme.staging.stg_payments` p',
    expected: { id: d('staging.stg_payments.id'), amount: x('staging.stg_payments.amount') },
  },
  {
    id: 'tsql-brackets',
    dialect: 'tsql',
    sql: 'INSERT INTO [marts].[orders] ([order_id], [total]) SELECT [o].[id], [o].[total] FROM [staging].[stg_orders] AS [o]',
    expected: { order_id: d('staging.stg_orders.id'), total: d('staging.stg_orders.total') },
  },
  {
    id: 'tsql-select-into',
    dialect: 'tsql',
    sql: 'SELECT c.id, c.name INTO marts.customers FROM staging.stg_customers c',
    expected: { id: d('staging.stg_customers.id'), name: d('staging.stg_customers.name') },
  },
  {
    id: 'mysql-backticks',
    dialect: 'mysql',
    sql: 'INSERT INTO `marts`.`orders` (`order_id`) SELECT `o`.`id` FROM `staging`.`stg_orders` `o`',
    expected: { order_id: d('staging.stg_orders.id') },
  },
  {
    id: 'databricks-ctas',
    dialect: 'databricks',
    sql: 'CREATE OR REPLACE TABLE marts.events AS SELECT e.event_id, date(e.ts) AS day FROM raw.events e',
    expected: { event_id: d('raw.events.event_id'), day: x('raw.events.ts') },
  },
  {
    id: 'redshift-insert',
    dialect: 'redshift',
    sql: "INSERT INTO marts.events (event_id, kind) SELECT e.event_id, NVL(e.kind, '?') FROM raw.events e",
    expected: { event_id: d('raw.events.event_id'), kind: x('raw.events.kind') },
  },
  {
    id: 'duckdb-ctas',
    dialect: 'duckdb',
    sql: 'CREATE TABLE marts.users AS SELECT e.user_id, count(*) AS events FROM raw.events e GROUP BY e.user_id',
    expected: { user_id: d('raw.events.user_id'), events: {} },
  },
  {
    id: 'trino-insert',
    dialect: 'trino',
    sql: 'INSERT INTO marts.users (user_id, first_seen) SELECT e.user_id, min(e.ts) FROM raw.events e GROUP BY e.user_id',
    expected: { user_id: d('raw.events.user_id'), first_seen: x('raw.events.ts') },
  },
  {
    id: 'merge',
    dialect: 'snowflake',
    sql: 'MERGE INTO MARTS.CUSTOMERS T USING STAGING.STG_CUSTOMERS S ON T.ID = S.ID WHEN MATCHED THEN UPDATE SET T.NAME = S.NAME WHEN NOT MATCHED THEN INSERT (ID, NAME) VALUES (S.ID, S.NAME)',
    expected: { ID: d('STAGING.STG_CUSTOMERS.ID'), NAME: d('STAGING.STG_CUSTOMERS.NAME') },
  },
  {
    id: 'unqualified-resolved-by-dqops-columns',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.order_names AS SELECT name, total FROM staging.stg_orders o JOIN staging.stg_customers c ON c.id = o.customer_id',
    expected: { name: d('staging.stg_customers.name'), total: d('staging.stg_orders.total') },
  },
  {
    id: 'ambiguous-inside-cte',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.j AS WITH j AS (SELECT id, o.total FROM staging.stg_orders o JOIN staging.stg_customers c ON c.id = o.customer_id) SELECT j.id AS ref, j.total FROM j',
    expected: { total: d('staging.stg_orders.total') },
    ambiguous: ['ref'],
  },
  {
    id: 'scalar-subquery',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.customer_max AS SELECT c.id, (SELECT MAX(o.total) FROM staging.stg_orders o WHERE o.customer_id = c.id) AS max_total FROM staging.stg_customers c',
    expected: { id: d('staging.stg_customers.id'), max_total: x('staging.stg_orders.total') },
  },
  {
    id: 'union-star-cte',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.money_moves AS WITH a AS (SELECT * FROM staging.stg_payments) SELECT a.id, a.amount FROM a UNION SELECT r.id, r.amount FROM staging.stg_refunds r',
    expected: { id: d('staging.stg_payments.id', 'staging.stg_refunds.id'), amount: d('staging.stg_payments.amount', 'staging.stg_refunds.amount') },
  },
  {
    id: 'window-aggregate',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.shares AS SELECT o.id, o.total / SUM(o.total) OVER (PARTITION BY o.customer_id) AS share FROM staging.stg_orders o',
    expected: { id: d('staging.stg_orders.id'), share: x('staging.stg_orders.total', 'staging.stg_orders.customer_id') },
  },
  {
    id: 'insert-no-column-list',
    dialect: 'postgres',
    sql: 'INSERT INTO marts.payments SELECT p.id, p.amount AS paid FROM staging.stg_payments p',
    expected: { id: d('staging.stg_payments.id'), paid: d('staging.stg_payments.amount') },
  },
  {
    id: 'select-distinct',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.countries AS SELECT DISTINCT c.country FROM staging.stg_customers c',
    expected: { country: d('staging.stg_customers.country') },
  },
  {
    id: 'table-star-through-subquery',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.recent_refunds AS SELECT s.* FROM (SELECT r.id, r.amount FROM staging.stg_refunds r WHERE r.refunded_at > now()) s',
    expected: { id: d('staging.stg_refunds.id'), amount: d('staging.stg_refunds.amount') },
  },
  {
    id: 'quoted-names-postgres',
    dialect: 'postgres',
    sql: 'CREATE TABLE "marts"."orders" AS SELECT o."id" AS "order id", o."total" FROM "staging"."stg_orders" o',
    expected: { 'order id': d('staging.stg_orders.id'), total: d('staging.stg_orders.total') },
  },
  {
    id: 'snowflake-quoted-upper',
    dialect: 'snowflake',
    sql: 'INSERT INTO "MARTS"."ORDERS" ("ORDER_ID", "STATUS") SELECT "O"."ID", UPPER("O"."STATUS") FROM "STAGING"."STG_ORDERS" "O"',
    expected: { ORDER_ID: d('STAGING.STG_ORDERS.ID'), STATUS: x('STAGING.STG_ORDERS.STATUS') },
  },
  {
    id: 'snowflake-three-part',
    dialect: 'snowflake',
    sql: 'CREATE TABLE ANALYTICS.MARTS.PAYMENTS AS SELECT P.ID, P.AMOUNT FROM ANALYTICS.STAGING.STG_PAYMENTS P',
    expected: { ID: d('STAGING.STG_PAYMENTS.ID'), AMOUNT: d('STAGING.STG_PAYMENTS.AMOUNT') },
  },
  {
    id: 'bigquery-split-backticks',
    dialect: 'bigquery',
    sql: 'INSERT INTO `acme`.`marts`.`events` (event_id, kind) SELECT e.event_id, LOWER(e.kind) FROM `acme`.`raw`.`events` e',
    expected: { event_id: d('raw.events.event_id'), kind: x('raw.events.kind') },
  },
  {
    id: 'tsql-select-into-top',
    dialect: 'tsql',
    sql: 'SELECT TOP 100 [c].[id], [c].[country] INTO [marts].[top_customers] FROM [staging].[stg_customers] [c] ORDER BY [c].[created_at]',
    expected: { id: d('staging.stg_customers.id'), country: d('staging.stg_customers.country') },
  },
  {
    id: 'tsql-merge',
    dialect: 'tsql',
    sql: 'MERGE [marts].[customers] AS t USING [staging].[stg_customers] AS s ON t.id = s.id WHEN MATCHED THEN UPDATE SET t.name = s.name, t.country = UPPER(s.country) WHEN NOT MATCHED BY TARGET THEN INSERT (id, name, country) VALUES (s.id, s.name, s.country);',
    expected: { id: d('staging.stg_customers.id'), name: d('staging.stg_customers.name'), country: d('staging.stg_customers.country') },
  },
  {
    id: 'merge-subquery-source',
    dialect: 'postgres',
    sql: 'MERGE INTO marts.customer_totals t USING (SELECT customer_id, SUM(total) AS revenue FROM staging.stg_orders GROUP BY customer_id) s ON t.customer_id = s.customer_id WHEN MATCHED THEN UPDATE SET revenue = s.revenue WHEN NOT MATCHED THEN INSERT (customer_id, revenue) VALUES (s.customer_id, s.revenue)',
    expected: { customer_id: d('staging.stg_orders.customer_id'), revenue: x('staging.stg_orders.total') },
  },
  {
    id: 'databricks-merge-star',
    dialect: 'databricks',
    sql: 'MERGE INTO marts.events t USING raw.events s ON t.event_id = s.event_id WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *',
    expected: { event_id: d('raw.events.event_id'), user_id: d('raw.events.user_id'), kind: d('raw.events.kind'), ts: d('raw.events.ts') },
  },
  {
    id: 'databricks-backticks-three-part',
    dialect: 'databricks',
    sql: 'CREATE OR REPLACE TABLE `main`.`marts`.`users` AS SELECT `e`.`user_id`, max(`e`.`ts`) AS last_seen FROM `main`.`raw`.`events` `e` GROUP BY `e`.`user_id`',
    expected: { user_id: d('raw.events.user_id'), last_seen: x('raw.events.ts') },
  },
  {
    id: 'mysql-ctas-ifnull',
    dialect: 'mysql',
    sql: 'CREATE TABLE marts.paid AS SELECT p.order_id, IFNULL(p.amount, 0) AS amount FROM staging.stg_payments p',
    expected: { order_id: d('staging.stg_payments.order_id'), amount: x('staging.stg_payments.amount') },
  },
  {
    id: 'trino-three-part',
    dialect: 'trino',
    sql: "CREATE TABLE hive.marts.daily AS SELECT date_trunc('day', e.ts) AS day, count(*) AS events FROM hive.raw.events e GROUP BY 1",
    expected: { day: x('raw.events.ts'), events: {} },
  },
  {
    id: 'redshift-ctas-case',
    dialect: 'redshift',
    sql: "CREATE TABLE marts.order_sizes AS SELECT o.id, CASE WHEN o.total >= 100 THEN 'large' ELSE 'small' END AS size FROM staging.stg_orders o",
    expected: { id: d('staging.stg_orders.id'), size: x('staging.stg_orders.total') },
  },
  {
    id: 'generic-join-using-qualified',
    dialect: 'generic',
    sql: 'INSERT INTO marts.refund_orders (refund_id, order_status) SELECT r.id, o.status FROM staging.stg_refunds r INNER JOIN staging.stg_orders o ON o.id = r.order_id WHERE o.status IS NOT NULL',
    expected: { refund_id: d('staging.stg_refunds.id'), order_status: d('staging.stg_orders.status') },
  },
  // — Refused, with a message —
  { id: 'fail-syntax', dialect: 'postgres', sql: 'SELEC id FROM staging.stg_orders', fails: /^Line 1, column 7: “id” is not what PostgreSQL has there/ },
  {
    id: 'fail-unclosed',
    dialect: 'postgres',
    sql: 'CREATE TABLE marts.t AS SELECT (o.id FROM staging.stg_orders o',
    fails: /^Line 1, column \d+: “FROM” is not what PostgreSQL has there/,
  },
  { id: 'fail-grant', dialect: 'postgres', sql: 'GRANT SELECT ON staging.stg_orders TO analyst', fails: /builds no table/ },
  { id: 'fail-empty', dialect: 'postgres', sql: '', fails: /holds no statement/ },
  { id: 'fail-comment-only', dialect: 'postgres', sql: '-- nothing here\n', fails: /holds no statement/ },
  { id: 'fail-delete', dialect: 'postgres', sql: 'DELETE FROM staging.stg_orders WHERE id = 1', fails: /A DELETE builds no table/ },
  {
    id: 'fail-two-statements',
    dialect: 'postgres',
    sql: 'CREATE TABLE a.b AS SELECT 1 AS x; CREATE TABLE a.c AS SELECT 2 AS y',
    fails: /One statement at a time/,
  },
  { id: 'fail-drop', dialect: 'postgres', sql: 'DROP TABLE marts.orders', fails: /A DROP builds no table/ },
  { id: 'fail-garbage', dialect: 'postgres', sql: '}{ not sql at all', fails: /^Line 1, column 1: “}”/ },
  { id: 'fail-2mb', dialect: 'postgres', sql: hugeStatement(2 * 1024 * 1024), fails: /statements over 1 million are not read/ },
];

/** A statement of `bytes` size (a 2 MB statement must be refused clearly, not hang the page). */
export function hugeStatement(bytes: number): string {
  const columns: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i += 1) {
    const column = `o.total + ${i} AS c${i}`;
    columns.push(column);
    size += column.length + 2;
  }
  return `CREATE TABLE marts.huge AS SELECT ${columns.join(', ')} FROM staging.stg_orders o`;
}

/**
 * The budget's statement (issue #19): about 300 lines, 8 CTEs and 12 joins, over the corpus's
 * tables (or others: `npm run bench` uses the demo warehouse's) — each CTE narrows or aggregates
 * one of them, the final SELECT joins them all.
 */
export function budgetStatement(columnsOf: Record<string, string[]> = CORPUS_COLUMNS, target = 'marts.wide'): string {
  const tables = Object.keys(columnsOf);
  const ctes: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    const table = tables[i % tables.length] as string;
    const columns = columnsOf[table] as string[];
    const lines = columns.map((c, k) => `    t${i}.${c} AS c${i}_${k}`);
    for (let k = 0; k < 22; k += 1) lines.push(`    CASE WHEN t${i}.${columns[k % columns.length]} IS NULL THEN 0 ELSE ${k} END AS e${i}_${k}`);
    ctes.push(`cte${i} AS (\n  SELECT\n${lines.join(',\n')}\n  FROM ${table} t${i}\n  WHERE t${i}.${columns[0]} IS NOT NULL\n)`);
  }
  const select: string[] = [];
  for (let i = 0; i < 8; i += 1) for (let k = 0; k < 4; k += 1) select.push(`  cte${i}.e${i}_${k} + cte${i}.c${i}_0 AS out_${i}_${k}`);
  const joins: string[] = [];
  for (let j = 1; j <= 12; j += 1) {
    const i = j % 8;
    joins.push(
      j < 8
        ? `JOIN cte${i} ON cte${i}.c${i}_0 = cte0.c0_0`
        : `LEFT JOIN ${tables[j % tables.length]} x${j} ON x${j}.${columnsOf[tables[j % tables.length] as string]?.[0]} = cte0.c0_0`,
    );
  }
  return `CREATE TABLE ${target} AS\nWITH\n${ctes.join(',\n')}\nSELECT\n${select.join(',\n')}\nFROM cte0\n${joins.join('\n')}`;
}
