// Column lineage from node-sql-parser's AST (issue #19; why this parser: docs/sql-parsers.md). Each FROM item is a relation (output column → its sources); a SELECT
// resolves its columns against them, CTEs and subqueries first, UNION branches by position, `*`
// from the DQOps columns of a table. A column copied as it is stays "direct"; anything computed is
// "derived". An unqualified column that more than one relation has is reported, never guessed.
// node-sql-parser's AST is loosely shaped (a name may be a string or { value }), so it is read
// through small accessors rather than typed.

export type Kind = 'direct' | 'derived';

export interface WalkResult {
  /** The table the statement builds ("schema.table"), when it names one. */
  target?: string;
  /** Target column → source "schema.table.column" → kind. */
  columns: Map<string, Map<string, Kind>>;
  /** Target columns whose source could not be told apart. */
  ambiguous: string[];
  /** Every table the statement reads ("schema.table", lower case), in a join or a filter too. */
  tables: string[];
  /** Target column → the expression that computes it, for derived columns. */
  expressions: Map<string, string>;
}

export class WalkError extends Error {}

type Node = Record<string, unknown>;
type Sources = Map<string, Kind>;
interface Relation {
  /** Output columns in order, lower-case name → sources. */
  columns: Map<string, Sources>;
  /** Output columns computed by an expression → its text. */
  expressions: Map<string, string>;
  /** Output columns whose source could not be told apart (an ambiguous column passed on stays so). */
  unsure: Set<string>;
  /** A base table ("schema.table"): a column asked of it that DQOps does not list is still taken as its own (flagged later). */
  base?: string;
  /** A base table whose columns are not known at all. */
  open?: string;
}

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const nameOf = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v;
  if (isNode(v)) {
    if (typeof v.value === 'string') return v.value;
    if (isNode(v.expr)) return nameOf(v.expr);
  }
  return undefined;
};
const lower = (s: string) => s.toLowerCase();
/** A BigQuery name may come whole ("project.dataset.table"), Snowflake's with its database: the last two parts name the table. */
const lastTwo = (name: string) => lower(name).split('.').slice(-2).join('.');

export interface WalkOptions {
  /** The DQOps columns of a table ("schema.table", lower case), or undefined when unknown. */
  columnsOf: (table: string) => readonly string[] | undefined;
  /** An expression as SQL text (node-sql-parser's exprToSQL), for derived columns. */
  toSql?: (expr: unknown) => string;
}

interface Scope {
  options: WalkOptions;
  tables: Set<string>;
}

const emptyRelation = (): Relation => ({ columns: new Map(), expressions: new Map(), unsure: new Set() });

export function walkStatement(ast: unknown, options: WalkOptions): WalkResult {
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1)
    throw new WalkError(statements.length === 0 ? 'The text holds no statement.' : 'One statement at a time, please: the text holds several.');
  const statement = statements[0];
  if (!isNode(statement)) throw new WalkError('The text holds no statement.');
  const type = statement.type;
  const tableOf = (item: unknown) => {
    const list = Array.isArray(item) ? item : [item];
    const first = list[0];
    if (!isNode(first)) return undefined;
    const table = nameOf(first.table);
    const db = nameOf(first.schema) ?? nameOf(first.db);
    return table ? lastTwo(db ? `${db}.${table}` : table) : undefined;
  };
  const scope: Scope = { options, tables: new Set() };
  const resolve = (select: unknown) => resolveQuery(select, new Map(), scope);
  let target: string | undefined;
  let relation: Relation;
  let names: string[] | undefined;
  if (type === 'create' && isNode(statement.query_expr)) {
    target = tableOf(statement.table);
    relation = resolve(statement.query_expr);
  } else if (type === 'create' && statement.keyword === 'view' && isNode(statement.select)) {
    target = tableOf(statement.view ?? statement.table);
    relation = resolve(statement.select);
  } else if (type === 'insert' && isNode(statement.values) && statement.values.type === 'select') {
    target = tableOf(statement.table);
    relation = resolve(statement.values);
    if (Array.isArray(statement.columns) && statement.columns.length > 0) names = statement.columns.map((c) => lower(nameOf(c) ?? ''));
  } else if (type === 'select') {
    const into = isNode(statement.into) ? tableOf(statement.into.expr ?? statement.into) : undefined;
    target = into;
    relation = resolve(statement);
  } else {
    throw new WalkError(
      `A ${String(type ?? 'statement').toUpperCase()} builds no table: paste the SELECT, INSERT … SELECT, CREATE TABLE/VIEW … AS or MERGE that does.`,
    );
  }
  const columns = new Map<string, Sources>();
  const expressions = new Map<string, string>();
  const ambiguous: string[] = [];
  [...relation.columns].forEach(([name, sources], i) => {
    const as = names?.[i] ?? name;
    if (!as) return;
    columns.set(as, sources);
    const expression = relation.expressions.get(name);
    if (expression) expressions.set(as, expression);
    if (relation.unsure.has(name)) ambiguous.push(as);
  });
  return { target, columns, ambiguous, tables: [...scope.tables], expressions };
}

