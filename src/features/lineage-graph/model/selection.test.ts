import { describe, expect, it } from 'vitest';
import { closeReview, letGo, nextSelection, selectedTable, selectionOf, type Selection } from './selection';

/** Applies a selection and reads it back, as the canvas does. */
function roundTrip(next: Selection): Selection {
  const { local, table } = nextSelection(next);
  return selectionOf(table, local);
}

describe('selection', () => {
  it('reads back what was selected, whatever it was', () => {
    const all: Selection[] = [{ kind: 'none' }, { kind: 'table', key: 't' }, { kind: 'edge', key: 'a->t' }, { kind: 'review' }, { kind: 'review', table: 't' }];
    for (const selection of all) expect(roundTrip(selection)).toEqual(selection);
  });

  it('never keeps a link selected beside a table', () => {
    const fromEdge = nextSelection({ kind: 'table', key: 't' });
    expect(fromEdge.local.edge).toBeUndefined();
    expect(nextSelection({ kind: 'edge', key: 'a->t' }).table).toBeUndefined();
    // A table in the URL (a deep link, Back) wins over a link the canvas still remembers.
    expect(selectionOf('t', { edge: 'a->t', review: false })).toEqual({ kind: 'table', key: 't' });
  });

  it('keeps the table under the review highlighted, and returns to it when the review closes', () => {
    const review: Selection = { kind: 'review', table: 't' };
    expect(selectedTable(review)).toBe('t');
    expect(closeReview(review)).toEqual({ kind: 'table', key: 't' });
    expect(closeReview({ kind: 'review' })).toEqual({ kind: 'none' });
    expect(selectedTable({ kind: 'edge', key: 'a->t' })).toBeUndefined();
  });

  it('letting go keeps an open review open but drops the table under it', () => {
    expect(letGo({ kind: 'review', table: 't' })).toEqual({ kind: 'review' });
    expect(letGo({ kind: 'table', key: 't' })).toEqual({ kind: 'none' });
    expect(letGo({ kind: 'edge', key: 'a->t' })).toEqual({ kind: 'none' });
  });
});
