// A statement → the column lineage it says: checked (size, emptiness), cut into what the parser
// reads (statement-shape.ts), parsed by node-sql-parser in the dialect's grammar(s), walked
// (lineage-walk.ts). Runs in the SQL worker (sql.worker.ts); pure apart from loading grammars.
import { dialectLabel, NODE_SQL_GRAMMARS, parserFor, type Dialect, type Grammar } from './grammars';
import { walkStatement, WalkError, type Kind, type WalkResult } from './lineage-walk';
import { shapeStatement } from './statement-shape';

/**
 * Longer statements are refused before parsing: node-sql-parser reads ~0.5 MB a second here
 * (docs/sql-parsers.md), and a statement that builds one table is rarely over 100 KB.
 */
export const MAX_SQL_CHARS = 1_000_000;

export type Derivation = WalkResult;

export class SqlError extends Error {}

export interface DeriveOptions {
  /** The DQOps columns of a table ("schema.table", lower case): for `*` and unqualified columns. */
  columnsOf: (table: string) => readonly string[] | undefined;
}

/** Only comments and blanks (and semicolons). */
const blank = (sql: string) => sql.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').replace(/[\s;]/g, '') === '';

export async function deriveFromSql(sql: string, dialect: Dialect, options: DeriveOptions): Promise<Derivation> {
  if (sql.length > MAX_SQL_CHARS) {
    throw new SqlError(
      `The text is ${(sql.length / 1e6).toFixed(1)} million characters: statements over ${MAX_SQL_CHARS / 1e6} million are not read. Paste the one statement that builds the table.`,
    );
  }
  if (blank(sql)) throw new SqlError('The text holds no statement: paste the SELECT, INSERT … SELECT, CREATE TABLE/VIEW … AS or MERGE that builds the table.');
  let shaped;
  try {
    shaped = shapeStatement(sql, dialect);
  } catch (error) {
    throw new SqlError(error instanceof Error ? error.message : String(error));
  }
  const results: WalkResult[] = [];
  for (const statement of shaped.statements) results.push(await parseAndWalk(statement, dialect, options));
  const result = results.length === 1 ? (results[0] as WalkResult) : mergeBranches(results);
  return shaped.target ? { ...result, target: shaped.target } : result;
}

async function parseAndWalk(sql: string, dialect: Dialect, options: DeriveOptions): Promise<WalkResult> {
  const grammars = NODE_SQL_GRAMMARS[dialect];
  let first: unknown;
  for (const grammar of grammars) {
    const parser = await parserFor(grammar);
    let ast: unknown;
    try {
      ast = readCached(sql, grammar, () => parser.astify(sql, { database: grammar }));
    } catch (error) {
      first ??= error;
      continue;
    }
    try {
      return walkStatement(ast, { columnsOf: options.columnsOf, toSql: (expr) => exprText(parser, expr, grammar) });
    } catch (error) {
      // The walk's refusals (a GRANT, two statements) are messages for the steward, as they are.
      throw error instanceof WalkError ? new SqlError(error.message) : error;
    }
  }
  throw new SqlError(syntaxMessage(first, sql, dialect));
}

// The dialog reads a statement twice — for its tables, then with their DQOps columns — and the
// walk does not change the tree: the second read reuses the first parse (the costly part).
const parsed = new Map<string, unknown>();
const PARSED_KEPT = 4;

function readCached(sql: string, grammar: Grammar, parse: () => unknown): unknown {
  const key = `${grammar}\u0000${sql}`;
  if (parsed.has(key)) return parsed.get(key);
  const ast = parse();
  parsed.set(key, ast);
  if (parsed.size > PARSED_KEPT) parsed.delete(parsed.keys().next().value as string);
  return ast;
}

function exprText(parser: Awaited<ReturnType<typeof parserFor>>, expr: unknown, grammar: Grammar): string {
  try {
    // The printer quotes every name ("o"."total"); plain names are shown as a steward writes them.
    return parser.exprToSQL(expr as Parameters<typeof parser.exprToSQL>[0], { database: grammar }).replace(PLAIN_QUOTED_NAME, '$1$2$3');
  } catch {
    return ''; // an expression the printer does not know: the mapping is still derived, without its text
  }
}

const PLAIN_QUOTED_NAME = /"([A-Za-z_][\w$]*)"|`([A-Za-z_][\w$]*)`|\[([A-Za-z_][\w$]*)\]/g;

interface PegError {
  message: string;
  location?: { start: { offset: number; line: number; column: number } };
}

/** "Line 2, column 5: "FORM" is not what SQL Server SQL has there." with the line, not PEG's list of 80 expected tokens. */
export function syntaxMessage(error: unknown, sql: string, dialect: Dialect): string {
  if (error instanceof WalkError || error instanceof SqlError) return error.message;
  const peg = error as PegError | undefined;
  const at = peg?.location?.start;
  if (!at) return `The statement is not ${dialectLabel(dialect)} this parser reads: ${peg?.message ?? String(error)}`;
  const line = (sql.split('\n')[at.line - 1] ?? '').trim();
  // PEG reports one character; the word that starts there is what the steward looks for.
  const word = sql.slice(at.offset).match(/^[\w$]+|^\S/)?.[0];
  const found = word ? `“${word}”` : 'the end of the text';
  const excerpt = line.length > 120 ? `${line.slice(Math.max(0, at.column - 60), at.column + 60)}` : line;
  return `Line ${at.line}, column ${at.column}: ${found} is not what ${dialectLabel(dialect)} has there. ${excerpt ? `(${excerpt})` : ''}`.trim();
}

/** A MERGE's branches (an UPDATE and an INSERT) write the same columns: a column copied in either is direct. */
function mergeBranches(results: WalkResult[]): WalkResult {
  const columns = new Map<string, Map<string, Kind>>();
  const expressions = new Map<string, string>();
  const ambiguous = new Set<string>();
  const tables = new Set<string>();
  for (const result of results) {
    for (const [column, sources] of result.columns) {
      const into = columns.get(column) ?? new Map<string, Kind>();
      for (const [source, kind] of sources) if (into.get(source) !== 'direct') into.set(source, kind);
      columns.set(column, into);
    }
    for (const [column, text] of result.expressions) if (!expressions.has(column)) expressions.set(column, text);
    for (const column of result.ambiguous) ambiguous.add(column);
    for (const table of result.tables) tables.add(table);
  }
  return { target: results[0]?.target, columns, expressions, ambiguous: [...ambiguous], tables: [...tables] };
}
