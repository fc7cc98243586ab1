// Where the groups of a grouped overview go: layers from the flow between groups (left to right),
// and tall layers packed into several sub-columns so that the picture's shape approaches the
// canvas's (a warehouse with 40 staging schemas is not a 40-box strip). Schemas of two or more
// connections sit in a frame per connection: the connections in layers along the flow between
// them, each connection's schemas in layers inside its frame. Pure.
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

/** A connection's frame: its name and counts on top, its schemas below, a margin around them. */
export const FRAME_HEADER = 64;
export const FRAME_PADDING = 16;
const FRAME_GAPS = { x: 72 /* between columns of frames: room for arrows */, y: 40 };

export interface GroupLayout {
  positions: Map<string, Point>;
  width: number;
  height: number;
  /** Connection → its frame (grouped by schema, two or more connections). */
  frames?: Map<string, Point & Size>;
}

/** The closed picture, and for nested frames what placing open groups needs. */
export interface BaseLayout extends GroupLayout {
  nest?: {
    /** Connection → its schema groups, from the corner of the frame's content. */
    inner: Map<string, GroupLayout>;
    /** Connection → its frame's corner. */
    outer: Map<string, Point>;
  };
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
export function groupLayout(grouping: Grouping, aspect: number): BaseLayout {
  const keys = [...grouping.groups.keys()];
  const byConnection = new Map<string, string[]>();
  for (const group of grouping.groups.values()) {
    const list = byConnection.get(group.connection);
    if (list) list.push(group.key);
    else byConnection.set(group.connection, [group.key]);
  }
  if (grouping.by !== 'schema' || byConnection.size < 2) {
    return packLayers(layersOf(keys, grouping.links.map((link) => [link.source, link.target] as const)), aspect);
  }
  const connectionOf = (key: string) => grouping.groups.get(key)?.connection ?? '';
  const between: [string, string][] = [];
  for (const link of grouping.links) {
    const from = connectionOf(link.source);
    const to = connectionOf(link.target);
    if (from !== to) between.push([from, to]);
  }
  const outerLayers = layersOf([...byConnection.keys()], between);
  // Each frame's shape: the canvas's, shared out over the columns and rows of frames.
  const innerAspect = (aspect * Math.max(...outerLayers.map((layer) => layer.length))) / outerLayers.length;
  const inner = new Map<string, GroupLayout>();
  const frameSizes = new Map<string, Size>();
  for (const [connection, members] of byConnection) {
    const own = new Set(members);
    const links = grouping.links.filter((link) => own.has(link.source) && own.has(link.target)).map((link) => [link.source, link.target] as const);
    const layout = packLayers(layersOf(members, links), innerAspect);
    inner.set(connection, layout);
    frameSizes.set(connection, frameSize(layout));
  }
  const outer = stackLayers(outerLayers, frameSizes);
  return { ...intoFrames(inner, outer, frameSizes), nest: { inner, outer: outer.positions } };
}

/** The schema groups placed inside their connections' frames: absolute positions, and the frames. */
function intoFrames(inner: ReadonlyMap<string, GroupLayout>, outer: GroupLayout, frameSizes: ReadonlyMap<string, Size>): GroupLayout {
  const positions = new Map<string, Point>();
  const frames = new Map<string, Point & Size>();
  for (const [connection, layout] of inner) {
    const corner = outer.positions.get(connection) as Point;
    frames.set(connection, { ...corner, ...(frameSizes.get(connection) as Size) });
    for (const [key, p] of layout.positions) positions.set(key, { x: corner.x + FRAME_PADDING + p.x, y: corner.y + FRAME_HEADER + p.y });
  }
  return { positions, width: outer.width, height: outer.height, frames };
}

function frameSize(inner: Size): Size {
  return { width: inner.width + 2 * FRAME_PADDING, height: FRAME_HEADER + inner.height + FRAME_PADDING };
}

/** Boxes of different sizes in columns (left-aligned), each column centred on the tallest. */
function stackLayers(layers: readonly (readonly string[])[], sizes: ReadonlyMap<string, Size>): GroupLayout {
  const size = (key: string) => sizes.get(key) as Size;
  const columnHeight = (layer: readonly string[]) => layer.reduce((sum, key) => sum + size(key).height, 0) + (layer.length - 1) * FRAME_GAPS.y;
  const height = Math.max(...layers.map(columnHeight));
  const positions = new Map<string, Point>();
  let x = 0;
  for (const layer of layers) {
    let y = (height - columnHeight(layer)) / 2;
    for (const key of layer) {
      positions.set(key, { x, y });
      y += size(key).height + FRAME_GAPS.y;
    }
    x += Math.max(...layer.map((key) => size(key).width)) + FRAME_GAPS.x;
  }
  return { positions, width: x - FRAME_GAPS.x, height };
}

/**
 * The picture with some groups open (placeGroups), inside their frames when nested: an open group
 * grows its frame, and the frames are placed the way groups are (those left of and above a grown
 * frame stay still).
 */
export function placeLayout(base: BaseLayout, sizes: ReadonlyMap<string, Size>): GroupLayout {
  if (!base.nest) return placeGroups(base.positions, sizes);
  const placedInner = new Map<string, GroupLayout>();
  const closed = new Map<string, Size>();
  const grown = new Map<string, Size>();
  for (const [connection, layout] of base.nest.inner) {
    const placed = placeGroups(layout.positions, sizes);
    placedInner.set(connection, placed);
    closed.set(connection, frameSize(layout));
    grown.set(connection, frameSize({ width: Math.max(layout.width, placed.width), height: Math.max(layout.height, placed.height) }));
  }
  return intoFrames(placedInner, placeGroups(base.nest.outer, grown, closed), grown);
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
export function placeGroups(base: ReadonlyMap<string, Point>, sizes: ReadonlyMap<string, Size>, closed?: ReadonlyMap<string, Size>): GroupLayout {
  const closedSize = (key: string) => closed?.get(key) ?? { width: GROUP_WIDTH, height: GROUP_HEIGHT };
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
      const before = closedSize(key);
      const size = sizes.get(key) ?? before;
      positions.set(key, { x: x + shiftX, y: p.y + shiftY });
      width = Math.max(width, x + shiftX + size.width);
      height = Math.max(height, p.y + shiftY + size.height);
      shiftY += size.height - before.height;
      wider = Math.max(wider, size.width - before.width);
    }
    shiftX += wider;
  }
  return { positions, width, height };
}
