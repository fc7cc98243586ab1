import { useCallback, useState } from 'react';
import type { GraphModel } from '../model/build-graph';
import { NOTHING, nextSelection, selectionOf, type LocalSelection, type Selection } from '../model/selection';

/** The selection as one value (model/selection.ts): the table from the URL, the rest from the canvas. */
export function useSelection(model: GraphModel, urlTable: string | undefined, onSelectTable: (key: string | undefined) => void) {
  const [local, setLocal] = useState<LocalSelection>(NOTHING);
  const table = urlTable && model.nodes.has(urlTable) ? urlTable : undefined;
  const edge = local.edge && model.edges.has(local.edge) ? local.edge : undefined;
  const selection = selectionOf(table, { ...local, edge });
  const select = useCallback(
    (next: Selection) => {
      const parts = nextSelection(next);
      setLocal(parts.local);
      if (parts.table !== urlTable) onSelectTable(parts.table);
    },
    [urlTable, onSelectTable],
  );
  return { selection, select };
}
