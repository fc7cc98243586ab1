// Paints a grouped overview: a box per group (its name, where it is, how many tables and how many
// fail, a bar of its tables' statuses); an open group also holds cards for its drawn tables and
// counts the rest. Arrows join what is drawn (width by flows, colour by the worst status arriving,
// the flow count on it; loops dashed; staged draft changes in the draft colours). A function of its
// arguments, like paintOverview, so an export paints the same picture on an SVG recorder.
import { plural } from '@/lib/format';
import { INK } from '@/lib/palette';
import { SEVERITY_STYLE, type SeverityKey } from '@/lib/severity';
import type { GraphModel } from '../model/build-graph';
import type { LinkDiff } from '../model/draft';
import { CARD_HEIGHT, CARD_WIDTH, GROUP_HEIGHT, GROUP_WIDTH, MORE_ROW, type Size } from '../model/group-layout';
import type { GroupView } from '../model/group-view';
import { GROUP_STATUS_ORDER, type Grouping, type TableGroup } from '../model/groups';
import type { Point } from '../model/layout';
import type { Camera } from '../model/overview-camera';
import { DIFF_STYLE } from '../nodes/diff-style';
import { beginPaint, type CanvasSize, type OverviewContext } from './paint-overview';

export type GroupContext = OverviewContext & Pick<CanvasRenderingContext2D, 'lineTo' | 'setLineDash' | 'textAlign' | 'measureText'>;

export interface GroupScene {
  model: GraphModel;
  grouping: Grouping;
  view: GroupView;
  /** Group → top-left corner; open groups' sizes; drawn tables → their card's corner. */
  positions: ReadonlyMap<string, Point>;
  sizes: ReadonlyMap<string, Size>;
  cards: ReadonlyMap<string, Point>;
  /** Connection → the frame around its schemas (grouped by schema, two or more connections). */
  frames?: ReadonlyMap<string, Point & Size>;
  /** Table → its status as coloured (own, or including upstream). */
  statusOf: (key: string) => SeverityKey;
  /** The group or table under the pointer or the keyboard's focus. */
  active?: string;
  selected?: string;
  /** The selected or hovered table's paths: path tables per group, the arrows and tables on them. */
  paths?: { groups: ReadonlyMap<string, number>; links: ReadonlySet<string>; tables: ReadonlySet<string> };
  /** Arrows standing for a staged draft change. */
  drafts?: ReadonlyMap<string, LinkDiff>;
}

/** The grouped overview as last painted, for an export of the picture as shown. */
export interface GroupedPicture {
  scene: GroupScene;
  width: number;
  height: number;
}

const BAR_HEIGHT = 8;

function clip(context: GroupContext, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > width) end -= 1;
  return `${text.slice(0, end)}…`;
}

interface Box extends Point, Size {}

/** Where an arrow's end is drawn: a drawn table's card, or its group's box. */
export function endpointBox(scene: Pick<GroupScene, 'positions' | 'sizes' | 'cards'>, key: string): Box | undefined {
  const card = scene.cards.get(key);
  if (card) return { ...card, width: CARD_WIDTH, height: CARD_HEIGHT };
  const p = scene.positions.get(key);
  return p ? { ...p, ...(scene.sizes.get(key) ?? { width: GROUP_WIDTH, height: GROUP_HEIGHT }) } : undefined;
}

