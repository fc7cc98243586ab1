import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { DIFF_COLOURS, INK } from '@/lib/palette';
import { columnId } from './column-list';
import { edgeLabelStyle } from './diff-style';
import { useEmphasis } from './emphasis';

export interface ColumnEdgeData extends Record<string, unknown> {
  mappings: { sourceColumn: string; column: string; diff?: 'added' | 'removed' }[];
}

export type ColumnEdgeType = Edge<ColumnEdgeData, 'column'>;

const COLOUR = { normal: INK.column, added: DIFF_COLOURS.added, removed: DIFF_COLOURS.removed } as const;

/** A column mapping (or several sharing their ends): thin, purple; bold on the traced column's path. */
export const ColumnEdge = memo(function ColumnEdge({
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<ColumnEdgeType>) {
  const emphasis = useEmphasis();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const mappings = data?.mappings ?? [];
  const traced = emphasis.tracedColumns;
  const onPath = traced !== undefined && mappings.some((m) => traced.has(columnId(source, m.sourceColumn)) && traced.has(columnId(target, m.column)));
  const diff = mappings.every((m) => m.diff === 'added') ? 'added' : mappings.every((m) => m.diff === 'removed') ? 'removed' : undefined;
  const colour = COLOUR[diff ?? 'normal'];
  return (
    <BaseEdge
      path={path}
      interactionWidth={0}
      style={{
        stroke: colour,
        strokeWidth: onPath ? 2.5 : 1.25,
        strokeDasharray: diff ? '5 3' : undefined,
        opacity: traced && !onPath ? 0.15 : onPath ? 1 : 0.7,
      }}
      // Several mappings share these ends (columns out of view): say how many, in words.
      label={mappings.length > 1 ? `${mappings.length} mappings` : undefined}
      labelX={labelX}
      labelY={labelY}
      {...edgeLabelStyle(colour, 10)}
    />
  );
});
