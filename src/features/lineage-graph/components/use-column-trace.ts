import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { GraphModel } from '../model/build-graph';
import { tracePath } from '../model/column-trace';
import type { LinkChange } from '../model/draft';
import { columnTraceQueries } from '../api/column-trace-queries';
import { columnId } from '../nodes/column-list';
import { useSpecReader } from './use-spec-reader';

export interface TracedColumn {
  table: string;
  column: string;
}

/**
 * Column lineage: one column of a table followed through the column mappings, read through the
 * draft (a staged mapping shows in an open trace: the query's key names the draft).
 */
export function useColumnTrace(model: GraphModel, unsaved: readonly LinkChange[]) {
  const readSpec = useSpecReader(model);
  const [traced, setTraced] = useState<TracedColumn>();
  const query = useQuery({
    ...columnTraceQueries.trace(model, unsaved, readSpec, traced?.table ?? '', traced?.column ?? ''),
    enabled: traced !== undefined,
  });
  const trace = traced ? query.data : undefined;
  /** The tables and links on the traced column's path. */
  const path = useMemo(() => (trace ? tracePath(trace) : undefined), [trace]);
  /** Every column on the path, as columnId(table, column). */
  const columns = useMemo(() => (trace ? new Set(trace.steps.map((step) => columnId(step.table, step.column))) : undefined), [trace]);
  /** Traces a column; the same column again stops tracing. */
  const toggle = (table: string, column: string) => setTraced(traced?.table === table && traced.column === column ? undefined : { table, column });
  return { traced, setTraced, toggle, query, path, columns };
}
