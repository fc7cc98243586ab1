// "From SQL" in the source editor (issue #19): of what a statement derives (lib/sql), the column
// mappings from this one source table — named as DQOps names its columns, with what DQOps lacks
// flagged — and the statement's other tables, which this link cannot take.
import type { Kind } from '@/lib/sql/lineage-walk';
import type { Derivation } from '@/lib/sql/derive';
import { SQL_EXPRESSION_PROPERTY, SQL_KIND_PROPERTY } from '@/lib/sql/properties';
import type { TableRef } from '@/lib/table-ref';
import { emptyProperty, type MappingRow, type PropertyRow } from './schema';

export interface SqlMapping {
  target_column: string;
  source_column: string;
  kind: Kind;
  expression?: string;
  /** The source table has no such column in DQOps. */
  missing?: boolean;
}

export interface SqlProposal {
  /** The statement reads this link's source table. */
  readsSource: boolean;
  mappings: SqlMapping[];
  /** Other tables the statement reads ("schema.table"). */
  otherTables: string[];
  /** Columns the statement writes that the target does not have in DQOps. */
  unknownTargets: string[];
  /** Target columns whose source table the statement leaves open. */
  ambiguous: string[];
}

export const sqlName = (ref: TableRef) => `${ref.schema}.${ref.table}`.toLowerCase();

/** Which of the statement's tables is this link's source: by schema and table, else by table alone when only one has that name. */
function sourceName(tables: readonly string[], source: TableRef): string | undefined {
  const exact = sqlName(source);
  if (tables.includes(exact)) return exact;
  const byTable = tables.filter((t) => t.split('.').pop() === source.table.toLowerCase());
  return byTable.length === 1 ? byTable[0] : undefined;
}

export function proposeFromSql(
  derivation: Derivation,
  source: TableRef,
  targetColumns: readonly string[],
  sourceColumns: readonly string[] | undefined,
): SqlProposal {
  const name = sourceName(derivation.tables, source);
  const targets = new Map(targetColumns.map((c) => [c.toLowerCase(), c]));
  const mappings: SqlMapping[] = [];
  const unknownTargets: string[] = [];
  for (const [column, sources] of derivation.columns) {
    const target = targets.get(column);
    for (const [from, kind] of sources) {
      if (!name || !from.startsWith(`${name}.`)) continue;
      if (!target) {
        if (!unknownTargets.includes(column)) unknownTargets.push(column);
        continue;
      }
      const written = from.slice(name.length + 1);
      const spelled = sourceColumns?.find((c) => c.toLowerCase() === written);
      const expression = kind === 'derived' ? derivation.expressions.get(column) : undefined;
      mappings.push({
        target_column: target,
        source_column: spelled ?? written,
        kind,
        ...(expression ? { expression } : {}),
        ...(sourceColumns && !spelled ? { missing: true } : {}),
      });
    }
  }
  return {
    readsSource: name !== undefined,
    mappings,
    otherTables: derivation.tables.filter((t) => t !== name),
    unknownTargets,
    ambiguous: derivation.ambiguous.map((c) => targets.get(c) ?? c),
  };
}

/** A form row with a derived mapping applied: the source column added, its kind and expression in its properties. */
export function applySqlMapping(row: MappingRow, mapping: SqlMapping): MappingRow {
  const source_columns = row.source_columns.includes(mapping.source_column) ? row.source_columns : [...row.source_columns, mapping.source_column];
  const set: Record<string, string> = { [SQL_KIND_PROPERTY]: mapping.kind };
  if (mapping.expression) set[SQL_EXPRESSION_PROPERTY] = mapping.expression;
  // What an earlier derivation said of this column is replaced, never left beside the new one.
  const properties: PropertyRow[] = row.properties.filter((p) => p.key.trim() !== SQL_KIND_PROPERTY && p.key.trim() !== SQL_EXPRESSION_PROPERTY);
  for (const [key, value] of Object.entries(set)) properties.push({ ...emptyProperty(), key, value });
  return { ...row, source_columns, properties };
}
