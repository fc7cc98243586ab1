// How staged draft changes are drawn (arrows on the canvas, the overview and the legend), and
// the labels on arrows.
import { DIFF_COLOURS, INK } from '@/lib/palette';
import type { LinkDiff } from '../model/draft';

export const DIFF_STYLE: Record<LinkDiff, { color: string; dash: string; label: string; legend: string; aria: string }> = {
  added: { color: DIFF_COLOURS.added, dash: '7 4', label: '+ new', legend: '+ New source', aria: 'new source, not saved yet' },
  removed: { color: DIFF_COLOURS.removed, dash: '3 4', label: '− remove', legend: '− Source to remove', aria: 'removal not saved yet' },
  changed: { color: DIFF_COLOURS.changed, dash: '10 3 2 3', label: '~ mappings', legend: '~ Column mappings changed', aria: 'column mappings changed, not saved yet' },
};

/** A short label on an arrow: text in the arrow's colour on a white chip outlined in it. */
export function edgeLabelStyle(color: string | undefined, fontSize: number) {
  return {
    labelStyle: { fill: color, fontWeight: 600, fontSize },
    labelBgPadding: [4, 2] as [number, number],
    labelBgBorderRadius: 4,
    labelBgStyle: { fill: INK.surface, stroke: color, strokeWidth: 1 },
  };
}
