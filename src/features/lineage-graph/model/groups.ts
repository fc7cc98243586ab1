// A whole warehouse's lineage, grouped: a group per schema (or per connection, or per level from the
// focus for a lineage that lives in one or two schemas) with its table count
// and its tables' statuses, and one link per pair of groups that data flows between, with how many
// flows and rows it carries and the worst status arriving. Loops between groups are kept and marked
// (a loop is a finding, not noise). Pure.
import { severityRank, type Severity, type SeverityKey } from '@/lib/severity';
import type { GraphEdge, GraphModel } from './build-graph';
import type { ColourBy } from '../nodes/emphasis';
import { levelsFromFocus } from './traverse';
import { nodeSeverity } from './view-model';

export type GroupBy = 'schema' | 'connection' | 'level';

/** Levels further from the focus than this share one group ("12 or more levels upstream"). */
export const MAX_LEVEL = 12;

export interface TableGroup {
  key: string;
  /** Empty for a level group. */
  connection: string;
  /** Undefined for a connection or level group. */
  schema?: string;
  /** A level group: its level (upstream negative, the focus 0); null for the tables off the focus's paths. */
  level?: number | null;
  /** The group's own name (the schema, the connection, or "2 levels up"). */
  label: string;
  tables: string[];
  /** How many of its tables have each status (own, or including upstream: the colouring). */
  statuses: Partial<Record<SeverityKey, number>>;
  /** Tables with a warning or worse. */
  failing: number;
  worst: SeverityKey;
  /** The focus table is in this group. */
  hasFocus: boolean;
  /** Flows between two tables of the group. */
  innerFlows: number;
}

export interface GroupLink {
  key: string;
  source: string;
  target: string;
  flows: number;
  /** Rows carried, where DQOps knows them (summed over the flows that say). */
  rows: number | undefined;
  /** The worst status of the data arriving over these flows (including upstream). */
  worst: Severity | undefined;
  /** Part of a loop between groups. */
  cyclic: boolean;
}

export interface Grouping {
  by: GroupBy;
  groups: Map<string, TableGroup>;
  groupOf: Map<string, string>;
  links: GroupLink[];
}

/** Statuses in the order a group's status bar draws them: the worst first. */
export const GROUP_STATUS_ORDER: SeverityKey[] = ['fatal', 'error', 'warning', 'valid', 'none', 'unknown', 'missing'];

export function groupKeyOf(by: 'schema' | 'connection', connection: string, schema: string): string {
  return by === 'connection' ? `connection:${connection}` : `schema:${connection}\u0000${schema}`;
}

export function levelKey(level: number | null): string {
  return level === null ? 'level:off' : `level:${level}`;
}

/**
 * A level group's name: short on its box ("Focus", "2 levels up", "12+ levels down", "Other
 * tables"), in words for a screen reader ("2 levels upstream", "12 or more levels downstream",
 * "Other tables, not on a path through the focus").
 */
export function levelLabel(level: number | null, long = false): string {
  if (level === null) return long ? 'Other tables, not on a path through the focus' : 'Other tables';
  if (level === 0) return 'Focus';
  const n = Math.abs(level);
  const count = n === MAX_LEVEL ? (long ? `${n} or more levels` : `${n}+ levels`) : n === 1 ? '1 level' : `${n} levels`;
  return `${count} ${level < 0 ? 'up' : 'down'}${long ? 'stream' : ''}`;
}

/** Where each table goes: its group's key and how to make the group. */
function placeTable(by: GroupBy, levels: ReadonlyMap<string, number> | undefined) {
  return (key: string, connection: string, schema: string): Pick<TableGroup, 'key' | 'connection' | 'schema' | 'level' | 'label'> => {
    if (by === 'level') {
      const found = levels?.get(key);
      const level = found === undefined ? null : Math.max(-MAX_LEVEL, Math.min(MAX_LEVEL, found));
      return { key: levelKey(level), connection: '', level, label: levelLabel(level) };
    }
    return { key: groupKeyOf(by, connection, schema), connection, schema: by === 'schema' ? schema : undefined, label: by === 'schema' ? schema : connection };
  };
}

const FAILING = new Set<SeverityKey>(['warning', 'error', 'fatal']);

function worseKey(a: SeverityKey, b: SeverityKey): SeverityKey {
  const rank = (k: SeverityKey) => (k === 'fatal' ? 6 : k === 'error' ? 5 : k === 'warning' ? 4 : k === 'valid' ? 3 : k === 'unknown' ? 2 : k === 'none' ? 1 : 0);
  return rank(b) > rank(a) ? b : a;
}

