// The catalog's rows (connections, schemas, tables, columns), normalised; rows that cannot be read
// are dropped.
import { normalizeStatus } from './normalize-status';
import { str } from './raw-fields';
import type { ColumnListModel, ConnectionModel, SchemaModel, TableListModel } from './types';
import type { ColumnSummary, ConnectionSummary, SchemaSummary, TableSummary } from './view-models';

export function normalizeConnection(model: ConnectionModel): ConnectionSummary | undefined {
  const name = str(model.connection_name);
  if (name === undefined) return undefined;
  // provider_type is an enum that grows between versions: keep any string.
  return { name, providerType: str(model.provider_type), canEdit: model.can_edit === true, yamlError: str(model.yaml_parsing_error) };
}

export function normalizeSchema(model: SchemaModel, connection: string): SchemaSummary | undefined {
  const name = str(model.schema_name);
  if (name === undefined) return undefined;
  return { connection: str(model.connection_name) ?? connection, name, canEdit: model.can_edit === true };
}

export function normalizeTable(model: TableListModel, connection: string): TableSummary | undefined {
  const schema = str(model.target?.schema_name);
  const table = str(model.target?.table_name);
  if (schema === undefined || table === undefined) return undefined;
  return {
    ref: { connection: str(model.connection_name) ?? connection, schema, table },
    disabled: model.disabled === true,
    yamlError: str(model.yaml_parsing_error),
    canEdit: model.can_edit === true,
    hasChecks: model.has_any_configured_checks === true,
    status: normalizeStatus(model.data_quality_status),
  };
}

export function normalizeColumn(model: ColumnListModel): ColumnSummary | undefined {
  const name = str(model.column_name);
  if (name === undefined) return undefined;
  return {
    name,
    type: str(model.type_snapshot?.column_type),
    nullable: typeof model.type_snapshot?.nullable === 'boolean' ? model.type_snapshot.nullable : undefined,
    disabled: model.disabled === true,
    canEdit: model.can_edit === true,
    status: normalizeStatus(model.data_quality_status),
  };
}

/** Keeps the rows that could be read; the others are dropped (they cannot be shown anyway). */
export function normalizeList<In, Out>(rows: unknown, fn: (row: In) => Out | undefined): Out[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: In) => {
    const out = row && typeof row === 'object' ? fn(row) : undefined;
    return out === undefined ? [] : [out];
  });
}
