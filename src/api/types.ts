// Aliases of the generated DQOps API types (src/api/schema.d.ts, from api/dqops-lineage-openapi.json).
// Nothing here re-describes an API model by hand; the few "legacy" additions name fields of the
// 2024-09 server that the 1.13 description no longer has (docs/dqops-contract.md, "The 2024-09 server").
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type ConnectionModel = Schemas['ConnectionModel'];
export type SchemaModel = Schemas['SchemaModel'];
export type TableListModel = Schemas['TableListModel'];
export type ColumnListModel = Schemas['ColumnListModel'];
export type TableLineageModel = Schemas['TableLineageModel'];
export type TableLineageFlowModel = Schemas['TableLineageFlowModel'];
export type TableLineageSourceSpec = Schemas['TableLineageSourceSpec'];
export type ColumnLineageSourceSpec = Schemas['ColumnLineageSourceSpec'];
export type TableLineageTableListModel = Schemas['TableLineageTableListModel'];
export type DomainConnectionTableKey = Schemas['DomainConnectionTableKey'];
export type TableCurrentDataQualityStatusModel = Schemas['TableCurrentDataQualityStatusModel'];
export type DimensionCurrentDataQualityStatusModel = Schemas['DimensionCurrentDataQualityStatusModel'];
export type ColumnCurrentDataQualityStatusModel = Schemas['ColumnCurrentDataQualityStatusModel'];
export type SpringErrorPayload = Schemas['SpringErrorPayload'];
export type RuleSeverityLevel = NonNullable<TableCurrentDataQualityStatusModel['current_severity']>;
export type CheckType = NonNullable<NonNullable<operations['getTableSourceTables']['parameters']['query']>['checkType']>;

/** 2024-09 servers: `weight` (int, ln(row count)) instead of `row_count`. */
export type LegacyFlowFields = { weight?: number };
/** 2024-09 servers: `TableLineageSourceListModel.source_table_data_quality_status`. */
export type LegacyListFields = { source_table_data_quality_status?: TableCurrentDataQualityStatusModel };

export const CHECK_TYPES = ['profiling', 'monitoring', 'partitioned'] as const satisfies readonly CheckType[];
