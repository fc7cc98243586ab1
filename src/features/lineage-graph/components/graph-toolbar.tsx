import { plural } from '@/lib/format';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { closeMenuOf, Menu } from '@/components/menu';
import { SeverityIcon } from '@/components/severity-badge';
import { compareNames } from '@/lib/format';
import { SEVERITY_STYLE } from '@/lib/severity';
import type { GraphModel } from '../model/build-graph';
import { hidesTables, type FiltersChange, type GraphFilters } from '../model/graph-filters';
import { GROUP_UNIT } from '../model/auto-group';
import type { GroupBy } from '../model/groups';
import type { ExportFormat, ExportInput } from '../model/export';
import type { GroupedPicture } from './paint-groups';
import { FILTERABLE, nodeSeverity } from '../model/view-model';
import type { ColourBy } from '../nodes/emphasis';

// Loaded when first asked for, like the other exports.
const ExportOpenLineageDialog = lazy(() => import('../import/export-openlineage-dialog').then((m) => ({ default: m.ExportOpenLineageDialog })));

const COLOURINGS = [
  ['own', 'Own status', "Each table's own data-quality status"],
  ['upstream', 'Including upstream', 'The worst status of the table and everything upstream of it (DQOps)'],
] as const;
const GROUPINGS = [
  ['auto', 'Automatic: groups for all of a big lineage', 'Tables up to 250; groups by schema (or connection, or level in one schema) when Show all draws more'],
  ['none', 'Tables, not grouped', undefined],
  ['schema', 'Group by schema', undefined],
  ['connection', 'Group by connection', undefined],
  ['level', 'Group by level from the focus', 'Upstream and downstream levels: the longest chain of flows to the focus'],
] as const;

interface Props {
  model: GraphModel;
  /** Tables drawn, tables of the neighbourhood that the filters hide, and tables passing the filter beyond the drawn neighbourhood. */
  filters: GraphFilters;
  /** The grouping drawn (the choice, or what Automatic chose); undefined: tables. */
  grouped: GroupBy | undefined;
  onFilters: (change: FiltersChange) => void;
  onFind: (key: string) => void;
  exportInput: ExportInput;
  /** The grouped overview as shown, when the lineage is drawn grouped: pictures export it. */
  groupedPicture?: () => GroupedPicture | undefined;
  leading?: ReactNode;
}

