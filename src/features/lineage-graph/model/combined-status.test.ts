import { describe, expect, it } from 'vitest';
import type { QualityStatus } from '@/api/normalize';
import { CombinedStatuses, kpiOf, mergeStatus } from './combined-status';
import { status } from './fixtures';

const counted = (severity: QualityStatus['severity'], valid: number, errors: number, dimension?: string): QualityStatus => ({
  ...status(severity),
  counts: { executedChecks: valid + errors, valid, warnings: 0, errors, fatals: 0, executionErrors: 0 },
  kpi: kpiOf({ executedChecks: 0, valid, warnings: 0, errors, fatals: 0, executionErrors: 0 }),
  dimensions: dimension
    ? [{ name: dimension, severity, counts: { executedChecks: valid + errors, valid, warnings: 0, errors, fatals: 0, executionErrors: 0 } }]
    : [],
});

describe('combined statuses', () => {
  it('merges like DQOps: worst severity, counters added, KPI from the sums, dimensions by name', () => {
    const merged = mergeStatus(counted('valid', 9, 0, 'Validity'), counted('error', 3, 1, 'Validity'));
    expect(merged?.severity).toBe('error');
    expect(merged?.counts.valid).toBe(12);
    expect(merged?.kpi).toBeCloseTo((12 * 100) / 13);
    expect(merged?.dimensions).toHaveLength(1);
    expect(merged?.dimensions[0]).toMatchObject({ name: 'Validity', severity: 'error' });
    expect(merged?.dimensions[0]?.kpi).toBeCloseTo((12 * 100) / 13);
  });

  it('adds nothing for a table DQOps does not know, and keeps the own row count', () => {
    const own = { ...counted('valid', 1, 0), rowCount: 42 };
    expect(mergeStatus(own, status(undefined, false))).toBe(own);
    expect(mergeStatus(own, counted('fatal', 0, 0))?.rowCount).toBe(42);
  });

  it('walks a deep chain without recursion and leaves out an edge back into a table being walked', () => {
    const own = new Map<string, QualityStatus>();
    const sources = new Map<string, string[]>();
    for (let i = 0; i < 20_000; i += 1) {
      own.set(`t${i}`, status(i === 0 ? 'fatal' : 'valid'));
      if (i > 0) sources.set(`t${i}`, [`t${i - 1}`]);
    }
    sources.set('t0', ['t19999']); // a cycle
    const combined = new CombinedStatuses((key) => own.get(key), sources);
    expect(combined.of('t19999')?.severity).toBe('fatal');
    expect(combined.of('t5')?.severity).toBe('fatal');
  });

  it('merges the dimensions only when they are read, as merging them on the walk would', () => {
    let reads = 0;
    const counting = (status: QualityStatus): QualityStatus => ({
      ...status,
      get dimensions() {
        reads += 1;
        return status.dimensions;
      },
    });
    const own = new Map<string, QualityStatus>([
      ['a', counting(counted('valid', 2, 0, 'Validity'))],
      ['b', counting(counted('error', 1, 1, 'Completeness'))],
      ['c', counting(counted('warning', 3, 0, 'Validity'))],
      ['d', counting(counted('valid', 1, 0, 'Timeliness'))],
    ]);
    // a → c ← b, c → d, and d → b closes a loop (left out where the walk meets it, as DQOps does).
    const sources = new Map([['c', ['a', 'b']], ['d', ['c']], ['b', ['d']]]);
    const combined = new CombinedStatuses((key) => own.get(key), sources);
    expect(combined.of('d')?.severity).toBe('error');
    expect(combined.of('d')?.counts.valid).toBe(7);
    expect(reads).toBe(0); // the arrows' colours need no dimensions
    const get = (key: string) => own.get(key) as QualityStatus;
    const eager = mergeStatus(get('d'), mergeStatus(mergeStatus(get('c'), get('a')), get('b')));
    expect(combined.of('d')?.dimensions).toEqual(eager?.dimensions);
    expect(combined.of('d')?.dimensions.map((d) => d.name).sort()).toEqual(['Completeness', 'Timeliness', 'Validity']);
  });
});
