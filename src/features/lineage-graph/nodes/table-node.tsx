import { plural } from '@/lib/format';
import { Handle, Position, useStore, type Node, type NodeHandle, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { SeverityIcon, formatKpi } from '@/components/severity-badge';
import { useEmphasis, type ColourBy } from './emphasis';
import type { UpstreamFailure } from '../model/quality-paths';
import { formatRows } from '@/lib/format';
import { statusVar } from '@/lib/palette';
import { SEVERITY_STYLE, severityKey, type SeverityKey } from '@/lib/severity';
import type { TableNodeData } from '../model/build-graph';
import { NODE_HEIGHT } from '../model/layout';
import { ColumnList, columnId, type NodeColumnList } from './column-list';

/** Table edges meet the table's header, also when its column list is open below it. */
const TABLE_HANDLE_STYLE = { top: NODE_HEIGHT / 2 };

/**
 * Where React Flow would measure a table's two handles (styles.css: a 6 px handle centred on the
 * left and right inner edges, NODE_HEIGHT / 2 below the top border; the drag handle 12 px, `right:
 * -7px`; the focus table's border is 2 px, the others' 1 px, the left one 6 px). Given with the
 * node, they let React Flow draw the arrows at once and skip measuring every node after the first
 * picture (a second full redraw, ~170 ms for 119 tables), and cull the tables outside the view
 * without drawing them first. A browser test checks them against the handles drawn.
 */
export function tableHandles(width: number, root: boolean, connectable: boolean): NodeHandle[] {
  const border = root ? 2 : 1;
  const centre = border + NODE_HEIGHT / 2;
  const source = connectable ? { x: width - border + 7 - 6, size: 12 } : { x: width - border - 3, size: 6 };
  return [
    { type: 'target', position: Position.Left, x: 6 - 3, y: centre - 3, width: 6, height: 6 },
    { type: 'source', position: Position.Right, x: source.x, y: centre - source.size / 2, width: source.size, height: source.size },
  ];
}

export type NodeEmphasis = 'normal' | 'highlighted' | 'faded';

export interface TableFlowNodeData extends Record<string, unknown> {
  table: TableNodeData;
  hiddenUpstream: number;
  hiddenDownstream: number;
  /** The user may draw a new link to or from this table (DQOps can_edit). */
  connectable: boolean;
  /** Drawn only because the staged draft links it. */
  drafted?: boolean;
  /** The column list, when open. */
  columns?: NodeColumnList;
  /** The table the keyboard is on: its buttons are in the Tab order (the others' are not). */
  current?: boolean;
}

export type TableFlowNode = Node<TableFlowNodeData, 'table'>;

/** Below this zoom the text is unreadable anyway: nodes draw as a name on a coloured bar. */
export const DETAIL_ZOOM = 0.3;
const zoomedOut = (state: { transform: [number, number, number] }) => state.transform[2] < DETAIL_ZOOM;

/**
 * A table on the canvas. Clicks are handled by the canvas's onNodeClick (the "+N" buttons carry
 * data-expand), so no callbacks live in node data.
 */
/**
 * The canvas rebuilds its node list when any table changes (a column list scrolls, a draft step
 * is staged): every node gets a new data object. Compared field by field, only the tables that
 * really changed render again.
 */
function sameNodeProps(a: NodeProps<TableFlowNode>, b: NodeProps<TableFlowNode>): boolean {
  for (const key of Object.keys(a) as (keyof NodeProps<TableFlowNode>)[]) if (key !== 'data' && a[key] !== b[key]) return false;
  const before = a.data as Record<string, unknown>;
  const after = b.data as Record<string, unknown>;
  const keys = Object.keys(before);
  return keys.length === Object.keys(after).length && keys.every((key) => before[key] === after[key]);
}

function fedDescription(fed: UpstreamFailure): string {
  return `fed by ${plural(fed.count, 'failing upstream table')} (worst: ${SEVERITY_STYLE[fed.worst].label})`;
}

/**
 * A table's accessible name, on the focusable node element React Flow renders around TableNode:
 * "fct_orders, marts in warehouse, focus table: Fatal, fed by 3 failing upstream tables (worst: Fatal)".
 */
/** What a table's status is called: "Status loading" while DQOps has not loaded it (not "No checks"). */
function statusLabel(table: TableNodeData, key: SeverityKey): string {
  return table.statusLoading && key === 'none' ? 'Status loading' : SEVERITY_STYLE[key].label;
}

export function tableNodeLabel(table: TableNodeData, colourBy: ColourBy, fed: UpstreamFailure | undefined, drafted: boolean): string {
  const key = table.exists ? severityKey(colourBy === 'upstream' ? table.combinedStatus : table.status) : 'missing';
  return `${table.ref.table}, ${table.ref.schema} in ${table.ref.connection}${table.isRoot ? ', focus table' : ''}: ${statusLabel(table, key)}${
    colourBy === 'upstream' ? ' including upstream' : ''
  }${fed ? `, ${fedDescription(fed)}` : ''}${drafted ? ', brought in by the draft' : ''}`;
}

export const TableNode = memo(function TableNode({ data }: NodeProps<TableFlowNode>) {
  const { table, hiddenUpstream, hiddenDownstream, connectable } = data;
  const focus = useEmphasis();
  const emphasis: NodeEmphasis = focus.nodes ? (focus.nodes.has(table.key) ? 'highlighted' : 'faded') : 'normal';
  const selected = focus.selected === table.key;
  const cause = focus.causes.get(table.key);
  const rootCauseRank = cause?.rank;
  const rootCauseOrigin = cause?.origin;
  const key = table.exists ? severityKey(focus.colourBy === 'upstream' ? table.combinedStatus : table.status) : 'missing';
  const style = SEVERITY_STYLE[key];
  const fed = focus.failures?.get(table.key);
  const fedText = fed ? fedDescription(fed) : '';
  const fedMark = fed ? (
    <span className="ls-node__fed" style={{ color: statusVar(fed.worst, 'text'), background: statusVar(fed.worst, 'tint') }} title={fedText}>
      ⚠ {fed.count} upstream
    </span>
  ) : null;
  const simple = useStore(zoomedOut);
  const more = (side: 'upstream' | 'downstream', count: number) =>
    count > 0 ? (
      <button
        type="button"
        className={`ls-node__more ls-node__more--${side === 'upstream' ? 'up' : 'down'}`}
        data-expand={side}
        tabIndex={data.current ? 0 : -1}
        aria-label={`Show ${count} hidden ${side} table${count === 1 ? '' : 's'} of ${table.ref.table}`}
      >
        +{count}
      </button>
    ) : null;
  if (simple) {
    return (
      <div
        className={`ls-node ls-node--simple ls-node--${emphasis}${table.isRoot ? ' ls-node--root' : ''}${selected ? ' ls-node--selected' : ''}`}
        style={{ borderLeftColor: statusVar(key, 'color') }}
      >
        <Handle type="target" position={Position.Left} isConnectable={false} className="ls-node__handle" />
        {more('upstream', hiddenUpstream)}
        <span className="ls-node__name">{table.ref.table}</span>
        {table.isRoot ? <span className="ls-node__focus">focus</span> : null}
        {fedMark}
        {rootCauseRank ? <span className="ls-node__cause">{rootCauseOrigin ? '◎ origin' : `#${rootCauseRank}`}</span> : null}
        {more('downstream', hiddenDownstream)}
        <Handle type="source" position={Position.Right} isConnectable={false} className="ls-node__handle" />
      </div>
    );
  }
  // Columns of this table on the traced column's path, counted when the list is closed.
  const tracedHere = focus.tracedColumns && !data.columns ? [...focus.tracedColumns].filter((id) => id.startsWith(columnId(table.key, ''))).length : 0;
  const columnsButton = table.exists ? (
    <button
      type="button"
      className="ls-node__colbutton"
      data-columns="toggle"
      tabIndex={data.current ? 0 : -1}
      aria-expanded={data.columns !== undefined}
      aria-label={`${data.columns ? 'Hide' : 'Show'} the columns of ${table.ref.table}`}
    >
      {data.columns ? '▴' : '▾'} columns
    </button>
  ) : null;
  const classes = [
    'ls-node',
    `ls-node--${emphasis}`,
    table.isRoot ? 'ls-node--root' : '',
    selected ? 'ls-node--selected' : '',
    table.exists ? '' : 'ls-node--missing',
    rootCauseRank ? 'ls-node--cause' : '',
    data.drafted ? 'ls-node--drafted' : '',
    data.columns ? 'ls-node--open' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} style={{ borderLeftColor: statusVar(key, 'color') }} title={`${table.ref.connection} · ${table.ref.schema}.${table.ref.table}`}>
      <Handle type="target" position={Position.Left} isConnectable={connectable} className="ls-node__handle" style={TABLE_HANDLE_STYLE} />
      {more('upstream', hiddenUpstream)}
      <div className="ls-node__top">
        <SeverityIcon severity={key} title={statusLabel(table, key)} />
        <span className="ls-node__name">{table.ref.table}</span>
        {table.isRoot ? <span className="ls-node__focus">focus</span> : null}
        {data.drafted ? <span className="ls-node__drafted">draft</span> : null}
        {rootCauseRank ? (
          <span className="ls-node__cause" title={rootCauseOrigin ? 'The problem entered here' : 'Failing upstream table'}>
            {rootCauseOrigin ? '◎ origin' : `#${rootCauseRank}`}
          </span>
        ) : null}
      </div>
      <div className="ls-node__where">
        <span className="ls-node__wheretext">
          {table.ref.schema} · {table.ref.connection}
        </span>
        {columnsButton}
      </div>
      <div className="ls-node__stats">
        {table.exists ? (
          <>
            <span>{table.status?.kpi !== undefined ? `KPI ${formatKpi(table.status.kpi)}` : table.statusLoading ? 'status loading…' : style.label}</span>
            <span>{formatRows(table.rowCount !== undefined && table.rowCount > 1 ? table.rowCount : undefined, table.rowCountEstimated)}</span>
          </>
        ) : (
          <span className="ls-node__missing">not in DQOps</span>
        )}
        {table.selfLink ? <span title="This table lists itself as a source">↻ self</span> : null}
        {fedMark /* on the bottom line, so the name keeps its room */}
        {tracedHere > 0 ? (
          <span className="ls-node__traced" title="Columns of this table on the traced column's path: show the columns to see them">
            ◆ {plural(tracedHere, 'col')}
          </span>
        ) : null}
      </div>
      {data.columns ? <ColumnList tableKey={table.key} tableName={table.ref.table} list={data.columns} connectable={connectable} /> : null}
      {more('downstream', hiddenDownstream)}
      <Handle
        type="source"
        position={Position.Right}
        isConnectable={connectable}
        className={connectable ? 'ls-node__handle ls-node__handle--drag' : 'ls-node__handle'}
        style={TABLE_HANDLE_STYLE}
        title={connectable ? 'Drag to another table to add this table as its source' : undefined}
      />
    </div>
  );
}, sameNodeProps);
