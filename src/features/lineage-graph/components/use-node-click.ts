// A click on a drawn table: on its +N (expand), its column-list toggle, one of its column rows
// (trace the column), or the card itself (select it; again: let go).
import type { NodeMouseHandler } from '@xyflow/react';
import { useCallback } from 'react';
import type { Selection } from '../model/selection';
import type { TableFlowNode } from '../nodes/table-node';
import type { useCamera } from './use-camera';
import type { useColumnLists } from './use-column-lists';
import type { useColumnTrace } from './use-column-trace';
import type { useGraphKeyboard } from './use-graph-keyboard';

interface NodeClickInput {
  selected: string | undefined;
  select: (next: Selection) => void;
  expand: (key: string) => void;
  keyboard: Pick<ReturnType<typeof useGraphKeyboard>, 'focusTable'>;
  columnLists: Pick<ReturnType<typeof useColumnLists>, 'nodeColumns' | 'actions'>;
  camera: Pick<ReturnType<typeof useCamera>, 'revealColumnList'>;
  trace: Pick<ReturnType<typeof useColumnTrace>, 'toggle'>;
}

export function useNodeClick({ selected, select, expand, keyboard, columnLists, camera, trace }: NodeClickInput) {
  const { focusTable } = keyboard;
  const { nodeColumns, actions } = columnLists;
  const { revealColumnList } = camera;
  const { toggle } = trace;
  return useCallback<NodeMouseHandler<TableFlowNode>>(
    (event, node) => {
      const element = event.target as HTMLElement;
      if (element.closest('[data-expand]')) {
        expand(node.id);
        return focusTable(node.id); // the button goes away: the focus stays on its table
      }
      if (element.closest('[data-columns]')) {
        if (!nodeColumns.has(node.id)) revealColumnList(node.id);
        return actions.toggle(node.id);
      }
      if (element.closest('input')) return; // the column search box
      const column = element.closest<HTMLElement>('[data-column]')?.dataset.column;
      // A column row: trace it (again: stop tracing), with its table selected for the details.
      if (column !== undefined) {
        toggle(node.id, column);
        return select({ kind: 'table', key: node.id });
      }
      select(node.id === selected ? { kind: 'none' } : { kind: 'table', key: node.id });
    },
    [select, selected, actions, nodeColumns, toggle, focusTable, revealColumnList, expand],
  );
}
