// What the import reads from DQOps before it can say what a file changes: every table of the
// catalog (to match the file's datasets) and, for each target table of the file, the links DQOps
// stores. The source list has no tool (DQOps never fills data_lineage_source_tool in list rows,
// docs/dqops-contract.md), so each link the file also has, and each link an import wrote (for
// sync), is read on its own for its tool, properties and column mappings. A few requests at a
// time; progress is reported as tables read.
import { isStatus } from '@/api/errors';
import { setOwn } from '@/lib/own';
import type { DqopsApi } from '@/api/client';
import { eachLimited } from '@/lib/each-limited';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { edgeKey } from '@/features/lineage-graph/model/build-graph';
import type { StoredLink } from './model/plan';

// Six at a time: what a browser sends to one server over HTTP/1.1 at once.
const PARALLEL = 6;

export type Progress = (done: number, total: number) => void;

/**
 * Tells `progress` at most every 100 ms (and at the end): each report renders the dialog, and one
 * per table read (2,000 targets) made the report wait 30 s.
 */
function throttled(progress: Progress | undefined): Progress | undefined {
  if (!progress) return undefined;
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done < total && done > 0 && now - last < 100) return;
    last = now;
    progress(done, total);
  };
}

export interface Catalog {
  connections: string[];
  tables: TableRef[];
}

export async function readCatalog(api: DqopsApi, signal?: AbortSignal, progress?: Progress): Promise<Catalog> {
  const onProgress = throttled(progress);
  const connections = (await api.listConnections(signal)).map((c) => c.name);
  const schemas: { connection: string; schema: string }[] = [];
  await eachLimited(connections, PARALLEL, async (connection) => {
    for (const s of await api.listSchemas(connection, signal)) schemas.push({ connection, schema: s.name });
  });
  const tables: TableRef[] = [];
  let done = 0;
  onProgress?.(0, schemas.length);
  await eachLimited(schemas, PARALLEL, async ({ connection, schema }) => {
    for (const t of await api.listTables(connection, schema, {}, signal)) tables.push(t.ref);
    onProgress?.(++done, schemas.length);
  });
  return { connections, tables };
}

/**
 * Target tableKey → its stored links. `read`: whether a link's whole spec is needed (a link the file
 * has, or one an import wrote); the others are known by their names and properties only. A target
 * DQOps does not know (404) has no links.
 */
export async function readStoredLinks(
  api: DqopsApi,
  targets: readonly TableRef[],
  read: (edgeKey: string, properties: Record<string, string>) => boolean,
  signal?: AbortSignal,
  progress?: Progress,
): Promise<Map<string, StoredLink[]>> {
  const onProgress = throttled(progress);
  const stored = new Map<string, StoredLink[]>();
  let done = 0;
  onProgress?.(0, targets.length);
  await eachLimited(targets, PARALLEL, async (target) => {
    const targetKey = tableKey(target);
    let links: StoredLink[] = [];
    try {
      links = (await api.listSources(target, undefined, signal)).map((l) => ({ source: l.source, properties: l.properties }));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
    for (const link of links) {
      if (!read(edgeKey(tableKey(link.source), targetKey), link.properties)) continue;
      const spec = await api.getSource(target, link.source, signal);
      if (spec.data_lineage_source_tool) link.tool = spec.data_lineage_source_tool;
      const properties: Record<string, string> = {};
      for (const [k, v] of Object.entries(spec.properties ?? {})) if (typeof v === 'string') setOwn(properties, k, v);
      link.properties = properties;
      link.columns = spec.columns ?? {};
    }
    stored.set(targetKey, links);
    onProgress?.(++done, targets.length);
  });
  return stored;
}
