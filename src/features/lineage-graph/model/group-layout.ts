// Where the groups of a grouped overview go: layers from the flow between groups (left to right),
// and tall layers packed into several sub-columns so that the picture's shape approaches the
// canvas's (a warehouse with 40 staging schemas is not a 40-box strip). Pure.
import type { Grouping } from './groups';
import { layeredLayout, type Point } from './layout';

export const GROUP_WIDTH = 260;
export const GROUP_HEIGHT = 104;
// Narrow gaps: with ten layers side by side, the boxes (and their names) get most of the width.
const GROUP_GAPS = { x: 64 /* between layers: room for arrows */, subX: 24 /* between sub-columns of a layer */, y: 24 };
// The tables inside an open group: cards in layers along the flow between them.
export const CARD_WIDTH = 220;
export const CARD_HEIGHT = 44;
const CARD_GAPS = { x: 48, subX: 12, y: 10 };
/** An open group: its name and counts on top, its tables, "N more" under them, the status bar. */
export const OPEN_HEADER = 72;
export const OPEN_PADDING = 14;
export const MORE_ROW = 30;
const BAR = 8;

export interface Size {
  width: number;
  height: number;
}

export interface GroupLayout {
  positions: Map<string, Point>;
  width: number;
  height: number;
}

/**
 * Packs layers (each an ordered list) into sub-columns of at most `rows` boxes, choosing `rows` so
 * that the picture's width ÷ height is as close as can be to `aspect`.
 */
export function packLayers(
  layers: readonly (readonly string[])[],
  aspect: number,
  box: Size = { width: GROUP_WIDTH, height: GROUP_HEIGHT },
  gaps = GROUP_GAPS,
): GroupLayout {
  const { x: GAP_X, subX: SUB_GAP_X, y: GAP_Y } = gaps;
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

/** Keys in layers along the flow between them (loops broken for the layering only), each layer top to bottom. */
function layersOf(keys: readonly string[], edges: readonly (readonly [string, string])[]): string[][] {
  const layered = layeredLayout({ nodes: keys, edges });
  const byX = new Map<number, { key: string; y: number }[]>();
  for (const key of keys) {
    const p = layered.positions.get(key) ?? { x: 0, y: 0 };
    const list = byX.get(p.x);
    if (list) list.push({ key, y: p.y });
    else byX.set(p.x, [{ key, y: p.y }]);
  }
  return [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list.sort((a, b) => a.y - b.y).map((entry) => entry.key));
}

/** The groups in layers along the flow between them, tall layers packed toward the canvas's shape. */
export function groupLayout(grouping: Grouping, aspect: number): GroupLayout {
  const keys = [...grouping.groups.keys()];
  return packLayers(layersOf(keys, grouping.links.map((link) => [link.source, link.target] as const)), aspect);
}

/**
 * An open group's tables as cards, in layers along the flows between them (positions from the
 * group's top-left corner), and the group's size.
 */
export function openGroupLayout(tables: readonly string[], edges: readonly (readonly [string, string])[], more: number): { cards: Map<string, Point>; size: Size } {
  const inner = packLayers(layersOf(tables, edges), 2.4, { width: CARD_WIDTH, height: CARD_HEIGHT }, CARD_GAPS);
  const cards = new Map<string, Point>();
  for (const [key, p] of inner.positions) cards.set(key, { x: p.x + OPEN_PADDING, y: p.y + OPEN_HEADER });
  const size = {
    width: Math.max(GROUP_WIDTH, inner.width + 2 * OPEN_PADDING),
    height: OPEN_HEADER + inner.height + OPEN_PADDING + (more > 0 ? MORE_ROW : 0) + BAR,
  };
  return { cards, size };
}

/**
 * Makes room for open groups without moving the rest more than needed: an open group grows right
 * and down from its corner; the groups below it in its column move down, the columns right of it
 * move right. Groups left of it, and above it in its column, stay exactly where they were, and
 * every group keeps its column and its order.
 */
export function placeGroups(base: ReadonlyMap<string, Point>, sizes: ReadonlyMap<string, Size>): GroupLayout {
  const columns = new Map<number, string[]>();
  for (const [key, p] of base) {
    const column = columns.get(p.x);
    if (column) column.push(key);
    else columns.set(p.x, [key]);
  }
  const positions = new Map<string, Point>();
  let shiftX = 0;
  let width = 0;
  let height = 0;
  for (const [x, keys] of [...columns.entries()].sort((a, b) => a[0] - b[0])) {
    let shiftY = 0;
    let wider = 0;
    for (const key of keys.sort((a, b) => (base.get(a) as Point).y - (base.get(b) as Point).y)) {
      const p = base.get(key) as Point;
      const size = sizes.get(key) ?? { width: GROUP_WIDTH, height: GROUP_HEIGHT };
      positions.set(key, { x: x + shiftX, y: p.y + shiftY });
      width = Math.max(width, x + shiftX + size.width);
      height = Math.max(height, p.y + shiftY + size.height);
      shiftY += size.height - GROUP_HEIGHT;
      wider = Math.max(wider, size.width - GROUP_WIDTH);
    }
    shiftX += wider;
  }
  return { positions, width, height };
}
