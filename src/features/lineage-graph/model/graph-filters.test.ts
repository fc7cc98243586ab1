import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filtersReducer, hidesTables } from './graph-filters';

describe('filtersReducer', () => {
  it('hides and shows a status, and says when something is hidden', () => {
    const hidden = filtersReducer(DEFAULT_FILTERS, { kind: 'severity', severity: 'valid', shown: false });
    expect(hidden.severities.has('valid')).toBe(false);
    expect(hidesTables(hidden)).toBe(true);
    const back = filtersReducer(hidden, { kind: 'severity', severity: 'valid', shown: true });
    expect(back.severities.has('valid')).toBe(true);
    expect(hidesTables(back)).toBe(false);
  });

  it('keeps the same state object when nothing changes (no redraw)', () => {
    expect(filtersReducer(DEFAULT_FILTERS, { kind: 'severity', severity: 'error', shown: true })).toBe(DEFAULT_FILTERS);
    expect(filtersReducer(DEFAULT_FILTERS, { kind: 'show-all', all: false })).toBe(DEFAULT_FILTERS);
    expect(filtersReducer(DEFAULT_FILTERS, { kind: 'colour-by', mode: 'own' })).toBe(DEFAULT_FILTERS);
  });

  it('changes one thing at a time', () => {
    const next = filtersReducer(filtersReducer(DEFAULT_FILTERS, { kind: 'missing', shown: false }), { kind: 'colour-by', mode: 'upstream' });
    expect(next).toEqual({ ...DEFAULT_FILTERS, showMissing: false, colourBy: 'upstream' });
    expect(hidesTables(next)).toBe(true);
    expect(filtersReducer(next, { kind: 'show-all', all: true }).showAll).toBe(true);
  });
});
