import { LineageView } from '@/features/lineage-graph/components/lineage-view';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { recentTables, rememberTable } from '@/lib/recent-tables';
import { TableSearch } from './table-search';
import { ImportButton } from '@/features/lineage-graph/import/import-button';
import { LoadingNote } from '@/components/table-name';
import { TablePicker } from '@/features/table-picker/components/table-picker';
import { useViewParams, VIEWS, type ViewName } from '@/lib/view-params';
import { parseTableKey, sameTable, tableKey, tableLabel, type TableRef } from '@/lib/table-ref';

// The editor (react-hook-form, zod, the forms) loads on demand: most visits only read lineage.
const SourceEditorDialog = lazy(() => import('@/features/source-editor/components/source-editor-dialog').then((m) => ({ default: m.SourceEditorDialog })));
const SourcesPanel = lazy(() => import('@/features/source-editor/components/sources-panel').then((m) => ({ default: m.SourcesPanel })));
const TargetsPanel = lazy(() => import('@/features/source-editor/components/targets-panel').then((m) => ({ default: m.TargetsPanel })));

function Loading() {
  return <LoadingNote>Loading…</LoadingNote>;
}

const VIEW_LABELS: Record<ViewName, string> = { graph: 'Lineage graph', sources: 'Source tables', targets: 'Target tables', flows: 'Flows (table)' };

function SettingsButton({ onClick, corner }: { onClick: () => void; corner?: boolean }) {
  return (
    <button
      type="button"
      className={`ls-button ls-button--ghost ls-settings-button${corner ? ' ls-settings-button--corner' : ''}`}
      onClick={onClick}
      aria-label="Settings"
      title="Settings (DQOps server and API key)"
    >
      <span aria-hidden="true">⚙</span>
    </button>
  );
}

/** The one screen: picker on top, the chosen table's views below. */
export function Workspace({
  showPicker = true,
  showTabs = true,
  onOpenSettings,
  startHere,
}: {
  showPicker?: boolean;
  showTabs?: boolean;
  onOpenSettings?: () => void;
  /** A table to suggest on the landing page (the demo's). */
  startHere?: TableRef;
}) {
  const { params, update, closeEditor, openTable } = useViewParams();
  const selected = params.selected;
  const server = useDqopsApi().baseUrl;
  const selectedKey = selected ? tableKey(selected) : undefined;
  // Remembered when opened, whichever way (search, lists, a link, Back).
  useEffect(() => {
    const table = parseTableKey(selectedKey);
    if (table) rememberTable(server, table);
  }, [server, selectedKey]);
  const recent = useMemo(() => (selectedKey === undefined ? recentTables(server) : []), [server, selectedKey]);
  const editTarget = parseTableKey(params.editTarget);
  const editSource = params.editSource === 'new' ? 'new' : parseTableKey(params.editSource);
  return (
    <main className="ls-workspace">
      {showPicker ? <TablePicker compact={!!selected} /> : null}
      {selected ? (
        <section className={`ls-view${onOpenSettings && !showTabs ? ' ls-view--corner' : ''}`} aria-label={`Lineage of ${tableLabel(selected)}`}>
          {onOpenSettings && !showTabs ? <SettingsButton onClick={onOpenSettings} corner /> : null}
          <div className="ls-tabs" hidden={!showTabs}>
            <div className="ls-tabs__list" role="tablist" aria-label="Views">
              {VIEWS.map((view) => (
                <button
                  key={view}
                  type="button"
                  role="tab"
                  aria-selected={params.view === view}
                  className="ls-tab"
                  onClick={() => update({ view: view === 'graph' ? undefined : view })}
                >
                  {VIEW_LABELS[view]}
                </button>
              ))}
            </div>
            {onOpenSettings ? <SettingsButton onClick={onOpenSettings} /> : null}
          </div>
          <div className="ls-view__body" role="tabpanel" aria-label={VIEW_LABELS[params.view]}>
            {params.view === 'graph' || params.view === 'flows' ? (
              <LineageView key={tableKey(selected)} table={selected} mode={params.view} />
            ) : (
              <Suspense fallback={<Loading />}>
                {params.view === 'sources' ? (
                  <SourcesPanel key={tableKey(selected)} table={selected} />
                ) : (
                  <TargetsPanel key={tableKey(selected)} table={selected} />
                )}
              </Suspense>
            )}
          </div>
        </section>
      ) : (
        <Welcome startHere={startHere} recent={recent} onOpen={openTable} />
      )}
      {editTarget && editSource ? (
        <Suspense fallback={null}>
          <SourceEditorDialog
            key={`${params.editTarget} ${params.editSource}`}
            target={editTarget}
            source={editSource}
            prefill={parseTableKey(params.prefill)}
            onClose={(options) => closeEditor(options)}
          />
        </Suspense>
      ) : null}
    </main>
  );
}

function TableButton({ table, onOpen }: { table: TableRef; onOpen: (table: TableRef) => void }) {
  return (
    <button type="button" className="ls-button ls-button--ghost ls-welcome__table" onClick={() => onOpen(table)}>
      <strong>{table.table}</strong>
      <span className="ls-welcome__where">
        {table.schema} · {table.connection}
      </span>
    </button>
  );
}

/** The landing page: starting points instead of a blank page. */
function Welcome({ startHere, recent, onOpen }: { startHere?: TableRef; recent: TableRef[]; onOpen: (table: TableRef) => void }) {
  const others = recent.filter((t) => !startHere || !sameTable(t, startHere));
  return (
    <div className="ls-welcome">
      <h1>See where your data comes from and where it goes</h1>
      <p>
        Find a table, or choose a connection, a schema and a table above. The lineage graph shows the tables upstream and downstream with their
        data-quality status; you can add, edit and remove source tables and column mappings.
      </p>
      <div className="ls-welcome__start">
        <section aria-labelledby="ls-welcome-find">
          <h2 id="ls-welcome-find">Find any table</h2>
          <TableSearch placeholder="Part of a table name, in any connection" />
        </section>
        {startHere ? (
          <section aria-labelledby="ls-welcome-start">
            <h2 id="ls-welcome-start">Start here</h2>
            <TableButton table={startHere} onOpen={onOpen} />
          </section>
        ) : null}
        <section aria-labelledby="ls-welcome-import">
          <h2 id="ls-welcome-import">Bring lineage you already have</h2>
          <p className="ls-hint">From a dbt manifest or OpenLineage events: matched to DQOps tables, staged in a draft for review.</p>
          {/* Staged links are drawn on their target's graph, where the draft is reviewed and saved. */}
          <ImportButton onStaged={({ targets }) => targets[0] && onOpen(targets[0])} />
        </section>
        {others.length > 0 ? (
          <section aria-labelledby="ls-welcome-recent">
            <h2 id="ls-welcome-recent">Opened recently in this browser</h2>
            <ul className="ls-welcome__list">
              {others.map((table) => (
                <li key={tableKey(table)}>
                  <TableButton table={table} onOpen={onOpen} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </div>
  );
}
