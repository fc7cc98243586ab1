// What a statement proposes for one target table (issue #19): the source tables it reads, matched
// to DQOps tables by the import's rules (import/model/match.ts), and per target column the source
// columns it is computed from — in DQOps's spelling of the names, with what DQOps does not have
// flagged. The steward ticks, fixes and stages it (sql-derive-dialog.tsx); `stageOps` turns what
// is ticked into draft steps.
import type { Derivation } from '@/lib/sql/derive';
import { SQL_EXPRESSION_PROPERTY, SQL_KIND_PROPERTY } from '@/lib/sql/properties';
import type { Kind } from '@/lib/sql/lineage-walk';
import { sameTable, tableKey, type TableRef } from '@/lib/table-ref';
import type { DraftOp } from '../model/draft';
import { matchDataset, matchedTable as tableOfMatch, type CatalogIndex, type DatasetMatch } from '../import/model/match';

export interface ProposedSource {
  /** As the statement names it, lower case: "schema.table". */
  name: string;
  match: DatasetMatch;
}

export interface ProposedMapping {
  id: string;
  /** Target column, as DQOps spells it when it has it. */
  column: string;
  /** `ProposedSource.name` of the table the source column is in. */
  source: string;
  /** Source column, as DQOps spells it when it has it. */
  sourceColumn: string;
  kind: Kind;
  expression?: string;
  /** DQOps has no such target column / no such column in the source table. */
  missing?: 'column' | 'source-column';
  /** DQOps stores this mapping already. */
  stored?: boolean;
}

export interface Proposal {
  /** The table the statement says it builds ("schema.table"), when it names one. */
  builds?: string;
  sources: ProposedSource[];
  mappings: ProposedMapping[];
  /** Target columns (DQOps's) the statement does not produce. */
  notProduced: string[];
  /** Target columns whose source table the statement leaves open. */
  ambiguous: string[];
  /** Tables the statement reads that are left out (proposing for one link only). */
  others?: string[];
}

const splitSource = (source: string) => {
  const [schema = '', table = '', ...rest] = source.split('.');
  return { table: `${schema}.${table}`, column: rest.join('.') };
};

/** The statement's tables matched in the target's connection first, else in every connection. */
export function matchTables(tables: readonly string[], target: TableRef, index: CatalogIndex): ProposedSource[] {
  return tables.map((name) => {
    const [schema = '', table = ''] = name.split('.');
    const dataset = { key: name, space: target.connection, schema: table ? schema : '', table: table || schema, columns: [] };
    const here = matchDataset(dataset, index, { spaces: { [target.connection]: target.connection }, choices: {} });
    const match = here.state === 'missing' ? matchDataset(dataset, index, { spaces: { [target.connection]: '' }, choices: {} }) : here;
    return { name, match };
  });
}

/**
 * `columnsOf(name)`: the DQOps columns of a matched source table (undefined when unknown).
 * Names are compared without regard to case (the walk lowers them), and given back as DQOps has them.
 */
export function buildProposal(
  derivation: Derivation,
  sources: ProposedSource[],
  targetColumns: readonly string[],
  columnsOf: (name: string) => readonly string[] | undefined,
): Proposal {
  const targetByLower = new Map(targetColumns.map((c) => [c.toLowerCase(), c]));
  const mappings: ProposedMapping[] = [];
  for (const [column, from] of derivation.columns) {
    const known = targetByLower.get(column);
    for (const [source, kind] of from) {
      const { table, column: sourceColumn } = splitSource(source);
      const dqopsColumns = columnsOf(table);
      const spelled = dqopsColumns?.find((c) => c.toLowerCase() === sourceColumn);
      const expression = derivation.expressions.get(column);
      mappings.push({
        id: `${column}\u0000${source}`,
        column: known ?? column,
        source: table,
        sourceColumn: spelled ?? sourceColumn,
        kind,
        ...(kind === 'derived' && expression ? { expression } : {}),
        ...(!known ? { missing: 'column' as const } : dqopsColumns && !spelled ? { missing: 'source-column' as const } : {}),
      });
    }
  }
  const produced = new Set(derivation.columns.keys());
  return {
    builds: derivation.target,
    sources,
    mappings,
    notProduced: targetColumns.filter((c) => !produced.has(c.toLowerCase())),
    ambiguous: derivation.ambiguous.map((c) => targetByLower.get(c) ?? c),
  };
}

/** The proposal for one link only: the source `only` (by its DQOps table); the other tables named. */
export function onlyFrom(proposal: Proposal, only: TableRef, chosen: ReadonlyMap<string, TableRef>): Proposal {
  const mine = (name: string) => {
    const table = tableOfSource(proposal, name, chosen);
    return !!table && sameTable(table, only);
  };
  return {
    ...proposal,
    sources: proposal.sources.filter((s) => mine(s.name)),
    mappings: proposal.mappings.filter((m) => mine(m.source)),
    others: proposal.sources.filter((s) => !mine(s.name)).map((s) => s.name),
  };
}

/** The mappings DQOps stores already marked (`stored(name)`: the link's stored columns, target column → source columns). */
export function markStored(proposal: Proposal, stored: (name: string) => Record<string, { source_columns?: string[] }> | undefined): Proposal {
  return {
    ...proposal,
    mappings: proposal.mappings.map((m) => (stored(m.source)?.[m.column]?.source_columns?.includes(m.sourceColumn) ? { ...m, stored: true } : m)),
  };
}

export const matchedTable = (source: ProposedSource | undefined): TableRef | undefined => tableOfMatch(source?.match);

/** The DQOps table a statement's table stands for: the steward's choice, else its match. */
export const tableOfSource = (proposal: Proposal, name: string, chosen: ReadonlyMap<string, TableRef>): TableRef | undefined =>
  chosen.get(name) ?? matchedTable(proposal.sources.find((s) => s.name === name));

/**
 * Draft steps for what the steward kept: a link per ticked source table that is not linked yet,
 * a mapping per ticked mapping of a matched table (the source column as the steward left it),
 * with its kind and expression in its properties.
 */
export function stageOps(
  target: TableRef,
  proposal: Proposal,
  kept: { sources: ReadonlySet<string>; mappings: ReadonlyMap<string, string> },
  isLinked: (source: TableRef) => boolean,
  chosen: ReadonlyMap<string, TableRef> = new Map(),
): DraftOp[] {
  const tableOf = (name: string) => tableOfSource(proposal, name, chosen);
  const ops: DraftOp[] = [];
  const linked = new Set<string>();
  for (const source of proposal.sources) {
    const table = tableOf(source.name);
    if (!table || !kept.sources.has(source.name) || sameTable(table, target)) continue;
    linked.add(source.name);
    if (!isLinked(table) && !ops.some((op) => op.kind === 'add-source' && tableKey(op.source) === tableKey(table)))
      ops.push({ kind: 'add-source', source: table, target });
  }
  for (const mapping of proposal.mappings) {
    const sourceColumn = kept.mappings.get(mapping.id);
    const table = tableOf(mapping.source);
    if (sourceColumn === undefined || !table || !linked.has(mapping.source) || mapping.missing === 'column') continue;
    const properties: Record<string, string> = { [SQL_KIND_PROPERTY]: mapping.kind };
    if (mapping.expression) properties[SQL_EXPRESSION_PROPERTY] = mapping.expression;
    ops.push({ kind: 'add-mapping', source: table, target, column: mapping.column, sourceColumn, properties });
  }
  return ops;
}
