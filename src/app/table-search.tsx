// Find any table of any connection by name, through DQOps's table search (findTables): the header's
// field, also reached with Ctrl+K (⌘K). A server without the search is said so, and the
// connection → schema → table lists below remain the way in.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

  const options = useMemo<ComboboxOption[]>(
    () =>
      typed && search.data?.state === 'ok'
        ? byRelevance(search.data.tables, typed).map((t) => {
            const key = severityKey(t.status);
            return {
              value: tableKey(t.ref),
              label: t.ref.table,
              detail: `${t.ref.schema} · ${t.ref.connection}${t.disabled ? ' · disabled' : ''}`,
              adornment: <SeverityIcon severity={key} title={SEVERITY_STYLE[key].label} />,
            };
          })
        : [],
    [typed, search.data],
  );

  const unsupported = search.data?.state === 'unsupported';
  const error = search.isError
    ? describeError(search.error)
    : unsupported
      ? 'This DQOps server has no table search: choose the connection, schema and table in the lists below.'
      : undefined;
  return (
    <div className={className} role="search">
      <Combobox
        id={inputId}
        label="Find a table in DQOps"
        hideLabel
        placeholder={placeholder}
        options={options}
        value={undefined}
        loading={typed.length > 0 && search.isPending}
        error={error}
        emptyText={typed ? `No table named like “${typed}”.` : 'Type part of a table name.'}
        onQueryChange={setText}
        onChange={(value) => {
          const table = parseTableKey(value);
          if (table) openTable(table);
        }}
      />
    </div>
  );
}
