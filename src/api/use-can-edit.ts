import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDqopsApi } from './api-context';
import { catalogQueries } from './queries';

/**
 * Whether the user may change lineage stored on tables of `connection`: DQOps's `can_edit`.
 * Undefined while unknown. The server still decides (403 is handled where writes happen).
 */
export function useCanEdit(connection: string | undefined): boolean | undefined {
  const api = useDqopsApi();
  const connections = useQuery(catalogQueries.connections(api));
  if (!connection || !connections.data) return undefined;
  return connections.data.find((c) => c.name === connection)?.canEdit ?? false;
}

/** Names of the connections whose tables the user may change lineage on. */
export function useEditableConnections(): ReadonlySet<string> {
  const api = useDqopsApi();
  const connections = useQuery(catalogQueries.connections(api));
  return useMemo(() => new Set((connections.data ?? []).filter((c) => c.canEdit).map((c) => c.name)), [connections.data]);
}

/** True once DQOps has said that the user may change lineage on none of the connections (a viewer). */
export function useReadOnly(): boolean {
  const api = useDqopsApi();
  const connections = useQuery(catalogQueries.connections(api));
  return connections.data !== undefined && connections.data.length > 0 && !connections.data.some((c) => c.canEdit);
}
