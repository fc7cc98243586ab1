// The view state in the URL: which table, which direction, which tab. A hand-edited or stale
// link degrades to defaults instead of breaking the page.
import { useMemo } from 'react';
import { useSearchParams } from './location';
import { tableKey, type TableRef } from './table-ref';

export const DIRECTIONS = ['both', 'upstream', 'downstream'] as const;
export type DirectionChoice = (typeof DIRECTIONS)[number];
export const VIEWS = ['graph', 'sources', 'targets', 'flows'] as const;
export type ViewName = (typeof VIEWS)[number];
const CHECK_TYPES = ['profiling', 'monitoring', 'partitioned'] as const;

export interface ViewParams {
  connection?: string;
  schema?: string;
  table?: string;
  direction: DirectionChoice;
  view: ViewName;
  checkType?: (typeof CHECK_TYPES)[number];
  /** The selected table on the canvas (tableKey). */
  node?: string;
  /** Source editor: the table whose sources are edited (tableKey). */
  editTarget?: string;
  /** Source editor: 'new', or the tableKey of the source being edited. */
  editSource?: string;
  /** Source editor, new source: a table to fill in (tableKey), e.g. from a drag on the canvas. */
  prefill?: string;
  selected?: TableRef;
}

// Hand-rolled rather than zod: this runs on every page and zod is only needed by the editor
// (loaded on demand). Unknown or malformed values fall back to defaults.
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);
const text = (value: string | null): string | undefined => (value ? value : undefined);

export function parseViewParams(search: URLSearchParams): ViewParams {
  const connection = text(search.get('connection'));
  const schema = text(search.get('schema'));
  const table = text(search.get('table'));
  return {
    connection,
    schema,
    table,
    direction: oneOf(DIRECTIONS, search.get('direction')) ?? 'both',
    view: oneOf(VIEWS, search.get('view')) ?? 'graph',
    checkType: oneOf(CHECK_TYPES, search.get('checkType')),
    node: text(search.get('node')),
    editTarget: text(search.get('editTarget')),
    editSource: text(search.get('editSource')),
    prefill: text(search.get('prefill')),
    selected: connection && schema && table ? { connection, schema, table } : undefined,
  };
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
