// A dbt `manifest.json` (schema v7–v12, dbt 1.3 and later) → the tables it builds and reads and the
// links between them (docs/lineage-formats.md, "dbt manifest"). Models, seeds and snapshots are
// tables, sources are tables; a parent of a model is a source of it. Ephemeral models are no table:
// their parents become sources of their children. Tests, analyses, operations and disabled nodes
// are left out. A manifest has no column lineage, but after `dbt compile` each model's SQL
// (`compiled_code`; `compiled_sql` before dbt 1.3's v7) is kept, to derive it (docs/sql-parsers.md).
import type { Dialect } from '@/lib/sql/grammars';
import { ImportError, isObject, text, type ImportedDataset, type ImportedLineage, type ImportedLink } from './imported';

const TABLE_KINDS = new Set(['model', 'seed', 'snapshot']);
export const DBT_SCHEMA_VERSIONS = [7, 8, 9, 10, 11, 12];

/** The manifest schema version from `metadata.dbt_schema_version` (".../manifest/v12.json"). */
export function manifestVersion(manifest: Record<string, unknown>): number | undefined {
  const url = isObject(manifest.metadata) ? text(manifest.metadata.dbt_schema_version) : undefined;
  const match = url?.match(/manifest\/v(\d+)\.json$/);
  return match ? Number(match[1]) : undefined;
}

function columnsOf(node: Record<string, unknown>): string[] {
  return isObject(node.columns) ? Object.keys(node.columns) : [];
}

function parentsOf(node: Record<string, unknown>): string[] {
  const parents = isObject(node.depends_on) ? node.depends_on.nodes : undefined;
  return Array.isArray(parents) ? parents.filter((p): p is string => typeof p === 'string') : [];
}

/** dbt's adapter (`metadata.adapter_type`) → the SQL dialect its compiled code is in. */
const ADAPTER_DIALECTS: Record<string, Dialect> = {
  postgres: 'postgres',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'databricks',
  spark: 'databricks',
  redshift: 'redshift',
  mysql: 'mysql',
  sqlserver: 'tsql',
  synapse: 'tsql',
  fabric: 'tsql',
  duckdb: 'duckdb',
  trino: 'trino',
  athena: 'trino',
};

export function parseDbtManifest(manifest: unknown): ImportedLineage {
  if (!isObject(manifest) || !isObject(manifest.nodes)) throw new ImportError('This is not a dbt manifest: it has no "nodes".');
  const version = manifestVersion(manifest);
  if (version === undefined) throw new ImportError('This dbt manifest does not say its schema version (metadata.dbt_schema_version).');
  if (!DBT_SCHEMA_VERSIONS.includes(version)) {
    throw new ImportError(
      `dbt manifest schema v${version} is not supported: Lineage Studio reads v7 to v12 (dbt 1.3 and later). Run a newer dbt to write the manifest again.`,
    );
  }
  const notes: string[] = [];
  const datasets = new Map<string, ImportedDataset>();
  const nodes = new Map<string, Record<string, unknown>>();
  const ephemeral = new Set<string>();
  const compiled = new Map<string, string>();
  for (const [id, node] of Object.entries(manifest.nodes)) {
    if (!isObject(node) || !TABLE_KINDS.has(String(node.resource_type))) continue;
    const config = isObject(node.config) ? node.config : {};
    if (config.enabled === false) continue;
    nodes.set(id, node);
    if (config.materialized === 'ephemeral') {
      ephemeral.add(id);
      continue;
    }
    const table = text(node.alias) ?? text(node.name);
    if (!table) {
      notes.push(`${id} names no table and was left out.`);
      continue;
    }
    datasets.set(id, { key: id, space: text(node.database) ?? '', schema: text(node.schema) ?? '', table, columns: columnsOf(node) });
    const code = text(node.compiled_code) ?? text(node.compiled_sql);
    if (code) compiled.set(id, code);
  }
  for (const [id, source] of Object.entries(isObject(manifest.sources) ? manifest.sources : {})) {
    if (!isObject(source)) continue;
    const table = text(source.identifier) ?? text(source.name);
    if (!table) continue;
    datasets.set(id, { key: id, space: text(source.database) ?? '', schema: text(source.schema) ?? '', table, columns: columnsOf(source) });
  }

  /** The tables a node reads, through ephemeral models (each visited once: a loop of them ends). */
  const tablesRead = (id: string, seen = new Set<string>()): string[] => {
    const out: string[] = [];
    for (const parent of parentsOf(nodes.get(id) ?? {})) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      if (ephemeral.has(parent)) out.push(...tablesRead(parent, seen));
      else if (datasets.has(parent)) out.push(parent);
    }
    return out;
  };

  const links: ImportedLink[] = [];
  for (const id of nodes.keys()) {
    if (!datasets.has(id)) continue; // ephemeral or nameless
    for (const source of new Set(tablesRead(id))) {
      if (source === id) continue;
      links.push({ source, target: id, columns: {}, properties: { dbt_unique_id: id }, tool: 'dbt' });
    }
  }
  if (ephemeral.size > 0)
    notes.push(
      `${ephemeral.size} ephemeral ${ephemeral.size === 1 ? 'model is' : 'models are'} no table: the tables they read are sources of the models that use them.`,
    );
  const adapter = (isObject(manifest.metadata) ? text(manifest.metadata.adapter_type) : undefined) ?? '';
  const dialect = Object.hasOwn(ADAPTER_DIALECTS, adapter) ? (ADAPTER_DIALECTS[adapter] as Dialect) : 'generic';
  return { format: 'dbt', datasets, links, notes, ...(compiled.size > 0 && { compiled: { dialect, adapter, sql: compiled } }) };
}
