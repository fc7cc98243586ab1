// The seven lineage operations, with DQOps's order of checks and status codes (docs/dqops-contract.md §2).
import { http, HttpResponse } from 'msw';
import { sourceRefOf, tableKey, type TableRef } from '@/lib/table-ref';
import type { DomainConnectionTableKey, TableCurrentDataQualityStatusModel, TableLineageModel, TableLineageSourceSpec, TableLineageTableListModel } from '@/api/types';
import { afterWrite, type MockContext } from '../context';
import { buildLineageTree, toLegacyTree } from '../lineage-tree';
import { statusOf } from '../store';
import { answerWrite, canEdit, checkTypeParam, empty, guard, queryBoolean, sourceFromParams, springError, tableFromParams } from './common';
import { setOwn } from '@/lib/own';

const TABLE = '*/api/connections/:connectionName/schemas/:schemaName/tables/:tableName';
const SOURCE = `${TABLE}/lineage/sources/:sourceConnection/schemas/:sourceSchema/tables/:sourceTable`;

function statusForList(ctx: MockContext, ref: TableRef): TableCurrentDataQualityStatusModel {
  const table = ctx.store.table(ref);
  if (!table || !ctx.store.hasConnection(ref.connection)) {
    // The stub DQOps sends for a table it does not know (docs/dqops-contract.md §2.2).
    return {
      data_domain: '',
      connection_name: ref.connection,
      schema_name: ref.schema,
      table_name: ref.table,
      executed_checks: 0,
      valid_results: 0,
      warnings: 0,
      errors: 0,
      fatals: 0,
      execution_errors: 0,
      checks: {},
      columns: {},
      dimensions: {},
      table_exist: false,
    };
  }
  return statusOf(table);
}

/** A list row; without `status` while DQOps's status cache is still loading it (the row then has no status field). */
function listRow(ctx: MockContext, target: TableRef, spec: TableLineageSourceSpec, status: TableCurrentDataQualityStatusModel | undefined) {
  const row: TableLineageTableListModel = {
    target_connection: target.connection,
    target_schema: target.schema,
    target_table: target.table,
    source_connection: spec.source_connection,
    source_schema: spec.source_schema,
    source_table: spec.source_table,
    // data_lineage_source_tool is never copied into list rows by DQOps.
    properties: spec.properties && Object.keys(spec.properties).length > 0 ? spec.properties : undefined,
    can_edit: canEdit(ctx),
  };
  if (!status) return row;
  if (ctx.options.generation === '2024-09') return { ...row, source_table_data_quality_status: status };
  return { ...row, table_data_quality_status: status };
}

/**
 * DQOps's table status cache under the 'realistic' warm-up: a status not asked for before is not
 * there yet (left out of the answer) and is loaded for the next call.
 */
function statusLoaded(ctx: MockContext, ref: TableRef): boolean {
  if (ctx.options.cacheWarmup !== 'realistic' || ctx.options.generation === '2024-09') return true;
  const key = tableKey(ref);
  if (ctx.statusLoaded.has(key)) return true;
  ctx.statusLoaded.add(key);
  return false;
}

const refOfKey = (key: DomainConnectionTableKey | undefined): TableRef => ({
  connection: key?.connection_name ?? '',
  schema: key?.physical_table_name?.schema_name ?? '',
  table: key?.physical_table_name?.table_name ?? '',
});

/**
 * Leaves out of a tree the statuses DQOps's status cache does not hold yet (a flow's source and
 * target statuses, and the combined status, which needs both); true when any was left out.
 */
