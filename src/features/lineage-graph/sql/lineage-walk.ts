// A prototype (issue #19, under evaluation: docs/sql-parsers.md): column lineage from
// node-sql-parser's AST. Each FROM item is a relation (output column → its sources); a SELECT
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
}

export class WalkError extends Error {}

type Node = Record<string, unknown>;
type Sources = Map<string, Kind>;
interface Relation {
  /** Output columns in order, lower-case name → sources. */
  columns: Map<string, Sources>;
  /** A base table whose columns are not known: any column asked of it is taken as its own. */
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

export interface WalkOptions {
  /** The DQOps columns of a table ("schema.table", lower case), or undefined when unknown. */
  columnsOf: (table: string) => string[] | undefined;
}

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
    const db = nameOf(first.db);
    return table ? lower(db ? `${db}.${table}` : table) : undefined;
  };
  const ambiguous = new Set<string>();
  const resolve = (select: unknown) => resolveQuery(select, new Map(), options, ambiguous);
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
  const outputs = [...relation.columns];
  outputs.forEach(([name, sources], i) => {
    const as = names?.[i] ?? name;
    if (as) columns.set(as, sources);
  });
  return { target, columns, ambiguous: [...ambiguous].map((c) => names?.[outputs.findIndex(([n]) => n === c)] ?? c) };
}

function resolveQuery(query: unknown, outerCtes: ReadonlyMap<string, Relation>, options: WalkOptions, ambiguous: Set<string>): Relation {
  if (!isNode(query)) return { columns: new Map() };
  const ctes = new Map(outerCtes);
  for (const cte of Array.isArray(query.with) ? query.with : []) {
    if (!isNode(cte)) continue;
    const name = nameOf(cte.name);
    const stmt = isNode(cte.stmt) && isNode(cte.stmt.ast) ? cte.stmt.ast : cte.stmt;
    if (name) ctes.set(lower(name), resolveQuery(stmt, ctes, options, ambiguous));
  }
  // FROM: alias (lower case) → relation, in order.
  const from = new Map<string, Relation>();
  for (const item of Array.isArray(query.from) ? query.from : []) {
    if (!isNode(item)) continue;
    const sub = isNode(item.expr) && isNode(item.expr.ast) ? item.expr.ast : undefined;
    if (sub) {
      from.set(lower(nameOf(item.as) ?? `subquery${from.size}`), resolveQuery(sub, ctes, options, ambiguous));
      continue;
    }
    const table = nameOf(item.table);
    if (!table) continue;
    const db = nameOf(item.db);
    const alias = lower(nameOf(item.as) ?? table);
    const cte = db ? undefined : ctes.get(lower(table));
    if (cte) from.set(alias, cte);
    else {
      // A BigQuery name may come whole ("project.dataset.table"): its last two parts name it.
      const full = lower(db ? `${db}.${table}` : table)
        .split('.')
        .slice(-2)
        .join('.');
      const known = options.columnsOf(full);
      from.set(
        alias,
        known ? { columns: new Map(known.map((c) => [lower(c), new Map([[`${full}.${lower(c)}`, 'direct' as Kind]])])) } : { columns: new Map(), open: full },
      );
    }
  }

  const lookup = (table: string | undefined, column: string, output: string): Sources => {
    const col = lower(column);
    if (table) {
      const rel = from.get(lower(table));
      if (!rel) return new Map();
      return rel.columns.get(col) ?? (rel.open ? new Map([[`${rel.open}.${col}`, 'direct' as Kind]]) : new Map());
    }
    const having = [...from.values()].filter((rel) => rel.columns.has(col));
    if (having.length === 1) return (having[0] as Relation).columns.get(col) as Sources;
    if (having.length > 1) {
      ambiguous.add(output);
      return new Map();
    }
    const open = [...from.values()].filter((rel) => rel.open);
    if (open.length === 1 && from.size === 1) return new Map([[`${(open[0] as Relation).open}.${col}`, 'direct' as Kind]]);
    if (open.length > 0) ambiguous.add(output);
    return new Map();
  };

  const columns = new Map<string, Sources>();
  let unnamed = 0;
  for (const item of Array.isArray(query.columns) ? query.columns : []) {
    if (!isNode(item) || !isNode(item.expr)) continue;
    const expr = item.expr;
    if (expr.type === 'column_ref' && nameOf(expr.column) === '*') {
      const table = nameOf(expr.table);
      const rels = table ? [from.get(lower(table))] : [...from.values()];
      for (const rel of rels) for (const [name, sources] of rel?.columns ?? []) columns.set(name, sources);
      continue;
    }
    const output = lower(nameOf(item.as) ?? (expr.type === 'column_ref' ? (nameOf(expr.column) ?? '') : '')) || `?${unnamed++}`;
    const sources: Sources = new Map();
    const direct = expr.type === 'column_ref';
    for (const ref of columnRefs(expr, (sub) => resolveQuery(sub, ctes, options, ambiguous))) {
      const found = 'sources' in ref ? ref.sources : lookup(ref.table, ref.column, output);
      for (const [source, kind] of found) sources.set(source, direct && kind === 'direct' ? 'direct' : 'derived');
    }
    columns.set(output, sources);
  }
  const relation: Relation = { columns };
  // UNION and the like: the next branch's columns feed this one's, by position.
  if (isNode(query._next)) {
    const next = [...resolveQuery(query._next, ctes, options, ambiguous).columns.values()];
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
