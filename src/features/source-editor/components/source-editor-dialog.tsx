import { revealOnMount } from '@/lib/reveal';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useDqopsApi } from '@/api/api-context';
import { isApiError, isStatus } from '@/api/errors';
import type { ColumnSummary } from '@/api/normalize';
import { catalogQueries, lineageQueries } from '@/api/queries';
import type { TableLineageSourceSpec } from '@/api/types';
import { ErrorPanel } from '@/components/error-panel';
import { Modal } from '@/components/modal';
import { useToast } from '@/components/toast';
import { useNavigationBlocker } from '@/lib/location';
import { sameTable, sourceRefOf, tableKey, type TableRef } from '@/lib/table-ref';
import { UnknownOutcomeError } from '@/api/write-outcome';
import { useCatalogCascade } from '@/api/use-catalog-cascade';
import { ConflictError, HalfDoneError, RestoredError, useSaveSource } from '../api/use-save-source';
import { useCanEdit } from '@/api/use-can-edit';
import { contextSchema, fromSpec, mappedCount, sourceRefOfValues, toSpec, type SourceFormValues } from '../schema';
import { AutoMapProposals, useAutoMap } from './auto-map';
import { FromSqlPanel } from './from-sql';
import { DeleteSourceDialog } from './delete-source-dialog';
import { MappingTable } from './mapping-table';
import { PropertyRows } from './property-rows';
import { ConflictNotice, RenameConfirm } from './save-notices';
import { SourceIdentity } from './source-identity';

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
  const [conflict, setConflict] = useState<ConflictError>();
  const [confirmRename, setConfirmRename] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [columnFilter, setColumnFilter] = useState('');
  const [fromSql, setFromSql] = useState(false);
  const fromSqlButton = useRef<HTMLButtonElement>(null);
  const save = useSaveSource();
  // After an add whose outcome is unknown, the refetched list may hold that very link (ours): it
  // must not stop "Try again", which checks what is stored before sending anything. Nor, after an
  // add that found someone else's link there, "Overwrite with my version".
  const unsure =
    save.error instanceof UnknownOutcomeError && save.variables
      ? sourceRefOf(save.variables.spec)
      : conflict?.whileAdding && conflict.theirs
        ? sourceRefOf(conflict.theirs)
        : undefined;
  const blocking = useMemo(() => (unsure ? existing.filter((ref) => !sameTable(ref, unsure)) : existing), [existing, unsure]);

  const columnNames = useMemo(() => targetColumns.map((c) => c.name), [targetColumns]);
  const form = useForm<SourceFormValues>({
    resolver: zodResolver(contextSchema(target, blocking, editing)),
    defaultValues: fromSpec(loaded, columnNames, prefill),
    mode: 'onTouched',
  });
  const { control, handleSubmit, formState, reset, register, getValues } = form;
  const [connection, schema, table] = useWatch({ control, name: ['source_connection', 'source_schema', 'source_table'] });
  const mappings = useWatch({ control, name: 'mappings' });
  const sourceRef = sourceRefOfValues({ source_connection: connection, source_schema: schema, source_table: table });

  useNavigationBlocker(formState.isDirty ? `You have unsaved changes to the lineage of ${target.table}. If you leave now, they are lost.` : undefined);

  // The catalog for the source pickers; a typed name DQOps does not list costs no request.
  const cascade = useCatalogCascade({ connection, schema, table }, { onlyKnown: true });
  const sourceColumns = useQuery({ ...catalogQueries.columns(api, sourceRef), enabled: cascade.known.table });
  const autoMap = useAutoMap(
    getValues,
    sourceColumns.data?.map((c) => c.name),
  );

  const mapped = mappedCount(mappings);
  const knownColumns = targetColumns.length;
  const identityChanged = !!editing && !sameTable(editing, sourceRef);

  async function submit(values: SourceFormValues, overwrite = false) {
    const overwriting = overwrite ? conflict?.theirs : undefined;
    setConflict(undefined);
    const spec = toSpec(values, loaded);
    try {
      await save.mutateAsync({ target, spec, original: editing && loaded ? { ref: editing, loaded } : undefined, overwrite, overwriting });
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
          <SourceIdentity target={target} editing={editing} cascade={cascade} />
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
            {autoMap.button}
            <button
              type="button"
              className="ls-button"
              aria-expanded={fromSql}
              disabled={!sourceRef.table}
              title={sourceRef.table ? 'Propose mappings from the SQL statement that builds this table' : 'Pick a source table first'}
              ref={fromSqlButton}
              onClick={() => setFromSql(!fromSql)}
            >
              From SQL…
            </button>
          </div>
          {autoMap.proposals ? <AutoMapProposals proposals={autoMap.proposals} onChange={autoMap.setProposals} /> : null}
          {fromSql && sourceRef.table ? (
            <FromSqlPanel
              source={sourceRef}
              targetTable={target.table}
              targetColumns={columnNames}
              sourceColumns={sourceColumns.data?.map((c) => c.name)}
              onClose={() => {
                setFromSql(false);
                // The panel's buttons are gone with it: focus goes back to the button that opened it.
                requestAnimationFrame(() => fromSqlButton.current?.focus());
              }}
            />
          ) : null}
          <MappingTable target={target.table} targetColumns={targetColumns} sourceColumns={sourceColumns.data} filter={columnFilter} canEdit={canEdit} />
        </fieldset>

        {conflict ? (
          <ConflictNotice
            conflict={conflict}
            onOverwrite={() => void handleSubmit((values) => submit(values, true))()}
            onLoadTheirs={() => {
              setLoaded(conflict.theirs);
              reset(fromSpec(conflict.theirs, columnNames));
              setConflict(undefined);
            }}
            onClose={() => onClose({ force: true })}
          />
        ) : null}
        {confirmRename ? <RenameConfirm from={editing?.table ?? ''} to={table} onCancel={() => setConfirmRename(false)} /> : null}
        {saveError ? (
          // Below a long mapping table the message would be out of sight: bring it into view.
          <div ref={revealOnMount}>
            <ErrorPanel
              error={saveError instanceof RestoredError || saveError instanceof HalfDoneError ? saveError.message : saveError}
              title={
                isApiError(saveError) && saveError.status === 409
                  ? `${table} is already a source of ${target.table}`
                  : saveError instanceof UnknownOutcomeError
                    ? 'Maybe saved, maybe not: your changes are still here'
                    : 'Not saved: your changes are still here'
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
