// Paints a grouped overview: a box per group (its name, where it is, how many tables and how many
// fail, a bar of its tables' statuses) and one arrow per pair of groups (width by flows, colour by
// the worst status arriving, the flow count on it; loops dashed). A function of its arguments, like
// paintOverview.
import { INK } from '@/lib/palette';
import { SEVERITY_STYLE } from '@/lib/severity';
import { GROUP_HEIGHT, GROUP_WIDTH } from '../model/group-layout';
import { GROUP_STATUS_ORDER, type Grouping } from '../model/groups';
import type { Point } from '../model/layout';
import type { Camera } from '../model/overview-camera';
import { beginPaint, type CanvasSize, type OverviewContext } from './paint-overview';

export type GroupContext = OverviewContext & Pick<CanvasRenderingContext2D, 'lineTo' | 'setLineDash' | 'textAlign' | 'measureText'>;

export interface GroupScene {
  grouping: Grouping;
  positions: ReadonlyMap<string, Point>;
  /** The group under the pointer or the keyboard's focus. */
  active?: string;
  /** The selected or hovered table's paths: how many of their tables each group holds, and the links they use. */
  paths?: { groups: ReadonlyMap<string, number>; links: ReadonlySet<string> };
}

const BAR_HEIGHT = 8;

function clip(context: GroupContext, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > width) end -= 1;
  return `${text.slice(0, end)}…`;
}

export function paintGroups(context: GroupContext, camera: Camera, scene: GroupScene, size: CanvasSize): void {
  const { grouping, positions, active, paths } = scene;
  const { k } = camera;
  const { left, top, right, bottom } = beginPaint(context, camera, size);

  // Arrows first, under the boxes.
  const most = Math.max(1, ...grouping.links.map((link) => link.flows));
  const labels: [string, number, number, string][] = [];
  for (const link of grouping.links) {
    const s = positions.get(link.source);
    const t = positions.get(link.target);
    if (!s || !t) continue;
    const forward = t.x > s.x + GROUP_WIDTH / 2;
    const sx = forward ? s.x + GROUP_WIDTH : s.x + GROUP_WIDTH / 2;
    const sy = forward ? s.y + GROUP_HEIGHT / 2 : s.y + GROUP_HEIGHT;
    const tx = forward ? t.x : t.x + GROUP_WIDTH / 2;
    const ty = forward ? t.y + GROUP_HEIGHT / 2 : t.y + GROUP_HEIGHT;
    if (Math.max(sx, tx) < left || Math.min(sx, tx) > right || Math.max(sy, ty) + 200 < top || Math.min(sy, ty) - 200 > bottom) continue;
    const colour = link.worst ? SEVERITY_STYLE[link.worst].color : SEVERITY_STYLE.none.color;
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
    const outside = paths ? !paths.links.has(link.key) : active !== undefined && link.source !== active && link.target !== active;
    context.globalAlpha = outside ? 0.12 : 0.75;
    context.strokeStyle = colour;
    context.lineWidth = 1.5 + 10 * Math.sqrt(link.flows / most);
    context.setLineDash(link.cyclic ? [10, 6] : []);
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
    labels.push([String(link.flows), (sx + tx) / 2, (sy + ty) / 2 + (forward ? 0 : 40), colour]);
  }

  // Boxes: white, outlined (the focus's group in the focus colour), a status bar along the bottom.
  context.globalAlpha = 1;
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  for (const group of grouping.groups.values()) {
    const p = positions.get(group.key);
    if (!p || p.x > right || p.x + GROUP_WIDTH < left || p.y > bottom || p.y + GROUP_HEIGHT < top) continue;
    const onPath = paths?.groups.get(group.key);
    const faded = paths ? onPath === undefined : active !== undefined && active !== group.key;
    context.globalAlpha = faded ? 0.45 : 1;
    context.beginPath();
    context.rect(p.x, p.y, GROUP_WIDTH, GROUP_HEIGHT);
    context.fillStyle = group.hasFocus ? INK.focusTint : INK.surface;
    context.fill();
    context.strokeStyle = group.hasFocus || group.key === active ? INK.focus : INK.border;
    context.lineWidth = (group.hasFocus || group.key === active ? 3 : 1.5) / Math.min(1, k * 2);
    context.stroke();
    // The status bar: each status's share of the group's tables, the worst first.
    let bx = p.x;
    for (const status of GROUP_STATUS_ORDER) {
      const count = group.statuses[status] ?? 0;
      if (count === 0) continue;
      const width = (count / group.tables.length) * GROUP_WIDTH;
      context.beginPath();
      context.rect(bx, p.y + GROUP_HEIGHT - BAR_HEIGHT, width, BAR_HEIGHT);
      context.fillStyle = SEVERITY_STYLE[status].color;
      context.fill();
      bx += width;
    }
    context.fillStyle = INK.text;
    context.font = '700 30px system-ui, sans-serif';
    context.fillText(clip(context, group.label, GROUP_WIDTH - 20), p.x + 10, p.y + 26);
    context.fillStyle = INK.muted;
    context.font = '20px system-ui, sans-serif';
    const where = group.schema !== undefined ? `${group.connection} · ` : '';
    context.fillText(clip(context, `${where}${group.tables.length} tables`, GROUP_WIDTH - 20), p.x + 10, p.y + 56);
    if (group.failing > 0) {
      context.fillStyle = SEVERITY_STYLE[group.worst].text;
      context.font = '600 18px system-ui, sans-serif';
      context.fillText(`${group.failing} failing`, p.x + 10, p.y + 80);
    }
    if (onPath !== undefined) {
      context.fillStyle = INK.focus;
      context.font = '700 18px system-ui, sans-serif';
      context.textAlign = 'right';
      context.fillText(`${onPath} on path`, p.x + GROUP_WIDTH - 10, p.y + 80);
      context.textAlign = 'left';
    }
  }
  // Flow counts on the arrows, over everything, once they are large enough to read.
  context.globalAlpha = 1;
  if (k * 14 < 9) labels.length = 0;
  context.font = '600 14px system-ui, sans-serif';
  context.textAlign = 'center';
  for (const [text, lx, ly, colour] of labels) {
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
