// queryOptions factories, one per resource. Keys are built here only; call sites never write keys.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { searchLists } from './search-lists';
import { tableKey, type TableRef } from '@/lib/table-ref';
import type { DqopsApi, Direction, TableQuery, TableSearch } from './client';
import type { CheckType } from './types';

export const catalogQueries = {
  all: ['dqops'] as const,
  connections: (api: DqopsApi) =>
    queryOptions({
      queryKey: [...catalogQueries.all, 'connections'] as const,
      queryFn: ({ signal }) => api.listConnections(signal),
      staleTime: 60_000,
    }),
  schemas: (api: DqopsApi, connection: string) =>
    queryOptions({
      queryKey: [...catalogQueries.all, 'schemas', connection] as const,
      queryFn: ({ signal }) => api.listSchemas(connection, signal),
      staleTime: 60_000,
    }),
  tables: (api: DqopsApi, connection: string, schema: string, query: TableQuery = {}) =>
    queryOptions({
      queryKey: [...catalogQueries.all, 'tables', connection, schema, query] as const,
      queryFn: ({ signal }) => api.listTables(connection, schema, query, signal),
      staleTime: 60_000,
    }),
  search: (api: DqopsApi, query: TableSearch) =>
    queryOptions({
      queryKey: [...catalogQueries.all, 'search', query] as const,
      queryFn: ({ signal }) => api.findTables(query, signal),
      staleTime: 60_000,
    }),
  /** Tables named like `pattern` found through the catalog lists (a server without table search); the lists read are cached as such. */
  searchLists: (api: DqopsApi, queryClient: QueryClient, pattern: string, limit: number) =>
    // Like every key here, not the API client: one per app (and QueryClient), not part of the data.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: [...catalogQueries.all, 'search-lists', pattern, limit] as const,
      queryFn: () =>
        searchLists(
          {
            connections: () => queryClient.fetchQuery(catalogQueries.connections(api)),
            schemas: (connection) => queryClient.fetchQuery(catalogQueries.schemas(api, connection)),
            tables: (connection, schema, filter) => queryClient.fetchQuery(catalogQueries.tables(api, connection, schema, { filter })),
          },
          pattern,
          limit,
        ),
      staleTime: 60_000,
    }),
  table: (api: DqopsApi, table: TableRef) =>
    queryOptions({
      queryKey: [...catalogQueries.all, 'table', tableKey(table)] as const,
      queryFn: ({ signal }) => api.getTable(table, signal),
      staleTime: 60_000,
    }),
  columns: (api: DqopsApi, table: TableRef, options: { dataQualityStatus?: boolean } = { dataQualityStatus: false }) =>
    queryOptions({
      queryKey: [...catalogQueries.all, 'columns', tableKey(table), options] as const,
      queryFn: ({ signal }) => api.listColumns(table, options, signal),
      staleTime: 60_000,
    }),
};

export const lineageQueries = {
  all: ['lineage'] as const,
  trees: () => [...lineageQueries.all, 'tree'] as const,
  tree: (api: DqopsApi, table: TableRef, direction: Direction) =>
    queryOptions({
      queryKey: [...lineageQueries.trees(), tableKey(table), direction] as const,
      queryFn: ({ signal }) => api.getLineageTree(table, direction, signal),
      staleTime: 30_000,
    }),
  sourcesOf: (table: TableRef) => [...lineageQueries.all, 'sources', tableKey(table)] as const,
  sources: (api: DqopsApi, table: TableRef, checkType?: CheckType) =>
    queryOptions({
      queryKey: [...lineageQueries.sourcesOf(table), checkType ?? 'all'] as const,
      queryFn: ({ signal }) => api.listSources(table, checkType, signal),
      staleTime: 30_000,
    }),
  targetsOf: (table: TableRef) => [...lineageQueries.all, 'targets', tableKey(table)] as const,
  targets: (api: DqopsApi, table: TableRef, checkType?: CheckType) =>
    queryOptions({
      queryKey: [...lineageQueries.targetsOf(table), checkType ?? 'all'] as const,
      queryFn: ({ signal }) => api.listTargets(table, checkType, signal),
      staleTime: 30_000,
    }),
  /** Column traces (features/lineage-graph): keyed under this prefix so that writes can refresh them. */
  columnTraces: () => [...lineageQueries.all, 'column-trace'] as const,
  sourceKey: (target: TableRef, source: TableRef) => [...lineageQueries.all, 'source', tableKey(target), tableKey(source)] as const,
  source: (api: DqopsApi, target: TableRef, source: TableRef) =>
    queryOptions({
      queryKey: lineageQueries.sourceKey(target, source),
      queryFn: ({ signal }) => api.getSource(target, source, signal),
      staleTime: 0,
    }),
};
