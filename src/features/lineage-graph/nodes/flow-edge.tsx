import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { INK } from '@/lib/palette';
import { memo } from 'react';
import { DIFF_STYLE, edgeLabelStyle } from './diff-style';
import { useEmphasis } from './emphasis';
import type { Point } from '../model/layout';
import { routedPath } from '../model/routes';

export interface FlowEdgeData extends Record<string, unknown> {
  color: string;
  width: number;
  /** How the staged draft changes this link. */
  diff?: 'added' | 'removed' | 'changed';
  /** A dimmed connector: the way to the target passes this many tables a status filter hides. */
  through?: number;
  /** Waypoints round the tables of the columns this arrow crosses (routes.ts). */
  route?: Point[];
}

export type FlowEdgeType = Edge<FlowEdgeData, 'flow'>;

/** A data flow: a bezier curve (round the tables in its way), as wide as the rows flowing, faded when out of focus. */
export const FlowEdge = memo(function FlowEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  markerEnd,
  data,
  selected,
}: EdgeProps<FlowEdgeType>) {
  const emphasis = useEmphasis();
  const [path, labelX, labelY] = data?.route
    ? routedPath(sourceX, sourceY, data.route, targetX, targetY)
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const faded = emphasis.edges !== undefined && !emphasis.edges.has(id);
  const diff = data?.diff ? DIFF_STYLE[data.diff] : undefined;
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      interactionWidth={12}
      style={{
        stroke: data?.color,
        strokeWidth: data?.width,
        strokeDasharray: diff?.dash ?? (data?.through ? '2 5' : undefined),
        opacity: faded ? 0.12 : diff ? 1 : data?.through ? 0.7 : 0.85,
        filter: selected ? `drop-shadow(0 0 2px ${INK.focus})` : undefined,
      }}
      label={diff?.label}
      labelX={labelX}
      labelY={labelY}
      {...edgeLabelStyle(data?.color, 11)}
    />
  );
}, sameEdgeProps);

const COORDINATES = new Set(['sourceX', 'sourceY', 'targetX', 'targetY']);

/**
 * React Flow measures every table once it is drawn and moves each end of an arrow by a fraction of
 * a pixel from where the handles given with the node put it (table-node.tsx, tableHandles): not
 * worth drawing every arrow again.
 */
function sameEdgeProps(a: EdgeProps<FlowEdgeType>, b: EdgeProps<FlowEdgeType>): boolean {
  for (const key of Object.keys(a) as (keyof EdgeProps<FlowEdgeType>)[]) {
    if (COORDINATES.has(key) ? Math.abs((a[key] as number) - (b[key] as number)) >= 0.5 : a[key] !== b[key]) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}