export function GraphToolbar({ model, filters, grouped, onFilters, onFind, exportInput, groupedPicture, leading }: Props) {
  const { severities, showMissing, showAll, colourBy, groupBy } = filters;
  const [exportError, setExportError] = useState<string>();
  const [openLineage, setOpenLineage] = useState(false);
  const total = model.nodes.size;
  // The list of every table (5,000 in big lineages) is built when the find box is first used,
  // not while the graph is being drawn.
  const [findUsed, setFindUsed] = useState(false);
  const findOptions = useMemo<ComboboxOption[]>(
    () =>
      [...(findUsed ? model.nodes.values() : [])]
        .map((node) => ({
          value: node.key,
          label: node.ref.table,
          detail: `${node.ref.schema} · ${node.ref.connection}`,
          keywords: `${node.ref.schema} ${node.ref.connection}`,
          adornment: <SeverityIcon severity={nodeSeverity(model, node.key)} />,
        }))
        .sort((a, b) => compareNames(a.label, b.label)),
    [model, findUsed],
  );
  const missingCount = useMemo(() => [...model.nodes.values()].filter((n) => !n.exists).length, [model]);

  async function runExport(format: ExportFormat) {
    setExportError(undefined);
    try {
      const { exportGraph } = await import('./export-actions'); // loaded on demand
      await exportGraph(exportInput, format, grouped ? groupedPicture?.() : undefined);
    } catch (error) {
      setExportError(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return (
    <div className="ls-toolbar" role="toolbar" aria-label="Graph tools">
      {leading}
      <div className="ls-toolbar__find" onFocusCapture={() => setFindUsed(true)} onPointerDownCapture={() => setFindUsed(true)}>
        <Combobox label="Find table in graph" hideLabel options={findOptions} value={undefined} onChange={onFind} placeholder={`Find a table (${total})`} />
      </div>
      <Menu summary={`Filter${hidesTables(filters) ? ' •' : ''}`}>
        <div className="ls-menu__panel" role="group" aria-label="Show tables with status">
          {FILTERABLE.map((severity) => (
            <label key={severity} className="ls-check">
              <input
                type="checkbox"
                checked={severities.has(severity)}
                onChange={(event) => onFilters({ kind: 'severity', severity, shown: event.target.checked })}
              />
              <SeverityIcon severity={severity} /> {SEVERITY_STYLE[severity].label}
            </label>
          ))}
          <label className="ls-check">
            <input type="checkbox" checked={showMissing} onChange={(event) => onFilters({ kind: 'missing', shown: event.target.checked })} />
            <SeverityIcon severity="missing" /> Tables not in DQOps ({missingCount})
          </label>
        </div>
      </Menu>
      {/* How tables are drawn: one menu, so that the toolbar stays one line inside the DQOps console
          (940 px); the grouping drawn is said by the count over the graph. */}
      <Menu summary="View">
        <div className="ls-menu__panel" role="menu" aria-label="View">
          {(
            [
              ['Colour tables by', COLOURINGS, colourBy, (mode: ColourBy) => onFilters({ kind: 'colour-by', mode })],
              ['Group tables', GROUPINGS, groupBy, (by: GraphFilters['groupBy']) => onFilters({ kind: 'group-by', by })],
            ] as const
          ).map(([heading, choices, current, choose]) => (
            <div key={heading} role="group" aria-label={heading} className="ls-menu__group">
              <span className="ls-menu__heading" aria-hidden="true">
                {heading}
              </span>
              {choices.map(([value, label, title]) => (
                <button
                  key={value}
                  type="button"
                  role="menuitemradio"
                  aria-checked={current === value}
                  className="ls-menu__item"
                  title={title}
                  onClick={(event) => {
                    closeMenuOf(event.currentTarget);
                    (choose as (v: string) => void)(value);
                  }}
                >
                  {label}
                </button>
              ))}
            </div>
          ))}
        </div>
      </Menu>
      <button
        type="button"
        className="ls-button"
        aria-pressed={showAll}
        title={showAll ? "Back to the focus table's neighbourhood" : 'Every table of this lineage (grouped when there are many)'}
        onClick={() => onFilters({ kind: 'show-all', all: !showAll })}
      >
        {showAll ? 'Show nearby' : `Show all ${plural(total, 'table')}`}
      </button>
      <Menu summary="Export">
        <div className="ls-menu__panel" role="menu" aria-label="Export">
          {(['png', 'svg', 'csv', 'json'] as const).map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="ls-menu__item"
              onClick={(event) => {
                closeMenuOf(event.currentTarget);
                void runExport(format);
              }}
            >
              {format === 'png' ? 'Picture (PNG)' : format === 'svg' ? 'Vector picture (SVG)' : format === 'csv' ? 'Flows as CSV' : 'Flows as JSON'}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="ls-menu__item"
            aria-haspopup="dialog"
            onClick={(event) => {
              closeMenuOf(event.currentTarget);
              setOpenLineage(true);
            }}
          >
            OpenLineage events…
          </button>
        </div>
      </Menu>
      {openLineage ? (
        <Suspense fallback={null}>
          <ExportOpenLineageDialog tree={exportInput.tree} model={exportInput.model} drawnEdges={exportInput.edges} onClose={() => setOpenLineage(false)} />
        </Suspense>
      ) : null}
      {exportError ? (
        <span className="ls-toolbar__error" role="alert">
          {exportError}
        </span>
      ) : null}
    </div>
  );
}

/**
 * How many tables are drawn, over the top-left corner of the graph (in the toolbar it made the
 * toolbar two lines inside the DQOps console), with a way to the matching tables beyond the steps.
 */
export function DrawnCount({ drawn, total, filteredOut, matchingBeyond, showAll, grouped, onFilters }: {
  drawn: number;
  /** Grouped, the picture holds every table of the lineage (the filters and the steps do not apply). */
  grouped?: GroupBy;
  total: number;
  filteredOut: number;
  matchingBeyond: number;
  showAll: boolean;
  onFilters: (change: FiltersChange) => void;
}) {
  if (grouped) {
    return (
      <p className="ls-canvas__count" aria-live="polite">
        Showing all {total} tables, grouped by {GROUP_UNIT[grouped]}
      </p>
    );
  }
  return (
    <p className="ls-canvas__count" aria-live="polite">
      Showing {drawn} of {total} tables{filteredOut > 0 ? ` · ${filteredOut} filtered out` : ''}
      {matchingBeyond > 0 && !showAll ? (
        <>
          {' · '}
          <button type="button" className="ls-linkbutton" onClick={() => onFilters({ kind: 'show-all', all: true })}>
            {matchingBeyond} more matching the filter beyond these steps
          </button>
        </>
      ) : null}
    </p>
  );
}
