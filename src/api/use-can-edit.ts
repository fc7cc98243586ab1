import { useQuery } from '@tanstack/react-query';
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
