// Lineage read from a file (a dbt manifest, OpenLineage events), before it is matched to DQOps
// tables: the datasets the file names and the links between them. The formats are described in
// docs/lineage-formats.md.
import type { Dialect } from '@/lib/sql/grammars';

/** A table as the file names it. */
export interface ImportedDataset {
  /** Unique within the import: the dbt unique_id, or the OpenLineage namespace + name. */
  key: string;
  /** Where the table lives as the file says it: dbt's `database`, OpenLineage's namespace. */
  space: string;
  /** The schema (dbt `schema`; for OpenLineage the part of the name before the table), '' when there is none. */
  schema: string;
  table: string;
  /** The columns the file lists for it (dbt documented columns, OpenLineage `schema` facet). */
  columns: string[];
}

export interface ImportedColumn {
  sourceColumns: string[];
  /** OpenLineage transformation types and subtypes ("DIRECT/IDENTITY"), kept in the mapping's properties. */
  transformations: string[];
  /** Other properties of the mapping (Lineage Studio's own export carries them). */
  properties?: Record<string, string>;
}

/** "source is a source of target", as the file says. */
export interface ImportedLink {
  source: string;
  target: string;
  /** Target column → its source columns from this source (OpenLineage `columnLineage`; dbt has none). */
  columns: Record<string, ImportedColumn>;
  /** What the stored link's `properties` get: the dbt unique_id or the OpenLineage job. */
  properties: Record<string, string>;
  /** Its `data_lineage_source_tool`: "dbt", or the OpenLineage job namespace (else the producer); '' says none. */
  tool: string;
}

export interface ImportedLineage {
  format: 'dbt' | 'openlineage';
  datasets: Map<string, ImportedDataset>;
  links: ImportedLink[];
  /** dbt's compiled SQL of its models (after `dbt compile`): dataset key → the SELECT that builds it. */
  compiled?: { dialect: Dialect; adapter: string; sql: Map<string, string> };
  /** What was skipped or could not be read, for the match report (the import goes on). */
  notes: string[];
}

/** A file that cannot be imported at all: where and why. Nothing is staged. */
export class ImportError extends Error {
  constructor(
    message: string,
    /** Where in the file: "line 12", "nodes.model.shop.orders", … */
    readonly where?: string,
  ) {
    super(where ? `${message} (at ${where})` : message);
    this.name = 'ImportError';
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
