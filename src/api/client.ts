// The one typed DQOps client. Every call goes through `run`, which adds the API key, a timeout and
// turns every failure into an ApiError; responses are normalised (normalize.ts) before they leave.
import createClient from 'openapi-fetch';
import { sourceRefOf, type TableRef } from '@/lib/table-ref';
import type { paths } from './schema';
import type { CheckType, SchemaModel, TableLineageSourceSpec, TableListModel } from './types';
import { ApiError, isStatus, parseSpringError, type ApiOperation } from './errors';
import { isUnknownOutcome, judge, StoredElsewiseError, UnknownOutcomeError, unsettledLinks, type IntendedWrite } from './write-outcome';
import {
  normalizeColumn,
  normalizeConnection,
  normalizeLink,
  normalizeList,
  normalizeSchema,
  normalizeTable,
  normalizeTree,
  type ColumnSummary,
  type ConnectionSummary,
  type LineageLink,
  type LineageTree,
  type SchemaSummary,
  type TableSummary,
  type TargetsResult,
} from './normalize';

export type ApiKeySource = string | undefined | (() => string | undefined | Promise<string | undefined>);

export interface DqopsApiConfig {
  /** DQOps server origin, e.g. `http://localhost:8888`; empty = the page's own origin (proxy). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; no header at all when empty. */
  apiKey?: ApiKeySource;
  /** Per request; default 30 s. */
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export interface Direction {
  upstream: boolean;
  downstream: boolean;
}

/** findTables's filters: each a name or a `*` pattern; `page` from 1. */
export interface TableSearch {
  connection?: string;
  schema?: string;
  table?: string;
  page?: number;
  limit?: number;
}

export interface TableSearchResult {
  /** unsupported: the server has no table search (older than the operation). */
  state: 'ok' | 'unsupported';
  tables: TableSummary[];
}

export interface TableQuery {
  filter?: string;
  page?: number;
  limit?: number;
  checkType?: CheckType;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const TABLE_PATH = '/api/connections/{connectionName}/schemas/{schemaName}/tables/{tableName}' as const;
const SOURCE_PATH =
  '/api/connections/{connectionName}/schemas/{schemaName}/tables/{tableName}/lineage/sources/{sourceConnection}/schemas/{sourceSchema}/tables/{sourceTable}' as const;

/** Names that cannot travel in one URL segment: browsers and servers normalise `.` and `..` away. */
export function unsendableNameReason(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return `"${name}" cannot be used in a DQOps address`;
  return undefined;
}

function assertSendable(operation: ApiOperation, parts: Record<string, string>): void {
  for (const [label, name] of Object.entries(parts)) {
    const reason = unsendableNameReason(name);
    if (reason) {
      throw new ApiError({ kind: 'invalid-request', operation, message: `The ${label} name ${reason}.` });
    }
  }
}

function tablePath(ref: TableRef) {
  return { connectionName: ref.connection, schemaName: ref.schema, tableName: ref.table };
}

function sourcePath(target: TableRef, source: TableRef) {
  return { ...tablePath(target), sourceConnection: source.connection, sourceSchema: source.schema, sourceTable: source.table };
}

function refParts(prefix: string, ref: TableRef): Record<string, string> {
  return { [`${prefix}connection`]: ref.connection, [`${prefix}schema`]: ref.schema, [`${prefix}table`]: ref.table };
}


function resolveBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  // Node's Request (tests, tools) needs absolute URLs; in the browser this is the page's origin.
  const origin = globalThis.location?.origin ?? 'http://localhost';
  return new URL(trimmed || '/', origin).href.replace(/\/+$/, '');
}

interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export function createDqopsApi(config: DqopsApiConfig) {
  const baseUrl = resolveBaseUrl(config.baseUrl);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = createClient<paths>({
    baseUrl,
    // Looked up on every call, not captured: MSW (tests) and embedders may replace fetch later.
    fetch: (request) => (config.fetch ?? globalThis.fetch)(request),
  });
  client.use({
    async onRequest({ request }) {
      const key = typeof config.apiKey === 'function' ? await config.apiKey() : config.apiKey;
      if (key) request.headers.set('Authorization', `Bearer ${key}`);
      return request;
    },
  });

  /** Runs one request with a timeout; returns the response or throws an ApiError. */
  async function run<R extends RawResult>(
    operation: ApiOperation,
    signal: AbortSignal | undefined,
    send: (signal: AbortSignal) => Promise<R>,
    accept: (response: Response, error: unknown) => boolean = () => false,
  ): Promise<R> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const result = await send(controller.signal);
      if (!result.response.ok && !accept(result.response, result.error)) {
        const bodyless = result.error === undefined || result.error === null || result.error === '';
        throw new ApiError({ kind: 'http', status: result.response.status, operation, spring: parseSpringError(result.error), bodyless });
      }
      return result;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (timedOut) throw new ApiError({ kind: 'timeout', operation, cause: error });
      if (signal?.aborted) throw error; // cancelled by the caller (React Query): not a failure
      if (error instanceof SyntaxError) throw new ApiError({ kind: 'invalid-response', operation, cause: error });
      throw new ApiError({ kind: 'network', operation, cause: error });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  function requireBody<T>(operation: ApiOperation, data: T | undefined): T {
    if (data === undefined || data === null || typeof data !== 'object') {
      throw new ApiError({ kind: 'invalid-response', operation, message: 'The DQOps server sent an empty or unreadable answer.' });
    }
    return data;
  }

  /** An answer that must be one JSON object (a tree, a spec, a table), not a list. */
  function requireObject<T>(operation: ApiOperation, data: T | undefined): T {
    const body = requireBody(operation, data);
    if (Array.isArray(body)) {
      throw new ApiError({ kind: 'invalid-response', operation, message: 'The DQOps server sent a list where one object was expected.' });
    }
    return body;
  }

  const unsettled = unsettledLinks();

  async function readStored(write: IntendedWrite): Promise<TableLineageSourceSpec | undefined> {
    try {
      return await api.getSource(write.target, write.source);
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /**
   * Sends a write and makes sure its outcome is known before anything is said (write-outcome.ts):
   * after a lost answer the stored spec is read; a write that was carried out resolves as if
   * answered, one that was not rejects with its failure, and a link someone else changed rejects
   * with StoredElsewiseError. A link whose last outcome stayed unknown is checked before it is sent.
   */
  async function write(intended: IntendedWrite, send: () => Promise<unknown>): Promise<void> {
    if (unsettled.has(intended)) {
      const stored = await readStored(intended);
      const verdict = judge(intended, stored);
      if (verdict === 'done') return unsettled.settle(intended);
      if (verdict === 'elsewise') {
        unsettled.settle(intended);
        throw new StoredElsewiseError(intended.operation, intended.spec, stored);
      }
    }
    try {
      await send();
      unsettled.settle(intended);
    } catch (failure) {
      if (!isUnknownOutcome(failure)) {
        unsettled.settle(intended);
        throw failure;
      }
      let stored: TableLineageSourceSpec | undefined;
      try {
        stored = await readStored(intended);
      } catch (check) {
        unsettled.add(intended);
        throw new UnknownOutcomeError(intended.operation, failure, check);
      }
      const verdict = judge(intended, stored);
      if (verdict === 'done') return unsettled.settle(intended);
      // Not carried out so far; a write that timed out may still arrive, so the next one checks first.
      unsettled.add(intended);
      if (verdict === 'not-done') throw failure;
      throw new StoredElsewiseError(intended.operation, intended.spec, stored);
    }
  }

  const api = {
    baseUrl,

    async listConnections(signal?: AbortSignal): Promise<ConnectionSummary[]> {
      const { data } = await run('list connections', signal, (s) => client.GET('/api/connections', { signal: s }));
      return normalizeList(requireBody('list connections', data), normalizeConnection);
    },

    async listSchemas(connection: string, signal?: AbortSignal): Promise<SchemaSummary[]> {
      assertSendable('list schemas', { connection });
      const { data } = await run('list schemas', signal, (s) =>
        client.GET('/api/connections/{connectionName}/schemas', { params: { path: { connectionName: connection } }, signal: s }),
      );
      return normalizeList(requireBody('list schemas', data), (m: SchemaModel) => normalizeSchema(m, connection));
    },

    async listTables(connection: string, schema: string, query: TableQuery = {}, signal?: AbortSignal): Promise<TableSummary[]> {
      assertSendable('list tables', { connection, schema });
      const { data } = await run('list tables', signal, (s) =>
        client.GET('/api/connections/{connectionName}/schemas/{schemaName}/tables', {
          params: { path: { connectionName: connection, schemaName: schema }, query },
          signal: s,
        }),
      );
      return normalizeList(requireBody('list tables', data), (m: TableListModel) => normalizeTable(m, connection));
    },

    /**
     * findTables: tables of every connection whose names match DQOps's patterns (`name`, `*suffix`,
     * `prefix*`, `*contains*`; case-insensitive, inferred from getTables). `unsupported`: a server
     * without the operation (Spring's 404 with its error JSON).
     */
    async findTables(query: TableSearch, signal?: AbortSignal): Promise<TableSearchResult> {
      const unsupported = (response: Response, error: unknown) => response.status === 404 && parseSpringError(error) !== undefined;
      const { data, response } = await run('search tables', signal, (s) => client.GET('/api/search/tables', { params: { query }, signal: s }), unsupported);
      if (response.status === 404) return { state: 'unsupported', tables: [] };
      // Rows name their connection themselves; one without it cannot be opened.
      const tables = normalizeList(requireBody('search tables', data), (m: TableListModel) => (typeof m.connection_name === 'string' ? normalizeTable(m, m.connection_name) : undefined));
      return { state: 'ok', tables };
    },

    async getTable(table: TableRef, signal?: AbortSignal): Promise<TableSummary> {
      assertSendable('read table', refParts('', table));
      const { data } = await run('read table', signal, (s) =>
        client.GET(`${TABLE_PATH}/basic`, { params: { path: tablePath(table) }, signal: s }),
      );
      const summary = normalizeTable(requireObject('read table', data), table.connection);
      if (!summary) throw new ApiError({ kind: 'invalid-response', operation: 'read table' });
      return summary;
    },

    async listColumns(table: TableRef, options: { dataQualityStatus?: boolean; checkType?: CheckType } = {}, signal?: AbortSignal): Promise<ColumnSummary[]> {
      assertSendable('list columns', refParts('', table));
      const { data } = await run('list columns', signal, (s) =>
        client.GET(`${TABLE_PATH}/columns`, { params: { path: tablePath(table), query: options }, signal: s }),
      );
      return normalizeList(requireBody('list columns', data), normalizeColumn);
    },

    async getLineageTree(table: TableRef, direction: Direction, signal?: AbortSignal): Promise<LineageTree> {
      assertSendable('read lineage', refParts('', table));
      const { data } = await run('read lineage', signal, (s) =>
        client.GET(`${TABLE_PATH}/lineage/tree`, { params: { path: tablePath(table), query: direction }, signal: s }),
      );
      const tree = normalizeTree(requireObject('read lineage', data), table);
      return tree;
    },

    async listSources(table: TableRef, checkType?: CheckType, signal?: AbortSignal): Promise<LineageLink[]> {
      assertSendable('list source tables', refParts('', table));
      const { data } = await run('list source tables', signal, (s) =>
        client.GET(`${TABLE_PATH}/lineage/sources`, { params: { path: tablePath(table), query: { checkType } }, signal: s }),
      );
      return normalizeList(requireBody('list source tables', data), normalizeLink);
    },

    async listTargets(table: TableRef, checkType?: CheckType, signal?: AbortSignal): Promise<TargetsResult> {
      assertSendable('list target tables', refParts('', table));
      // A 2024-09 server has no such route: Spring answers 404 *with* its error JSON, while a
      // missing table gets an empty 404 from the lineage controller itself.
      const unsupported = (response: Response, error: unknown) => response.status === 404 && parseSpringError(error) !== undefined;
      const { data, response } = await run(
        'list target tables',
        signal,
        (s) => client.GET(`${TABLE_PATH}/lineage/targets`, { params: { path: tablePath(table), query: { checkType } }, signal: s }),
        unsupported,
      );
      if (response.status === 404) return { state: 'unsupported', links: [] };
      const links = normalizeList(data ?? [], normalizeLink);
      return { state: response.status === 203 ? 'partial' : 'complete', links };
    },

    async getSource(target: TableRef, source: TableRef, signal?: AbortSignal): Promise<TableLineageSourceSpec> {
      assertSendable('read source table', { ...refParts('', target), ...refParts('source ', source) });
      const { data } = await run('read source table', signal, (s) =>
        client.GET(SOURCE_PATH, { params: { path: sourcePath(target, source) }, signal: s }),
      );
      return requireObject('read source table', data);
    },

    /** POST: 201 with an empty body. The path is built from the spec's own names (else 406). */
    async createSource(target: TableRef, spec: TableLineageSourceSpec, signal?: AbortSignal): Promise<void> {
      const source = sourceRefOf(spec);
      assertSendable('add source table', { ...refParts('', target), ...refParts('source ', source) });
      await write({ operation: 'add source table', target, source, spec }, () =>
        run('add source table', signal, (s) => client.POST(SOURCE_PATH, { params: { path: sourcePath(target, source) }, body: spec, signal: s })),
      );
    },

    /**
     * PUT replaces the whole stored object (204): send every field, not only the edited ones.
     * `expected`: what the caller believes is stored now; after a lost answer it tells "not saved"
     * from "changed by someone else".
     */
    async updateSource(target: TableRef, spec: TableLineageSourceSpec, options: { expected?: TableLineageSourceSpec; signal?: AbortSignal } = {}): Promise<void> {
      const source = sourceRefOf(spec);
      assertSendable('update source table', { ...refParts('', target), ...refParts('source ', source) });
      await write({ operation: 'update source table', target, source, spec, expected: options.expected }, () =>
        run('update source table', options.signal, (s) => client.PUT(SOURCE_PATH, { params: { path: sourcePath(target, source) }, body: spec, signal: s })),
      );
    },

    async deleteSource(target: TableRef, source: TableRef, signal?: AbortSignal): Promise<void> {
      assertSendable('delete source table', { ...refParts('', target), ...refParts('source ', source) });
      await write({ operation: 'delete source table', target, source }, () =>
        run('delete source table', signal, (s) => client.DELETE(SOURCE_PATH, { params: { path: sourcePath(target, source) }, signal: s })),
      );
    },
  };
  return api;
}

export type DqopsApi = ReturnType<typeof createDqopsApi>;
