// The import report's offer for a dbt manifest with compiled SQL (issue #19): derive each matched
// model's column mappings from its compiled code (lib/sql, in the SQL worker), with the DQOps
// columns of the model and of its sources; the links then carry those mappings into the plan.
// Shown with the share of the models' columns resolved, model by model.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { catalogQueries } from '@/api/queries';
import { eachLimited } from '@/lib/each-limited';
import { formatNumber, plural } from '@/lib/format';
import { deriveInWorker } from '@/lib/sql/derive-in-worker';
import { dialectLabel } from '@/lib/sql/grammars';
import type { TableRef } from '@/lib/table-ref';
import { modelColumns, sqlNameOf, withDerivedColumns, type ModelResult } from './model/derive-dbt';
import type { ImportedColumn, ImportedLineage } from './model/imported';
import { matchedTable, type DatasetMatch } from './model/match';

interface Props {
  /** The lineage as read from the file (without derived columns). */
  lineage: ImportedLineage;
  matches: ReadonlyMap<string, DatasetMatch>;
  onDerived: (lineage: ImportedLineage) => void;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export function CompiledSql({ lineage, matches, onDerived }: Props) {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [results, setResults] = useState<ModelResult[]>();
  const compiled = lineage.compiled;
  if (!compiled) return null;
  const models = [...compiled.sql.keys()].filter((key) => matchedTable(matches.get(key)));
  const waiting = compiled.sql.size - models.length;
  const columnsOf = (table: TableRef) => queryClient.fetchQuery(catalogQueries.columns(api, table)).then((list) => list.map((c) => c.name));

  const derive = async () => {
    setResults(undefined);
    setProgress({ done: 0, total: models.length });
    const derived = new Map<string, Map<string, Record<string, ImportedColumn>>>();
    const out: ModelResult[] = [];
    let done = 0;
    await eachLimited(models, 4, async (key) => {
      const table = matchedTable(matches.get(key)) as TableRef;
      let targetColumns: string[] = [];
      try {
        targetColumns = await columnsOf(table);
        const sources = await Promise.all(
          lineage.links
            .filter((link) => link.target === key)
            .map(async (link) => {
              const source = matchedTable(matches.get(link.source));
              const dataset = lineage.datasets.get(link.source);
              return { key: link.source, name: dataset ? sqlNameOf(dataset) : '', columns: source ? await columnsOf(source) : undefined };
            }),
        );
        const known = Object.fromEntries(sources.flatMap((s) => (s.columns ? [[s.name, s.columns]] : [])));
        const derivation = await deriveInWorker(compiled.sql.get(key) ?? '', compiled.dialect, known);
        const { links, resolved } = modelColumns(derivation, { target: key, targetColumns, sources });
        derived.set(key, links);
        const waitingFor = sources.filter((s) => !s.columns).map((s) => lineage.datasets.get(s.key)?.table ?? s.key);
        out.push({ target: key, columns: targetColumns.length, resolved, ...(waitingFor.length > 0 && { waitingFor }) });
      } catch (error) {
        out.push({ target: key, columns: targetColumns.length, resolved: 0, error: error instanceof Error ? error.message : String(error) });
      }
      setProgress({ done: ++done, total: models.length });
    });
    setProgress(undefined);
    setResults(out);
    onDerived(withDerivedColumns(lineage, derived));
  };

  const columns = results?.reduce((sum, r) => sum + r.columns, 0) ?? 0;
  const resolved = results?.reduce((sum, r) => sum + r.resolved, 0) ?? 0;
  const failed = results?.filter((r) => r.error) ?? [];
  const nameOf = (key: string) => lineage.datasets.get(key)?.table ?? key;
  return (
    <section aria-labelledby="ls-import-sql">
      <h3 id="ls-import-sql">Column mappings from the compiled SQL</h3>
      {results ? (
        <>
          <p role="status">
            {formatNumber(resolved)} of {formatNumber(columns)} columns of {plural(results.length, 'model')} resolved ({percent(resolved, columns)}%)
            {failed.length > 0 ? `; the SQL of ${plural(failed.length, 'model')} could not be read` : ''}. The links below carry these mappings.
          </p>
          <details className="ls-import__models">
            <summary>Model by model</summary>
            <table className="ls-table" aria-label="Columns resolved per model">
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Columns resolved</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {[...results]
                  .sort((a, b) => percent(a.resolved, a.columns) - percent(b.resolved, b.columns))
                  .map((r) => (
                    <tr key={r.target}>
                      <td>
                        <bdi>{nameOf(r.target)}</bdi>
                      </td>
                      <td>
                        {r.resolved} of {r.columns} ({percent(r.resolved, r.columns)}%)
                      </td>
                      <td>
                        {r.error ??
                          (r.waitingFor
                            ? `Not matched yet: ${r.waitingFor.join(', ')} (choose ${r.waitingFor.length === 1 ? 'it' : 'them'} above, then derive again).`
                            : '')}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </details>
        </>
      ) : (
        <p>
          {plural(compiled.sql.size, 'model')} {compiled.sql.size === 1 ? 'has' : 'have'} compiled SQL ({dialectLabel(compiled.dialect)}
          {compiled.adapter ? `, dbt's ${compiled.adapter} adapter` : ''}): their column mappings can be derived from it, checked against the DQOps columns.
          {waiting > 0 ? ` ${plural(waiting, 'model')} wait${waiting === 1 ? 's' : ''} for its table to be matched.` : ''}
        </p>
      )}
      {progress ? (
        <p className="ls-import__progress" role="status">
          Deriving column mappings: models {formatNumber(progress.done)} / {formatNumber(progress.total)}
          <progress max={progress.total} value={progress.done} aria-label="Deriving column mappings" />
        </p>
      ) : (
        <button type="button" className="ls-button" disabled={models.length === 0} onClick={() => void derive()}>
          {results ? 'Derive again' : `Derive column mappings of ${plural(models.length, 'model')}`}
        </button>
      )}
    </section>
  );
}
