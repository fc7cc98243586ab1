// What the canvas emphasises (nodes/emphasis.ts): the paths through the hovered or selected table,
// a root cause's path, a traced column's path, and the "fed by failing sources" marks. Passed to
// the drawn tables through a context, so a highlight never rebuilds React Flow's node lists.
import { useCallback, useMemo, useState } from 'react';
import type { GraphEdge, GraphModel } from '../model/build-graph';
import { upstreamFailures, type UpstreamFailure } from '../model/quality-paths';
import { causePathOf, rootCause } from '../model/root-cause';
import { pathsThrough } from '../model/traverse';
import type { ColourBy, Emphasis } from '../nodes/emphasis';

interface EmphasisInput {
  model: GraphModel;
  selected: string | undefined;
  drawnEdges: readonly GraphEdge[];
  colourBy: ColourBy;
  failures: ReadonlyMap<string, UpstreamFailure> | undefined;
  /** A traced column: its tables and links, and its columns. */
  trace: { path?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }; columns?: ReadonlySet<string> };
  /** Draws tables beyond the neighbourhood (a root cause's failing tables). */
  reveal: (keys: Iterable<string>) => void;
}

export function useCanvasEmphasis({ model, selected, drawnEdges, colourBy, failures, trace, reveal }: EmphasisInput) {
  const [hovered, setHovered] = useState<string>();
  const [rootCauseFor, setRootCauseFor] = useState<string>();
  // The selection's paths are kept while another table is hovered (and give the details panel its counts).
  const selectedPaths = useMemo(() => (selected ? pathsThrough(model, selected) : undefined), [model, selected]);
  const hoveredPaths = useMemo(() => (hovered && hovered !== selected ? pathsThrough(model, hovered) : undefined), [model, hovered, selected]);
  const highlight = hoveredPaths ?? selectedPaths;
  const causes = useMemo(() => (rootCauseFor ? rootCause(model, rootCauseFor) : []), [model, rootCauseFor]);
  const causeRank = useMemo(() => new Map(causes.map((c, i) => [c.key, { rank: i + 1, origin: c.origin }])), [causes]);
  // The tables through which the problem travels: below a cause and above the traced table.
  const causePath = useMemo(() => (rootCauseFor ? causePathOf(model, rootCauseFor, causes) : undefined), [model, rootCauseFor, causes]);

  const emphasis = useMemo<Emphasis>(() => {
    const shared = { selected, causes: causeRank, failures, colourBy, tracedColumns: trace.columns };
    if (causePath) {
      const edgesInFocus = new Set<string>();
      for (const edge of drawnEdges) if (causePath.has(edge.source) && causePath.has(edge.target)) edgesInFocus.add(edge.key);
      return { ...shared, nodes: causePath, edges: edgesInFocus };
    }
    if (trace.path && !hovered) return { ...shared, nodes: trace.path.nodes, edges: trace.path.edges };
    return { ...shared, nodes: highlight?.nodes, edges: highlight?.edges };
  }, [causePath, highlight, selected, causeRank, drawnEdges, failures, colourBy, trace.path, trace.columns, hovered]);

  /** Traces the root cause of a table (again: stops), drawing its failing upstream tables beyond the default steps. */
  const toggleRootCause = useCallback(
    (key: string) => {
      if (rootCauseFor === key) return setRootCauseFor(undefined);
      setRootCauseFor(key);
      reveal(rootCause(model, key).map((step) => step.key));
    },
    [rootCauseFor, model, reveal],
  );
  const stopRootCause = useCallback(() => setRootCauseFor(undefined), []);

  return { emphasis, hovered, setHovered, highlight, selectedPaths, causes, rootCauseFor, toggleRootCause, stopRootCause };
}

/**
 * The "fed by failing sources" marks: computed with the lineage (a few milliseconds at 5,000
 * tables). They used to wait one frame after the first picture; that frame cost two more redraws
 * of every drawn table (its marks, then its accessible name), so the picture settled later.
 */
export function useFailureMarks(model: GraphModel): ReadonlyMap<string, UpstreamFailure> {
  return useMemo(() => upstreamFailures(model), [model]);
}
