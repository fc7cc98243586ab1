import { describe, expect, it } from 'vitest';
import { DIFF_COLOURS, STATUS_COLOURS } from '@/lib/palette';
import { SvgContext } from '@/lib/svg-context';
import { buildGraph } from '../model/build-graph';
import { ref, treeOf } from '../model/fixtures';
import { groupLayout, openGroupLayout, placeGroups } from '../model/group-layout';
import { groupView, hopsFromFocus } from '../model/group-view';
import { groupKeyOf, groupLineage } from '../model/groups';
import type { Point } from '../model/layout';
import { nodeSeverity } from '../model/view-model';
import { paintGroups, type GroupScene } from './paint-groups';

const name = (n: string) => {
  const [connection = '', schema = '', table = ''] = n.split('.');
  return ref(table, connection, schema);
};
const model = buildGraph(
  treeOf('wh.marts.fct', ['lake.raw.a>wh.stg.a', 'lake.raw.b>wh.stg.b', 'wh.stg.a>wh.marts.fct', 'wh.stg.b>wh.marts.fct', 'wh.stg.c>wh.marts.fct'], { 'lake.raw.b': 'fatal' }, [], name),
);
const STG = groupKeyOf('schema', 'wh', 'stg');

function scene(open: Map<string, number>, drafts?: GroupScene['drafts']): GroupScene {
  const grouping = groupLineage(model, 'schema');
  const view = groupView(model, grouping, open, new Set(), hopsFromFocus(model));
  const inner = new Map([...view.shown].map(([group, tables]) => [group, openGroupLayout(tables, [], view.more.get(group) ?? 0)]));
  const { positions } = placeGroups(groupLayout(grouping, 2).positions, new Map([...inner].map(([g, v]) => [g, v.size])));
  const cards = new Map<string, Point>();
  for (const [group, { cards: own }] of inner) for (const [t, p] of own) cards.set(t, { x: (positions.get(group) as Point).x + p.x, y: (positions.get(group) as Point).y + p.y });
  const sizes = new Map([...inner].map(([g, v]) => [g, v.size]));
  return { model, grouping, view, positions, sizes, cards, statusOf: (key) => nodeSeverity(model, key, 'own'), drafts };
}

function paint(s: GroupScene): string {
  const context = new SvgContext();
  paintGroups(context as never, { x: 0, y: 0, k: 1 }, s, { width: 5000, height: 5000, dpr: 1 });
  return context.elements();
}

describe('paintGroups', () => {
  it('paints each group with its name, where it is and its counts; an arrow per group pair in the worst colour arriving', () => {
    const svg = paint(scene(new Map()));
    for (const label of ['raw', 'stg', 'marts']) expect(svg).toContain(`>${label}<`);
    expect(svg).toContain('lake · 2 tables');
    expect(svg).toContain('1 failing');
    expect(svg).toContain(`stroke="${STATUS_COLOURS.fatal.color}"`); // raw → stg carries the fatal table's data
  });

  it('an open group shows its drawn tables by name and counts the rest', () => {
    const svg = paint(scene(new Map([[STG, 2]])));
    expect(svg).toContain('>▾ stg<');
    expect(svg.match(/>[abc]</g)?.length).toBe(2);
    expect(svg).toContain('+ 1 more table');
  });

  it('draws a staged change in the draft colour, labelled', () => {
    const grouping = groupLineage(model, 'schema');
    const link = grouping.links.find((l) => l.source === STG) as { key: string };
    const svg = paint(scene(new Map(), new Map([[link.key, 'added']])));
    expect(svg).toContain(`stroke="${DIFF_COLOURS.added}"`);
    expect(svg).toMatch(/>\+ new 3</);
  });
});
