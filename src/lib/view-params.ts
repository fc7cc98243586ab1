// The view state in the URL: which table, which direction, which tab. Parsed with zod so that a
// hand-edited or stale link degrades to defaults instead of breaking the page.
import { useMemo } from 'react';
import { z } from 'zod';
import { useSearchParams } from './location';
import { tableKey, type TableRef } from './table-ref';

export const DIRECTIONS = ['both', 'upstream', 'downstream'] as const;
export type DirectionChoice = (typeof DIRECTIONS)[number];
export const VIEWS = ['graph', 'sources', 'targets', 'flows'] as const;
export type ViewName = (typeof VIEWS)[number];
const CHECK_TYPES = ['profiling', 'monitoring', 'partitioned'] as const;

const paramsSchema = z.object({
  connection: z.string().min(1).optional().catch(undefined),
  schema: z.string().min(1).optional().catch(undefined),
  table: z.string().min(1).optional().catch(undefined),
  direction: z.enum(DIRECTIONS).catch('both'),
  view: z.enum(VIEWS).catch('graph'),
  checkType: z.enum(CHECK_TYPES).optional().catch(undefined),
  node: z.string().min(1).optional().catch(undefined),
  /** Source editor: the table whose sources are edited (tableKey JSON). */
  editTarget: z.string().min(1).optional().catch(undefined),
  /** Source editor: 'new', or the tableKey of the source being edited. */
  editSource: z.string().min(1).optional().catch(undefined),
  /** Source editor, new source: a table to fill in (tableKey), e.g. from a drag on the canvas. */
  prefill: z.string().min(1).optional().catch(undefined),
});

export type ViewParams = z.infer<typeof paramsSchema> & { selected?: TableRef };

export function parseViewParams(search: URLSearchParams): ViewParams {
  const raw = Object.fromEntries([...search.entries()].filter(([key]) => key in paramsSchema.shape));
  const params = paramsSchema.parse({ direction: undefined, view: undefined, ...raw });
  const selected =
    params.connection && params.schema && params.table ? { connection: params.connection, schema: params.schema, table: params.table } : undefined;
  return { ...params, selected };
}

export function directionFlags(direction: DirectionChoice): { upstream: boolean; downstream: boolean } {
  return { upstream: direction !== 'downstream', downstream: direction !== 'upstream' };
}

export function useViewParams() {
  const [search, update] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => parseViewParams(new URLSearchParams(key)), [key]);
  return {
    params,
    update,
    /** Opens a table (a new history entry, so Back returns to the previous table). */
    openTable(table: TableRef) {
      return update({ connection: table.connection, schema: table.schema, table: table.table, node: undefined });
    },
    /** Opens the source editor for `target`'s source `source` (or a new source). */
    editSource(target: TableRef, source: TableRef | 'new', prefill?: TableRef) {
      return update({
        editTarget: tableKey(target),
        editSource: source === 'new' ? 'new' : tableKey(source),
        prefill: prefill ? tableKey(prefill) : undefined,
      });
    },
    closeEditor(options?: { force?: boolean }) {
      return update({ editTarget: undefined, editSource: undefined, prefill: undefined }, { replace: true, ...options });
    },
  };
}
