import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { TableRef } from '@/lib/table-ref';
import { isApiError } from '@/api/errors';

const MAX_READ_RETRIES = 3;

/**
 * Reads are retried with back-off (0.5 s, 1 s, 2 s) only when the failure may pass (network,
 * timeout, 5xx); 4xx answers are final. Writes are never retried without the user.
 */
export function createQueryClient(options: { onUnauthorized?: () => void; onWrite?: (target: TableRef) => void } = {}) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) options.onUnauthorized?.();
      },
    }),
    // Every lineage write's variables carry the table the lineage is stored on; a draft's "Save
    // all" (several writes) reports them in its result as `writtenTargets`.
    mutationCache: new MutationCache({
      onSuccess: (data, variables) => {
        if (variables && typeof variables === 'object' && 'target' in variables) options.onWrite?.((variables as { target: TableRef }).target);
        if (data && typeof data === 'object' && 'writtenTargets' in data && Array.isArray(data.writtenTargets)) {
          for (const target of data.writtenTargets as TableRef[]) options.onWrite?.(target);
        }
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => isApiError(error) && error.isTransient && failureCount < MAX_READ_RETRIES,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
