// Writes whose outcome is unknown. A POST, PUT or DELETE that timed out, lost its connection or got
// an empty 5xx (a proxy's) may still have been carried out: DQOps usually finishes a write after the
// client gave up (docs/dqops-contract.md, "Writes whose answer is lost"). Before anything is said or
// sent again, the stored source spec is read and compared with what the write meant to leave.
import { isApiError, type ApiError, type ApiOperation } from './errors';
import type { TableLineageSourceSpec } from './types';
import { stableStringify } from '@/lib/stable-json';
import { tableKey, type TableRef } from '@/lib/table-ref';

/** The write may have been carried out: no answer, or an answer without a body from something in between. */
export function isUnknownOutcome(error: unknown): error is ApiError {
  if (!isApiError(error)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  return error.kind === 'http' && (error.status ?? 0) >= 500 && error.bodyless;
}

/**
 * DQOps stores specs without null fields and without empty `columns`, `properties` or
 * `source_columns` (NON_NULL / NON_EMPTY): compare what matters, not how it was spelled.
 */
function meaningful(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(meaningful);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const kept = meaningful(inner);
      if (kept === undefined || kept === null) continue;
      if (Array.isArray(kept) && kept.length === 0) continue;
      if (typeof kept === 'object' && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
      out[key] = kept;
    }
    return out;
  }
  return value;
}

export function sameStoredSpec(a: TableLineageSourceSpec | undefined, b: TableLineageSourceSpec | undefined): boolean {
  if (!a || !b) return a === b;
  return stableStringify(meaningful(a)) === stableStringify(meaningful(b));
}

const WHAT: Record<'add source table' | 'update source table' | 'delete source table', string> = {
  'add source table': 'the source table was added',
  'update source table': 'the source table was saved',
  'delete source table': 'the source table was removed',
};

/** The write's answer was lost and reading what is stored failed too: nobody knows yet whether it happened. */
export class UnknownOutcomeError extends Error {
  constructor(
    readonly operation: keyof typeof WHAT,
    readonly failure: ApiError,
    readonly check: unknown,
  ) {
    const why = failure.kind === 'timeout' ? 'no answer in time' : failure.kind === 'network' ? 'the connection was lost' : `HTTP ${failure.status ?? '?'} without a body`;
    super(
      `The DQOps server did not answer (${why}) and could not be asked what it holds either, so it is not known whether ${WHAT[operation]}. Nothing is lost: "Try again" first checks what DQOps holds and sends only what is missing.`,
      { cause: failure },
    );
    this.name = 'UnknownOutcomeError';
  }
}

/** The write's answer was lost, and what is stored now is neither what was sent nor what was there before. */
export class StoredElsewiseError extends Error {
  constructor(
    readonly operation: ApiOperation,
    /** What the write meant to store (undefined for a removal). */
    readonly sent: TableLineageSourceSpec | undefined,
    /** What DQOps holds now (undefined: the link is gone). */
    readonly stored: TableLineageSourceSpec | undefined,
  ) {
    super(
      stored
        ? 'The DQOps server did not answer, and the source table it holds now differs from what you sent: someone else changed it meanwhile.'
        : 'The DQOps server did not answer, and the source table is gone now: someone else removed it meanwhile.',
    );
    this.name = 'StoredElsewiseError';
  }
}

export type WriteKind = 'add source table' | 'update source table' | 'delete source table';

export interface IntendedWrite {
  operation: WriteKind;
  target: TableRef;
  source: TableRef;
  /** What a POST or PUT stores. */
  spec?: TableLineageSourceSpec;
  /** For a PUT: what the caller believes is stored now (tells "did not land" from "someone else changed it"). */
  expected?: TableLineageSourceSpec;
}

/** What the stored spec says about a write: done, not done (may be sent), or something else is there. */
export function judge(write: IntendedWrite, stored: TableLineageSourceSpec | undefined): 'done' | 'not-done' | 'elsewise' {
  if (write.operation === 'delete source table') return stored ? 'not-done' : 'done';
  if (stored && sameStoredSpec(stored, write.spec)) return 'done';
  if (write.operation === 'add source table') return stored ? 'elsewise' : 'not-done';
  if (!stored) return 'elsewise';
  if (write.expected && sameStoredSpec(stored, write.expected)) return 'not-done';
  return 'elsewise';
}

/**
 * Links whose last write has an unknown outcome (per API client). The next write of such a link
 * checks first, so that *Try again* never sends a second POST blindly; a definite answer clears it.
 */
export function unsettledLinks() {
  const links = new Set<string>();
  const key = (write: Pick<IntendedWrite, 'target' | 'source'>) => `${tableKey(write.target)} ${tableKey(write.source)}`;
  return {
    has: (write: IntendedWrite) => links.has(key(write)),
    add: (write: IntendedWrite) => void links.add(key(write)),
    settle: (write: IntendedWrite) => void links.delete(key(write)),
  };
}

