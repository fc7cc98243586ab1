// Test fixtures: lineage trees written as edge lists ("a>b" = a feeds b).
import type { LineageTree, QualityStatus, Severity } from '@/api/normalize';
import type { TableRef } from '@/lib/table-ref';

export const ref = (table: string, connection = 'c', schema = 's'): TableRef => ({ connection, schema, table });

export function status(severity?: Severity, tableExists = true): QualityStatus {
  return {
    severity,
    counts: { executedChecks: 0, valid: 0, warnings: 0, errors: 0, fatals: 0, executionErrors: 0 },
    dimensions: [],
    tableExists,
  };
}

export function treeOf(
  root: string,
  edges: string[],
  severities: Record<string, Severity> = {},
  missing: string[] = [],
  /** How a name becomes a table (default: a table of connection c, schema s). */
  refOf: (name: string) => TableRef = (name) => ref(name),
): LineageTree {
  return {
    relativeTable: refOf(root),
    fullyLoaded: true,
    unreadableFlows: 0,
    problems: [],
    flows: edges.map((edge) => {
      const [source = '', target = ''] = edge.split('>');
      return {
        source: refOf(source),
        target: refOf(target),
        sourceStatus: status(severities[source], !missing.includes(source)),
        targetStatus: status(severities[target], !missing.includes(target)),
        upstreamCombinedStatus: status(severities[source]),
        rowCount: 1000,
        rowCountEstimated: false,
      };
    }),
  };
}
