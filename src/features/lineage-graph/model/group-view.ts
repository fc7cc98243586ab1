// What a grouped overview draws once some groups are open: which tables each open group shows (the
// focus and its nearest tables first, a pinned table always, the rest counted), and the arrows
// between what is drawn: a drawn table's flows go to the drawn table at the other end, or to the
// box of the group that holds it. With every group closed these are the group links. Pure.
import type { GraphModel } from './build-graph';
import { addFlow, type GroupLink, type Grouping } from './groups';
import { distances } from './traverse';
import { nodeSeverity } from './view-model';

/** Tables an open group shows at first; "Show more" adds as many again. */
export const OPEN_GROUP_TABLES = 12;

/** A group link whose ends are a drawn table's key or a group's key (source, target). */
export interface VisibleLink extends GroupLink {
  /** The flows (edge keys) this arrow stands for. */
  edges: string[];
}

export interface GroupView {
  /** Open group → the tables drawn in it, in the order they are ranked. */
  shown: Map<string, string[]>;
  /** Open group → how many of its tables are not drawn. */
  more: Map<string, number>;
  links: VisibleLink[];
}

/** Hops from the focus table, up or down (the nearer of the two); tables not reached are absent. */
export function hopsFromFocus(model: GraphModel): Map<string, number> {
  const hops = distances(model, model.rootKey, 'upstream');
  for (const [key, d] of distances(model, model.rootKey, 'downstream')) hops.set(key, Math.min(d, hops.get(key) ?? Infinity));
  return hops;
}

const FAILING = new Set(['warning', 'error', 'fatal']);

/**
 * A group's tables in the order an open group shows them: nearest the focus first, then failing
 * ones, then those with the most flows, then by name. Stable: it does not depend on what is
 * highlighted, so tables never jump when the selection changes.
 */
export function rankTables(model: GraphModel, tables: readonly string[], hops: ReadonlyMap<string, number>): string[] {
  const score = new Map(
    tables.map((key) => {
      const failing = FAILING.has(nodeSeverity(model, key, 'own')) ? 0 : 1;
      const flows = (model.sources.get(key)?.length ?? 0) + (model.targets.get(key)?.length ?? 0);
      return [key, { hops: hops.get(key) ?? Infinity, failing, flows }] as const;
    }),
  );
  return [...tables].sort((a, b) => {
    const x = score.get(a) as { hops: number; failing: number; flows: number };
    const y = score.get(b) as { hops: number; failing: number; flows: number };
    return x.hops - y.hops || x.failing - y.failing || y.flows - x.flows || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/**
 * @param open group → how many of its tables to draw (OPEN_GROUP_TABLES, more after "Show more").
 * @param pinned tables drawn whatever their rank when their group is open (the selected or found table).
 */
export function groupView(
  model: GraphModel,
  grouping: Grouping,
  open: ReadonlyMap<string, number>,
  pinned: ReadonlySet<string>,
  hops: ReadonlyMap<string, number>,
): GroupView {
  const shown = new Map<string, string[]>();
  const more = new Map<string, number>();
  const drawn = new Set<string>();
  for (const [key, limit] of open) {
    const group = grouping.groups.get(key);
    if (!group) continue;
    const ranked = rankTables(model, group.tables, hops);
    const list = ranked.slice(0, limit);
    for (const table of ranked.slice(limit)) if (pinned.has(table)) list.push(table);
    shown.set(key, list);
    more.set(key, group.tables.length - list.length);
    for (const table of list) drawn.add(table);
  }

  const cyclic = new Set(grouping.links.filter((link) => link.cyclic).map((link) => link.key));
  const links = new Map<string, VisibleLink>();
  for (const edge of model.edges.values()) {
    const sourceGroup = grouping.groupOf.get(edge.source);
    const targetGroup = grouping.groupOf.get(edge.target);
    if (!sourceGroup || !targetGroup) continue;
    const source = drawn.has(edge.source) ? edge.source : sourceGroup;
    const target = drawn.has(edge.target) ? edge.target : targetGroup;
    // Inside one closed group, or between a drawn table and the rest of its own open group: not an arrow.
    if (source === target || (sourceGroup === targetGroup && (source === sourceGroup || target === targetGroup))) continue;
    const id = `${source}→${target}`;
    let link = links.get(id);
    if (!link) {
      link = { key: id, source, target, flows: 0, rows: undefined, worst: undefined, cyclic: cyclic.has(`${sourceGroup}→${targetGroup}`), edges: [] };
      links.set(id, link);
    }
    addFlow(link, edge);
    link.edges.push(edge.key);
  }
  return { shown, more, links: [...links.values()] };
}

/** The arrows on a highlighted path: those standing for at least one highlighted flow. */
export function linksOnPath(links: readonly VisibleLink[], edges: ReadonlySet<string> | undefined): Set<string> {
  const on = new Set<string>();
  if (!edges) return on;
  for (const link of links) if (link.edges.some((key) => edges.has(key))) on.add(link.key);
  return on;
}
