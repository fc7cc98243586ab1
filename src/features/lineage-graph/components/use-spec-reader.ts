import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { lineageQueries } from '@/api/queries';
import type { GraphModel } from '../model/build-graph';
import type { SpecReader } from '../model/column-trace';

/** Reads a link's source spec by table keys, through the query cache (each link fetched once). */
export function useSpecReader(model: GraphModel): SpecReader {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  return useCallback<SpecReader>(
    async (target, source) => {
      const t = model.nodes.get(target)?.ref;
      const s = model.nodes.get(source)?.ref;
      return t && s ? queryClient.fetchQuery(lineageQueries.source(api, t, s)) : undefined;
    },
    [model, api, queryClient],
  );
}
