// The graph with the keyboard alone. One table is in the Tab order at a time (a roving tabindex):
// Tab enters the graph on it and leaves after its buttons, instead of walking every arrow and
// table. Arrow keys move between connected tables (graph-keys.ts), Shift+Left/Right to the arrow
// towards the nearest source or target, Enter or Space selects, Escape lets go of the selection.
// Focus follows what was acted on: a table off screen is brought into view before it is focused.
import { useReactFlow } from '@xyflow/react';
import { useCallback, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { GraphModel } from '../model/build-graph';
import { MOVE_KEYS, nextArrow, nextTable } from '../model/graph-keys';
import { NODE_HEIGHT, NODE_WIDTH, type Point } from '../model/layout';

interface Options {
  model: GraphModel;
  positions: ReadonlyMap<string, Point>;
  /** Where the keyboard starts: the selected table, else the focus table. */
  start: string;
  container: RefObject<HTMLDivElement | null>;
  onSelectTable: (key: string) => void;
  onSelectEdge: (key: string) => void;
  onEscape: () => void;
}

const FOCUS_FRAMES = 30;

export function useGraphKeyboard({ model, positions, start, container, onSelectTable, onSelectEdge, onEscape }: Options) {
  const flow = useReactFlow();
  const [chosen, setChosen] = useState<string>();
  // A table that is no longer drawn gives the keyboard back to the start table.
  const current = chosen !== undefined && positions.has(chosen) ? chosen : start;
  const attempt = useRef(0);

  /** Focuses a table or an arrow once it is rendered (a table off screen is panned to first). */
  const focus = useCallback(
    (kind: 'node' | 'edge', id: string) => {
      if (kind === 'node') setChosen(id);
      const run = ++attempt.current;
      let frames = 0;
      const step = () => {
        if (run !== attempt.current) return; // a newer move took over
        const element = container.current?.querySelector<HTMLElement>(`.react-flow__${kind}[data-id="${CSS.escape(id)}"]`);
        if (element && (kind === 'edge' || element.tabIndex === 0)) {
          element.focus();
          return;
        }
        if (frames === 0 && kind === 'node') {
          const at = positions.get(id);
          if (at) void flow.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom: flow.getZoom() });
        }
        if (++frames < FOCUS_FRAMES) requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    },
    [container, positions, flow],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = event.target as HTMLElement;
      const nodeElement = target.closest<HTMLElement>('.react-flow__node');
      const edgeElement = target.closest<HTMLElement>('.react-flow__edge');
      const move = MOVE_KEYS[event.key];
      if (nodeElement && nodeElement === target) {
        const id = nodeElement.dataset.id ?? '';
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelectTable(id);
          focus('node', id); // kept on the table through the re-render the selection causes
          return;
        }
        if (move && event.shiftKey && (move === 'upstream' || move === 'downstream')) {
          const arrow = nextArrow(model, positions, id, move);
          if (arrow) focus('edge', arrow);
          event.preventDefault();
          return;
        }
        if (move && !event.altKey && !event.ctrlKey && !event.metaKey) {
          const next = nextTable(model, positions, id, move);
          if (next) focus('node', next);
          event.preventDefault();
          return;
        }
      }
      if (edgeElement && edgeElement === target) {
        const edge = model.edges.get(edgeElement.dataset.id ?? '');
        if (!edge) return;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelectEdge(edge.key);
          focus('edge', edge.key);
          return;
        }
        if (move === 'upstream' || move === 'downstream') {
          event.preventDefault();
          focus('node', move === 'upstream' ? edge.source : edge.target);
          return;
        }
      }
      if (event.key === 'Escape' && !event.defaultPrevented) {
        onEscape();
        focus('node', current);
      }
    },
    [model, positions, focus, onSelectTable, onSelectEdge, onEscape, current],
  );

  return { active: current, onKeyDown, focusTable: useCallback((id: string) => focus('node', id), [focus]) };
}

/** What screen readers are told a table or an arrow does (instead of React Flow's "move the node" hints). */
export const GRAPH_ARIA_LABELS = {
  'node.a11yDescription.default':
    'Enter or Space opens its details. Left and Right arrow keys go to its source and target tables, Up and Down to the tables above and below. Shift with Left or Right goes to the arrow towards them.',
  'node.a11yDescription.keyboardDisabled': 'Enter or Space opens its details.',
  'edge.a11yDescription.default': 'Enter or Space opens the details of this link. Left arrow goes to its source table, Right arrow to its target table.',
};