function resolveQuery(query: unknown, outerCtes: ReadonlyMap<string, Relation>, scope: Scope): Relation {
  const { options } = scope;
  if (!isNode(query)) return emptyRelation();
  const ctes = new Map(outerCtes);
  for (const cte of Array.isArray(query.with) ? query.with : []) {
    if (!isNode(cte)) continue;
    const name = nameOf(cte.name);
    const stmt = isNode(cte.stmt) && isNode(cte.stmt.ast) ? cte.stmt.ast : cte.stmt;
    if (name) ctes.set(lower(name), resolveQuery(stmt, ctes, scope));
  }
  // FROM: alias (lower case) → relation, in order.
  const from = new Map<string, Relation>();
  for (const item of Array.isArray(query.from) ? query.from : []) {
    if (!isNode(item)) continue;
    const sub = isNode(item.expr) && isNode(item.expr.ast) ? item.expr.ast : undefined;
    if (sub) {
      from.set(lower(nameOf(item.as) ?? `subquery${from.size}`), resolveQuery(sub, ctes, scope));
      continue;
    }
    const table = nameOf(item.table);
    if (!table) continue;
    // A three-part name (catalog.schema.table) comes as { catalog, schema, table } in some grammars.
    const db = nameOf(item.schema) ?? nameOf(item.db);
    const alias = lower(nameOf(item.as) ?? table);
    const cte = db ? undefined : ctes.get(lower(table));
    if (cte) from.set(alias, cte);
    else {
      const full = lastTwo(db ? `${db}.${table}` : table);
      scope.tables.add(full);
      const known = options.columnsOf(full);
      const relation: Relation = { ...emptyRelation(), base: full };
      if (known) for (const c of known) relation.columns.set(lower(c), new Map([[`${full}.${lower(c)}`, 'direct' as Kind]]));
      else relation.open = full;
      from.set(alias, relation);
    }
  }

  /** A column reference, resolved in FROM: its sources, and the relation that has it. */
  const lookup = (table: string | undefined, column: string): { sources: Sources; rel?: Relation; unsure?: boolean } => {
    const col = lower(column);
    if (table) {
      const rel = from.get(lower(table));
      if (!rel) return { sources: new Map() };
      return { sources: rel.columns.get(col) ?? (rel.base ? new Map([[`${rel.base}.${col}`, 'direct' as Kind]]) : new Map()), rel };
    }
    const having = [...from.values()].filter((rel) => rel.columns.has(col));
    if (having.length === 1) return { sources: (having[0] as Relation).columns.get(col) as Sources, rel: having[0] };
    if (having.length > 1) return { sources: new Map(), unsure: true };
    // One table in FROM: the column is its own, listed by DQOps or not.
    const only = from.size === 1 ? ([...from.values()][0] as Relation) : undefined;
    if (only?.base) return { sources: new Map([[`${only.base}.${col}`, 'direct' as Kind]]), rel: only };
    return { sources: new Map(), unsure: [...from.values()].some((rel) => rel.open) };
  };

  const relation = emptyRelation();
  const { columns } = relation;
  let unnamed = 0;
  for (const item of Array.isArray(query.columns) ? query.columns : []) {
    if (!isNode(item) || !isNode(item.expr)) continue;
    const expr = item.expr;
    if (expr.type === 'column_ref' && nameOf(expr.column) === '*') {
      const table = nameOf(expr.table);
      const rels = table ? [from.get(lower(table))] : [...from.values()];
      for (const rel of rels) {
        for (const [name, sources] of rel?.columns ?? []) {
          columns.set(name, sources);
          const expression = rel?.expressions.get(name);
          if (expression) relation.expressions.set(name, expression);
          if (rel?.unsure.has(name)) relation.unsure.add(name);
        }
      }
      continue;
    }
    const output = lower(nameOf(item.as) ?? (expr.type === 'column_ref' ? (nameOf(expr.column) ?? '') : '')) || `?${unnamed++}`;
    const sources: Sources = new Map();
    const direct = expr.type === 'column_ref';
    for (const ref of columnRefs(expr, (sub) => resolveQuery(sub, ctes, scope))) {
      const found = 'sources' in ref ? { sources: ref.sources } : lookup(ref.table, ref.column);
      if ('unsure' in found && found.unsure) relation.unsure.add(output);
      const passed = 'rel' in found && found.rel && 'column' in ref ? lower(ref.column) : undefined;
      if (passed && found.rel?.unsure.has(passed)) relation.unsure.add(output);
      // A copy of a computed column is computed by the same expression.
      if (direct && passed) {
        const expression = found.rel?.expressions.get(passed);
        if (expression) relation.expressions.set(output, expression);
      }
      for (const [source, kind] of found.sources) sources.set(source, direct && kind === 'direct' ? 'direct' : 'derived');
    }
    if (!direct && options.toSql) relation.expressions.set(output, options.toSql(expr));
    columns.set(output, sources);
  }
  // UNION and the like: the next branch's columns feed this one's, by position.
  if (isNode(query._next)) {
    const next = [...resolveQuery(query._next, ctes, scope).columns.values()];
    [...columns.values()].forEach((sources, i) => {
      for (const [source, kind] of next[i] ?? []) if (sources.get(source) !== 'direct') sources.set(source, kind);
    });
  }
  return relation;
}

type Ref = { table?: string; column: string } | { sources: Sources };

/** The column references of an expression; a subquery in it counts with all its sources. */
function columnRefs(node: unknown, subquery: (ast: Node) => Relation, out: Ref[] = []): Ref[] {
  if (Array.isArray(node)) {
    for (const n of node) columnRefs(n, subquery, out);
    return out;
  }
  if (!isNode(node)) return out;
  if (node.type === 'column_ref') {
    const column = nameOf(node.column);
    if (column && column !== '*') out.push({ table: nameOf(node.table), column });
    return out;
  }
  if (isNode(node.ast) && node.ast.type === 'select') {
    const sources: Sources = new Map();
    for (const s of subquery(node.ast).columns.values()) for (const source of s.keys()) sources.set(source, 'derived');
    out.push({ sources });
    return out;
  }
  for (const value of Object.values(node)) columnRefs(value, subquery, out);
  return out;
}
