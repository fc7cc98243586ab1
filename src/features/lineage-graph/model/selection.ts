// What the side panel is about, as one value. The selected table lives in the URL (deep links,
// Back); a selected link and the open draft review live in the canvas. Every handler goes through
// `nextSelection`, so no handler can leave a link selected beside a table. Pure.

export type Selection =
  | { kind: 'none' }
  | { kind: 'table'; key: string }
  | { kind: 'edge'; key: string }
  /** The draft review, on top of the table that stays selected (and highlighted) underneath. */
  | { kind: 'review'; table?: string };

/** The canvas's own part of the selection (the table is the URL's). */
export interface LocalSelection {
  edge?: string;
  review: boolean;
}

export const NOTHING: LocalSelection = { review: false };

/** The selection from its two homes: the review is on top, a table comes before a link. */
export function selectionOf(table: string | undefined, local: LocalSelection): Selection {
  if (local.review) return table ? { kind: 'review', table } : { kind: 'review' };
  if (table) return { kind: 'table', key: table };
  if (local.edge) return { kind: 'edge', key: local.edge };
  return { kind: 'none' };
}

/** Where a new selection puts each part: the canvas's state and the URL's table. */
export function nextSelection(next: Selection): { local: LocalSelection; table: string | undefined } {
  switch (next.kind) {
    case 'none':
      return { local: NOTHING, table: undefined };
    case 'table':
      return { local: NOTHING, table: next.key };
    case 'edge':
      return { local: { edge: next.key, review: false }, table: undefined };
    case 'review':
      return { local: { review: true }, table: next.table };
  }
}

/** The table whose paths are highlighted: the selected one, also under the review. */
export function selectedTable(selection: Selection): string | undefined {
  return selection.kind === 'table' ? selection.key : selection.kind === 'review' ? selection.table : undefined;
}

/**
 * Letting go (Escape, a click on the empty canvas): the table and the link are let go of; an open
 * review stays open, since it holds a Save all report the steward may still be reading.
 */
export function letGo(selection: Selection): Selection {
  return selection.kind === 'review' ? { kind: 'review' } : { kind: 'none' };
}

/** Closing the review returns to the table underneath it. */
export function closeReview(selection: Selection): Selection {
  if (selection.kind !== 'review') return selection;
  return selection.table ? { kind: 'table', key: selection.table } : { kind: 'none' };
}