function leaveOutLoadingStatuses(ctx: MockContext, model: TableLineageModel): boolean {
  if (ctx.options.cacheWarmup !== 'realistic') return false;
  const refs = new Map<string, TableRef>();
  const root = refOfKey(model.relative_table);
  refs.set(tableKey(root), root);
  for (const flow of model.flows ?? []) {
    for (const ref of [refOfKey(flow.source_table), refOfKey(flow.target_table)]) refs.set(tableKey(ref), ref);
  }
  const loading = new Set([...refs].filter(([, ref]) => !statusLoaded(ctx, ref)).map(([key]) => key));
  if (loading.size === 0) return false;
  for (const flow of model.flows ?? []) {
    const source = loading.has(tableKey(refOfKey(flow.source_table)));
    const target = loading.has(tableKey(refOfKey(flow.target_table)));
    if (source) delete flow.source_table_quality_status;
    if (target) delete flow.target_table_quality_status;
    if (source || target) delete flow.upstream_combined_quality_status;
  }
  if (loading.has(tableKey(root))) delete model.relative_table_cumulative_quality_status;
  return true;
}


/** Reads a JSON body as Spring does: 415 for other content types, 400 for a missing or broken body. */
async function readSpec(request: Request): Promise<TableLineageSourceSpec | Response> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    return springError(request, 415, `Content type '${contentType || 'application/octet-stream'}' not supported`);
  }
  const text = await request.text();
  if (!text.trim()) return springError(request, 400, 'No request body');
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return springError(request, 400, 'Failed to read HTTP message');
    return body as TableLineageSourceSpec; // unknown properties are ignored by Jackson, as here
  } catch {
    return springError(request, 400, 'Failed to read HTTP message');
  }
}

/** Removes what Jackson would not write: nulls and empty maps/sets (NON_NULL / NON_EMPTY). */
function clean(spec: TableLineageSourceSpec): TableLineageSourceSpec {
  const out: TableLineageSourceSpec = {};
  if (typeof spec.source_connection === 'string') out.source_connection = spec.source_connection;
  if (typeof spec.source_schema === 'string') out.source_schema = spec.source_schema;
  if (typeof spec.source_table === 'string') out.source_table = spec.source_table;
  if (typeof spec.data_lineage_source_tool === 'string') out.data_lineage_source_tool = spec.data_lineage_source_tool;
  if (spec.properties && typeof spec.properties === 'object' && Object.keys(spec.properties).length > 0) out.properties = { ...spec.properties };
  if (spec.columns && typeof spec.columns === 'object') {
    const columns: NonNullable<TableLineageSourceSpec['columns']> = {};
    for (const [name, column] of Object.entries(spec.columns)) {
      if (!column || typeof column !== 'object') continue;
      const entry: (typeof columns)[string] = {};
      if (Array.isArray(column.source_columns) && column.source_columns.length > 0) {
        entry.source_columns = [...new Set(column.source_columns.filter((c) => typeof c === 'string'))]; // a set in DQOps
      }
      if (column.properties && Object.keys(column.properties).length > 0) entry.properties = { ...column.properties };
      setOwn(columns, name, entry);
    }
    if (Object.keys(columns).length > 0) out.columns = columns;
  }
  return out;
}

const sameNames = (spec: TableLineageSourceSpec, path: TableRef) =>
  spec.source_connection === path.connection && spec.source_schema === path.schema && spec.source_table === path.table;