export function paintGroups(context: GroupContext, camera: Camera, scene: GroupScene, size: CanvasSize): void {
  const { grouping, view, positions, sizes, active, paths, drafts } = scene;
  const { k } = camera;
  const { left, top, right, bottom } = beginPaint(context, camera, size);

  // The connections' frames first, then the open groups' boxes, then the arrows (visible inside
  // open groups, under closed ones), then the closed groups and the open groups' words and cards.
  for (const [connection, frame] of scene.frames ?? []) {
    if (frame.x > right || frame.x + frame.width < left || frame.y > bottom || frame.y + frame.height < top) continue;
    paintConnectionFrame(context, scene, connection, frame, k);
  }
  const inView = (group: TableGroup) => {
    const p = positions.get(group.key);
    const box = sizes.get(group.key) ?? { width: GROUP_WIDTH, height: GROUP_HEIGHT };
    return p && !(p.x > right || p.x + box.width < left || p.y > bottom || p.y + box.height < top) ? { p, box } : undefined;
  };
  for (const group of grouping.groups.values()) {
    const placed = view.shown.has(group.key) ? inView(group) : undefined;
    if (placed) paintFrame(context, scene, group, placed.p, placed.box, k);
  }
  const most = Math.max(1, ...view.links.map((link) => link.flows));
  const labels: [string, number, number, string, number][] = [];
  for (const link of view.links) {
    const s = endpointBox(scene, link.source);
    const t = endpointBox(scene, link.target);
    if (!s || !t) continue;
    const forward = t.x > s.x + s.width / 2;
    const sx = forward ? s.x + s.width : s.x + s.width / 2;
    const sy = forward ? s.y + s.height / 2 : s.y + s.height;
    const tx = forward ? t.x : t.x + t.width / 2;
    const ty = forward ? t.y + t.height / 2 : t.y + t.height;
    if (Math.max(sx, tx) < left || Math.min(sx, tx) > right || Math.max(sy, ty) + 200 < top || Math.min(sy, ty) - 200 > bottom) continue;
    const draft = drafts?.get(link.key);
    const colour = draft ? DIFF_STYLE[draft].color : link.worst ? SEVERITY_STYLE[link.worst].color : SEVERITY_STYLE.none.color;
    context.beginPath();
    context.moveTo(sx, sy);
    if (forward) {
      const dx = Math.max(40, (tx - sx) / 2);
      context.bezierCurveTo(sx + dx, sy, tx - dx, ty, tx, ty);
    } else {
      // Backwards (a loop, or a group placed to the left): a bow below both boxes.
      const drop = 60 + Math.abs(tx - sx) / 8;
      context.bezierCurveTo(sx, sy + drop, tx, ty + drop, tx, ty);
    }
    // An active group brings out its arrows and those of its drawn tables; an active table, its own.
    const groupOf = (end: string) => grouping.groupOf.get(end) ?? end;
    const touchesActive = link.source === active || link.target === active || groupOf(link.source) === active || groupOf(link.target) === active;
    const outside = paths ? !paths.links.has(link.key) : active !== undefined && !touchesActive;
    context.globalAlpha = draft ? 1 : outside ? 0.12 : 0.75;
    context.strokeStyle = colour;
    context.lineWidth = draft ? 4 : 1.5 + 10 * Math.sqrt(link.flows / most);
    context.setLineDash(draft ? DIFF_STYLE[draft].dash.split(' ').map(Number).map((n) => n * 2) : link.cyclic ? [10, 6] : []);
    context.stroke();
    context.setLineDash([]);
    if (forward) {
      // An arrowhead at the target.
      context.beginPath();
      context.moveTo(tx, ty);
      context.lineTo(tx - 12, ty - 7);
      context.lineTo(tx - 12, ty + 7);
      context.fillStyle = colour;
      context.fill();
    }
    // Counts on the arrows between two groups carrying more than one flow (the thinnest arrow is one;
    // an arrow from a drawn table is that table's own).
    const betweenGroups = grouping.groups.has(link.source) && grouping.groups.has(link.target);
    if ((betweenGroups && link.flows > 1) || draft) labels.push([draft ? `${DIFF_STYLE[draft].label} ${link.flows}` : String(link.flows), (sx + tx) / 2, (sy + ty) / 2 + (forward ? 0 : 40), colour, outside && !draft ? 0.3 : 1]);
  }

  context.globalAlpha = 1;
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  for (const group of grouping.groups.values()) {
    const placed = inView(group);
    if (!placed) continue;
    if (!view.shown.has(group.key)) paintFrame(context, scene, group, placed.p, placed.box, k);
    paintGroup(context, scene, group, placed.p, placed.box, k);
  }
  // Flow counts on the arrows, over everything, once they are large enough to read.
  context.globalAlpha = 1;
  if (k * 14 < 9) labels.length = 0;
  context.font = '600 14px system-ui, sans-serif';
  context.textAlign = 'center';
  for (const [text, lx, ly, colour, alpha] of labels) {
    context.globalAlpha = alpha;
    const w = context.measureText(text).width + 10;
    context.beginPath();
    context.rect(lx - w / 2, ly - 10, w, 20);
    context.fillStyle = INK.surface;
    context.fill();
    context.strokeStyle = colour;
    context.lineWidth = 1;
    context.stroke();
    context.fillStyle = INK.text;
    context.fillText(text, lx, ly);
  }
  context.textAlign = 'left';
  context.globalAlpha = 1;
}

