// Two statement shapes no node-sql-parser grammar reads (docs/sql-parsers.md): SQL Server's
// `SELECT … INTO target FROM …` and `MERGE`. Neither is parsed here: the statement is cut at its
// top-level keywords into pieces node-sql-parser does read — the SELECT without its INTO clause;
// for a MERGE, one SELECT per WHEN branch (`UPDATE SET c = e, …` and `INSERT (c, …) VALUES (e, …)`
// become `SELECT e AS c, … FROM <its USING source>`) — and the target is named from the cut.
// Strings, quoted names and comments are skipped, so a keyword inside them never cuts.
import type { Dialect } from './grammars';

export interface Shaped {
  /** The statements to parse: one, or one per MERGE branch that writes columns. */
  statements: string[];
  /** The table written, when the cut names it (otherwise the parsed statement does). */
  target?: string;
}

interface Token {
  kind: 'word' | 'open' | 'close' | 'comma' | 'eq' | 'other';
  text: string;
  start: number;
  end: number;
  depth: number;
}

const CLOSERS: Record<string, string> = { "'": "'", '"': '"', '`': '`', '[': ']' };

/** Top-level structure of a statement: words, parentheses, commas and "=", with their depth. */
function scan(sql: string, dialect: Dialect): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] as string;
    const start = i;
    if (ch === '-' && sql[i + 1] === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? sql.length : eol + 1;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (Object.hasOwn(CLOSERS, ch) && (ch !== '[' || dialect === 'tsql')) {
      const closer = CLOSERS[ch] as string;
      i += 1;
      while (i < sql.length) {
        if (sql[i] === closer) {
          if (sql[i + 1] === closer && closer !== ']')
            i += 2; // '' inside a string
          else break;
        } else i += 1;
      }
      i += 1;
      tokens.push({ kind: ch === "'" ? 'other' : 'word', text: sql.slice(start, i), start, end: i, depth });
    } else if (/[A-Za-z_]/.test(ch)) {
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i] as string)) i += 1;
      tokens.push({ kind: 'word', text: sql.slice(start, i), start, end: i, depth });
    } else if (ch === '(') {
      tokens.push({ kind: 'open', text: ch, start, end: ++i, depth: depth++ });
    } else if (ch === ')') {
      depth = Math.max(0, depth - 1);
      tokens.push({ kind: 'close', text: ch, start, end: ++i, depth });
    } else if (ch === ',' || ch === '=') {
      tokens.push({ kind: ch === ',' ? 'comma' : 'eq', text: ch, start, end: ++i, depth });
    } else {
      if (!/\s/.test(ch)) tokens.push({ kind: 'other', text: ch, start, end: i + 1, depth });
      i += 1;
    }
  }
  return tokens;
}

const isWord = (t: Token | undefined, word: string, depth = 0) => t?.kind === 'word' && t.depth === depth && t.text.toUpperCase() === word;

