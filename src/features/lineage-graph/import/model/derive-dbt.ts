// dbt's compiled SQL → the column mappings of the manifest's links (issue #19). A model's compiled
// code is the SELECT that builds it: derived (lib/sql) with the DQOps columns of the model's
// sources, its mappings become the `columns` of the model's links — as an OpenLineage file's
// column lineage would — so the plan (plan.ts) compares and stages them like any other. Names are
// given back as DQOps spells them; a column DQOps does not have is left out and not counted.
import type { Derivation } from '@/lib/sql/derive';
import { SQL_EXPRESSION_PROPERTY, SQL_KIND_PROPERTY } from '@/lib/sql/properties';
import { setOwn } from '@/lib/own';
import type { ImportedColumn, ImportedLineage } from './imported';

export interface ModelInput {
  /** The model's dataset key. */
  target: string;
  /** The DQOps columns of the model's table. */
  targetColumns: readonly string[];
  /** The model's sources: dataset key, the name its SQL gives it ("schema.table", lower case), their DQOps columns. */
  sources: readonly { key: string; name: string; columns: readonly string[] | undefined }[];
}

export interface ModelResult {
  target: string;
  /** The model's DQOps columns, and how many got a source column. */
  columns: number;
  resolved: number;
  error?: string;
  /** Its sources not matched to a DQOps table (their columns unknown), as the file names them. */
  waitingFor?: string[];
}

/** A model's datasets as its compiled SQL names them. */
export const sqlNameOf = (dataset: { schema: string; table: string }) => `${dataset.schema}.${dataset.table}`.toLowerCase();

/** The link columns (source dataset key → target column → mapping) a model's derivation gives. */
export function modelColumns(derivation: Derivation, model: ModelInput): { links: Map<string, Record<string, ImportedColumn>>; resolved: number } {
  const targets = new Map(model.targetColumns.map((c) => [c.toLowerCase(), c]));
  const links = new Map<string, Record<string, ImportedColumn>>();
  const resolved = new Set<string>();
  for (const [column, sources] of derivation.columns) {
    const target = targets.get(column);
    if (!target) continue;
    for (const [written, kind] of sources) {
      const source = model.sources.find((s) => written.startsWith(`${s.name}.`));
      const sourceColumn = source?.columns?.find((c) => c.toLowerCase() === written.slice((source?.name.length ?? 0) + 1));
      if (!source || !sourceColumn) continue;
      const columns = links.get(source.key) ?? {};
      links.set(source.key, columns);
      const held = Object.hasOwn(columns, target) ? columns[target] : undefined;
      const derived = kind === 'derived' || held?.properties?.[SQL_KIND_PROPERTY] === 'derived';
      const expression = derivation.expressions.get(column);
      setOwn(columns, target, {
        sourceColumns: [...(held?.sourceColumns ?? []), sourceColumn],
        transformations: [],
        properties: { [SQL_KIND_PROPERTY]: derived ? 'derived' : 'direct', ...(derived && expression ? { [SQL_EXPRESSION_PROPERTY]: expression } : {}) },
      });
      resolved.add(target);
    }
  }
  return { links, resolved: resolved.size };
}

/** The lineage with derived columns on its links (`derived`: target key → source key → columns). */
export function withDerivedColumns(
  lineage: ImportedLineage,
  derived: ReadonlyMap<string, ReadonlyMap<string, Record<string, ImportedColumn>>>,
): ImportedLineage {
  return {
    ...lineage,
    links: lineage.links.map((link) => {
      const columns = derived.get(link.target)?.get(link.source);
      return columns ? { ...link, columns: { ...link.columns, ...columns } } : link;
    }),
  };
}
