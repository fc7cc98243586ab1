// DQOps lineage → OpenLineage run events (docs/lineage-formats.md, "Export to OpenLineage"): one
// COMPLETE event per target table, its sources as inputs, the table as output with a
// `columnLineage` facet from the column mappings and a `schema` facet from DQOps's columns. Each
// input also carries the link's own tool, properties and column properties in a facet of this
// project (`lineageStudio_link`), which the import reads back: exporting and importing into the
// same DQOps stages nothing. Other consumers (Marquez, …) ignore the facet.
import type { TableLineageSourceSpec } from '@/api/types';
import type { TableRef } from '@/lib/table-ref';
import { TRANSFORMATIONS_PROPERTY } from './plan';

export const PRODUCER = 'https://github.com/dqops/lineage-studio';
const RUN_EVENT = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const SCHEMA_FACET = 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json';
const COLUMN_LINEAGE_FACET = 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json';
/** The job namespace of exported events (the tool of a link that has none). */
export const EXPORT_JOB_NAMESPACE = 'lineage-studio';
export const LINK_FACET = 'lineageStudio_link';

export interface ExportedTable {
  target: TableRef;
  /** DQOps's columns of the target (the schema facet); empty when unknown. */
  columns: readonly string[];
  sources: readonly TableLineageSourceSpec[];
}

/** A name part that holds a dot or a quote is quoted, so the name splits back into schema and table. */
const part = (name: string) => (/[."]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);
export const datasetName = (ref: Pick<TableRef, 'schema' | 'table'>) => `${part(ref.schema)}.${part(ref.table)}`;

/** A run id that is a UUID in form and the same for the same table (the export is repeatable). */
function runIdOf(text: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-8${s.slice(17, 20)}-${s.slice(20, 32)}`;
}

function transformationsOf(properties: Record<string, string> | undefined) {
  const listed = properties?.[TRANSFORMATIONS_PROPERTY];
  if (!listed) return undefined;
  return listed.split(', ').map((t) => {
    const [type, subtype] = t.split('/');
    return subtype ? { type, subtype } : { type };
  });
}

/** The events, one JSON object per line (newline-delimited JSON, as Marquez and the import read them). */
export function toOpenLineage(tables: readonly ExportedTable[], namespaceOf: (connection: string) => string, eventTime: string): string {
  const lines: string[] = [];
  for (const { target, columns, sources } of tables) {
    if (sources.length === 0) continue;
    const inputs = sources.map((spec) => {
      const columnProperties = new Map<string, Record<string, string>>();
      for (const [column, mapping] of Object.entries(spec.columns ?? {})) {
        const own = Object.entries((mapping.properties ?? {}) as Record<string, string>).filter(([k]) => k !== TRANSFORMATIONS_PROPERTY);
        if (own.length > 0) columnProperties.set(column, Object.fromEntries(own));
      }
      return {
        namespace: namespaceOf(spec.source_connection ?? ''),
        name: datasetName({ schema: spec.source_schema ?? '', table: spec.source_table ?? '' }),
        facets: {
          [LINK_FACET]: {
            _producer: PRODUCER,
            _schemaURL: `${PRODUCER}/blob/main/docs/lineage-formats.md#export-to-openlineage`,
            ...(spec.data_lineage_source_tool ? { tool: spec.data_lineage_source_tool } : {}),
            properties: spec.properties ?? {},
            columnProperties: Object.fromEntries(columnProperties),
          },
        },
      };
    });
    const fields = new Map<string, { inputFields: unknown[] }>();
    for (const spec of sources) {
      for (const [column, mapping] of Object.entries(spec.columns ?? {})) {
        const transformations = transformationsOf(mapping.properties as Record<string, string> | undefined);
        for (const field of mapping.source_columns ?? []) {
          let entry = fields.get(column);
          if (!entry) fields.set(column, (entry = { inputFields: [] }));
          entry.inputFields.push({
            namespace: namespaceOf(spec.source_connection ?? ''),
            name: datasetName({ schema: spec.source_schema ?? '', table: spec.source_table ?? '' }),
            field,
            ...(transformations ? { transformations } : {}),
          });
        }
      }
    }
    const outputFacets: Record<string, unknown> = {};
    if (columns.length > 0) outputFacets.schema = { _producer: PRODUCER, _schemaURL: SCHEMA_FACET, fields: columns.map((name) => ({ name })) };
    if (fields.size > 0) outputFacets.columnLineage = { _producer: PRODUCER, _schemaURL: COLUMN_LINEAGE_FACET, fields: Object.fromEntries(fields) };
    const job = `${target.connection}.${datasetName(target)}`;
    lines.push(
      JSON.stringify({
        eventType: 'COMPLETE',
        eventTime,
        producer: PRODUCER,
        schemaURL: RUN_EVENT,
        run: { runId: runIdOf(job) },
        job: { namespace: EXPORT_JOB_NAMESPACE, name: job },
        inputs,
        outputs: [{ namespace: namespaceOf(target.connection), name: datasetName(target), facets: outputFacets }],
      }),
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
