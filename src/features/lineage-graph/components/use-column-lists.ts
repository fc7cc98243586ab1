// Open column lists on the canvas: which tables show their columns (state), their columns with
// data-quality status (one query per open table, shared with the details panel), and the column
// edges between them, from the source specs of the drawn links that touch an open table only
// (read lazily through the query cache; a write refreshes them through invalidateLink).
import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { catalogQueries, lineageQueries } from '@/api/queries';
import type { TableLineageSourceSpec } from '@/api/types';
import { parseTableKey } from '@/lib/table-ref';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import { columnEdges, type ColumnEdge, type OpenColumns } from '../model/column-edges';
import type { LinkChange } from '../model/draft';
import { COLUMN_ROWS, listRows } from '../model/layout';
import type { ColumnEdgeType } from '../nodes/column-edge';
import type { ColumnActions, NodeColumnList } from '../nodes/column-list';

interface ListState {
  filter: string;
  first: number;
}

/**
 * What the memos below read of each query. As a `combine` of useQueries it is memoised by
 * TanStack Query: the array keeps its identity until a query's result changes.
 */
function readState<T>(results: readonly { data?: T; isError: boolean; isPending: boolean }[]) {
  return results.map(({ data, isError, isPending }) => ({ data, isError, isPending }));
}

const EMPTY_LIST: NodeColumnList = { state: 'loading', columns: [], matches: [], filter: '', first: 0 };

/** "Column mapping: fct_orders.total_amount reads stg_orders.amount" (not React Flow's raw ids). */
function columnEdgeLabel(edge: ColumnEdge): string {
  const name = (key: string) => parseTableKey(key)?.table ?? key;
  const shown = edge.mappings
    .slice(0, 3)
    .map(
      (m) =>
        `${name(edge.target)}.${m.column} reads ${name(edge.source)}.${m.sourceColumn}${m.diff ? ` (draft: ${m.diff === 'added' ? 'new' : 'to remove'})` : ''}`,
    );
  const more = edge.mappings.length - shown.length;
  return `Column mapping${edge.mappings.length === 1 ? '' : 's'}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}

export function useColumnLists(
  model: GraphModel,
  /** The links DQOps holds (links only in the draft have no stored spec to read). */
  stored: GraphModel,
  edges: readonly GraphEdge[],
  drawn: ReadonlySet<string>,
  changes: ReadonlyMap<string, LinkChange>,
) {
  const api = useDqopsApi();
  const [open, setOpen] = useState<ReadonlyMap<string, ListState>>(() => new Map());
  const openKeys = useMemo(() => [...open.keys()].filter((key) => drawn.has(key) && model.nodes.get(key)?.exists), [open, drawn, model]);

  const lists = useQueries({
    queries: openKeys.map((key) =>
      catalogQueries.columns(api, model.nodes.get(key)?.ref ?? { connection: '', schema: '', table: '' }, { dataQualityStatus: true }),
    ),
    combine: readState,
  });

  const nodeColumns = useMemo(() => {
    const out = new Map<string, NodeColumnList>();
    openKeys.forEach((key, i) => {
      const query = lists[i];
      const state = open.get(key) ?? { filter: '', first: 0 };
      const columns = query?.data ?? [];
      // Every word of the search must appear: "revenue web" finds revenue_usd_web_30d.
      const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
      const matches: number[] = [];
      columns.forEach((column, index) => {
        const name = column.name.toLowerCase();
        if (words.every((word) => name.includes(word))) matches.push(index);
      });
      const first = Math.max(0, Math.min(state.first, matches.length - COLUMN_ROWS));
      out.set(key, { ...EMPTY_LIST, state: query?.isError ? 'error' : query?.data ? 'ready' : 'loading', columns, matches, filter: state.filter, first });
    });
    return out;
  }, [openKeys, open, lists]);

  // Source specs of the drawn links touching an open table.
  const specLinks = useMemo(
    () => (openKeys.length === 0 ? [] : edges.filter((e) => (open.has(e.source) || open.has(e.target)) && stored.edges.has(e.key))),
    [edges, open, openKeys.length, stored],
  );
  const specs = useQueries({
    queries: specLinks.map((edge) => {
      const target = model.nodes.get(edge.target)?.ref ?? { connection: '', schema: '', table: '' };
      const source = model.nodes.get(edge.source)?.ref ?? { connection: '', schema: '', table: '' };
      return { ...lineageQueries.source(api, target, source), staleTime: 30_000 };
    }),
    combine: readState,
  });

  const flowEdges = useMemo<ColumnEdgeType[]>(() => {
    if (nodeColumns.size === 0) return [];
    const openColumns = new Map<string, OpenColumns>();
    for (const [key, list] of nodeColumns) {
      openColumns.set(key, { index: new Map(list.columns.map((c, i) => [c.name, i])), matches: list.matches, first: list.first });
    }
    const read = new Map<string, TableLineageSourceSpec | undefined>();
    specLinks.forEach((edge, i) => read.set(edge.key, specs[i]?.data));
    return columnEdges(edges, openColumns, read, changes).map((edge) => ({
      id: edge.id,
      type: 'column',
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.sourceHandle,
      targetHandle: edge.targetHandle,
      data: { mappings: edge.mappings },
      ariaLabel: columnEdgeLabel(edge),
      selectable: false,
      focusable: false,
      zIndex: 1,
    }));
  }, [nodeColumns, specLinks, specs, edges, changes]);
  const unreadLinks = specs.filter((q) => q.isError).length;
  const readingLinks = specs.filter((q) => q.isPending).length;

  const actions = useMemo<ColumnActions>(
    () => ({
      toggle: (table) =>
        setOpen((current) => {
          const next = new Map(current);
          if (next.has(table)) next.delete(table);
          else next.set(table, { filter: '', first: 0 });
          return next;
        }),
      setFilter: (table, filter) => setOpen((current) => new Map(current).set(table, { filter, first: 0 })),
      setFirst: (table, first) =>
        setOpen((current) => {
          const state = current.get(table);
          return state && state.first !== first ? new Map(current).set(table, { ...state, first }) : current;
        }),
    }),
    [],
  );

  /** The column behind a handle id ("out:3" = the 4th column), if it is a column row's handle. */
  const columnAt = useCallback(
    (table: string, handle: string | null | undefined): string | undefined => {
      const match = /^(?:in|out):(\d+)$/.exec(handle ?? '');
      return match ? nodeColumns.get(table)?.columns[Number(match[1])]?.name : undefined;
    },
    [nodeColumns],
  );

  // Rows each open list shows: short tables get short lists (the layout leaves no empty space).
  const rows = useMemo(() => {
    const out: Record<string, number> = {};
    for (const [key, list] of nodeColumns) out[key] = listRows(list.state === 'ready' ? list.columns.length : undefined);
    return out;
  }, [nodeColumns]);

  return { nodeColumns, tall: openKeys, rows, flowEdges, unreadLinks, readingLinks, actions, columnAt };
}
