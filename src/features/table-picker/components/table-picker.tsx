import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { isApiError } from '@/api/errors';
import { catalogQueries } from '@/api/queries';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { SeverityIcon } from '@/components/severity-badge';
import { severityKey } from '@/lib/severity';
import { useViewParams } from '@/lib/view-params';

function Separator() {
  return (
    <span className="ls-picker__separator" aria-hidden="true">
      ›
    </span>
  );
}

function errorText(error: unknown): string | undefined {
  if (!error) return undefined;
  return isApiError(error) ? error.userMessage : 'Could not load the list.';
}

/**
 * Connection → schema → table; the choice lives in the URL. Once a table is chosen the picker is
 * `compact`: one line, connection › schema › table, each still a combobox that opens its list
 * (the same elements, so the focus stays where it was when a choice makes it compact).
 */
export function TablePicker({ compact = false }: { compact?: boolean }) {
  const api = useDqopsApi();
  const { params, update } = useViewParams();
  const { connection, schema, table } = params;

  const connections = useQuery(catalogQueries.connections(api));
  const schemas = useQuery({ ...catalogQueries.schemas(api, connection ?? ''), enabled: !!connection });
  const tables = useQuery({ ...catalogQueries.tables(api, connection ?? '', schema ?? ''), enabled: !!connection && !!schema });

  const connectionOptions = useMemo<ComboboxOption[]>(
    () =>
      (connections.data ?? []).map((c) => ({
        value: c.name,
        label: c.name,
        detail: c.providerType,
        adornment: c.yamlError ? (
          <span className="ls-tag ls-tag--danger" title={c.yamlError}>
            YAML error
          </span>
        ) : undefined,
      })),
    [connections.data],
  );
  const schemaOptions = useMemo<ComboboxOption[]>(() => (schemas.data ?? []).map((s) => ({ value: s.name, label: s.name })), [schemas.data]);
  const tableOptions = useMemo<ComboboxOption[]>(
    () =>
      (tables.data ?? []).map((t) => ({
        value: t.ref.table,
        label: t.ref.table,
        adornment: (
          <span className="ls-combobox__marks">
            {t.disabled ? <span className="ls-tag">disabled</span> : null}
            {t.yamlError ? (
              <span className="ls-tag ls-tag--danger" title={t.yamlError}>
                YAML error
              </span>
            ) : null}
            <SeverityIcon severity={severityKey(t.status)} />
          </span>
        ),
      })),
    [tables.data],
  );

  return (
    <div className={compact ? 'ls-picker ls-picker--compact' : 'ls-picker'} role="group" aria-label="Table picker">
      <Combobox
        label="Connection"
        hideLabel={compact}
        fit={compact}
        options={connectionOptions}
        value={connection}
        loading={connections.isPending}
        error={errorText(connections.error)}
        placeholder="Choose a connection"
        emptyText="No connections in DQOps"
        onChange={(value) => update({ connection: value, schema: undefined, table: undefined, node: undefined })}
      />
      {compact ? <Separator /> : null}
      <Combobox
        label="Schema"
        hideLabel={compact}
        fit={compact}
        options={schemaOptions}
        value={schema}
        disabled={!connection}
        loading={!!connection && schemas.isPending}
        error={errorText(schemas.error)}
        placeholder={connection ? 'Choose a schema' : 'Choose a connection first'}
        emptyText="No schemas: import tables into this connection in DQOps"
        onChange={(value) => update({ schema: value, table: undefined, node: undefined })}
      />
      {compact ? <Separator /> : null}
      <Combobox
        label="Table"
        hideLabel={compact}
        fit={compact}
        options={tableOptions}
        value={table}
        disabled={!schema}
        loading={!!schema && tables.isPending}
        error={errorText(tables.error)}
        placeholder={schema ? `Search ${tables.data?.length ?? ''} tables` : 'Choose a schema first'}
        emptyText="No tables match"
        onChange={(value) => update({ table: value, node: undefined })}
      />
    </div>
  );
}
