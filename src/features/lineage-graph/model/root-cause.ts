// "Where did the problem enter?": for a failing table, the upstream tables whose own status
// explains it, nearest first.
import { compareNames } from '@/lib/format';
import { severityRank, type Severity } from '@/api/normalize';
import type { GraphModel } from './build-graph';
import { closure, distances } from './traverse';

export interface RootCauseStep {
  key: string;
  distance: number;
  severity: Severity;
  /** No failing table above it: the problem entered here. */
  origin: boolean;
}

const FAILING = severityRank('warning');

export function rootCause(model: GraphModel, key: string): RootCauseStep[] {
  const dist = distances(model, key, 'upstream');
  const failing = new Map<string, Severity>();
  for (const [candidate] of dist) {
    const severity = model.nodes.get(candidate)?.status?.severity;
    if (severity && severityRank(severity) >= FAILING) failing.set(candidate, severity);
  }
  const steps: RootCauseStep[] = [];
  for (const [candidate, severity] of failing) {
    const above = distances(model, candidate, 'upstream');
    const origin = ![...above.keys()].some((k) => k !== candidate && failing.has(k));
    steps.push({ key: candidate, distance: dist.get(candidate) ?? 0, severity, origin });
  }
  return steps.sort((a, b) => a.distance - b.distance || severityRank(b.severity) - severityRank(a.severity) || compareNames(a.key, b.key));
}

/** The tables through which a problem travels: below one of its causes and above the traced table. */
export function causePathOf(model: GraphModel, traced: string, causes: readonly RootCauseStep[]): Set<string> {
  const above = closure(model, traced, 'upstream');
  const onPath = new Set<string>([traced]);
  for (const cause of causes) {
    onPath.add(cause.key);
    for (const key of closure(model, cause.key, 'downstream')) if (above.has(key)) onPath.add(key);
  }
  return onPath;
}
