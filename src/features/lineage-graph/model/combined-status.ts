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
  const summary = mergeSummary(own, upstream);
  return { ...summary, dimensions: own ? mergeDimensions(own.dimensions, upstream.dimensions) : upstream.dimensions };
}

type Summary = Omit<QualityStatus, 'dimensions'>;

/**
 * mergeStatus without the dimensions. The fields are copied one by one, never spread: a status
 * from the client normalises its dimensions when they are read (normalize-status.ts), and a spread
 * reads them.
 */
function mergeSummary(own: Summary | undefined, upstream: QualityStatus): Summary {
  if (!own) {
    const { severity, unknownSeverity, highestHistoricalSeverity, kpi, lastCheckAt, counts, tableExists } = upstream;
    return { severity, unknownSeverity, highestHistoricalSeverity, kpi, lastCheckAt, counts, tableExists, rowCount: undefined, freshnessDelayDays: undefined };
  }
  const counts = addCounts(own.counts, upstream.counts);
  return {
    severity: worstSeverity(own.severity, upstream.severity),
    unknownSeverity: own.unknownSeverity,
    highestHistoricalSeverity: worstSeverity(own.highestHistoricalSeverity, upstream.highestHistoricalSeverity),
    kpi: kpiOf(counts) ?? own.kpi,
    lastCheckAt: later(own.lastCheckAt, upstream.lastCheckAt),
    rowCount: own.rowCount,
    freshnessDelayDays: own.freshnessDelayDays,
    counts,
    tableExists: own.tableExists,
  };
}

/**
 * Combined statuses of the tables of one lineage, computed on first read and kept: only the
 * ancestors of what is read are computed. An edge to a table still being walked (a cycle) is
 * left out, as DQOps does. The severities, counts and KPIs are merged on the walk; the dimensions
 * only when a table's are read (merging every upstream table's dimensions cost ~60 ms of the
 * first picture of a 5,000-table lineage, where only the arrows' colours were needed).
 */
export class CombinedStatuses {
  readonly #memo = new Map<string, QualityStatus | undefined>();
  /** Table → the sources whose combined statuses were merged into its own (absent: none). */
  readonly #merged = new Map<string, string[]>();
  readonly #dimensions = new Map<string, DimensionStatus[]>();

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
      const own = this.own(top.key);
      let summary: Summary | undefined = own;
      const merged: string[] = [];
      for (const source of sources) {
        const upstream = this.#memo.get(source);
        if (!upstream || upstream.tableExists === false) continue; // not walked yet (a cycle), unknown to DQOps, or no status
        summary = mergeSummary(summary, upstream);
        merged.push(source);
      }
      if (merged.length === 0) this.#memo.set(top.key, own);
      else {
        this.#merged.set(top.key, merged);
        const at = top.key;
        const dimensions = () => this.dimensionsOf(at);
        // The dimensions are merged when first read (only the details panel reads them).
        this.#memo.set(at, {
          ...(summary as Summary),
          get dimensions() {
            return dimensions();
          },
        });
      }
    }
    return this.#memo.get(key);
  }

  /** The combined dimensions of a table already combined: the same merges, in the same order (iterative). */
  private dimensionsOf(key: string): DimensionStatus[] {
    const stack: { key: string; next: number }[] = [{ key, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { key: string; next: number };
      const merged = this.#merged.get(top.key) ?? [];
      if (top.next < merged.length) {
        const source = merged[top.next++] as string;
        if (!this.#dimensions.has(source)) stack.push({ key: source, next: 0 });
        continue;
      }
      stack.pop();
      if (this.#dimensions.has(top.key)) continue;
      const own = this.own(top.key);
      let dimensions = own?.dimensions ?? [];
      for (const source of merged) dimensions = mergeDimensions(dimensions, this.#dimensions.get(source) ?? []);
      this.#dimensions.set(top.key, dimensions);
    }
    return this.#dimensions.get(key) ?? [];
  }
}

/** Whether the combined status is worse than the table's own (something upstream is failing). */
export function worseUpstream(own: QualityStatus | undefined, combined: QualityStatus | undefined): boolean {
  return severityRank(combined?.severity) > severityRank(own?.severity);
}
