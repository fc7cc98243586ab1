// Where the groups of a grouped overview go: layers from the flow between groups (left to right),
// and tall layers packed into several sub-columns so that the picture's shape approaches the
// canvas's (a warehouse with 40 staging schemas is not a 40-box strip). Pure.
import type { Grouping } from './groups';
import { layeredLayout, type Point } from './layout';

export const GROUP_WIDTH = 260;
export const GROUP_HEIGHT = 104;
// Narrow gaps: with ten layers side by side, the boxes (and their names) get most of the width.
const GAP_X = 64; // between layers (room for arrows)
const SUB_GAP_X = 24; // between the sub-columns of one layer
const GAP_Y = 24;

export interface GroupLayout {
  positions: Map<string, Point>;
  width: number;
  height: number;
}

/**
 * Packs layers (each an ordered list) into sub-columns of at most `rows` boxes, choosing `rows` so
 * that the picture's width ÷ height is as close as can be to `aspect`.
 */
export function packLayers(layers: readonly (readonly string[])[], aspect: number, box = { width: GROUP_WIDTH, height: GROUP_HEIGHT }): GroupLayout {
  const tallest = Math.max(1, ...layers.map((layer) => layer.length));
  const sizeFor = (rows: number) => {
    let width = 0;
    layers.forEach((layer, i) => {
      const columns = Math.max(1, Math.ceil(layer.length / rows));
      width += columns * box.width + (columns - 1) * SUB_GAP_X + (i > 0 ? GAP_X : 0);
    });
    return { width, height: rows * box.height + (rows - 1) * GAP_Y };
  };
  let best = tallest;
  let bestMiss = Infinity;
  for (let rows = 1; rows <= tallest; rows += 1) {
    const { width, height } = sizeFor(rows);
    const miss = Math.abs(Math.log(width / height / aspect));
    if (miss < bestMiss - 1e-9) {
      best = rows;
      bestMiss = miss;
    }
  }
  const { width, height } = sizeFor(best);
  const positions = new Map<string, Point>();
  let x = 0;
  for (const layer of layers) {
    const columns = Math.max(1, Math.ceil(layer.length / best));
    const perColumn = Math.ceil(layer.length / columns); // spread evenly over the sub-columns
    layer.forEach((key, i) => {
      const column = Math.floor(i / perColumn);
      const row = i % perColumn;
      const inColumn = Math.min(perColumn, layer.length - column * perColumn);
      const top = (height - (inColumn * box.height + (inColumn - 1) * GAP_Y)) / 2; // centred vertically
      positions.set(key, { x: x + column * (box.width + SUB_GAP_X), y: top + row * (box.height + GAP_Y) });
    });
    x += columns * box.width + (columns - 1) * SUB_GAP_X + GAP_X;
  }
  return { positions, width, height };
}

/** The groups in layers along the flow between them (loops broken for the layering only), packed. */
export function groupLayout(grouping: Grouping, aspect: number): GroupLayout {
  const keys = [...grouping.groups.keys()];
  const layered = layeredLayout({ nodes: keys, edges: grouping.links.map((link) => [link.source, link.target] as const) });
  const byX = new Map<number, { key: string; y: number }[]>();
  for (const key of keys) {
    const p = layered.positions.get(key) ?? { x: 0, y: 0 };
    const list = byX.get(p.x);
    if (list) list.push({ key, y: p.y });
    else byX.set(p.x, [{ key, y: p.y }]);
  }
  const layers = [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.sort((a, b) => a.y - b.y).map((entry) => entry.key));
  return packLayers(layers, aspect);
}
