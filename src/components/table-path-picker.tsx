// Connection → schema → table as three comboboxes: the table picker, the source editor and the
// draft's stage form all choose a table this way. The lists come from useCatalogCascade (the
// component never fetches); a choice at one level clears the levels below it.
import { Fragment, useMemo } from 'react';
import { isApiError } from '@/api/errors';
import type { CatalogCascade, TablePath } from '@/api/use-catalog-cascade';
import { severityKey } from '@/lib/severity';
import { Combobox, type ComboboxOption } from './combobox';
import { SeverityIcon } from './severity-badge';

type Level = 'connection' | 'schema' | 'table';

export interface TablePathPickerProps {
  cascade: CatalogCascade;
  value: TablePath;
  onChange: (next: TablePath, level: Level) => void;
  /** Accessible names (also the visible labels unless hidden). */
  labels?: Record<Level, string>;
  /** Guiding placeholders ("Choose a connection first") or the level's name only. */
  placeholders?: 'guided' | 'short';
  /** One line: connection › schema › table, labels for assistive technology only. */
  compact?: boolean;
  hideLabels?: boolean;
  /** Names DQOps does not list may be typed (a source DQOps does not monitor). */
  allowCustom?: boolean;
  autoFocus?: boolean;
}

const LABELS: Record<Level, string> = { connection: 'Connection', schema: 'Schema', table: 'Table' };

function errorText(error: unknown): string | undefined {
  if (!error) return undefined;
  return isApiError(error) ? error.userMessage : 'Could not load the list.';
}

function YamlError({ text }: { text: string }) {
  return (
    <span className="ls-tag ls-tag--danger" title={text}>
      YAML error
    </span>
  );
}

export function TablePathPicker(props: TablePathPickerProps) {
  const { cascade, value, onChange, labels = LABELS, placeholders = 'guided', compact = false, hideLabels = compact, allowCustom, autoFocus } = props;
  const { connections, schemas, tables } = cascade;
  const { connection, schema, table } = value;
  const guided = placeholders === 'guided';

  const connectionOptions = useMemo<ComboboxOption[]>(
    () =>
      (connections.data ?? []).map((c) => ({
        value: c.name,
        label: c.name,
        detail: c.providerType,
        adornment: c.yamlError ? <YamlError text={c.yamlError} /> : undefined,
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
            {t.yamlError ? <YamlError text={t.yamlError} /> : null}
            <SeverityIcon severity={severityKey(t.status)} />
          </span>
        ),
      })),
    [tables.data],
  );

  const shared = { hideLabel: hideLabels, fit: compact, allowCustom };
  const separator = compact ? (
    <span className="ls-picker__separator" aria-hidden="true">
      ›
    </span>
  ) : null;
  return (
    <Fragment>
      <Combobox
        {...shared}
        label={labels.connection}
        autoFocus={autoFocus}
        options={connectionOptions}
        value={connection || undefined}
        loading={connections.isLoading}
        error={errorText(connections.error)}
        placeholder={guided ? 'Choose a connection' : 'Connection'}
        emptyText="No connections in DQOps"
        onChange={(next) => onChange({ connection: next, schema: undefined, table: undefined }, 'connection')}
      />
      {separator}
      <Combobox
        {...shared}
        label={labels.schema}
        options={schemaOptions}
        value={schema || undefined}
        disabled={!connection}
        loading={schemas.isLoading}
        error={errorText(schemas.error)}
        placeholder={!guided ? 'Schema' : connection ? 'Choose a schema' : 'Choose a connection first'}
        emptyText="No schemas: import tables into this connection in DQOps"
        onChange={(next) => onChange({ connection, schema: next, table: undefined }, 'schema')}
      />
      {separator}
      <Combobox
        {...shared}
        label={labels.table}
        options={tableOptions}
        value={table || undefined}
        disabled={!schema}
        loading={tables.isLoading}
        error={errorText(tables.error)}
        placeholder={!guided ? 'Table' : schema ? `Search ${tables.data?.length ?? ''} tables` : 'Choose a schema first'}
        emptyText="No tables match"
        onChange={(next) => onChange({ connection, schema, table: next }, 'table')}
      />
    </Fragment>
  );
}
