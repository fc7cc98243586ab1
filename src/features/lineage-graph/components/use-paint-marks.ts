// Performance marks naming what was painted (for a profile; `npm run bench` measures from the page).
import { useCallback, useEffect, type RefObject } from 'react';
import type { LayoutResult } from '../model/layout';
import { afterPaint } from './after-paint';

interface PaintInput {
  box: RefObject<HTMLDivElement | null>;
  layout: LayoutResult;
  /** The drawn tables (a new list: a new picture). */
  drawn: readonly string[];
  /** React Flow nodes and edges handed over (none while the overview paints instead). */
  nodeCount: number;
  edgeCount: number;
  /** The hovered or selected table, and its highlighted paths. */
  focus: string | undefined;
  highlight: unknown;
  overview: boolean;
}

export function usePaintMarks({ box, layout, drawn, nodeCount, edgeCount, focus, highlight, overview }: PaintInput) {
  // React Flow draws edges one commit after it has measured the nodes: the picture counts as
  // painted once an edge is on screen too (when there are edges to draw).
  useEffect(() => {
    if (nodeCount === 0) return;
    const expectEdges = edgeCount > 0;
    let cancel = () => {};
    let frames = 0;
    const check = () => {
      frames += 1;
      if (expectEdges && frames < 120 && !box.current?.querySelector('.react-flow__edge')) cancel = afterPaint(check);
      else {
        performance.mark('lineage-painted', { detail: { nodes: nodeCount } });
      }
    };
    cancel = afterPaint(check);
    return () => cancel();
  }, [layout, drawn]); // eslint-disable-line react-hooks/exhaustive-deps -- once per new picture, not per highlight
  useEffect(() => (focus && !overview ? afterPaint(() => performance.mark('lineage-highlight-painted')) : undefined), [focus, highlight, overview]);
  /** The overview canvas reports its own paints. */
  return useCallback(
    (kind: 'graph' | 'highlight') => {
      if (kind === 'highlight') return void performance.mark('lineage-highlight-painted');
      performance.mark('lineage-painted', { detail: { nodes: drawn.length } });
    },
    [drawn.length],
  );
}
