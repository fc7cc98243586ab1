// "Including upstream": a table's own status merged with everything upstream of it *as far as the
// drawn lineage shows*, computed here the way DQOps's TableLineageServiceImpl merges statuses: worst
// severity, counters added, KPI recomputed from them, dimensions merged by name. Pure.
//
// Why not DQOps's own values: they mean different things by direction. On an upstream flow
// `upstream_combined_quality_status` is the source's combined status; on a downstream flow it is
// the *target's* own status merged along the one path DQOps walked first. Used as "the data
// arriving through this arrow", it blamed a healthy source for its target's own error, and an
// arrow read differently with another focus. The 2024-09 server sends no combined status for the
// focus table at all. Computed from the tables' own statuses, one arrow or table reads the same
// under any focus and either server, as far as the lineage in view reaches.
import { severityRank, worstSeverity, type DimensionStatus, type QualityStatus, type StatusCounts } from '@/api/normalize';

function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  return {
    executedChecks: a.executedChecks + b.executedChecks,
    valid: a.valid + b.valid,
    warnings: a.warnings + b.warnings,
    errors: a.errors + b.errors,
    fatals: a.fatals + b.fatals,
    executionErrors: a.executionErrors + b.executionErrors,
  };
}

/** DQOps's KPI: (valid + warnings) × 100 / (valid + warnings + errors + fatals); none without results. */
export function kpiOf(counts: StatusCounts): number | undefined {
  const total = counts.valid + counts.warnings + counts.errors + counts.fatals;
  return total > 0 ? ((counts.valid + counts.warnings) * 100) / total : undefined;
}

const later = (a: string | undefined, b: string | undefined) => (a === undefined ? b : b === undefined ? a : a >= b ? a : b);

function mergeDimensions(own: DimensionStatus[], upstream: DimensionStatus[]): DimensionStatus[] {
  if (upstream.length === 0) return own;
  const byName = new Map(own.map((d) => [d.name, d]));
  for (const dim of upstream) {
    const mine = byName.get(dim.name);
    if (!mine) {
      byName.set(dim.name, dim);
      continue;
    }
    const counts = addCounts(mine.counts, dim.counts);
    byName.set(dim.name, {
      name: dim.name,
      severity: worstSeverity(mine.severity, dim.severity),
      unknownSeverity: mine.unknownSeverity ?? dim.unknownSeverity,
      kpi: kpiOf(counts),
      lastCheckAt: later(mine.lastCheckAt, dim.lastCheckAt),
      counts,
    });
  }
  return [...byName.values()];
}

/** `own` merged with `upstream` (a table's combined status with one of its sources' combined statuses). */
export function mergeStatus(own: QualityStatus | undefined, upstream: QualityStatus | undefined): QualityStatus | undefined {
  if (!upstream || upstream.tableExists === false) return own; // a table DQOps does not know adds nothing
  if (!own) return { ...upstream, rowCount: undefined, freshnessDelayDays: undefined };
  const counts = addCounts(own.counts, upstream.counts);
  return {
    ...own,
    severity: worstSeverity(own.severity, upstream.severity),
    highestHistoricalSeverity: worstSeverity(own.highestHistoricalSeverity, upstream.highestHistoricalSeverity),
    kpi: kpiOf(counts) ?? own.kpi,
    lastCheckAt: later(own.lastCheckAt, upstream.lastCheckAt),
    counts,
    dimensions: mergeDimensions(own.dimensions, upstream.dimensions),
  };
}

/**
 * Combined statuses of the tables of one lineage, computed on first read and kept: only the
 * ancestors of what is read are computed. An edge to a table still being walked (a cycle) is
 * left out, as DQOps does.
 */
export class CombinedStatuses {
  readonly #memo = new Map<string, QualityStatus | undefined>();

  constructor(
    private readonly own: (key: string) => QualityStatus | undefined,
    private readonly sources: ReadonlyMap<string, readonly string[]>,
  ) {}

  of(key: string): QualityStatus | undefined {
    if (this.#memo.has(key)) return this.#memo.get(key);
    // Iterative post-order walk: lineages can be thousands of tables deep.
    const stack: { key: string; next: number }[] = [{ key, next: 0 }];
    const walking = new Set([key]);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { key: string; next: number };
      const sources = this.sources.get(top.key) ?? [];
      if (top.next < sources.length) {
        const source = sources[top.next++] as string;
        if (!this.#memo.has(source) && !walking.has(source)) {
          walking.add(source);
          stack.push({ key: source, next: 0 });
        }
        continue;
      }
      stack.pop();
      walking.delete(top.key);
      let combined = this.own(top.key);
      for (const source of sources) if (this.#memo.has(source)) combined = mergeStatus(combined, this.#memo.get(source));
      this.#memo.set(top.key, combined);
    }
    return this.#memo.get(key);
  }
}

/** Whether the combined status is worse than the table's own (something upstream is failing). */
export function worseUpstream(own: QualityStatus | undefined, combined: QualityStatus | undefined): boolean {
  return severityRank(combined?.severity) > severityRank(own?.severity);
}
