// The lineage tree of one table (the graph and the targets list read it), re-fetched with back-off while DQOps reports
// data_lineage_fully_loaded:false (0.5 s, 1 s, 2 s, 4 s, then every 5 s; at most MAX_POLLS times).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDqopsApi } from '@/api/api-context';
import type { Direction } from '@/api/client';
import { lineageQueries } from '@/api/queries';
import type { TableRef } from '@/lib/table-ref';

export const MAX_POLLS = 10;

export function pollDelay(poll: number): number {
  return Math.min(500 * 2 ** poll, 5_000);
}

// Query → dataUpdateCount of the first "not fully loaded" answer of the current series. Keyed by
// the cache's Query object, so every app instance (QueryClient) has its own.
const seriesStart = new WeakMap<object, number>();

function pollsSoFar(query: { state: { dataUpdateCount: number } } | undefined): number {
  if (!query) return 0;
  const start = seriesStart.get(query);
  return start === undefined ? 0 : query.state.dataUpdateCount - start;
}

export function useLineageTree(table: TableRef, direction: Direction) {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  const options = lineageQueries.tree(api, table, direction);

  const query = useQuery({
    ...options,
    refetchInterval: (q) => {
      const data = q.state.data;
      if (!data || data.fullyLoaded) {
        seriesStart.delete(q);
        return false;
      }
      if (!seriesStart.has(q)) seriesStart.set(q, q.state.dataUpdateCount);
      const polls = pollsSoFar(q);
      return polls >= MAX_POLLS ? false : pollDelay(polls);
    },
  });

  // Reading dataUpdatedAt subscribes this component to every answer, also when structural
  // sharing keeps the same data object (the poll counter must move on).
  const updatedAt = query.dataUpdatedAt;
  const cached = queryClient.getQueryCache().find({ queryKey: options.queryKey, exact: true });
  const loading = query.data !== undefined && !query.data.fullyLoaded;
  const polls = loading ? pollsSoFar(cached) : 0;

  const { refetch } = query;
  const refresh = useCallback(() => {
    if (cached) seriesStart.delete(cached);
    void refetch();
  }, [cached, refetch]);

  return { query, polling: loading && polls < MAX_POLLS, partial: loading && polls >= MAX_POLLS, polls, updatedAt, refresh };
}