/** A connection's frame: a tinted panel, its name, how many schemas and tables, how many fail. */
function paintConnectionFrame(context: GroupContext, scene: GroupScene, connection: string, frame: Point & Size, k: number): void {
  let schemas = 0;
  let tables = 0;
  let failing = 0;
  for (const group of scene.grouping.groups.values()) {
    if (group.connection !== connection) continue;
    schemas += 1;
    tables += group.tables.length;
    failing += group.failing;
  }
  context.globalAlpha = 0.45;
  context.beginPath();
  context.rect(frame.x, frame.y, frame.width, frame.height);
  context.fillStyle = INK.grid;
  context.fill();
  context.globalAlpha = 1;
  context.strokeStyle = INK.border;
  context.lineWidth = 1.5 / Math.min(1, k * 2);
  context.stroke();
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.fillStyle = INK.text;
  context.font = '700 30px system-ui, sans-serif';
  const name = clip(context, connection, frame.width - 24);
  context.fillText(name, frame.x + 12, frame.y + 24);
  context.fillStyle = INK.muted;
  context.font = '20px system-ui, sans-serif';
  const counts = clip(context, `${plural(schemas, 'schema')} · ${plural(tables, 'table')}${failing > 0 ? ` · ${failing} failing` : ''}`, frame.width - 24);
  context.fillText(counts, frame.x + 12, frame.y + 50);
}

function fadedGroup(scene: GroupScene, group: TableGroup): boolean {
  const { active, paths, view } = scene;
  return paths ? !paths.groups.has(group.key) : active !== undefined && active !== group.key && !view.shown.has(group.key);
}

/** A group's box: white (the focus's group tinted), outlined (the focus's group and the active one in the focus colour). */
function paintFrame(context: GroupContext, scene: GroupScene, group: TableGroup, p: Point, box: Size, k: number): void {
  const marked = group.hasFocus || group.key === scene.active;
  context.globalAlpha = fadedGroup(scene, group) ? 0.45 : 1;
  context.beginPath();
  context.rect(p.x, p.y, box.width, box.height);
  context.fillStyle = group.hasFocus ? INK.focusTint : INK.surface;
  context.fill();
  context.strokeStyle = marked ? INK.focus : INK.border;
  context.lineWidth = (marked ? 3 : 1.5) / Math.min(1, k * 2);
  context.stroke();
}

