import { revealOnMount } from '@/lib/reveal';
import { plural } from '@/lib/format';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Controller, FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useDqopsApi } from '@/api/api-context';
import { isApiError, isStatus } from '@/api/errors';
import type { ColumnSummary } from '@/api/normalize';
import { catalogQueries, lineageQueries } from '@/api/queries';
import type { TableLineageSourceSpec } from '@/api/types';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { ErrorPanel } from '@/components/error-panel';
import { Modal } from '@/components/modal';
import { useToast } from '@/components/toast';
import { useNavigationBlocker } from '@/lib/location';
import { sameTable, tableKey, type TableRef } from '@/lib/table-ref';
import { ConflictError, HalfDoneError, RestoredError, useSaveSource } from '../api/use-save-source';
import { useCanEdit } from '@/api/use-can-edit';
import { autoMap, contextSchema, fromSpec, mappedCount, sourceRefOfValues, toSpec, type MappingProposal, type SourceFormValues } from '../schema';
import { ColumnSelect } from './column-select';
import { DeleteSourceDialog } from './delete-source-dialog';
import { PropertyRows } from './property-rows';

export interface SourceEditorProps {
  target: TableRef;
  /** 'new', or the source table being edited. */
  source: TableRef | 'new';
  /** New source: a table to start with (from a drag on the canvas). */
  prefill?: TableRef;
  /** close({ force }) — force after a save, when nothing is left to lose. */
  onClose: (options?: { force?: boolean }) => void;
}

/** Loads what the form needs, then renders it with those values as defaults. */
/** The suggestions' Apply button: what it will do, never "Apply 0 mappings". */
function applyLabel(count: number): string {
  return count === 0 ? 'Apply the ticked mappings' : `Apply ${plural(count, 'mapping')}`;
}

