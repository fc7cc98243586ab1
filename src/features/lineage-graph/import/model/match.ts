// Matching the datasets of an imported file to DQOps tables (docs/lineage-formats.md, "Matching").
// A dataset's space (dbt `database`, OpenLineage namespace) points at one DQOps connection through
// a rule the steward can see and change; without a rule, a connection of the same name (any case)
// is taken, else every connection is searched. Within that, schema and table are matched exactly
// first, then without regard to case (Snowflake's upper-case names). One table found: matched;
// several: ambiguous, the steward chooses; none: not in DQOps.
import { tableKey, type TableRef } from '@/lib/table-ref';
import type { ImportedDataset } from './imported';

/** Space → connection ('' : every connection); dataset choices for ambiguous matches. */
export interface MatchRules {
  spaces: Record<string, string>;
  /** `choiceKey(dataset)` → tableKey of the DQOps table chosen for it. */
  choices: Record<string, string>;
}

/** The DQOps table of a match, when there is one. */
export const matchedTable = (match: DatasetMatch | undefined): TableRef | undefined => (match?.state === 'matched' ? match.table : undefined);

export const NO_RULES: MatchRules = { spaces: {}, choices: {} };

export type DatasetMatch =
  | { state: 'matched'; table: TableRef; how: 'exact' | 'case' }
  /** Chosen by the steward among `candidates` (kept, so the choice can be made again). */
  | { state: 'matched'; table: TableRef; how: 'chosen'; candidates: TableRef[] }
  | { state: 'ambiguous'; candidates: TableRef[] }
  | { state: 'missing' };

export interface CatalogIndex {
  connections: readonly string[];
  /** lower-case "schema\0table" → tables. */
  byName: Map<string, TableRef[]>;
  /** lower-case table → tables (for datasets whose name has no schema). */
  byTable: Map<string, TableRef[]>;
}

// Unicode's default lower case (what toLocaleLowerCase gives for any locale but Turkish, Azeri and
// Lithuanian), several times faster: a 5,000-table catalog is lowered in one go.
const lower = (text: string) => text.toLowerCase();
const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function indexCatalog(connections: readonly string[], tables: readonly TableRef[]): CatalogIndex {
  const byName = new Map<string, TableRef[]>();
  const byTable = new Map<string, TableRef[]>();
  for (const table of tables) {
    push(byName, `${lower(table.schema)}\u0000${lower(table.table)}`, table);
    push(byTable, lower(table.table), table);
  }
  return { connections, byName, byTable };
}

/** The connection a space's datasets are looked up in; undefined: every connection. */
export function connectionFor(space: string, rules: MatchRules, connections: readonly string[]): string | undefined {
  if (Object.hasOwn(rules.spaces, space)) return rules.spaces[space] || undefined;
  return connections.find((c) => c === space) ?? connections.find((c) => lower(c) === lower(space));
}

/** Where a choice for a dataset is remembered: its space, schema and table as the file names them. */
export const choiceKey = (dataset: ImportedDataset) => `${dataset.space}\u0000${dataset.schema}\u0000${dataset.table}`;

const byName = (a: TableRef, b: TableRef) => (tableKey(a) < tableKey(b) ? -1 : tableKey(a) > tableKey(b) ? 1 : 0);

export function matchDataset(dataset: ImportedDataset, index: CatalogIndex, rules: MatchRules): DatasetMatch {
  const connection = connectionFor(dataset.space, rules, index.connections);
  const found =
    (dataset.schema === '' ? index.byTable.get(lower(dataset.table)) : index.byName.get(`${lower(dataset.schema)}\u0000${lower(dataset.table)}`)) ?? [];
  // In one order whatever order the catalog was read in.
  const candidates = (connection === undefined ? found : found.filter((t) => t.connection === connection)).sort(byName);
  const chosen = Object.hasOwn(rules.choices, choiceKey(dataset)) ? rules.choices[choiceKey(dataset)] : undefined;
  const picked = chosen === undefined ? undefined : candidates.find((t) => tableKey(t) === chosen);
  const exact = candidates.filter((t) => t.table === dataset.table && (dataset.schema === '' || t.schema === dataset.schema));
  if (picked && exact.length !== 1) return { state: 'matched', table: picked, how: 'chosen', candidates: exact.length > 1 ? exact : candidates };
  if (exact.length === 1) return { state: 'matched', table: exact[0] as TableRef, how: 'exact' };
  if (exact.length > 1) return { state: 'ambiguous', candidates: exact };
  if (candidates.length === 1) return { state: 'matched', table: candidates[0] as TableRef, how: 'case' };
  if (candidates.length > 1) return { state: 'ambiguous', candidates };
  return { state: 'missing' };
}

export function matchAll(datasets: Iterable<ImportedDataset>, index: CatalogIndex, rules: MatchRules): Map<string, DatasetMatch> {
  const matches = new Map<string, DatasetMatch>();
  for (const dataset of datasets) matches.set(dataset.key, matchDataset(dataset, index, rules));
  return matches;
}

/** The spaces of a file with how many datasets each holds, for the rules table. */
export function spacesOf(datasets: Iterable<ImportedDataset>): Map<string, number> {
  const spaces = new Map<string, number>();
  for (const dataset of datasets) spaces.set(dataset.space, (spaces.get(dataset.space) ?? 0) + 1);
  return spaces;
}
