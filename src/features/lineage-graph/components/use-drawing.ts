// What is drawn (docs/architecture.md, glossary): the focus's neighbourhood, the tables the steward
// expanded (+N) or revealed (found, a root cause, a traced column's path), and the tables the draft
// brings in, minus what the filters hide (view-model.ts). The filters are one reducer
// (graph-filters.ts) that the toolbar sends its changes to.
import { useCallback, useMemo, useReducer, useState } from 'react';
import { autoGroupBy } from '../model/auto-group';
import type { GraphModel } from '../model/build-graph';
import { DEFAULT_FILTERS, filtersReducer, type FiltersChange } from '../model/graph-filters';
import { DEFAULT_DEPTH, visibleGraph } from '../model/view-model';

/** Above this many drawn tables the graph is painted on a canvas (OverviewCanvas) instead of as DOM nodes. */
export const OVERVIEW_THRESHOLD = 250;

/** At most this many tables brought in by the draft are drawn beyond the default steps. */
export const DRAFT_REVEAL_MAX = 40;

function addAll(current: ReadonlySet<string>, keys: Iterable<string>): ReadonlySet<string> {
  const added = [...keys].filter((key) => !current.has(key));
  return added.length === 0 ? current : new Set([...current, ...added]);
}

/**
 * The tables drawn beyond the default steps: those revealed, and those the draft brings in (the
 * steward just added them) — not when an import brought in hundreds: 1,600 tables drawn around one
 * focus made an unreadable strip. Those within the default steps are drawn as any table, the rest
 * stay one click away (Show all).
 */
export function askedToDraw(revealed: ReadonlySet<string>, draftAdded: ReadonlySet<string>): ReadonlySet<string> {
  return draftAdded.size > 0 && draftAdded.size <= DRAFT_REVEAL_MAX ? new Set([...revealed, ...draftAdded]) : revealed;
}

export function useDrawing(model: GraphModel, draftAdded: ReadonlySet<string>, firstSelected: string | undefined) {
  const [filters, changeFilters] = useReducer(filtersReducer, DEFAULT_FILTERS);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set(firstSelected ? [firstSelected] : []));
  const asked = useMemo(() => askedToDraw(revealed, draftAdded), [revealed, draftAdded]);
  const { severities, showMissing, showAll } = filters;
  const drawing = useMemo(
    () => visibleGraph(model, { depth: DEFAULT_DEPTH, expanded, revealed: asked, showAll, severities, showMissing }),
    [model, expanded, asked, showAll, severities, showMissing],
  );
  const drawn = useMemo<ReadonlySet<string>>(() => new Set(drawing.nodes), [drawing.nodes]);

  const onFilters = useCallback((change: FiltersChange) => {
    changeFilters(change);
    // Back to the neighbourhood: what was expanded in the whole picture goes too.
    if (change.kind === 'show-all' && !change.all) setExpanded(new Set());
  }, []);
  const expand = useCallback((key: string) => setExpanded((current) => addAll(current, [key])), []);
  /** Draws these tables too (a table already drawn needs no new drawing: 5,000 tables cost ~100 ms). */
  const reveal = useCallback((keys: Iterable<string>) => setRevealed((current) => addAll(current, keys)), []);
  // Grouped (the choice, or what Automatic makes of it), or painted on a canvas past the threshold.
  const drawnCount = drawing.nodes.length;
  const automatic = useMemo(() => autoGroupBy(model, drawnCount, showAll, OVERVIEW_THRESHOLD), [model, drawnCount, showAll]);
  const grouped = filters.groupBy === 'auto' ? automatic : filters.groupBy === 'none' ? undefined : filters.groupBy;
  const overview = grouped !== undefined || drawnCount > OVERVIEW_THRESHOLD;
  return { filters, onFilters, drawing, drawn, expand, reveal, grouped, overview };
}
