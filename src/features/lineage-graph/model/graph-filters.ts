// What the steward chose to see: statuses, tables not in DQOps, the whole lineage or the
// neighbourhood, and what a table's colour means. One reducer: the toolbar sends changes, the
// canvas keeps the state. Pure.
import type { SeverityKey } from '@/lib/severity';
import type { ColourBy } from '../nodes/emphasis';
import type { GroupBy } from './groups';
import { FILTERABLE } from './view-model';

export interface GraphFilters {
  /** Statuses drawn; the focus table is always drawn. */
  severities: ReadonlySet<SeverityKey>;
  /** Tables that the lineage names but DQOps does not hold. */
  showMissing: boolean;
  /** The whole lineage instead of the focus's neighbourhood. */
  showAll: boolean;
  colourBy: ColourBy;
  /** Draw groups (a box per schema or connection) instead of tables; `auto`: when showing all of a big lineage (groups.ts). */
  groupBy: GroupChoice;
}

export type FiltersChange =
  | { kind: 'severity'; severity: SeverityKey; shown: boolean }
  | { kind: 'missing'; shown: boolean }
  | { kind: 'show-all'; all: boolean }
  | { kind: 'colour-by'; mode: ColourBy }
  | { kind: 'group-by'; by: GroupChoice };

export type GroupChoice = GroupBy | 'none' | 'auto';

export const DEFAULT_FILTERS: GraphFilters = { severities: new Set(FILTERABLE), showMissing: true, showAll: false, colourBy: 'own', groupBy: 'auto' };

export function filtersReducer(state: GraphFilters, change: FiltersChange): GraphFilters {
  switch (change.kind) {
    case 'severity': {
      if (state.severities.has(change.severity) === change.shown) return state;
      const severities = new Set(state.severities);
      if (change.shown) severities.add(change.severity);
      else severities.delete(change.severity);
      return { ...state, severities };
    }
    case 'missing':
      return change.shown === state.showMissing ? state : { ...state, showMissing: change.shown };
    case 'show-all':
      return change.all === state.showAll ? state : { ...state, showAll: change.all };
    case 'colour-by':
      return change.mode === state.colourBy ? state : { ...state, colourBy: change.mode };
    case 'group-by':
      return change.by === state.groupBy ? state : { ...state, groupBy: change.by };
  }
}

/** Whether a filter hides anything (the Filter menu's mark). */
export function hidesTables(filters: GraphFilters): boolean {
  return filters.severities.size < FILTERABLE.length || !filters.showMissing;
}
