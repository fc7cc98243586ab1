import { LineageView } from '@/features/lineage-graph/components/lineage-view';
import { SourceEditorDialog } from '@/features/source-editor/components/source-editor-dialog';
import { SourcesPanel } from '@/features/source-editor/components/sources-panel';
import { TargetsPanel } from '@/features/source-editor/components/targets-panel';
import { TablePicker } from '@/features/table-picker/components/table-picker';
import { useViewParams, VIEWS, type ViewName } from '@/lib/view-params';
import { parseTableKey, tableKey, tableLabel } from '@/lib/table-ref';

const VIEW_LABELS: Record<ViewName, string> = { graph: 'Lineage graph', sources: 'Source tables', targets: 'Target tables', flows: 'Flows (table)' };

/** The one screen: picker on top, the chosen table's views below. */
export function Workspace({ showPicker = true }: { showPicker?: boolean }) {
  const { params, update, closeEditor } = useViewParams();
  const selected = params.selected;
  const editTarget = parseTableKey(params.editTarget);
  const editSource = params.editSource === 'new' ? 'new' : parseTableKey(params.editSource);
  return (
    <main className="ls-workspace">
      {showPicker ? <TablePicker /> : null}
      {selected ? (
        <section className="ls-view" aria-label={`Lineage of ${tableLabel(selected)}`}>
          <div className="ls-tabs" role="tablist" aria-label="Views">
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
          <div className="ls-view__body" role="tabpanel" aria-label={VIEW_LABELS[params.view]}>
            {params.view === 'graph' || params.view === 'flows' ? (
              <LineageView key={tableKey(selected)} table={selected} mode={params.view} />
            ) : params.view === 'sources' ? (
              <SourcesPanel key={tableKey(selected)} table={selected} />
            ) : (
              <TargetsPanel key={tableKey(selected)} table={selected} />
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
        <SourceEditorDialog
          key={`${params.editTarget} ${params.editSource}`}
          target={editTarget}
          source={editSource}
          prefill={parseTableKey(params.prefill)}
          onClose={(options) => closeEditor(options)}
        />
      ) : null}
    </main>
  );
}
