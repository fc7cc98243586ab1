import { delay, HttpResponse } from 'msw';
import type { TableRef } from '@/lib/table-ref';
import type { MockContext } from '../context';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

let requestCounter = 0;

/** Spring Boot's WebFlux error JSON, as DQOps sends it for framework errors (docs/dqops-contract.md §5). */
export function springError(request: Request, status: number, message: string): Response {
  requestCounter += 1;
  return HttpResponse.json(
    {
      timestamp: new Date().toISOString(),
      path: new URL(request.url).pathname,
      status,
      error: REASONS[status] ?? 'Error',
      message,
      requestId: `mock-${requestCounter.toString(16)}`,
    },
    { status },
  );
}

/** The lineage controller's own errors and 201/204 successes: no body at all. */
export function empty(status: number): Response {
  return new HttpResponse(null, { status });
}

export type Access = 'read' | 'write';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Runs what DQOps runs before a handler: latency, the authentication filter, method security. */
export async function guard(ctx: MockContext, request: Request, access: Access): Promise<Response | undefined> {
  if (ctx.options.latencyMs > 0) await delay(ctx.options.latencyMs);
  if (ctx.unreachableLeft > 0) {
    ctx.unreachableLeft -= 1;
    return HttpResponse.error();
  }
  const header = request.headers.get('authorization');
  if (header !== null) {
    const token = header.replace(/^Bearer\s+/i, '').replace(/^"(.*)"$/, '$1');
    if (!/^Bearer\s+/i.test(header) || token !== ctx.options.apiKey) return empty(401);
  } else if (ctx.options.requireAuth) {
    return empty(401);
  }
  if (access === 'write' && ctx.options.role === 'viewer') {
    return new HttpResponse('Access Denied', { status: 403, headers: { 'Content-Type': 'text/plain' } });
  }
  const failing = ctx.options.failWritesTo;
  if (access === 'write' && failing && new URL(request.url).pathname.split('/').map(decodeSegment).includes(failing)) {
    return springError(request, 500, `Injected fault: writes touching ${failing} fail (mock.failWritesTo).`);
  }
  return undefined;
}

/**
 * The answer to a write that was carried out, or its loss (MockOptions.loseWriteResponsesTo): the
 * store has changed either way, as on a server that finished the write after the client gave up.
 */
export async function answerWrite(ctx: MockContext, request: Request, answer: Response): Promise<Response> {
  const losing = ctx.options.loseWriteResponsesTo;
  if (!losing || (losing !== '*' && !new URL(request.url).pathname.split('/').map(decodeSegment).includes(losing))) return answer;
  ctx.unreachableLeft = ctx.options.unreachableAfterLoss;
  if (ctx.options.lostAs === '502') return empty(502);
  if (ctx.options.lostAs === 'timeout') await delay('infinite');
  return HttpResponse.error();
}

export function canEdit(ctx: MockContext): boolean {
  return ctx.options.role === 'editor';
}

type Params = Record<string, string | readonly string[] | undefined>;

function param(params: Params, name: string): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}

export function tableFromParams(params: Params): TableRef {
  return { connection: param(params, 'connectionName'), schema: param(params, 'schemaName'), table: param(params, 'tableName') };
}

export function sourceFromParams(params: Params): TableRef {
  return { connection: param(params, 'sourceConnection'), schema: param(params, 'sourceSchema'), table: param(params, 'sourceTable') };
}

/** Query booleans as Spring converts them: absent → default, true/false → value, else 400. */
export function queryBoolean(url: URL, name: string, fallback: boolean): boolean | 'invalid' {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
  return 'invalid';
}

export const CHECK_TYPE_VALUES = ['profiling', 'monitoring', 'partitioned'];

/** `checkType` as Spring converts it: absent or a known value, else 400. */
export function checkTypeParam(url: URL): string | undefined | 'invalid' {
  const raw = url.searchParams.get('checkType');
  if (raw === null) return undefined;
  return CHECK_TYPE_VALUES.includes(raw) ? raw : 'invalid';
}
