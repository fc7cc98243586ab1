import type { SpringErrorPayload } from './types';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-request' | 'invalid-response';

/** Spring's error JSON as DQOps really sends it: `timestamp` may be a string, extra fields appear. */
export type SpringError = Omit<SpringErrorPayload, 'timestamp'> & {
  timestamp?: string | number;
  trace?: string;
  requestId?: string;
};

/** What the user was doing, used to word messages ("Saving the source table failed: …"). */
export type ApiOperation =
  | 'list connections'
  | 'list schemas'
  | 'list tables'
  | 'search tables'
  | 'read table'
  | 'list columns'
  | 'read lineage'
  | 'list source tables'
  | 'list target tables'
  | 'read source table'
  | 'add source table'
  | 'update source table'
  | 'delete source table';

const STATUS_MESSAGES: Record<number, string> = {
  400: 'The DQOps server rejected the request as malformed.',
  401: 'The DQOps server needs a valid API key. Open Settings and enter your API key.',
  403: 'You do not have permission to do this. Editing lineage needs the Editor or Admin role in DQOps.',
  404: 'Not found. The connection, table or source table does not exist (any more) in DQOps.',
  406: 'The DQOps server refused the request: the names in the request do not match the address.',
  409: 'This source table is already defined for the table.',
  415: 'The DQOps server did not accept the request format (expected JSON).',
};

function messageFor(status: number): string {
  const known = STATUS_MESSAGES[status];
  if (known) return known;
  if (status >= 500) return `The DQOps server failed (HTTP ${status}). Try again; if it keeps failing, check the DQOps server log.`;
  return `The DQOps server answered with HTTP ${status}.`;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly operation: ApiOperation | undefined;
  readonly spring: SpringError | undefined;
  /** An HTTP error answered without a body (a proxy's 502/504, or a server cut off mid-answer). */
  readonly bodyless: boolean;

  constructor(init: {
    kind: ApiErrorKind;
    status?: number;
    operation?: ApiOperation;
    spring?: SpringError;
    message?: string;
    cause?: unknown;
    bodyless?: boolean;
  }) {
    super(init.message ?? ApiError.describe(init.kind, init.status), { cause: init.cause });
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status;
    this.operation = init.operation;
    this.spring = init.spring;
    this.bodyless = init.bodyless ?? false;
  }

  static describe(kind: ApiErrorKind, status?: number): string {
    switch (kind) {
      case 'http':
        return messageFor(status ?? 0);
      case 'network':
        return 'The DQOps server cannot be reached. Check that it is running and that this computer is online.';
      case 'timeout':
        return 'The DQOps server did not answer in time.';
      case 'invalid-request':
        return 'The request cannot be sent.';
      case 'invalid-response':
        return 'The DQOps server sent a response this app cannot read.';
    }
  }

  /** One line for the user: what failed, and why. */
  get userMessage(): string {
    const what = this.operation ? `Could not ${this.operation}. ` : '';
    const detail = this.spring?.message && this.spring.message !== this.message ? ` (${this.spring.message})` : '';
    return `${what}${this.message}${detail}`;
  }

  /** Worth retrying automatically? Only for reads, and only for failures that may pass. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function isStatus(error: unknown, status: number): boolean {
  return isApiError(error) && error.kind === 'http' && error.status === status;
}

/** Reads Spring's error JSON from a body (text or already parsed); undefined when it is not one. */
export function parseSpringError(body: unknown): SpringError | undefined {
  let parsed: unknown = body;
  if (typeof body === 'string') {
    if (!body.trim()) return undefined;
    try {
      parsed = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const record = parsed as Record<string, unknown>;
  const str = (k: string) => (typeof record[k] === 'string' ? (record[k] as string) : undefined);
  const status = typeof record.status === 'number' ? record.status : undefined;
  const timestamp = typeof record.timestamp === 'string' || typeof record.timestamp === 'number' ? record.timestamp : undefined;
  if (status === undefined && str('error') === undefined && str('message') === undefined) return undefined;
  return {
    status,
    timestamp,
    error: str('error'),
    exception: str('exception'),
    message: str('message'),
    path: str('path'),
    trace: str('trace'),
    requestId: str('requestId'),
  };
}

/** One line for the user about any failure. */
export function describeError(error: unknown): string {
  return isApiError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
}
