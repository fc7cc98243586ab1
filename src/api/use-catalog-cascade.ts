import { useQuery } from '@tanstack/react-query';
import { useDqopsApi } from './api-context';
import { catalogQueries } from './queries';

/** A place in DQOps's catalog: a connection, a schema in it, a table in that. Any level may be unset. */
export interface TablePath {
  connection?: string;
  schema?: string;
  table?: string;
}

/**
 * The catalog lists behind a connection → schema → table choice (the table picker, the source
 * editor, the draft's stage form), each asked for once the level above it is chosen, and whether
 * each chosen name is one DQOps knows. `onlyKnown`: where names can be typed freely (a source
 * DQOps does not monitor), a level's list is asked for only under a name DQOps listed, so a typed
 * name costs no 404.
 */
export function useCatalogCascade(path: TablePath, { onlyKnown = false } = {}) {
  const api = useDqopsApi();
  const { connection = '', schema = '', table = '' } = path;
  const connections = useQuery(catalogQueries.connections(api));
  const connectionKnown = connection !== '' && !!connections.data?.some((c) => c.name === connection);
  const schemas = useQuery({ ...catalogQueries.schemas(api, connection), enabled: onlyKnown ? connectionKnown : connection !== '' });
  const schemaKnown = schema !== '' && !!schemas.data?.some((s) => s.name === schema);
  const tables = useQuery({ ...catalogQueries.tables(api, connection, schema), enabled: onlyKnown ? schemaKnown : connection !== '' && schema !== '' });
  const tableKnown = table !== '' && !!tables.data?.some((t) => t.ref.table === table);
  return { connections, schemas, tables, known: { connection: connectionKnown, schema: schemaKnown, table: tableKnown } };
}

export type CatalogCascade = ReturnType<typeof useCatalogCascade>;