/** What is in a group's box: the status bar along the bottom, its name and counts; open, its cards and "N more". */
function paintGroup(context: GroupContext, scene: GroupScene, group: TableGroup, p: Point, box: Size, k: number): void {
  const { paths, view } = scene;
  const onPath = paths?.groups.get(group.key);
  const open = view.shown.get(group.key);
  const faded = fadedGroup(scene, group);
  context.globalAlpha = faded ? 0.45 : 1;
  // The status bar: each status's share of the group's tables, the worst first.
  let bx = p.x;
  for (const status of GROUP_STATUS_ORDER) {
    const count = group.statuses[status] ?? 0;
    if (count === 0) continue;
    const width = (count / group.tables.length) * box.width;
    context.beginPath();
    context.rect(bx, p.y + box.height - BAR_HEIGHT, width, BAR_HEIGHT);
    context.fillStyle = SEVERITY_STYLE[status].color;
    context.fill();
    bx += width;
  }
  // An open group's "N on path" shares the name's line: the name gives way to it.
  const pathLabel = onPath !== undefined ? `${onPath} on path` : undefined;
  context.font = '700 18px system-ui, sans-serif';
  const pathRoom = open && pathLabel ? context.measureText(pathLabel).width + 12 : 0;
  const textWidth = Math.min(box.width - pathRoom, open ? 600 : GROUP_WIDTH) - 20;
  context.fillStyle = INK.text;
  context.font = '700 30px system-ui, sans-serif';
  context.fillText(clip(context, `${open ? '▾ ' : ''}${group.label}`, textWidth), p.x + 10, p.y + 26);
  context.fillStyle = INK.muted;
  context.font = '20px system-ui, sans-serif';
  // Its connection, unless a frame already names it.
  const where = group.schema !== undefined && !scene.frames?.has(group.connection) ? `${group.connection} · ` : '';
  const count = clip(context, `${where}${plural(group.tables.length, 'table')}`, GROUP_WIDTH - 20);
  context.fillText(count, p.x + 10, p.y + 56);
  // An open group has no room below its name: "N failing" follows the count on its line.
  const line = open ? p.y + 56 : p.y + 80;
  const lineX = open ? p.x + 10 + context.measureText(count).width + 12 : p.x + 10;
  if (group.failing > 0) {
    context.fillStyle = SEVERITY_STYLE[group.worst].text;
    context.font = '600 18px system-ui, sans-serif';
    context.fillText(`${group.failing} failing`, lineX, line);
  }
  if (pathLabel) {
    context.fillStyle = INK.focus;
    context.font = '700 18px system-ui, sans-serif';
    context.textAlign = 'right';
    context.fillText(pathLabel, p.x + box.width - 10, open ? p.y + 26 : line);
    context.textAlign = 'left';
  }
  if (!open) return;
  for (const key of open) paintCard(context, scene, key, k);
  const more = view.more.get(group.key) ?? 0;
  if (more > 0) {
    context.globalAlpha = faded ? 0.45 : 1;
    context.fillStyle = INK.muted;
    context.font = '600 16px system-ui, sans-serif';
    context.fillText(`+ ${more} more ${more === 1 ? 'table' : 'tables'}: “Show more” or Find`, p.x + 14, p.y + box.height - BAR_HEIGHT - MORE_ROW / 2 - 2);
  }
}

/** A drawn table: a card with a status stripe, its name and its status; the focus tinted, the selected outlined. */
function paintCard(context: GroupContext, scene: GroupScene, key: string, k: number): void {
  const p = scene.cards.get(key);
  const node = scene.model.nodes.get(key);
  if (!p || !node) return;
  const status = scene.statusOf(key);
  const style = SEVERITY_STYLE[status];
  const faded = scene.paths ? !scene.paths.tables.has(key) : false;
  const marked = key === scene.selected || key === scene.active;
  context.globalAlpha = faded ? 0.4 : 1;
  context.beginPath();
  context.rect(p.x, p.y, CARD_WIDTH, CARD_HEIGHT);
  context.fillStyle = node.isRoot ? INK.focusTint : INK.surface;
  context.fill();
  context.strokeStyle = marked || node.isRoot ? INK.focus : INK.border;
  context.lineWidth = (marked ? 3 : 1) / Math.min(1, k * 2);
  context.setLineDash(node.exists ? [] : [5, 4]);
  context.stroke();
  context.setLineDash([]);
  context.beginPath();
  context.rect(p.x, p.y, 6, CARD_HEIGHT);
  context.fillStyle = style.color;
  context.fill();
  // Words only once they can be read (a card's name is 15 px: at k 0.4 it is 6 px on screen).
  if (k * 15 < 5) return;
  context.fillStyle = INK.text;
  context.font = '600 15px system-ui, sans-serif';
  context.fillText(clip(context, node.ref.table, CARD_WIDTH - 20), p.x + 14, p.y + 15);
  context.fillStyle = style.text;
  context.font = '12px system-ui, sans-serif';
  context.fillText(`${style.icon} ${node.exists ? style.label : 'Not in DQOps'}${node.isRoot ? ' · focus' : ''}`, p.x + 14, p.y + 32);
}
