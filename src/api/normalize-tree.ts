// A lineage tree (GET …/lineage/tree) and a stored link (the source and target lists), normalised.
import type { TableRef } from '@/lib/table-ref';
import { setOwn } from '@/lib/own';
import { normalizeStatus, statusCache } from './normalize-status';
import { isRef, num, refFromKey, str } from './raw-fields';
import type { LegacyFlowFields, LegacyListFields, TableCurrentDataQualityStatusModel, TableLineageFlowModel, TableLineageModel, TableLineageTableListModel } from './types';
import type { LineageFlow, LineageLink, LineageTree, QualityStatus } from './view-models';

type StatusReader = (model: TableCurrentDataQualityStatusModel | undefined | null) => QualityStatus | undefined;
const UNREAD = Symbol('unread');

/**
 * One flow of a tree. The three statuses are normalised when first read: a 5,000-table tree
 * carries 34,000 status objects of which the graph reads about one per table, so normalising
 * them all up front cost ≈ 150 ms of the time to the first picture.
 */
class TreeFlow implements LineageFlow {
  readonly source: TableRef;
  readonly target: TableRef;
  readonly rowCount: number | undefined;
  readonly rowCountEstimated: boolean;
  readonly #raw: TableLineageFlowModel;
  readonly #read: StatusReader;
  #source: QualityStatus | undefined | typeof UNREAD = UNREAD;
  #target: QualityStatus | undefined | typeof UNREAD = UNREAD;
  #combined: QualityStatus | undefined | typeof UNREAD = UNREAD;

  constructor(raw: TableLineageFlowModel & LegacyFlowFields, read: StatusReader, source: TableRef, target: TableRef) {
    this.source = source;
    this.target = target;
    this.#raw = raw;
    this.#read = read;
    const rowCount = num(raw.row_count);
    const weight = num(raw.weight);
    // 2024-09's weight was (int) ln(rows): turn it back into an estimated row count.
    this.rowCount = rowCount ?? (weight !== undefined ? Math.round(Math.exp(weight)) : undefined);
    this.rowCountEstimated = rowCount === undefined && weight !== undefined;
  }

  get sourceStatus(): QualityStatus | undefined {
    if (this.#source === UNREAD) this.#source = this.#read(this.#raw.source_table_quality_status);
    return this.#source;
  }

  get targetStatus(): QualityStatus | undefined {
    if (this.#target === UNREAD) this.#target = this.#read(this.#raw.target_table_quality_status);
    return this.#target;
  }

  get upstreamCombinedStatus(): QualityStatus | undefined {
    if (this.#combined === UNREAD) this.#combined = this.#read(this.#raw.upstream_combined_quality_status);
    return this.#combined;
  }

  /** A plain copy (for JSON, structuredClone and test comparisons). */
  toJSON(): LineageFlow {
    const { source, target, sourceStatus, targetStatus, upstreamCombinedStatus, rowCount, rowCountEstimated } = this;
    return { source, target, sourceStatus, targetStatus, upstreamCombinedStatus, rowCount, rowCountEstimated };
  }
}

/** One shared ref object per table of a tree (cheaper keys and comparisons downstream). */
function refInterner() {
  const connections = new Map<string, Map<string, Map<string, TableRef>>>();
  return (ref: TableRef | undefined): TableRef | undefined => {
    if (!ref) return undefined;
    let schemas = connections.get(ref.connection);
    if (!schemas) connections.set(ref.connection, (schemas = new Map()));
    let tables = schemas.get(ref.schema);
    if (!tables) schemas.set(ref.schema, (tables = new Map()));
    const known = tables.get(ref.table);
    if (known) return known;
    tables.set(ref.table, ref);
    return ref;
  };
}

function normalizeFlow(flow: TableLineageFlowModel & LegacyFlowFields, read: StatusReader, intern: (ref: TableRef | undefined) => TableRef | undefined): LineageFlow | undefined {
  const source = intern(refFromKey(flow.source_table));
  const target = intern(refFromKey(flow.target_table));
  if (!source || !target) return undefined;
  return new TreeFlow(flow, read, source, target);
}

export function normalizeTree(model: TableLineageModel, requested: TableRef): LineageTree {
  const flows: LineageFlow[] = [];
  const problems: string[] = [];
  let unreadableFlows = 0;
  let duplicates = 0;
  const status = statusCache();
  const intern = refInterner();
  // Refs are interned, so a flow's identity is a pair of objects: duplicates are found without keys.
  const seen = new Map<TableRef, Set<TableRef>>();
  const rawFlows: unknown = model.flows;
  if (rawFlows !== undefined && rawFlows !== null && !Array.isArray(rawFlows)) problems.push('The list of flows was not a list; no flow could be read.');
  for (const raw of Array.isArray(rawFlows) ? (rawFlows as (TableLineageFlowModel & LegacyFlowFields)[]) : []) {
    const flow = raw && typeof raw === 'object' ? normalizeFlow(raw, status, intern) : undefined;
    if (!flow) {
      unreadableFlows += 1;
      continue;
    }
    let targets = seen.get(flow.source);
    if (!targets) seen.set(flow.source, (targets = new Set()));
    if (targets.has(flow.target)) duplicates += 1;
    targets.add(flow.target);
    flows.push(flow);
  }
  if (unreadableFlows > 0) problems.push(`${unreadableFlows} ${unreadableFlows === 1 ? 'flow names' : 'flows name'} no readable source or target table and ${unreadableFlows === 1 ? 'was' : 'were'} left out.`);
  if (duplicates > 0) problems.push(`${duplicates} duplicate ${duplicates === 1 ? 'flow was' : 'flows were'} drawn once.`);
  const relativeTable = refFromKey(model.relative_table);
  if (!relativeTable && flows.length > 0) problems.push(`The answer did not say which table it describes; ${requested.table} was assumed.`);
  return {
    relativeTable: relativeTable ?? requested,
    relativeCumulativeStatus: normalizeStatus(model.relative_table_cumulative_quality_status),
    flows,
    fullyLoaded: model.data_lineage_fully_loaded !== false,
    unreadableFlows,
    problems,
  };
}

export function normalizeLink(row: TableLineageTableListModel & LegacyListFields): LineageLink | undefined {
  const target = { connection: str(row.target_connection), schema: str(row.target_schema), table: str(row.target_table) };
  const source = { connection: str(row.source_connection), schema: str(row.source_schema), table: str(row.source_table) };
  if (!isRef(target) || !isRef(source)) return undefined;
  const rawStatus = row.table_data_quality_status ?? row.source_table_data_quality_status;
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.properties ?? {})) if (typeof v === 'string') setOwn(properties, k, v);
  // Only 2024-09 names the field source_table_data_quality_status; its lookup used the target's connection.
  const legacy = row.table_data_quality_status === undefined && row.source_table_data_quality_status !== undefined;
  const statusUnseen = legacy && rawStatus?.table_exist === false && source.connection !== target.connection;
  return {
    target,
    source,
    properties,
    canEdit: row.can_edit === true,
    status: statusUnseen ? undefined : normalizeStatus(rawStatus),
    statusPending: rawStatus === undefined || rawStatus === null,
    ...(statusUnseen ? { statusUnseen } : {}),
  };
}

