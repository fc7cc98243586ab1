// Find any table of any connection by name, through DQOps's table search (findTables): the header's
// field, also reached with Ctrl+K (⌘K). A server without the search is searched through its
// catalog lists instead (each connection's schemas, each schema's tables filtered by name), and
// the field says so.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { describeError } from '@/api/errors';
import { catalogQueries } from '@/api/queries';
import { Combobox, type ComboboxOption } from '@/components/combobox';
import { SeverityIcon } from '@/components/severity-badge';
import { severityKey, SEVERITY_STYLE } from '@/lib/severity';
import { parseTableKey, tableKey } from '@/lib/table-ref';
import { useViewParams } from '@/lib/view-params';

/** Matches shown at once; typing more narrows them. */
export const SEARCH_LIMIT = 20;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** DQOps's patterns take `*` as a wildcard: the typed words are looked for anywhere in the name. */
export function tablePattern(text: string): string {
  return `*${text.trim().replace(/\s+/g, '*')}*`;
}

/** `shortcut`: Ctrl+K (⌘K) focuses this field (one per page: the header's). */
/** The whole name first, then names that start with the text, then the rest, each in the server's order. */
export function byRelevance<T extends { ref: { table: string } }>(tables: readonly T[], text: string): T[] {
  const q = text.trim().toLowerCase();
  const rank = (t: T) => (t.ref.table.toLowerCase() === q ? 0 : t.ref.table.toLowerCase().startsWith(q) ? 1 : 2);
  return tables.map((t, i) => [t, rank(t), i] as const).sort((a, b) => a[1] - b[1] || a[2] - b[2]).map(([t]) => t);
}

export function TableSearch({ shortcut = false, placeholder = 'Find any table…', className }: { shortcut?: boolean; placeholder?: string; className?: string }) {
  const api = useDqopsApi();
  const { openTable } = useViewParams();
  const inputId = useId();
  const [text, setText] = useState('');
  const typed = useDebounced(text.trim(), 200);
  const search = useQuery({
    ...catalogQueries.search(api, { table: tablePattern(typed), page: 1, limit: SEARCH_LIMIT }),
    enabled: typed.length > 0,
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    if (!shortcut) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        document.getElementById(inputId)?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [inputId, shortcut]);

  const queryClient = useQueryClient();
  const unsupported = search.data?.state === 'unsupported';
  const lists = useQuery({
    ...catalogQueries.searchLists(api, queryClient, tablePattern(typed), SEARCH_LIMIT),
    enabled: unsupported && typed.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = unsupported ? lists.data?.tables : search.data?.tables;

  const options = useMemo<ComboboxOption[]>(
    () =>
      typed && found
        ? byRelevance(found, typed).map((t) => {
            const key = severityKey(t.status);
            return {
              value: tableKey(t.ref),
              label: t.ref.table,
              detail: `${t.ref.schema} · ${t.ref.connection}${t.disabled ? ' · disabled' : ''}`,
              adornment: <SeverityIcon severity={key} title={SEVERITY_STYLE[key].label} />,
            };
          })
        : [],
    [typed, found],
  );

  const error = search.isError ? describeError(search.error) : lists.isError ? describeError(lists.error) : undefined;
  const searchedLists = lists.data && lists.data.schemasSearched < lists.data.schemas ? `the first ${lists.data.schemasSearched} of ${lists.data.schemas} schemas` : 'every schema';
  const emptyText = !typed
    ? 'Type part of a table name.'
    : unsupported
      ? `No table named like “${typed}” in ${searchedLists} (this DQOps server has no table search: its lists were searched).`
      : `No table named like “${typed}”.`;
  return (
    <div className={className} role="search">
      <Combobox
        id={inputId}
        label="Find a table in DQOps"
        hideLabel
        placeholder={unsupported ? 'Find a table in the lists (no table search on this DQOps)…' : placeholder}
        options={options}
        value={undefined}
        loading={typed.length > 0 && (search.isPending || (unsupported && lists.isPending))}
        loadingText={unsupported ? 'This DQOps server has no table search: searching its lists…' : 'Searching…'}
        error={error}
        emptyText={emptyText}
        onQueryChange={setText}
        onChange={(value) => {
          const table = parseTableKey(value);
          if (table) openTable(table);
        }}
      />
    </div>
  );
}
