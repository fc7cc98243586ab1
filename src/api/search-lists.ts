// Searching tables by name through the catalog lists, for a DQOps server without table search
// (findTables): each connection's schemas, then each schema's tables filtered by DQOps's name
// pattern, a few requests at a time, until enough are found or LIST_SEARCH_SCHEMAS schemas are read.
import { eachLimited } from '@/lib/each-limited';
import type { ConnectionSummary, SchemaSummary, TableSummary } from './view-models';

/** Schemas searched through the lists at most, and requests at once. */
export const LIST_SEARCH_SCHEMAS = 60;
const LIST_SEARCH_PARALLEL = 4;

export interface ListSearch {
  tables: TableSummary[];
  schemasSearched: number;
  schemas: number;
}

export interface CatalogReads {
  connections(): Promise<ConnectionSummary[]>;
  schemas(connection: string): Promise<SchemaSummary[]>;
  tables(connection: string, schema: string, filter: string): Promise<TableSummary[]>;
}

export async function searchLists(read: CatalogReads, pattern: string, limit: number): Promise<ListSearch> {
  const connections = await read.connections();
  const pairs: { connection: string; schema: string }[] = [];
  await eachLimited(
    connections,
    LIST_SEARCH_PARALLEL,
    async (c) => {
      for (const s of await read.schemas(c.name)) pairs.push({ connection: c.name, schema: s.name });
    },
    () => false,
  );
  pairs.sort((a, b) => (a.connection < b.connection ? -1 : a.connection > b.connection ? 1 : a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : 0));
  const tables: TableSummary[] = [];
  const searched = await eachLimited(
    pairs.slice(0, LIST_SEARCH_SCHEMAS),
    LIST_SEARCH_PARALLEL,
    async ({ connection, schema }) => {
      tables.push(...(await read.tables(connection, schema, pattern)));
    },
    () => tables.length >= limit,
  );
  return { tables: tables.slice(0, limit), schemasSearched: searched, schemas: pairs.length };
}
