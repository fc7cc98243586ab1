// Saving one source spec safely:
// - new: POST;
// - same source: read the stored spec first and refuse to overwrite silently when someone else
//   changed it since the form loaded it (DQOps has no ETag), then PUT the whole object;
// - another source table: DELETE the old entry + POST the new one; if the POST fails, the old
//   entry is re-created so nothing is half-written. If even that fails (the server went away
//   between the calls), the user is told exactly that, the form keeps everything, and "Try
//   again" finishes the job (a DELETE answered 404 means the old entry is already gone).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useDqopsApi } from '@/api/api-context';
import { ApiError, isStatus } from '@/api/errors';
import { invalidateLink } from '@/api/mutations';
import { sameStoredSpec, StoredElsewiseError, UnknownOutcomeError } from '@/api/write-outcome';
import { sourceRefOf } from '@/lib/table-ref';
import type { TableLineageSourceSpec } from '@/api/types';
import { stableStringify } from '@/lib/stable-json';
import { sameTable, type TableRef } from '@/lib/table-ref';
import { diffSpecs } from '../schema';

export class ConflictError extends Error {
  constructor(
    readonly differences: string[],
    /** The server's current spec; undefined when someone deleted the entry. */
    readonly theirs: TableLineageSourceSpec | undefined,
    options: { message?: string; whileAdding?: boolean } = {},
  ) {
    super(options.message ?? (theirs ? 'Someone else changed this source table since you opened it.' : 'Someone else deleted this source table since you opened it.'));
    this.name = 'ConflictError';
    this.whileAdding = options.whileAdding ?? false;
  }

  /** The user was adding the link, and it exists now: overwriting replaces it (PUT), there is nothing of theirs to load into an add form. */
  readonly whileAdding: boolean;
}

/** The replacement failed and the original entry was put back. */
export class RestoredError extends Error {
  constructor(readonly failure: unknown) {
    super(`The new source table could not be saved, so the original one was restored. ${failure instanceof ApiError ? failure.userMessage : ''}`.trim());
    this.name = 'RestoredError';
  }
}

/** The old entry was deleted, the new one not created, and re-creating the old one failed too. */
export class HalfDoneError extends Error {
  constructor(
    readonly original: TableRef,
    readonly failure: unknown,
  ) {
    super(
      `The old source table ${original.table} was removed, but the new one could not be saved and putting the old one back failed too${
        failure instanceof ApiError ? ` (${failure.userMessage})` : ''
      }. Nothing you typed is lost: "Try again" saves your version.`,
    );
    this.name = 'HalfDoneError';
  }
}

export interface SaveRequest {
  target: TableRef;
  spec: TableLineageSourceSpec;
  /** Undefined for a new source. */
  original?: { ref: TableRef; loaded: TableLineageSourceSpec };
  /** The user saw the conflict and chose to overwrite. */
  overwrite?: boolean;
  /** After a conflict, the stored spec the user chose to overwrite (also when adding a link that turned out to exist). */
  overwriting?: TableLineageSourceSpec;
}

function sameSpec(a: TableLineageSourceSpec, b: TableLineageSourceSpec): boolean {
  return stableStringify(a) === stableStringify(b);
}

export function useSaveSource() {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: SaveRequest) => {
      try {
        await save(request);
      } catch (error) {
        // A lost answer, and the link now holds something else (write-outcome.ts): the conflict view.
        if (error instanceof StoredElsewiseError) {
          throw new ConflictError(error.stored ? diffSpecs(request.spec, error.stored) : [], error.stored, { message: error.message, whileAdding: !request.original });
        }
        throw error;
      }
    },
    onSettled: (_r, _e, { target, spec, original }) =>
      Promise.all([invalidateLink(queryClient, target, sourceRefOf(spec)), original ? invalidateLink(queryClient, target, original.ref) : undefined]),
  });

  async function save({ target, spec, original, overwrite, overwriting }: SaveRequest) {
    const next = sourceRefOf(spec);
    if (!original) {
      if (overwriting) await api.updateSource(target, spec, { expected: overwriting });
      else await api.createSource(target, spec);
      return;
    }
    if (sameTable(original.ref, next)) {
      if (!overwrite) {
        let theirs: TableLineageSourceSpec | undefined;
        try {
          theirs = await api.getSource(target, original.ref);
        } catch (error) {
          if (!isStatus(error, 404)) throw error;
        }
        if (!theirs) throw new ConflictError([], undefined);
        if (sameStoredSpec(theirs, spec)) return; // already stored (an earlier attempt whose answer was lost)
        if (!sameSpec(theirs, original.loaded)) throw new ConflictError(diffSpecs(original.loaded, theirs), theirs);
      }
      await api.updateSource(target, spec, { expected: overwriting ?? original.loaded });
      return;
    }
    let deleted = true;
    try {
      await api.deleteSource(target, original.ref);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
      deleted = false; // already gone: removed by an earlier attempt, or by someone else
    }
    try {
      await api.createSource(target, spec);
    } catch (failure) {
      // Whether the new entry was stored is not known: putting the old one back could leave both.
      if (!deleted || failure instanceof UnknownOutcomeError) throw failure;
      try {
        await api.createSource(target, original.loaded); // put the original back
      } catch {
        throw new HalfDoneError(original.ref, failure);
      }
      throw new RestoredError(failure);
    }
  }
}