export function groupLineage(model: GraphModel, by: GroupBy, colourBy: ColourBy = 'own'): Grouping {
  const groups = new Map<string, TableGroup>();
  const groupOf = new Map<string, string>();
  const place = placeTable(by, by === 'level' ? levelsFromFocus(model) : undefined);
  for (const [key, node] of model.nodes) {
    const where = place(key, node.ref.connection, node.ref.schema);
    const id = where.key;
    let group = groups.get(id);
    if (!group) {
      group = {
        ...where,
        tables: [],
        statuses: {},
        failing: 0,
        worst: 'missing',
        hasFocus: false,
        innerFlows: 0,
      };
      groups.set(id, group);
    }
    group.tables.push(key);
    groupOf.set(key, id);
    const status = nodeSeverity(model, key, colourBy);
    group.statuses[status] = (group.statuses[status] ?? 0) + 1;
    if (FAILING.has(status)) group.failing += 1;
    group.worst = worseKey(group.worst, status);
    if (key === model.rootKey) group.hasFocus = true;
  }

  const links = new Map<string, GroupLink>();
  for (const edge of model.edges.values()) {
    const source = groupOf.get(edge.source);
    const target = groupOf.get(edge.target);
    if (!source || !target) continue;
    if (source === target) {
      (groups.get(source) as TableGroup).innerFlows += 1;
      continue;
    }
    const id = `${source}→${target}`;
    let link = links.get(id);
    if (!link) links.set(id, (link = { key: id, source, target, flows: 0, rows: undefined, worst: undefined, cyclic: false }));
    addFlow(link, edge);
  }
  const list = [...links.values()];
  markLoops(list);
  return { by, groups, groupOf, links: list };
}

/** Counts one more flow on an aggregated link: its rows, and the worst status arriving. */
export function addFlow(link: GroupLink, edge: GraphEdge): void {
  link.flows += 1;
  if (edge.rowCount !== undefined) link.rows = (link.rows ?? 0) + edge.rowCount;
  const arriving = edge.combinedStatus?.severity;
  if (severityRank(arriving) > severityRank(link.worst)) link.worst = arriving;
}

/** Marks the links that lie on a loop between groups (both ends in one strongly connected component). */
function markLoops(links: GroupLink[]): void {
  const out = new Map<string, string[]>();
  for (const link of links) {
    const list = out.get(link.source);
    if (list) list.push(link.target);
    else out.set(link.source, [link.target]);
  }
  const component = stronglyConnected(out);
  for (const link of links) link.cyclic = component.get(link.source) === component.get(link.target);
}

/** Tarjan's algorithm, iterative: each node's component id. */
function stronglyConnected(out: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const nodes = new Set<string>();
  for (const [from, tos] of out) {
    nodes.add(from);
    for (const to of tos) nodes.add(to);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as [string, number];
      const [v, i] = frame;
      const next = out.get(v) ?? [];
      if (i < next.length) {
        frame[1] = i + 1;
        const w = next[i] as string;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter);
          counter += 1;
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(v) as number));
      if (low.get(v) === index.get(v)) {
        for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
          onStack.delete(w);
          component.set(w, components);
          if (w === v) break;
        }
        components += 1;
      }
    }
  }
  return component;
}

/** A group's name for a screen reader: "schema staging in datalake: 412 tables, 3 failing". */
export function groupLabel(group: TableGroup): string {
  const where =
    group.level !== undefined ? levelLabel(group.level, true) : group.schema !== undefined ? `schema ${group.schema} in ${group.connection}` : `connection ${group.connection}`;
  const count = `${group.tables.length} ${group.tables.length === 1 ? 'table' : 'tables'}`;
  return `${where}: ${count}, ${group.failing} failing${group.hasFocus ? ', holds the focus table' : ''}`;
}

/**
 * A table's paths (the tables and links a highlight puts in focus) as the groups they cross: how
 * many path tables each group holds, and the group links the path's links run along.
 */
export function pathsInGroups(
  model: GraphModel,
  grouping: Grouping,
  emphasis: { nodes?: ReadonlySet<string>; edges?: ReadonlySet<string> },
): { groups: Map<string, number>; links: Set<string> } | undefined {
  if (!emphasis.nodes) return undefined;
  const groups = new Map<string, number>();
  for (const key of emphasis.nodes) {
    const group = grouping.groupOf.get(key);
    if (group) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const links = new Set<string>();
  for (const key of emphasis.edges ?? []) {
    const edge = model.edges.get(key);
    const source = edge && grouping.groupOf.get(edge.source);
    const target = edge && grouping.groupOf.get(edge.target);
    if (source && target && source !== target) links.add(`${source}→${target}`);
  }
  return { groups, links };
}