export function SourceEditorDialog({ target, source, prefill, onClose }: SourceEditorProps) {
  const api = useDqopsApi();
  const editing = source === 'new' ? undefined : source;
  const columns = useQuery(catalogQueries.columns(api, target));
  const sources = useQuery(lineageQueries.sources(api, target));
  const spec = useQuery({ ...lineageQueries.source(api, target, editing ?? target), enabled: editing !== undefined });
  const title = editing ? `Edit source ${editing.table} of ${target.table}` : `Add a source table to ${target.table}`;

  // Only a first load that failed replaces the form: a refresh failing later (e.g. the entry was
  // removed by a half-done save) must never take away what the user typed.
  const failure = (!columns.data && columns.error) || (!sources.data && sources.error) || (editing && !spec.data ? spec.error : null);
  const ready = columns.data && sources.data && (!editing || spec.data);
  return (
    <Modal open wide title={title} onClose={() => onClose()}>
      {failure ? (
        <ErrorPanel
          error={failure}
          title={isStatus(failure, 404) ? (editing ? 'This source table no longer exists' : `${target.table} is not in DQOps`) : 'The editor could not load'}
          onRetry={() => {
            void columns.refetch();
            void sources.refetch();
            if (editing) void spec.refetch();
          }}
        >
          <button type="button" className="ls-button ls-button--ghost" onClick={() => onClose({ force: true })}>
            Close
          </button>
        </ErrorPanel>
      ) : !ready ? (
        <p role="status" className="ls-hint">
          Loading…
        </p>
      ) : (
        <SourceForm
          key={editing ? tableKey(editing) : 'new'}
          target={target}
          editing={editing}
          loaded={spec.data}
          targetColumns={columns.data}
          existing={sources.data.map((link) => link.source)}
          prefill={prefill}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

interface FormProps {
  target: TableRef;
  editing: TableRef | undefined;
  loaded: TableLineageSourceSpec | undefined;
  targetColumns: ColumnSummary[];
  existing: TableRef[];
  prefill?: TableRef;
  onClose: SourceEditorProps['onClose'];
}

function SourceForm({ target, editing, loaded: initiallyLoaded, targetColumns, existing, prefill, onClose }: FormProps) {
  const api = useDqopsApi();
  const toast = useToast();
  const canEdit = useCanEdit(target.connection) !== false;
  const [loaded, setLoaded] = useState(initiallyLoaded);
  const [identityUnlocked, setIdentityUnlocked] = useState(!editing);
  const [proposals, setProposals] = useState<(MappingProposal & { accepted: boolean })[]>();
  const [conflict, setConflict] = useState<ConflictError>();
  const [confirmRename, setConfirmRename] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [columnFilter, setColumnFilter] = useState('');
  const save = useSaveSource();

  const columnNames = useMemo(() => targetColumns.map((c) => c.name), [targetColumns]);
  const form = useForm<SourceFormValues>({
    resolver: zodResolver(contextSchema(target, existing, editing)),
    defaultValues: fromSpec(loaded, columnNames, prefill),
    mode: 'onTouched',
  });
  const { control, handleSubmit, formState, reset, setValue, getValues, register } = form;
  const mappingsArray = useFieldArray({ control, name: 'mappings' });
  const [connection, schema, table] = useWatch({ control, name: ['source_connection', 'source_schema', 'source_table'] });
  const mappings = useWatch({ control, name: 'mappings' });
  const sourceRef = sourceRefOfValues({ source_connection: connection, source_schema: schema, source_table: table });

  useNavigationBlocker(formState.isDirty ? `You have unsaved changes to the lineage of ${target.table}. If you leave now, they are lost.` : undefined);

  // Catalog for the source pickers.
  const connections = useQuery(catalogQueries.connections(api));
  const schemas = useQuery({ ...catalogQueries.schemas(api, connection), enabled: !!connection && !!connections.data?.some((c) => c.name === connection) });
  const tables = useQuery({ ...catalogQueries.tables(api, connection, schema), enabled: !!schemas.data?.some((s) => s.name === schema) });
  const sourceKnown = !!tables.data?.some((t) => t.ref.table === table);
  const sourceColumns = useQuery({ ...catalogQueries.columns(api, sourceRef), enabled: sourceKnown });
  // Cycle check: is the chosen source already downstream of this table?
  const tree = useQuery(lineageQueries.tree(api, target, { upstream: true, downstream: true }));
  const createsCycle = useMemo(() => {
    if (!tree.data || !table) return false;
    const down = new Set<string>([tableKey(target)]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const f of tree.data.flows) {
        if (down.has(tableKey(f.source)) && !down.has(tableKey(f.target))) {
          down.add(tableKey(f.target));
          grew = true;
        }
      }
    }
    return down.has(tableKey(sourceRef)) && !sameTable(sourceRef, target);
  }, [tree.data, table, target, sourceRef]);

  const connectionOptions = useMemo<ComboboxOption[]>(
    () => (connections.data ?? []).map((c) => ({ value: c.name, label: c.name, detail: c.providerType })),
    [connections.data],
  );
  const schemaOptions = useMemo<ComboboxOption[]>(() => (schemas.data ?? []).map((s) => ({ value: s.name, label: s.name })), [schemas.data]);
  const tableOptions = useMemo<ComboboxOption[]>(
    () => (tables.data ?? []).map((t) => ({ value: t.ref.table, label: t.ref.table, detail: t.disabled ? 'disabled' : undefined })),
    [tables.data],
  );

  const mapped = mappedCount(mappings);
  const knownColumns = targetColumns.length;
  const identityChanged = !!editing && !sameTable(editing, sourceRef);

  async function submit(values: SourceFormValues, overwrite = false) {
    setConflict(undefined);
    const spec = toSpec(values, loaded);
    try {
      await save.mutateAsync({ target, spec, original: editing && loaded ? { ref: editing, loaded } : undefined, overwrite });
      reset(values);
      toast({
        message: editing ? `Saved the lineage from ${values.source_table} to ${target.table}.` : `Added ${values.source_table} as a source of ${target.table}.`,
      });
      onClose({ force: true });
    } catch (error) {
      if (error instanceof ConflictError) setConflict(error);
    }
  }

  const onValid = (values: SourceFormValues) => {
    if (identityChanged && !confirmRename) {
      setConfirmRename(true);
      return;
    }
    setConfirmRename(false);
    void submit(values);
  };

  const visibleRows = mappingsArray.fields
    .map((field, index) => ({ field, index }))
    .filter(({ index }) => !columnFilter || (mappings[index]?.target_column ?? '').toLowerCase().includes(columnFilter.toLowerCase()));

  const sourceError = formState.errors.source_table?.message ?? formState.errors.source_schema?.message ?? formState.errors.source_connection?.message;
  const saveError = save.error && !(save.error instanceof ConflictError) ? save.error : undefined;

  return (
    <FormProvider {...form}>
      <form className="ls-editor" noValidate onSubmit={(event) => void handleSubmit(onValid)(event)} aria-label="Source table">
        {!canEdit ? (
          <p className="ls-notice ls-notice--warning">
            You can view this lineage but not change it: your DQOps role has no edit rights on {target.connection}.
          </p>
        ) : null}
        <fieldset className="ls-fieldset" disabled={!canEdit}>
          <legend>Source table</legend>
          {editing && !identityUnlocked ? (
            <div className="ls-editor__identity">
              <strong>{editing.table}</strong>
              <span className="ls-hint">
                {editing.schema} · {editing.connection}
              </span>
              <button type="button" className="ls-button ls-button--ghost" onClick={() => setIdentityUnlocked(true)}>
                Change source table…
              </button>
            </div>
          ) : (
            <div className="ls-editor__pickers">
              <Controller
                control={control}
                name="source_connection"
                render={({ field }) => (
                  <Combobox
                    label="Source connection"
                    autoFocus
                    options={connectionOptions}
                    value={field.value || undefined}
                    allowCustom
                    placeholder="Connection"
                    onChange={(v) => {
                      field.onChange(v);
                      setValue('source_schema', '', { shouldDirty: true });
                      setValue('source_table', '', { shouldDirty: true });
                    }}
                  />
                )}
              />
              <Controller
                control={control}
                name="source_schema"
                render={({ field }) => (
                  <Combobox
                    label="Source schema"
                    options={schemaOptions}
                    value={field.value || undefined}
                    allowCustom
                    disabled={!connection}
                    placeholder="Schema"
                    onChange={(v) => {
                      field.onChange(v);
                      setValue('source_table', '', { shouldDirty: true });
                    }}
                  />
                )}
              />
              <Controller
                control={control}
                name="source_table"
                render={({ field }) => (
                  <Combobox
                    label="Source table"
                    options={tableOptions}
                    value={field.value || undefined}
                    allowCustom
                    disabled={!schema}
                    placeholder="Table"
                    onChange={field.onChange}
                  />
                )}
              />
            </div>
          )}
          {sourceError ? (
            <p className="ls-field-error" role="alert">
              {sourceError}
            </p>
          ) : null}
          {table && tables.isSuccess && !sourceKnown ? (
            <p className="ls-notice ls-notice--warning">
              {table} is not a table DQOps knows in {connection}.{schema}. You can still record it (for example a system DQOps does not monitor); it will show
              as “not in DQOps”.
            </p>
          ) : null}
          {createsCycle ? (
            <p className="ls-notice ls-notice--warning" role="note">
              {table} already receives data from {target.table}: this link makes the lineage circular. DQOps accepts it, but the graph will cut the cycle.
            </p>
          ) : null}
          {identityChanged ? (
            <p className="ls-notice">
              Saving replaces the source {editing?.table} with {table || '…'}: DQOps cannot rename a source, so the old entry is deleted and a new one created
              (restored if that fails).
            </p>
          ) : null}
          <label className="ls-field">
            <span>Source tool (optional)</span>
            <input className="ls-input" placeholder="e.g. dbt, Airbyte, Informatica" autoFocus={!!editing} {...register('data_lineage_source_tool')} />
          </label>
          <details className="ls-editor__props" open={(loaded?.properties && Object.keys(loaded.properties).length > 0) || undefined}>
            <summary>Properties of this link</summary>
            <PropertyRows name="properties" label="Link property" />
          </details>
        </fieldset>

        <fieldset className="ls-fieldset" disabled={!canEdit}>
          <legend>Column mappings</legend>
          <div className="ls-editor__maphead">
            <div className="ls-coverage" aria-label="Mapping coverage">
              <div className="ls-coverage__bar">
                <div className="ls-coverage__fill" style={{ width: `${knownColumns === 0 ? 0 : (mapped / knownColumns) * 100}%` }} />
              </div>
              <span title="Columns computed in this table (a timestamp, a constant) need no source column">
                {mapped} of {knownColumns} columns take data from a source column
              </span>
            </div>
            <input
              className="ls-input ls-editor__filter"
              type="search"
              aria-label="Filter columns"
              placeholder="Filter columns"
              value={columnFilter}
              onChange={(e) => setColumnFilter(e.target.value)}
            />
            <button
              type="button"
              className="ls-button"
              disabled={!sourceColumns.data}
              title={sourceColumns.data ? undefined : 'Pick a source table DQOps knows to auto-map'}
              onClick={() => setProposals(autoMap(getValues('mappings'), sourceColumns.data?.map((c) => c.name) ?? []).map((p) => ({ ...p, accepted: true })))}
            >
              Auto-map by name
            </button>
          </div>
          {proposals ? (
            <div className="ls-proposals" role="group" aria-label="Proposed mappings">
              {proposals.length === 0 ? (
                <p className="ls-hint">No unmapped column has a source column with the same name (ignoring case and “_”).</p>
              ) : (
                <>
                  <p className="ls-hint">Review the proposed mappings; untick any you do not want.</p>
                  <ul>
                    {proposals.map((p, i) => (
                      <li key={p.target_column}>
                        <label className="ls-check">
                          <input
                            type="checkbox"
                            checked={p.accepted}
                            onChange={(e) => setProposals(proposals.map((q, j) => (j === i ? { ...q, accepted: e.target.checked } : q)))}
                          />
                          {p.target_column} ← {p.source_column}
                        </label>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <div className="ls-settings__row">
                <button
                  type="button"
                  className="ls-button ls-button--primary"
                  disabled={!proposals.some((p) => p.accepted)}
                  onClick={() => {
                    const rows = getValues('mappings');
                    for (const p of proposals) {
                      const index = rows.findIndex((r) => r.target_column === p.target_column);
                      if (p.accepted && index >= 0) setValue(`mappings.${index}.source_columns`, [p.source_column], { shouldDirty: true });
                    }
                    setProposals(undefined);
                  }}
                >
                  {applyLabel(proposals.filter((p) => p.accepted).length)}
                </button>
                <button type="button" className="ls-button ls-button--ghost" onClick={() => setProposals(undefined)}>
                  Discard
                </button>
              </div>
            </div>
          ) : null}
          <div className="ls-maptable" role="table" aria-label="Column mappings">
            <div role="row" className="ls-maptable__row ls-maptable__row--head">
              <span role="columnheader">Column of {target.table}</span>
              <span role="columnheader">Source columns</span>
            </div>
            {visibleRows.map(({ field, index }) => {
              const row = mappings[index];
              const column = targetColumns.find((c) => c.name === field.target_column);
              return (
                <div role="row" key={field.id} className="ls-maptable__row">
                  <span role="cell" className="ls-maptable__target">
                    <strong>{field.target_column}</strong>
                    <span className="ls-hint">{row?.unknown_column ? 'not in DQOps metadata' : column?.type}</span>
                  </span>
                  <span role="cell">
                    <Controller
                      control={control}
                      name={`mappings.${index}.source_columns`}
                      render={({ field: f }) => (
                        <ColumnSelect
                          label={`Source columns for ${field.target_column}`}
                          value={f.value}
                          onChange={f.onChange}
                          columns={sourceColumns.data}
                          disabled={!canEdit}
                        />
                      )}
                    />
                    <details className="ls-maptable__props">
                      <summary>Properties{row && row.properties.length > 0 ? ` (${row.properties.length})` : ''}</summary>
                      <PropertyRows name={`mappings.${index}.properties`} label={`Property of ${field.target_column}`} />
                    </details>
                  </span>
                </div>
              );
            })}
            {visibleRows.length === 0 ? <p className="ls-hint">No column matches “{columnFilter}”.</p> : null}
          </div>
        </fieldset>

        {conflict ? (
          <div className="ls-notice ls-notice--warning" role="alert">
            <strong>{conflict.message}</strong>
            {conflict.differences.length > 0 ? (
              <ul>
                {conflict.differences.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
            <div className="ls-settings__row">
              {conflict.theirs ? (
                <>
                  <button type="button" className="ls-button ls-button--danger" onClick={() => void handleSubmit((values) => submit(values, true))()}>
                    Overwrite with my version
                  </button>
                  <button
                    type="button"
                    className="ls-button"
                    onClick={() => {
                      setLoaded(conflict.theirs);
                      reset(fromSpec(conflict.theirs, columnNames));
                      setConflict(undefined);
                    }}
                  >
                    Load their version (discard mine)
                  </button>
                </>
              ) : (
                <button type="button" className="ls-button" onClick={() => onClose({ force: true })}>
                  Close the editor
                </button>
              )}
            </div>
          </div>
        ) : null}
        {confirmRename ? (
          <div className="ls-notice ls-notice--warning" role="alert">
            Replace the source {editing?.table} with {table}? The old entry is deleted and the new one created with these mappings.
            <div className="ls-settings__row">
              <button type="submit" className="ls-button ls-button--primary">
                Yes, replace it
              </button>
              <button type="button" className="ls-button ls-button--ghost" onClick={() => setConfirmRename(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
        {saveError ? (
          // Below a long mapping table the message would be out of sight: bring it into view.
          <div ref={revealOnMount}>
            <ErrorPanel
              error={saveError instanceof RestoredError || saveError instanceof HalfDoneError ? saveError.message : saveError}
              title={
                isApiError(saveError) && saveError.status === 409 ? `${table} is already a source of ${target.table}` : 'Not saved: your changes are still here'
              }
            />
          </div>
        ) : null}
        <div className="ls-modal__footer">
          {editing && canEdit ? (
            <button type="button" className="ls-button ls-button--danger ls-editor__delete" onClick={() => setDeleting(true)}>
              Remove this source…
            </button>
          ) : null}
          <button type="button" className="ls-button ls-button--ghost" onClick={() => onClose()}>
            {canEdit ? 'Cancel' : 'Close'}
          </button>
          {canEdit ? (
            <button type="submit" className="ls-button ls-button--primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : saveError ? 'Try again' : editing ? 'Save changes' : 'Add source table'}
            </button>
          ) : null}
        </div>
      </form>
      {deleting && editing ? (
        <DeleteSourceDialog target={target} source={editing} onClose={() => setDeleting(false)} onDeleted={() => onClose({ force: true })} />
      ) : null}
    </FormProvider>
  );
}
