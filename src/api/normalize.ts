// Normalisation at the edge: every response of both server generations (2024-09 and 1.13) is
// turned into view models once, in the client, so the rest of the app never checks
// `row_count ?? weight` or the renamed status field again. This file is the one entry the app
// imports; the work is split by what is normalised:
//   view-models.ts        the types the app reads
//   normalize-status.ts   quality statuses (and the per-tree status cache)
//   normalize-tree.ts     a lineage tree and a stored link
//   normalize-catalog.ts  connections, schemas, tables, columns
//   raw-fields.ts         defensive reads of raw fields
export * from './view-models';
export { normalizeStatus } from './normalize-status';
export { normalizeLink, normalizeTree } from './normalize-tree';
export { normalizeColumn, normalizeConnection, normalizeList, normalizeSchema, normalizeTable } from './normalize-catalog';
export { refFromKey, toIsoDate } from './raw-fields';
