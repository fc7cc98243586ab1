// Column-to-column edges for tables whose column list is open on the canvas. Pure: the caller
// passes the drawn table edges, the source specs it has read (lazily, for those edges only), the
// draft's changes and, per open table, which of its columns are on screen.
import type { TableLineageSourceSpec } from '@/api/types';
import { applyMappings, mappingId, type LinkChange } from './draft';
import type { GraphEdge } from './build-graph';
import { COLUMN_ROWS } from './layout';

/** What an open table shows: its columns (full list, in order), the search's matches and the first row on screen. */
export interface OpenColumns {
  /** Column name → position in the full list (used in handle ids: names may hold any character). */
  index: ReadonlyMap<string, number>;
  /** Full-list positions of the columns the search matches, in order. */
  matches: readonly number[];
  /** Position in `matches` of the first row on screen. */
  first: number;
}

export type ColumnPlace = { row: number } | 'above' | 'below';

/** Where a column of an open table is drawn: its row, or the "more above/below" line. */
export function placeColumn(open: OpenColumns, column: string): ColumnPlace {
  const index = open.index.get(column);
  const at = index === undefined ? -1 : open.matches.indexOf(index);
  if (at < 0) return 'below'; // filtered out by the search, or not a column DQOps knows: counted below
  if (at < open.first) return 'above';
  if (at >= open.first + COLUMN_ROWS) return 'below';
  return { row: index as number };
}

export function handleId(side: 'in' | 'out', place: ColumnPlace): string {
  return typeof place === 'object' ? `${side}:${place.row}` : `${side}:${place}`;
}

export interface ColumnEdge {
  id: string;
  source: string;
  target: string;
  /** Undefined: the table's own handle (its column list is closed). */
  sourceHandle?: string;
  targetHandle?: string;
  /** The mappings drawn by this edge (several when they share the same ends, e.g. "more below"). */
  mappings: { sourceColumn: string; column: string; diff?: 'added' | 'removed' }[];
  /** The table edge it belongs to. */
  tableEdge: string;
}

/**
 * One edge per (source column, target column) mapping with at least one end open; mappings whose
 * ends fall on the same handles (closed table, rows scrolled away) share one edge.
 */
export function columnEdges(
  edges: readonly GraphEdge[],
  open: ReadonlyMap<string, OpenColumns>,
  specs: ReadonlyMap<string, TableLineageSourceSpec | undefined>,
  changes: ReadonlyMap<string, LinkChange>,
): ColumnEdge[] {
  const out = new Map<string, ColumnEdge>();
  for (const edge of edges) {
    const sourceOpen = open.get(edge.source);
    const targetOpen = open.get(edge.target);
    if (!sourceOpen && !targetOpen) continue;
    const change = changes.get(edge.key);
    if (change?.diff === 'removed') continue; // the table edge says it all
    const stored = specs.get(edge.key);
    if (!stored && !change) continue;
    const drafted = change ? applyMappings(stored ?? {}, change) : stored;
    const added = new Set(change?.addMappings.map(mappingId));
    const mappings: { column: string; sourceColumn: string; diff?: 'added' | 'removed' }[] = [];
    for (const [column, mapping] of Object.entries(drafted?.columns ?? {})) {
      for (const sourceColumn of mapping.source_columns ?? []) {
        mappings.push({ column, sourceColumn, diff: added.has(mappingId({ column, sourceColumn })) ? 'added' : undefined });
      }
    }
    for (const removed of change?.removeMappings ?? []) mappings.push({ ...removed, diff: 'removed' });
    for (const mapping of mappings) {
      const sourceHandle = sourceOpen ? handleId('out', placeColumn(sourceOpen, mapping.sourceColumn)) : undefined;
      const targetHandle = targetOpen ? handleId('in', placeColumn(targetOpen, mapping.column)) : undefined;
      const id = `col|${edge.key}|${sourceHandle ?? ''}|${targetHandle ?? ''}`;
      const existing = out.get(id);
      if (existing) existing.mappings.push(mapping);
      else out.set(id, { id, source: edge.source, target: edge.target, sourceHandle, targetHandle, mappings: [mapping], tableEdge: edge.key });
    }
  }
  return [...out.values()];
}
