import { LineageView } from '@/features/lineage-graph/components/lineage-view';
import { lazy, Suspense } from 'react';
import { LoadingNote } from '@/components/table-name';
import { TablePicker } from '@/features/table-picker/components/table-picker';
import { useViewParams, VIEWS, type ViewName } from '@/lib/view-params';
import { parseTableKey, tableKey, tableLabel } from '@/lib/table-ref';

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
export function Workspace({ showPicker = true, showTabs = true, onOpenSettings }: { showPicker?: boolean; showTabs?: boolean; onOpenSettings?: () => void }) {
  const { params, update, closeEditor } = useViewParams();
  const selected = params.selected;
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
        <div className="ls-welcome">
          <h1>See where your data comes from and where it goes</h1>
          <p>
            Choose a connection, a schema and a table above. The lineage graph shows the tables upstream and downstream with their data-quality status; you can
            add, edit and remove source tables and column mappings.
          </p>
        </div>
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
