// Builds GET …/lineage/tree the way DQOps's TableLineageServiceImpl does (docs/dqops-contract.md §3):
// upstream: depth-first over source tables, edges emitted in post-order (deepest first);
// downstream: depth-first over target tables, edges in pre-order, starting with every upstream
// table marked "on stack". An edge to a table on the stack (a cycle, a self link) is dropped;
// an edge to an already visited table is emitted but not walked again (diamonds).
import { sourceRefOf, tableKey, type TableRef } from '@/lib/table-ref';
import type { DomainConnectionTableKey, TableCurrentDataQualityStatusModel, TableLineageFlowModel, TableLineageModel } from '@/api/types';
import { mergeStatus, statusOf, type MockStore } from './store';

export function domainKey(ref: TableRef): DomainConnectionTableKey {
  return {
    data_domain: '',
    connection_name: ref.connection,
    physical_table_name: { schema_name: ref.schema, table_name: ref.table },
    compact_key: `${ref.connection}.${ref.schema}.${ref.table}`,
  };
}


export function buildLineageTree(store: MockStore, root: TableRef, upstream: boolean, downstream: boolean): TableLineageModel {
  const flows: TableLineageFlowModel[] = [];
  const ownStatus = (ref: TableRef): TableCurrentDataQualityStatusModel | undefined => {
    const table = store.table(ref);
    return table ? statusOf(table) : undefined;
  };
  const exists = (ref: TableRef) => store.table(ref) !== undefined;
  const rowCount = (ref: TableRef) => {
    const rows = store.table(ref)?.rowCount;
    return rows !== undefined && rows > 0 ? rows : 1;
  };
  const missingStub = (ref: TableRef): TableCurrentDataQualityStatusModel => ({
    data_domain: '',
    connection_name: ref.connection,
    schema_name: ref.schema,
    table_name: ref.table,
    table_exist: false,
  });

  const combinedUpstream = new Map<string, TableCurrentDataQualityStatusModel | undefined>();
  const onStack = new Set<string>();
  const visited = new Set<string>();

  /** Returns the combined status of `ref` and everything above it. */
  function walkUp(ref: TableRef): TableCurrentDataQualityStatusModel | undefined {
    const key = tableKey(ref);
    onStack.add(key);
    let combined = ownStatus(ref);
    for (const spec of store.table(ref)?.sources ?? []) {
      const src = sourceRefOf(spec);
      const srcKey = tableKey(src);
      if (onStack.has(srcKey)) continue;
      if (!visited.has(srcKey)) {
        visited.add(srcKey);
        combinedUpstream.set(srcKey, walkUp(src));
      }
      const srcCombined = combinedUpstream.get(srcKey);
      flows.push({
        source_table: domainKey(src),
        target_table: domainKey(ref),
        source_table_quality_status: exists(src) ? ownStatus(src) : missingStub(src),
        target_table_quality_status: ownStatus(ref),
        upstream_combined_quality_status: exists(src) ? srcCombined : missingStub(src),
        row_count: rowCount(src),
      });
      combined = mergeStatus(combined, srcCombined);
    }
    onStack.delete(key);
    return combined;
  }

  const rootKey = tableKey(root);
  visited.add(rootKey);
  let rootCombined = ownStatus(root);
  if (upstream) rootCombined = walkUp(root);

  if (downstream) {
    const downStack = new Set<string>([rootKey, ...(upstream ? visited : [])]);
    const downVisited = new Set<string>([rootKey]);
    const walkDown = (ref: TableRef, combined: TableCurrentDataQualityStatusModel | undefined) => {
      for (const { target } of store.targetsOf(ref)) {
        const key = tableKey(target.ref);
        if (downStack.has(key)) continue;
        const targetCombined = mergeStatus(statusOf(target), combined);
        flows.push({
          source_table: domainKey(ref),
          target_table: domainKey(target.ref),
          source_table_quality_status: ownStatus(ref),
          target_table_quality_status: statusOf(target),
          upstream_combined_quality_status: targetCombined,
          row_count: rowCount(ref),
        });
        if (downVisited.has(key)) continue;
        downVisited.add(key);
        downStack.add(key);
        walkDown(target.ref, targetCombined);
        downStack.delete(key);
      }
    };
    walkDown(root, rootCombined);
  }

  const model: TableLineageModel = { relative_table: domainKey(root), flows, data_lineage_fully_loaded: true };
  if (upstream && rootCombined) model.relative_table_cumulative_quality_status = rootCombined;
  return model;
}

/** The 2024-09 server's shape: `weight` = (int) ln(rows) instead of `row_count`, no loading flag. */
export function toLegacyTree(model: TableLineageModel): Record<string, unknown> {
  return {
    relative_table: model.relative_table,
    flows: (model.flows ?? []).map(({ row_count, ...flow }) => ({
      ...flow,
      weight: row_count === undefined || row_count <= 1 ? 1 : row_count <= 2 ? 0 : Math.trunc(Math.log(row_count)),
    })),
  };
}