export function lineageHandlers(ctx: MockContext) {
  const store = ctx.store;
  const targetExists = (ref: TableRef) => store.hasConnection(ref.connection) && store.table(ref) !== undefined;

  return [
    http.get(`${TABLE}/lineage/tree`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const ref = tableFromParams(params);
      if (!targetExists(ref)) return empty(404);
      const url = new URL(request.url);
      const upstream = queryBoolean(url, 'upstream', true);
      const downstream = queryBoolean(url, 'downstream', true);
      if (upstream === 'invalid' || downstream === 'invalid') return springError(request, 400, 'Type mismatch.');
      const model = buildLineageTree(store, ref, upstream, downstream);
      if (ctx.options.generation === '2024-09') return HttpResponse.json(toLegacyTree(model));
      if (leaveOutLoadingStatuses(ctx, model)) model.data_lineage_fully_loaded = false;
      if (ctx.options.cacheWarmup === 'never') model.data_lineage_fully_loaded = false;
      else if (ctx.treeCallsLoading > 0) {
        ctx.treeCallsLoading -= 1;
        model.data_lineage_fully_loaded = false;
      }
      return HttpResponse.json(model);
    }),

    http.get(`${TABLE}/lineage/sources`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const ref = tableFromParams(params);
      if (!targetExists(ref)) return empty(404);
      if (checkTypeParam(new URL(request.url)) === 'invalid') return springError(request, 400, 'Type mismatch.');
      const sources = store.table(ref)?.sources ?? [];
      return HttpResponse.json(
        sources.map((spec) => {
          const source = sourceRefOf(spec);
          if (!statusLoaded(ctx, source)) return listRow(ctx, ref, spec, undefined);
          // 2024-09 looked the source up in the *target's* connection (docs/dqops-contract.md §2.2).
          const lookedUp = ctx.options.generation === '2024-09' ? { ...source, connection: ref.connection } : source;
          return listRow(ctx, ref, spec, { ...statusForList(ctx, lookedUp), connection_name: source.connection });
        }),
      );
    }),

    http.get(`${TABLE}/lineage/targets`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      if (ctx.options.generation === '2024-09') return springError(request, 404, 'No static resource.'); // no such route
      const ref = tableFromParams(params);
      if (!targetExists(ref)) return empty(404);
      if (checkTypeParam(new URL(request.url)) === 'invalid') return springError(request, 400, 'Type mismatch.');
      const key = tableKey(ref);
      if (ctx.options.cacheWarmup === 'never') return HttpResponse.json([], { status: 203 });
      // DQOps quirk (docs/dqops-contract.md §2.3): every row carries the *requested* table's status.
      const status = statusLoaded(ctx, ref) ? statusForList(ctx, ref) : undefined;
      const rows = store.targetsOf(ref).map(({ target, spec }) => listRow(ctx, target.ref, spec, status));
      if (ctx.options.cacheWarmup === 'off' || ctx.targetsLoaded.has(key)) return HttpResponse.json(rows);
      // The lineage cache: no entry yet → 203 [] and a load is queued; loading → 203 with what is known; then 200.
      if (!ctx.targetsLoading.has(key)) {
        ctx.targetsLoading.add(key);
        return HttpResponse.json([], { status: 203 });
      }
      ctx.targetsLoading.delete(key);
      ctx.targetsLoaded.add(key);
      return HttpResponse.json(rows.slice(0, Math.ceil(rows.length / 2)), { status: 203 });
    }),

    http.get(SOURCE, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const target = tableFromParams(params);
      if (!targetExists(target)) return empty(404);
      const spec = store.getSource(target, sourceFromParams(params));
      return spec ? HttpResponse.json(spec) : empty(404);
    }),

    http.post(SOURCE, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'write');
      if (denied) return denied;
      const body = await readSpec(request);
      if (body instanceof Response) return body;
      const target = tableFromParams(params);
      const source = sourceFromParams(params);
      if (!targetExists(target)) return empty(404);
      if (!sameNames(body, source)) return empty(406);
      if (store.getSource(target, source)) return answerWrite(ctx, request, empty(409));
      store.addSource(target, clean(body));
      afterWrite(ctx, target, source);
      return answerWrite(ctx, request, empty(201));
    }),

    http.put(SOURCE, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'write');
      if (denied) return denied;
      const body = await readSpec(request);
      if (body instanceof Response) return body;
      const target = tableFromParams(params);
      const source = sourceFromParams(params);
      if (!targetExists(target)) return empty(404);
      if (!store.getSource(target, source)) return empty(404);
      if (!sameNames(body, source)) return empty(406);
      store.replaceSource(target, clean(body));
      afterWrite(ctx, target, source);
      return answerWrite(ctx, request, empty(204));
    }),

    http.delete(SOURCE, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'write');
      if (denied) return denied;
      const target = tableFromParams(params);
      const source = sourceFromParams(params);
      if (!targetExists(target) || !store.getSource(target, source)) return answerWrite(ctx, request, empty(404));
      store.removeSource(target, source);
      afterWrite(ctx, target, source);
      return answerWrite(ctx, request, empty(204));
    }),
  ];
}
