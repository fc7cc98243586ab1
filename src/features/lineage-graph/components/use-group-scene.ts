// Everything a grouped overview draws, from the model, its grouping and which groups are open: the
// drawn tables and arrows (group-view.ts), the place of every group and card (group-layout.ts), and
// the order the arrow keys walk them in. Each step is memoised on what it reads, so opening a
// group recomputes the open groups and the placing, never the grouping or the base layout.
import { useMemo } from 'react';
import type { GraphModel } from '../model/build-graph';
import type { LinkDiff } from '../model/draft';
import { groupLayout, openGroupLayout, placeLayout, type Size } from '../model/group-layout';
import { groupView, hopsFromFocus } from '../model/group-view';
import type { Grouping } from '../model/groups';
import type { Point } from '../model/layout';

export function useGroupScene(
  model: GraphModel,
  grouping: Grouping,
  open: ReadonlyMap<string, number>,
  pinned: ReadonlySet<string>,
  aspect: number | undefined,
  diffs: ReadonlyMap<string, { diff: LinkDiff }> | undefined,
) {
  const hops = useMemo(() => hopsFromFocus(model), [model]);
  const view = useMemo(() => groupView(model, grouping, open, pinned, hops), [model, grouping, open, pinned, hops]);
  const base = useMemo(() => (aspect ? groupLayout(grouping, aspect) : undefined), [grouping, aspect]);

  // Open groups: their cards (from the group's corner) and sizes.
  const inner = useMemo(() => {
    const result = new Map<string, { cards: Map<string, Point>; size: Size }>();
    for (const [group, tables] of view.shown) {
      const drawn = new Set(tables);
      const edges: [string, string][] = [];
      for (const table of tables) for (const target of model.targets.get(table) ?? []) if (drawn.has(target)) edges.push([table, target]);
      result.set(group, openGroupLayout(tables, edges, view.more.get(group) ?? 0));
    }
    return result;
  }, [model, view]);

  const placed = useMemo(() => {
    if (!base) return undefined;
    const sizes = new Map([...inner].map(([group, { size }]) => [group, size]));
    const { positions, width, height, frames } = placeLayout(base, sizes);
    const cards = new Map<string, Point>();
    for (const [group, { cards: own }] of inner) {
      const corner = positions.get(group) as Point;
      for (const [table, p] of own) cards.set(table, { x: corner.x + p.x, y: corner.y + p.y });
    }
    return { positions, sizes, cards, width, height, frames };
  }, [base, inner]);

  // Reading order: groups column by column, top to bottom; an open group's tables right after it.
  const order = useMemo(() => {
    if (!placed) return [];
    const byPlace = (a: [string, Point], b: [string, Point]) => a[1].x - b[1].x || a[1].y - b[1].y;
    const list: string[] = [];
    for (const [group] of [...placed.positions].sort(byPlace)) {
      list.push(group);
      const own = inner.get(group);
      if (own) for (const [table] of [...own.cards].sort(byPlace)) list.push(table);
    }
    return list;
  }, [placed, inner]);

  // Arrows that stand for a staged draft change (the first change among their flows).
  const drafts = useMemo(() => {
    const result = new Map<string, LinkDiff>();
    if (!diffs || diffs.size === 0) return result;
    for (const link of view.links) {
      const changed = link.edges.find((key) => diffs.has(key));
      if (changed) result.set(link.key, (diffs.get(changed) as { diff: LinkDiff }).diff);
    }
    return result;
  }, [view, diffs]);

  return { view, base, placed, order, drafts };
}
