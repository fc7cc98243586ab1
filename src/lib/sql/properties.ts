// What a column mapping derived from SQL carries in its DQOps `properties` (docs/sql-parsers.md,
// "What DQOps receives"), wherever it was derived: a table's or a link's SQL dialog, the source
// editor, a dbt manifest's compiled code.

/** `direct` (the column copied as it is) or `derived` (computed from it). */
export const SQL_KIND_PROPERTY = 'sql_transformation';
/** For a derived column: the expression that computes it. */
export const SQL_EXPRESSION_PROPERTY = 'sql_expression';
