// The column-trace queries (a traced column, the columns a failure reaches). One factory, so that
// the key names everything a trace depends on: the table and column, the drawn lineage (its
// tables and links), and the staged draft's mappings. The stored specs it reads are refreshed by
// every write (api/mutations.ts invalidates lineageQueries.columnTraces()).
import { queryOptions } from '@tanstack/react-query';
import { lineageQueries } from '@/api/queries';
import type { GraphModel } from '../model/build-graph';
import { draftedReader, draftFingerprint, impactedColumns, traceColumn, type SpecReader } from '../model/column-trace';
import type { LinkChange } from '../model/draft';

/** Identifies a model's lineage cheaply: its focus, and how many tables and links it has. */
const modelKey = (model: GraphModel) => `${model.rootKey}|${model.nodes.size}|${model.edges.size}`;

export const columnTraceQueries = {
  trace: (model: GraphModel, changes: readonly LinkChange[], read: SpecReader, table: string, column: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- `read` only fetches stored specs (their own queries); writes invalidate these keys
    queryOptions({
      queryKey: [...lineageQueries.columnTraces(), 'trace', table, column, modelKey(model), draftFingerprint(changes)] as const,
      queryFn: () => traceColumn(model, table, column, draftedReader(read, changes)),
    }),
  impact: (model: GraphModel, changes: readonly LinkChange[], read: SpecReader, table: string) =>
    // eslint-disable-next-line @tanstack/query/exhaustive-deps -- as above
    queryOptions({
      queryKey: [...lineageQueries.columnTraces(), 'impact', table, modelKey(model), draftFingerprint(changes)] as const,
      queryFn: () => impactedColumns(model, table, draftedReader(read, changes)),
    }),
};
