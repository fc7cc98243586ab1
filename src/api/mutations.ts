// Writes. Each invalidates exactly what a change of the link source → target can alter: the
// target's source list, the source's target list, that one source spec, and every lineage tree
// (any tree may pass through the link). Writes are never retried without the user.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { sourceRefOf, type TableRef } from '@/lib/table-ref';
import { useDqopsApi } from './api-context';
import { lineageQueries } from './queries';
import type { TableLineageSourceSpec } from './types';


export function invalidateLink(queryClient: QueryClient, target: TableRef, source: TableRef): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: lineageQueries.sourcesOf(target) }),
    queryClient.invalidateQueries({ queryKey: lineageQueries.targetsOf(source) }),
    queryClient.invalidateQueries({ queryKey: lineageQueries.sourceKey(target, source) }),
    queryClient.invalidateQueries({ queryKey: lineageQueries.trees() }),
    // A traced column's path may run through the changed mappings.
    queryClient.invalidateQueries({ queryKey: lineageQueries.columnTraces() }),
  ]);
}

/** Links changing in a batch above this many: every lineage query is marked stale at once instead. */
const ONE_BY_ONE_UP_TO = 20;

/**
 * After many links were written (Save all, Roll back): invalidated once — 2,000 links invalidated
 * one by one made 10,000 passes over the query cache and as many refetches of the tree begun and
 * cancelled (a 3.4 s task at the end of a 2,000-link Save all).
 */
export function invalidateLinks(queryClient: QueryClient, links: readonly { target: TableRef; source: TableRef }[]): Promise<unknown> {
  if (links.length <= ONE_BY_ONE_UP_TO) return Promise.all(links.map((link) => invalidateLink(queryClient, link.target, link.source)));
  return queryClient.invalidateQueries({ queryKey: lineageQueries.all });
}

export interface SourceWrite {
  target: TableRef;
  spec: TableLineageSourceSpec;
}

export function useCreateSource() {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, spec }: SourceWrite) => api.createSource(target, spec),
    // Returning the promise keeps the mutation pending until the lists have refetched.
    onSuccess: (_void, { target, spec }) => invalidateLink(queryClient, target, sourceRefOf(spec)),
  });
}

export function useUpdateSource() {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, spec }: SourceWrite) => api.updateSource(target, spec),
    onSuccess: (_void, { target, spec }) => invalidateLink(queryClient, target, sourceRefOf(spec)),
  });
}

export function useDeleteSource() {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ target, source }: { target: TableRef; source: TableRef }) => api.deleteSource(target, source),
    onSuccess: (_void, { target, source }) => invalidateLink(queryClient, target, source),
  });
}
