// The whole graph of a big lineage (hundreds to thousands of tables) drawn on one <canvas>:
// painting thousands of DOM nodes would block the page for seconds, a canvas paints them in
// milliseconds. Wheel to zoom, drag to pan, click to select; the selected table's paths, or those
// of the table under the pointer, are highlighted.
import { useCallback, useEffect, useMemo } from 'react';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import type { LayoutResult } from '../model/layout';
import type { LinkDiff } from '../model/draft';
import { centredOn, fitCamera, tableAt } from '../model/overview-camera';
import type { Emphasis } from '../nodes/emphasis';
import { edgeGeometry, paintOverview } from './paint-overview';
import { useCanvasStage } from './use-canvas-stage';

interface Props {
  model: GraphModel;
  nodes: readonly string[];
  edges: readonly GraphEdge[];
  /** Staged draft changes by edge key: drawn in the draft colours. */
  diffs?: ReadonlyMap<string, { diff: LinkDiff }>;
  layout: LayoutResult;
  emphasis: Emphasis;
  onSelect: (key: string | undefined) => void;
  /** The table under the pointer (its paths are highlighted), or none. */
  onHover?: (key: string | undefined) => void;
  /** Centre on this table (search). */
  centerOn?: { key: string; n: number };
}


export function OverviewCanvas({ model, nodes, edges, diffs, layout, emphasis, onSelect, onHover, centerOn }: Props) {
  const geometry = useMemo(() => edgeGeometry(edges, layout, diffs), [edges, layout, diffs]);
  const { host, canvas, getCamera, setCamera, schedule, events } = useCanvasStage(
    (context, view, size) => paintOverview(context, view, { model, nodes, positions: layout.positions, geometry, emphasis }, size),
    {
      onClick: (x, y) => {
        onSelect(tableAt(getCamera(), x, y, nodes, layout.positions));
      },
      onHover: (x, y) => onHover?.(tableAt(getCamera(), x, y, nodes, layout.positions)),
    },
  );
  // Fit the whole graph when a new picture arrives.
  const fit = useCallback(() => {
    const element = host.current;
    const fitted = element ? fitCamera(layout.positions, element.clientWidth, element.clientHeight) : undefined;
    if (fitted) setCamera(fitted);
  }, [host, setCamera, layout]);
  useEffect(() => {
    fit();
    schedule();
  }, [layout, nodes, fit, schedule]);
  useEffect(() => schedule(), [emphasis, schedule]);

  useEffect(() => {
    if (!centerOn) return;
    const p = layout.positions.get(centerOn.key);
    const element = host.current;
    if (!p || !element) return;
    setCamera(centredOn(getCamera(), p, element.clientWidth, element.clientHeight));
    schedule();
  }, [centerOn, layout, schedule, host, getCamera, setCamera]);

  return (
    <div ref={host} className="ls-overview">
      <canvas
        ref={canvas}
        className="ls-overview__canvas"
        role="img"
        aria-label={`Overview of all ${nodes.length} tables. Use "Find a table" to select one, or the Flows tab for a table of every flow.`}
        {...events}
      />
      <button type="button" className="ls-button ls-overview__fit" onClick={() => (fit(), schedule())}>
        Fit
      </button>
    </div>
  );
}
