// The source-table form: its zod schema (validator and type), and conversions to and from the
// API's TableLineageSourceSpec. Conversions keep every field the form does not show.
import { plural } from '@/lib/format';
import { z } from 'zod';
import type { TableLineageSourceSpec } from '@/api/types';
import { unsendableNameReason } from '@/api/client';
import { sameTable, type TableRef } from '@/lib/table-ref';
import { setOwn } from '@/lib/own';

// No `new Function` probe: the app runs under a strict Content-Security-Policy (no eval), where
// even the caught probe is reported as a violation.
z.config({ jitless: true });

const propertySchema = z.object({ key: z.string(), value: z.string() });

const nameField = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Pick or type a ${what}`)
    .refine((name) => name.length === 0 || unsendableNameReason(name) === undefined, { message: `"." and ".." cannot be used as a ${what} name` });

function checkProperties(rows: { key: string }[], ctx: z.RefinementCtx, path: (string | number)[]) {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = row.key.trim();
    if (!key) ctx.addIssue({ code: 'custom', message: 'Name the property or remove the row', path: [...path, i, 'key'] });
    else if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `"${key}" is already used`, path: [...path, i, 'key'] });
    seen.add(key);
  });
}

export const sourceSchema = z
  .object({
    source_connection: nameField('connection'),
    source_schema: nameField('schema'),
    source_table: nameField('table'),
    data_lineage_source_tool: z.string().trim(),
    properties: z.array(propertySchema),
    mappings: z.array(
      z.object({
        target_column: z.string(),
        /** The current table has no such column in DQOps (kept from the stored spec). */
        unknown_column: z.boolean(),
        source_columns: z.array(z.string().trim().min(1)),
        properties: z.array(propertySchema),
      }),
    ),
  })
  .superRefine((values, ctx) => {
    checkProperties(values.properties, ctx, ['properties']);
    values.mappings.forEach((mapping, i) => checkProperties(mapping.properties, ctx, ['mappings', i, 'properties']));
  });

export type SourceFormValues = z.infer<typeof sourceSchema>;
export type PropertyRow = SourceFormValues['properties'][number];
export type MappingRow = SourceFormValues['mappings'][number];

/** Checks that need the context: which table is the target, which sources exist already. */
export function contextSchema(target: TableRef, existingSources: readonly TableRef[], editing: TableRef | undefined) {
  return sourceSchema.superRefine((values, ctx) => {
    const source = sourceRefOfValues(values);
    if (sameTable(source, target)) {
      ctx.addIssue({ code: 'custom', message: 'A table cannot be its own source', path: ['source_table'] });
    } else if (!(editing && sameTable(editing, source)) && existingSources.some((s) => sameTable(s, source))) {
      ctx.addIssue({ code: 'custom', message: `${source.table} is already a source of ${target.table}: edit that entry instead`, path: ['source_table'] });
    }
  });
}

export function sourceRefOfValues(values: Pick<SourceFormValues, 'source_connection' | 'source_schema' | 'source_table'>): TableRef {
  return { connection: values.source_connection.trim(), schema: values.source_schema.trim(), table: values.source_table.trim() };
}

function toRows(properties: Record<string, string> | undefined): PropertyRow[] {
  return Object.entries(properties ?? {}).map(([key, value]) => ({ key, value }));
}

function fromRows(rows: PropertyRow[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const row of rows) if (row.key.trim()) setOwn(out, row.key.trim(), row.value);
  return Object.keys(out).length > 0 ? out : undefined;
}

/** One mapping row per column of the current table, plus rows for stored mappings of columns DQOps does not list. */
export function fromSpec(spec: TableLineageSourceSpec | undefined, targetColumns: readonly string[], prefill?: TableRef): SourceFormValues {
  const stored = spec?.columns ?? {};
  const known = new Set(targetColumns);
  const mappings: MappingRow[] = targetColumns.map((column) => ({
    target_column: column,
    unknown_column: false,
    source_columns: [...(stored[column]?.source_columns ?? [])],
    properties: toRows(stored[column]?.properties),
  }));
  for (const [column, mapping] of Object.entries(stored)) {
    if (known.has(column)) continue;
    mappings.push({ target_column: column, unknown_column: true, source_columns: [...(mapping.source_columns ?? [])], properties: toRows(mapping.properties) });
  }
  return {
    source_connection: spec?.source_connection ?? prefill?.connection ?? '',
    source_schema: spec?.source_schema ?? prefill?.schema ?? '',
    source_table: spec?.source_table ?? prefill?.table ?? '',
    data_lineage_source_tool: spec?.data_lineage_source_tool ?? '',
    properties: toRows(spec?.properties),
    mappings,
  };
}

/**
 * The whole object to POST or PUT. Starts from the stored spec (`base`), so fields this form does
 * not know (a newer server's additions) survive the full replacement that PUT does.
 */
export function toSpec(values: SourceFormValues, base?: TableLineageSourceSpec): TableLineageSourceSpec {
  const spec: TableLineageSourceSpec = { ...(base ?? {}) };
  const source = sourceRefOfValues(values);
  spec.source_connection = source.connection;
  spec.source_schema = source.schema;
  spec.source_table = source.table;
  const tool = values.data_lineage_source_tool.trim();
  if (tool) spec.data_lineage_source_tool = tool;
  else delete spec.data_lineage_source_tool;
  const properties = fromRows(values.properties);
  if (properties) spec.properties = properties;
  else delete spec.properties;
  const columns: NonNullable<TableLineageSourceSpec['columns']> = {};
  for (const mapping of values.mappings) {
    const sourceColumns = [...new Set(mapping.source_columns.map((c) => c.trim()).filter(Boolean))];
    const props = fromRows(mapping.properties);
    if (sourceColumns.length === 0 && !props) continue;
    const baseColumn = (base?.columns && Object.hasOwn(base.columns, mapping.target_column) ? base.columns[mapping.target_column] : undefined) ?? {};
    setOwn(columns, mapping.target_column, { ...baseColumn, source_columns: sourceColumns.length > 0 ? sourceColumns : undefined, properties: props });
    if (!columns[mapping.target_column]?.source_columns) delete columns[mapping.target_column]?.source_columns;
    if (!props) delete columns[mapping.target_column]?.properties;
  }
  if (Object.keys(columns).length > 0) spec.columns = columns;
  else delete spec.columns;
  return spec;
}

export function emptyProperty(): PropertyRow {
  return { key: '', value: '' };
}

/** "customer_ID" and "customerid" are the same name for auto-mapping. */
export function normalizeColumnName(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

export interface MappingProposal {
  target_column: string;
  source_column: string;
}

/** Proposes source columns for unmapped target columns whose names are equal ignoring case and "_". */
export function autoMap(mappings: readonly MappingRow[], sourceColumns: readonly string[]): MappingProposal[] {
  const bySimpleName = new Map<string, string>();
  for (const column of sourceColumns) {
    const key = normalizeColumnName(column);
    if (!bySimpleName.has(key)) bySimpleName.set(key, column);
  }
  const proposals: MappingProposal[] = [];
  for (const mapping of mappings) {
    if (mapping.source_columns.length > 0) continue;
    const match = bySimpleName.get(normalizeColumnName(mapping.target_column));
    if (match) proposals.push({ target_column: mapping.target_column, source_column: match });
  }
  return proposals;
}

export function mappedCount(mappings: readonly MappingRow[]): number {
  return mappings.filter((m) => !m.unknown_column && m.source_columns.length > 0).length;
}

/** What a delete loses, for the confirmation: "3 column mappings, the tool name and 1 property". */
export function describeLoss(spec: TableLineageSourceSpec): string {
  const parts: string[] = [];
  const mappings = Object.values(spec.columns ?? {}).filter((c) => (c.source_columns?.length ?? 0) > 0).length;
  if (mappings > 0) parts.push(`${plural(mappings, 'column mapping')}`);
  if (spec.data_lineage_source_tool) parts.push(`the source tool "${spec.data_lineage_source_tool}"`);
  const props = Object.keys(spec.properties ?? {}).length;
  if (props > 0) parts.push(`${props} propert${props === 1 ? 'y' : 'ies'}`);
  return parts.length === 0 ? 'no column mappings' : parts.join(', ').replace(/, ([^,]*)$/, ' and $1');
}

/** Field-level differences between two specs, for the "someone else changed it" dialog. */
export function diffSpecs(mine: TableLineageSourceSpec, theirs: TableLineageSourceSpec): string[] {
  const out: string[] = [];
  if ((mine.data_lineage_source_tool ?? '') !== (theirs.data_lineage_source_tool ?? '')) {
    out.push(`Source tool: "${mine.data_lineage_source_tool ?? ''}" → "${theirs.data_lineage_source_tool ?? ''}"`);
  }
  const keys = new Set([...Object.keys(mine.properties ?? {}), ...Object.keys(theirs.properties ?? {})]);
  for (const key of [...keys].sort()) {
    const a = mine.properties?.[key];
    const b = theirs.properties?.[key];
    if (a !== b) out.push(`Property ${key}: ${a === undefined ? '(none)' : `"${a}"`} → ${b === undefined ? '(removed)' : `"${b}"`}`);
  }
  const columns = new Set([...Object.keys(mine.columns ?? {}), ...Object.keys(theirs.columns ?? {})]);
  for (const column of [...columns].sort()) {
    const a = [...(mine.columns?.[column]?.source_columns ?? [])].sort().join(', ');
    const b = [...(theirs.columns?.[column]?.source_columns ?? [])].sort().join(', ');
    const pa = JSON.stringify(mine.columns?.[column]?.properties ?? {});
    const pb = JSON.stringify(theirs.columns?.[column]?.properties ?? {});
    if (a !== b) out.push(`Column ${column}: [${a}] → [${b}]`);
    else if (pa !== pb) out.push(`Column ${column}: properties changed`);
  }
  return out;
}
