// "From SQL…" in the source editor: the steward pastes the statement that builds the target, the
// mappings it gives from this link's source table are proposed (read in the SQL worker, against
// the DQOps columns of the source), reviewed like Auto-map's, and applied to the form — where
// they are edited and saved with everything else. A refused statement keeps its text.
import { useId, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { plural } from '@/lib/format';
import { deriveInWorker } from '@/lib/sql/derive-in-worker';
import { DialectField, sqlDropHandlers, useSqlDialect } from '@/components/sql-input';
import type { TableRef } from '@/lib/table-ref';
import { applySqlMapping, proposeFromSql, sqlName, type SqlProposal } from '../from-sql';
import type { SourceFormValues } from '../schema';

interface Props {
  source: TableRef;
  targetTable: string;
  targetColumns: readonly string[];
  /** The source's DQOps columns (undefined: DQOps does not know the table). */
  sourceColumns: readonly string[] | undefined;
  onClose: () => void;
}

/** The proposal replaces the button that asked for it: its first line gets the focus (a stable callback: once, on mount). */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

export function FromSqlPanel({ source, targetTable, targetColumns, sourceColumns, onClose }: Props) {
  const { getValues, setValue } = useFormContext<SourceFormValues>();
  const [sql, setSql] = useState('');
  const [dialect, setDialect] = useSqlDialect();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string>();
  const [proposal, setProposal] = useState<SqlProposal>();
  const [rejected, setRejected] = useState<ReadonlySet<number>>(new Set());
  const ids = useId();
  const statement = useRef<HTMLTextAreaElement>(null);

  const propose = async () => {
    setReading(true);
    setError(undefined);
    try {
      const derivation = await deriveInWorker(sql, dialect, sourceColumns ? { [sqlName(source)]: [...sourceColumns] } : {});
      const next = proposeFromSql(derivation, source, targetColumns, sourceColumns);
      setProposal(next);
      // What DQOps lacks is shown unticked: applying it would map a column that does not exist.
      setRejected(new Set(next.mappings.flatMap((m, i) => (m.missing ? [i] : []))));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };

  const accepted = proposal?.mappings.filter((_, i) => !rejected.has(i)) ?? [];
  const apply = () => {
    const rows = getValues('mappings');
    for (const mapping of accepted) {
      const index = rows.findIndex((r) => r.target_column === mapping.target_column);
      const row = rows[index];
      if (row) setValue(`mappings.${index}`, applySqlMapping(row, mapping), { shouldDirty: true });
    }
    onClose();
  };

  return (
    <div className="ls-proposals ls-fromsql" role="group" aria-label="Mappings from SQL">
      {proposal ? (
        <>
          {!proposal.readsSource ? (
            <p className="ls-notice ls-notice--warning" tabIndex={-1} ref={focusOnMount}>
              The statement does not read {source.schema}.{source.table}
              {proposal.otherTables.length > 0 ? ` (it reads ${proposal.otherTables.join(', ')})` : ''}: nothing to map from this source.
            </p>
          ) : proposal.mappings.length === 0 ? (
            <p className="ls-hint">
              No column of {targetTable} is computed from a column of {source.table} in this statement.
            </p>
          ) : (
            <>
              <p className="ls-hint" tabIndex={-1} ref={focusOnMount}>
                From {source.table}, the statement gives {plural(proposal.mappings.length, 'mapping')}; untick any you do not want. Applied mappings are added
                to the form, each with <code>sql_transformation</code> (and, when computed, <code>sql_expression</code>) in its properties.
              </p>
              <ul>
                {proposal.mappings.map((m, i) => (
                  <li key={`${m.target_column}\u0000${m.source_column}`}>
                    <label className="ls-check">
                      <input
                        type="checkbox"
                        checked={!rejected.has(i)}
                        onChange={(e) =>
                          setRejected((prev) => {
                            const next = new Set(prev);
                            if (e.target.checked) next.delete(i);
                            else next.add(i);
                            return next;
                          })
                        }
                      />
                      {m.target_column} ← {m.source_column} <span className="ls-hint">{m.kind === 'direct' ? 'copied' : 'computed'}</span>
                      {m.missing ? <span className="ls-field-error"> not a column of {source.table} in DQOps</span> : null}
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {proposal.readsSource && proposal.otherTables.length > 0 ? (
            <p className="ls-hint">
              It also reads {proposal.otherTables.join(', ')}: each is a link of its own (add it as a source, or use “Derive sources and mappings from SQL…” in
              the table’s details).
            </p>
          ) : null}
          {proposal.unknownTargets.length > 0 ? (
            <p className="ls-hint">
              Not columns of {targetTable} in DQOps, left out: {proposal.unknownTargets.join(', ')}.
            </p>
          ) : null}
          {proposal.ambiguous.length > 0 ? (
            <p className="ls-hint">The statement does not say which table these come from: {proposal.ambiguous.join(', ')} (qualify them to map them).</p>
          ) : null}
          <div className="ls-actions">
            <button type="button" className="ls-button ls-button--primary" disabled={accepted.length === 0} onClick={apply}>
              {accepted.length === 0 ? 'Apply the ticked mappings' : `Apply ${plural(accepted.length, 'mapping')}`}
            </button>
            <button
              type="button"
              className="ls-button"
              onClick={() => {
                setProposal(undefined);
                requestAnimationFrame(() => statement.current?.focus());
              }}
            >
              Back to the statement
            </button>
            <button type="button" className="ls-button ls-button--ghost" onClick={onClose}>
              Discard
            </button>
          </div>
        </>
      ) : (
        <>
          <DialectField value={dialect} onChange={setDialect} />
          <label className="ls-field" {...sqlDropHandlers(setSql, setError)}>
            <span>The SQL statement that builds {targetTable} (paste it, or drop its .sql file)</span>
            <textarea
              ref={statement}
              className="ls-input ls-fromsql__text"
              rows={8}
              value={sql}
              spellCheck={false}
              onChange={(e) => setSql(e.target.value)}
              aria-describedby={error ? `${ids}-error` : undefined}
            />
          </label>
          {error ? (
            <p className="ls-field-error" role="alert" id={`${ids}-error`}>
              {error} Your statement is still here.
            </p>
          ) : null}
          {reading ? <p role="status">Reading the statement…</p> : null}
          <div className="ls-actions">
            <button type="button" className="ls-button ls-button--primary" disabled={reading || sql.trim() === ''} onClick={() => void propose()}>
              Propose mappings
            </button>
            <button type="button" className="ls-button ls-button--ghost" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}
