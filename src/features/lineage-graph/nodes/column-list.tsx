// A table node's open column list: a search box and a virtualised list (only the rows on screen
// are in the DOM). Each row has a handle on each side, so column edges end at their column and a
// mapping can be drawn by dragging from a source column to a target column. Rows scrolled away or
// filtered out are counted on the "more above / below" lines, whose handles catch their edges:
// hidden lineage is never mistaken for missing lineage.
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { createContext, useContext, useEffect, useRef, type UIEvent } from 'react';
import type { ColumnSummary } from '@/api/normalize';
import { SeverityIcon } from '@/components/severity-badge';
import { severityKey } from '@/lib/severity';
import { COLUMN_ROW_HEIGHT, COLUMN_ROWS, listRows } from '../model/layout';
import { useEmphasis } from './emphasis';

export interface NodeColumnList {
  state: 'loading' | 'error' | 'ready';
  /** Every column of the table, in DQOps's order. */
  columns: readonly ColumnSummary[];
  /** Positions in `columns` of those matching the search. */
  matches: readonly number[];
  filter: string;
  /** Position in `matches` of the first row on screen. */
  first: number;
}

export interface ColumnActions {
  toggle(table: string): void;
  setFilter(table: string, filter: string): void;
  setFirst(table: string, first: number): void;
}

export const ColumnActionsContext = createContext<ColumnActions | null>(null);

/** Key of a column in the emphasis' traced set. */
export const columnId = (table: string, column: string) => `${table}\u0000${column}`;

export function ColumnList({ tableKey, tableName, list, connectable }: { tableKey: string; tableName: string; list: NodeColumnList; connectable: boolean }) {
  const actions = useContext(ColumnActionsContext);
  const emphasis = useEmphasis();
  const updateNodeInternals = useUpdateNodeInternals();
  const { columns, matches, first, filter } = list;
  const shown = matches.slice(first, first + COLUMN_ROWS);
  // Handles moved or were replaced: React Flow must measure them again to draw the edges right.
  const shownKey = shown.join(',');
  useEffect(() => updateNodeInternals(tableKey), [shownKey, list.state, tableKey, updateNodeInternals]);

  const traced = emphasis.tracedColumns;
  let tracedAbove = 0;
  let tracedBelow = 0;
  if (traced) {
    matches.forEach((index, at) => {
      const column = columns[index];
      if (!column || !traced.has(columnId(tableKey, column.name))) return;
      if (at < first) tracedAbove += 1;
      else if (at >= first + COLUMN_ROWS) tracedBelow += 1;
    });
    const matching = new Set(matches);
    columns.forEach((column, index) => {
      if (!matching.has(index) && traced.has(columnId(tableKey, column.name))) tracedBelow += 1;
    });
  }
  const above = first;
  const below = Math.max(0, matches.length - first - COLUMN_ROWS);
  const filteredOut = columns.length - matches.length;

  // The list scrolls back when the search changes (first is reset to 0 by the canvas).
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = scroller.current;
    if (element && Math.floor(element.scrollTop / COLUMN_ROW_HEIGHT) !== first) element.scrollTop = first * COLUMN_ROW_HEIGHT;
  }, [first]);

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const next = Math.floor(event.currentTarget.scrollTop / COLUMN_ROW_HEIGHT);
    if (next !== first) actions?.setFirst(tableKey, next);
  };

  const overflowLine = (where: 'above' | 'below', text: string, tracedCount: number) => (
    <div className={`ls-colmore ls-colmore--${where}`}>
      <Handle type="target" id={`in:${where}`} position={Position.Left} isConnectable={false} className="ls-node__handle ls-colhandle" />
      <span>{text}</span>
      {tracedCount > 0 ? (
        <span className="ls-colmore__traced">
          ◆ {tracedCount} traced {where === 'above' ? 'above' : 'below'}
        </span>
      ) : null}
      <Handle type="source" id={`out:${where}`} position={Position.Right} isConnectable={false} className="ls-node__handle ls-colhandle" />
    </div>
  );

  return (
    <div className="ls-collist nodrag nopan" role="group" aria-label={`Columns of ${tableName}`}>
      <input
        type="search"
        className="ls-input ls-collist__search"
        aria-label={`Find a column of ${tableName}`}
        placeholder={list.state === 'ready' ? `Find among ${columns.length} columns` : 'Find a column'}
        value={filter}
        onChange={(event) => actions?.setFilter(tableKey, event.target.value)}
      />
      {overflowLine('above', above > 0 ? `↑ ${above} more` : '', tracedAbove)}
      <div ref={scroller} className="ls-collist__scroll nowheel" style={{ height: listRows(list.state === 'ready' ? columns.length : undefined) * COLUMN_ROW_HEIGHT }} onScroll={onScroll}>
        <div style={{ height: Math.max(matches.length, 1) * COLUMN_ROW_HEIGHT, position: 'relative' }}>
          {list.state === 'loading' ? <p className="ls-collist__note">Reading the columns…</p> : null}
          {list.state === 'error' ? <p className="ls-collist__note">The columns could not be read.</p> : null}
          {list.state === 'ready' && matches.length === 0 ? (
            <p className="ls-collist__note">{columns.length === 0 ? 'No columns known.' : 'No column matches.'}</p>
          ) : null}
          {shown.map((index, offset) => {
            const column = columns[index];
            if (!column) return null;
            const severity = severityKey(column.status);
            const isTraced = traced?.has(columnId(tableKey, column.name));
            return (
              <button
                type="button"
                key={column.name}
                className={`ls-colrow ls-colrow--${severity}${isTraced ? ' ls-colrow--traced' : traced ? ' ls-colrow--faded' : ''}`}
                style={{ top: (first + offset) * COLUMN_ROW_HEIGHT, height: COLUMN_ROW_HEIGHT }}
                data-column={column.name}
                aria-pressed={isTraced ?? false}
                title={`${column.name}${column.type ? ` (${column.type})` : ''}: click to trace it through the column mappings${connectable ? '; drag its right dot onto a column of another table to map it' : ''}`}
              >
                <Handle type="target" id={`in:${index}`} position={Position.Left} isConnectable={connectable} className="ls-node__handle ls-colhandle" />
                <SeverityIcon severity={severity} />
                <bdi className="ls-colrow__name">{column.name}</bdi>
                {column.type ? <span className="ls-colrow__type">{column.type}</span> : null}
                <Handle
                  type="source"
                  id={`out:${index}`}
                  position={Position.Right}
                  isConnectable={connectable}
                  className={`ls-node__handle ls-colhandle${connectable ? ' ls-colhandle--drag' : ''}`}
                />
              </button>
            );
          })}
        </div>
      </div>
      {overflowLine(
        'below',
        [below > 0 ? `↓ ${below} more` : '', filteredOut > 0 ? `${filteredOut} hidden by the search` : ''].filter(Boolean).join(' · '),
        tracedBelow,
      )}
    </div>
  );
}
