// GET /api/connections, …/schemas, …/tables, …/basic, …/columns (docs/dqops-contract.md §6).
import { http, HttpResponse } from 'msw';
import type { ColumnListModel, ConnectionModel, SchemaModel, TableListModel } from '@/api/types';
import type { MockContext } from '../context';
import { statusOf, type MockTable } from '../store';
import { canEdit, checkTypeParam, empty, guard, queryBoolean, springError, tableFromParams } from './common';

const BASE = '*/api/connections';

function tableModel(ctx: MockContext, table: MockTable, withStatus: boolean): TableListModel {
  const editable = canEdit(ctx);
  return {
    connection_name: table.ref.connection,
    table_hash: 0,
    target: { schema_name: table.ref.schema, table_name: table.ref.table },
    labels: table.labels.length > 0 ? table.labels : undefined,
    disabled: table.disabled || undefined,
    has_any_configured_checks: table.quality !== null,
    has_any_configured_monitoring_checks: table.quality !== null,
    data_quality_status: withStatus ? shallow(statusOf(table)) : undefined,
    yaml_parsing_error: table.yamlError,
    can_edit: editable,
    can_collect_statistics: editable,
    can_run_checks: editable,
    can_delete_data: editable,
  };
}

/** Lists carry a shallow status: no per-check or per-column detail. */
function shallow<T extends { checks?: unknown; columns?: unknown }>(status: T): T {
  const copy = { ...status };
  delete copy.checks;
  delete copy.columns;
  return copy;
}

/** DQOps's `StringPatternComparer`: `*` wildcards, case-insensitive, whole name. */
function matchesPattern(name: string, pattern: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return regex.test(name);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `page` (from 1) and `limit` as DQOps pages its lists: neither → everything; `page` alone → 100 a
 * page; a value below 1 → 406; not a number → 400.
 */
function pagingOf(request: Request, url: URL): (<T>(rows: T[]) => T[]) | Response {
  const pageRaw = url.searchParams.get('page');
  const limitRaw = url.searchParams.get('limit');
  const page = pageRaw === null ? undefined : Number(pageRaw);
  const limit = limitRaw === null ? undefined : Number(limitRaw);
  if ((page !== undefined && !Number.isInteger(page)) || (limit !== undefined && !Number.isInteger(limit))) {
    return springError(request, 400, 'Type mismatch.');
  }
  if ((page !== undefined && page < 1) || (limit !== undefined && limit < 1)) return empty(406);
  if (page === undefined && limit === undefined) return (rows) => rows;
  const size = limit ?? 100;
  const start = ((page ?? 1) - 1) * size;
  return (rows) => rows.slice(start, start + size);
}

export function catalogHandlers(ctx: MockContext) {
  return [
    http.get(BASE, async ({ request }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const editable = canEdit(ctx);
      const body: ConnectionModel[] = ctx.store.connections().map((c) => ({
        connection_name: c.name,
        connection_hash: 0,
        parallel_jobs_limit: 2,
        // provider_type is a growing enum; the store may hold values this description lacks.
        provider_type: c.provider as ConnectionModel['provider_type'],
        can_edit: editable,
        can_collect_statistics: editable,
        can_run_checks: editable,
        can_delete_data: editable,
      }));
      return HttpResponse.json(body);
    }),

    http.get(`${BASE}/:connectionName/schemas`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const connection = tableFromParams(params).connection;
      if (!ctx.store.hasConnection(connection)) return empty(404);
      const editable = canEdit(ctx);
      const body: SchemaModel[] = ctx.store.schemas(connection).map((schema) => ({
        connection_name: connection,
        schema_name: schema,
        can_edit: editable,
        can_collect_statistics: editable,
        can_run_checks: editable,
        can_delete_data: editable,
      }));
      return HttpResponse.json(body);
    }),

    http.get(`${BASE}/:connectionName/schemas/:schemaName/tables`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const { connection, schema } = tableFromParams(params);
      if (!ctx.store.hasConnection(connection)) return empty(404);
      const url = new URL(request.url);
      if (checkTypeParam(url) === 'invalid') return springError(request, 400, 'Type mismatch.');
      const paging = pagingOf(request, url);
      if (paging instanceof Response) return paging;
      const filter = url.searchParams.get('filter');
      const labels = url.searchParams.getAll('label');
      let tables = ctx.store.tables(connection, schema);
      if (filter) tables = tables.filter((t) => matchesPattern(t.ref.table, filter));
      if (labels.length > 0) tables = tables.filter((t) => labels.every((label) => t.labels.includes(label)));
      return HttpResponse.json(paging(tables).map((t) => tableModel(ctx, t, true)));
    }),

    // findTables: every connection's tables whose connection, schema and table names match the
    // patterns given (docs/dqops-contract.md §6), sorted, with the same paging as getTables.
    http.get('*/api/search/tables', async ({ request }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const url = new URL(request.url);
      if (checkTypeParam(url) === 'invalid') return springError(request, 400, 'Type mismatch.');
      const paging = pagingOf(request, url);
      if (paging instanceof Response) return paging;
      const patterns = (['connection', 'schema', 'table'] as const).map((name) => [name, url.searchParams.get(name)] as const);
      const labels = url.searchParams.getAll('label');
      const tables = ctx.store
        .allTables()
        .filter((t) => ctx.store.hasConnection(t.ref.connection))
        .filter((t) => patterns.every(([name, pattern]) => !pattern || matchesPattern(t.ref[name], pattern)))
        .filter((t) => labels.every((label) => t.labels.includes(label)))
        .sort((a, b) => compare(a.ref.connection, b.ref.connection) || compare(a.ref.schema, b.ref.schema) || compare(a.ref.table, b.ref.table));
      return HttpResponse.json(paging(tables).map((t) => tableModel(ctx, t, true)));
    }),

    http.get(`${BASE}/:connectionName/schemas/:schemaName/tables/:tableName/basic`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const table = ctx.store.table(tableFromParams(params));
      if (!table) return empty(404);
      return HttpResponse.json(tableModel(ctx, table, false)); // getTableBasic does not fill the status
    }),

    http.get(`${BASE}/:connectionName/schemas/:schemaName/tables/:tableName/columns`, async ({ request, params }) => {
      const denied = await guard(ctx, request, 'read');
      if (denied) return denied;
      const ref = tableFromParams(params);
      const table = ctx.store.table(ref);
      if (!table) return empty(404);
      const url = new URL(request.url);
      const withStatus = queryBoolean(url, 'dataQualityStatus', true);
      if (withStatus === 'invalid' || checkTypeParam(url) === 'invalid') return springError(request, 400, 'Type mismatch.');
      const editable = canEdit(ctx);
      const tableSeverity = statusOf(table).current_severity;
      const body: ColumnListModel[] = [...table.columns]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((column) => ({
          connection_name: ref.connection,
          table: { schema_name: ref.schema, table_name: ref.table },
          column_name: column.name,
          column_hash: 0,
          id: column.name.endsWith('_id') && column.name === table.columns[0]?.name,
          type_snapshot: { column_type: column.type, nullable: column.nullable },
          has_any_configured_checks: table.quality !== null,
          data_quality_status:
            withStatus && table.quality !== null
              ? {
                  current_severity: column.nullable && tableSeverity ? tableSeverity : 'valid',
                  executed_checks: 2,
                  valid_results: 2,
                  warnings: 0,
                  errors: 0,
                  fatals: 0,
                  execution_errors: 0,
                }
              : undefined,
          can_edit: editable,
          can_collect_statistics: editable,
          can_run_checks: editable,
          can_delete_data: editable,
        }));
      return HttpResponse.json(body);
    }),
  ];
}