/** "[marts].[orders]", "`acme.marts.orders`", MARTS.ORDERS → "marts.orders" (its last two parts). */
export function tableName(raw: string): string {
  const parts: string[] = [];
  for (const match of raw.trim().matchAll(/"((?:[^"]|"")*)"|`([^`]*)`|\[([^\]]*)\]|([^."`[\s]+)/g)) {
    const part = match[1]?.replace(/""/g, '"') ?? match[2] ?? match[3] ?? match[4] ?? '';
    parts.push(...(match[2] !== undefined ? part.split('.') : [part]));
  }
  return parts.slice(-2).join('.').toLowerCase();
}

/** The pieces of `tokens` between top-level commas, as text of `sql`. */
function splitCommas(sql: string, tokens: Token[], depth: number): string[] {
  const pieces: string[] = [];
  let from = tokens[0]?.start ?? 0;
  for (const t of tokens) {
    if (t.kind === 'comma' && t.depth === depth) {
      pieces.push(sql.slice(from, t.start).trim());
      from = t.end;
    }
  }
  const last = tokens[tokens.length - 1];
  if (last) pieces.push(sql.slice(from, last.end).trim());
  return pieces.filter(Boolean);
}

/** The tokens inside the parentheses that open at `tokens[at]`. */
function inside(tokens: Token[], at: number): { inner: Token[]; after: number } {
  const open = tokens[at] as Token;
  let j = at + 1;
  while (j < tokens.length && !((tokens[j] as Token).kind === 'close' && (tokens[j] as Token).depth === open.depth)) j += 1;
  return { inner: tokens.slice(at + 1, j), after: j + 1 };
}

export function shapeStatement(sql: string, dialect: Dialect): Shaped {
  const tokens = scan(sql, dialect);
  const top = tokens.filter((t) => t.depth === 0);
  const first = top[0];
  if (isWord(first, 'MERGE')) return shapeMerge(sql, tokens);
  if (isWord(first, 'SELECT') || isWord(first, 'WITH')) {
    const into = top.findIndex((t) => isWord(t, 'INTO'));
    const select = top.findIndex((t) => isWord(t, 'SELECT'));
    if (into > select && select >= 0) {
      const from = top.findIndex((t, k) => k > into && (isWord(t, 'FROM') || isWord(t, 'WHERE') || t.text === ';'));
      const end = from < 0 ? sql.length : (top[from] as Token).start;
      const target = tableName(sql.slice((top[into] as Token).end, end));
      // Blanked rather than cut: what the parser reports keeps its place in the text.
      return { statements: [sql.slice(0, (top[into] as Token).start) + ' '.repeat(end - (top[into] as Token).start) + sql.slice(end)], target };
    }
  }
  return { statements: [sql] };
}

function shapeMerge(sql: string, tokens: Token[]): Shaped {
  const top = tokens.map((t, k) => [t, k] as const).filter(([t]) => t.depth === 0);
  const at = (word: string, after = 0) => top.find(([t, k]) => k >= after && isWord(t, word))?.[1] ?? -1;
  const using = at('USING');
  const on = at('ON', using);
  if (using < 0 || on < 0) throw new Error('This MERGE has no USING … ON: it is not read.');
  const intoAt = isWord(tokens[1], 'INTO') ? 2 : 1;
  // The name: words joined by dots; what follows it (an alias) is not part of it.
  let k = intoAt + 1;
  while (k < using && tokens[k]?.text === '.') k += 2;
  const target = tableName(sql.slice((tokens[intoAt] as Token).start, (tokens[k - 1] as Token).end));
  const source = sql.slice((tokens[using] as Token).end, (tokens[on] as Token).start).trim();
  const whens = top.filter(([t, k]) => k > on && isWord(t, 'WHEN')).map(([, k]) => k);
  const statements: string[] = [];
  whens.forEach((when, n) => {
    const end = whens[n + 1] ?? tokens.length;
    const then = top.find(([t, k]) => k > when && k < end && isWord(t, 'THEN'))?.[1];
    if (then === undefined) return;
    const action = tokens.slice(then + 1, end);
    const verb = action[0]?.text.toUpperCase();
    if (verb === 'UPDATE' && isWord(action[1], 'SET')) {
      const rest = action.slice(2);
      if (rest.length === 1 && rest[0]?.text === '*') return statements.push(`SELECT * FROM ${source}`);
      const columns = splitCommas(sql, rest, 0).map((assignment) => {
        const eq = scanEq(assignment);
        const name = assignment.slice(0, eq).trim();
        const column = name.slice(name.lastIndexOf('.') + 1);
        return `${assignment.slice(eq + 1).trim()} AS ${column}`;
      });
      statements.push(`SELECT ${columns.join(', ')} FROM ${source}`);
    } else if (verb === 'INSERT') {
      if (action[1]?.text === '*') return statements.push(`SELECT * FROM ${source}`);
      const open = action.findIndex((t) => t.kind === 'open');
      const values = action.findIndex((t) => isWord(t, 'VALUES'));
      if (open < 0 || values < 0) return;
      const names = splitCommas(sql, inside(action, open).inner, 1);
      const exprs = splitCommas(sql, inside(action, values + 1).inner, 1);
      statements.push(`SELECT ${exprs.map((e, i) => `${e} AS ${names[i] ?? `c${i}`}`).join(', ')} FROM ${source}`);
    }
  });
  if (statements.length === 0) throw new Error('This MERGE writes no column (no UPDATE SET or INSERT … VALUES).');
  return { statements, target };
}

/** Where the "=" of `column = expression` is. */
function scanEq(assignment: string): number {
  const eq = scan(assignment, 'generic').find((t) => t.kind === 'eq' && t.depth === 0);
  return eq ? eq.start : assignment.length;
}
