import { describeError } from '@/api/errors';
import { UnknownOutcomeError } from '@/api/write-outcome';
import { useQuery } from '@tanstack/react-query';
import { useDqopsApi } from '@/api/api-context';
import { useCreateSource, useDeleteSource } from '@/api/mutations';
import { lineageQueries } from '@/api/queries';
import { ErrorPanel } from '@/components/error-panel';
import { Modal } from '@/components/modal';
import { useToast } from '@/components/toast';
import type { TableRef } from '@/lib/table-ref';
import { describeLoss } from '../schema';

/** Confirms a delete naming what is lost, then offers Undo (re-creates the same spec) for 10 s. */
export function DeleteSourceDialog({
  target,
  source,
  onClose,
  onDeleted,
}: {
  target: TableRef;
  source: TableRef;
  onClose: () => void;
  onDeleted?: () => void;
}) {
  const api = useDqopsApi();
  const toast = useToast();
  const spec = useQuery(lineageQueries.source(api, target, source));
  const remove = useDeleteSource();
  const restore = useCreateSource();

  async function confirm() {
    const saved = spec.data;
    if (!saved) return;
    await remove.mutateAsync({ target, source });
    onDeleted?.();
    onClose();
    toast({
      message: `Removed ${source.table} as a source of ${target.table}.`,
      duration: 10_000,
      action: {
        label: 'Undo',
        // The promise, not mutate()'s callbacks: this dialog is closed by then, and callbacks
        // given to mutate() are dropped once their component unmounts (the outcome went unsaid).
        run: () =>
          void restore.mutateAsync({ target, spec: saved }).then(
            () => toast({ message: `Restored ${source.table} as a source of ${target.table}.` }),
            (error: unknown) => toast({ message: `Undo failed: ${describeError(error)}`, tone: 'error' }),
          ),
      },
    });
  }

  return (
    <Modal open title="Remove source table?" onClose={onClose}>
      {spec.isPending ? <p role="status">Reading what this source defines…</p> : null}
      {spec.isError ? <ErrorPanel error={spec.error} title="Cannot read the source table" onRetry={() => void spec.refetch()} /> : null}
      {spec.data ? (
        <p>
          Remove <strong>{source.table}</strong> ({source.schema} · {source.connection}) as a source of <strong>{target.table}</strong>? This deletes{' '}
          {describeLoss(spec.data)}.
        </p>
      ) : null}
      {remove.isError ? (
        <ErrorPanel
          error={remove.error}
          title={remove.error instanceof UnknownOutcomeError ? 'Maybe removed, maybe not' : 'The source table was not removed'}
        />
      ) : null}
      <div className="ls-modal__footer">
        <button type="button" className="ls-button ls-button--ghost" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="ls-button ls-button--danger"
          disabled={!spec.data || remove.isPending}
          onClick={() => void confirm().catch(() => undefined)}
        >
          {remove.isPending ? 'Removing…' : remove.isError ? 'Try again' : 'Remove'}
        </button>
      </div>
    </Modal>
  );
}
