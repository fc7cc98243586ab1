// What is highlighted on the canvas (hover, selection, root cause). Passed through context rather
// than node data, so a highlight re-renders the drawn nodes and edges but never rebuilds React
// Flow's node and edge lists (which costs hundreds of milliseconds on big graphs).
import { createContext, useContext } from 'react';
import type { UpstreamFailure } from '../model/quality-paths';

export interface Emphasis {
  /** Tables in focus; the others fade. Undefined: nothing in focus. */
  nodes?: ReadonlySet<string>;
  /** Edges in focus (by edge key). */
  edges?: ReadonlySet<string>;
  selected?: string;
  /** Root cause list position (1-based) and whether the problem entered there. */
  causes: ReadonlyMap<string, { rank: number; origin: boolean }>;
  /** Failing tables upstream of each table ("fed by failing sources"); undefined until computed. */
  failures?: ReadonlyMap<string, UpstreamFailure>;
  /** Colour tables by their own status, or by their status including everything upstream. */
  colourBy?: ColourBy;
  /** The traced column's path: columnId(table, column) of every column on it. */
  tracedColumns?: ReadonlySet<string>;
}

export type ColourBy = 'own' | 'upstream';

const NONE: Emphasis = { causes: new Map() };

export const EmphasisContext = createContext<Emphasis>(NONE);

export function useEmphasis(): Emphasis {
  return useContext(EmphasisContext);
}
