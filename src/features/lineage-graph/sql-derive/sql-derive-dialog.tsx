// "Derive sources and mappings from SQL…" (issue #19), for one table: the steward pastes or drops
// the statement that builds it and chooses the dialect; the statement is read in a worker
// (lib/sql), its tables matched to DQOps tables (the import's rules), read again with their DQOps
// columns (for `*` and unqualified columns), and proposed: links and column mappings, each
// ticked unless DQOps lacks the column. The steward fixes and stages them in the draft. A
// refused statement gets its reason and keeps the text.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState } from 'react';
import { useDqopsApi } from '@/api/api-context';
import { describeError } from '@/api/errors';
import { catalogQueries, lineageQueries } from '@/api/queries';
import type { TableLineageSourceSpec } from '@/api/types';
import { Modal } from '@/components/modal';
import { plural } from '@/lib/format';
import { deriveInWorker } from '@/lib/sql/derive-in-worker';
import { DialectField, sqlDropHandlers, useSqlDialect } from '@/components/sql-input';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { useDraftStore } from '../draft/draft-store';
import { useCatalogRead } from '../import/use-import';
import { buildProposal, markStored, matchedTable, matchTables, onlyFrom, stageOps, tableOfSource, type Proposal, type ProposedMapping } from './proposal';

interface Props {
  target: TableRef;
  /** Propose for this link only (from the link's draft panel): its source table. */
  only?: TableRef;
  /** The link is already there (stored or staged). */
  isLinked: (source: TableRef) => boolean;
  onClose: () => void;
  onStaged: () => void;
}

type Phase = { kind: 'edit'; error?: string } | { kind: 'reading'; step: string } | { kind: 'proposal'; proposal: Proposal; columns: Record<string, string[]> };

export function SqlDeriveDialog({ target, only, isLinked, onClose, onStaged }: Props) {
  const api = useDqopsApi();
  const queryClient = useQueryClient();
  const store = useDraftStore();
  const catalog = useCatalogRead();
  const targetColumns = useQuery(catalogQueries.columns(api, target));
  const [sql, setSql] = useState('');
  const [dialect, setDialect] = useSqlDialect();
  const [phase, setPhase] = useState<Phase>({ kind: 'edit' });
  const [chosen, setChosen] = useState<ReadonlyMap<string, TableRef>>(new Map());
  const [keptSources, setKeptSources] = useState<ReadonlySet<string>>(new Set());
  const [keptMappings, setKeptMappings] = useState<ReadonlyMap<string, string>>(new Map());
  const [stageProblem, setStageProblem] = useState<string>();
  const run = useRef(0);
  const statement = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  const ready = catalog.index !== undefined && targetColumns.data !== undefined;

  async function read(choices: ReadonlyMap<string, TableRef> = chosen) {
    const index = catalog.index;
    const columnsOfTarget = targetColumns.data?.map((c) => c.name);
    if (!index || !columnsOfTarget) return;
    const mine = ++run.current;
    const still = () => mine === run.current;
    setStageProblem(undefined);
    try {
      setPhase({ kind: 'reading', step: 'Reading the statement…' });
      const first = await deriveInWorker(sql, dialect, {});
      if (!still()) return;
      const sources = matchTables(first.tables, target, index);
      setPhase({ kind: 'reading', step: `Reading the DQOps columns of ${plural(sources.length, 'table')}…` });
      const columns: Record<string, string[]> = {};
      const stored: Record<string, TableLineageSourceSpec['columns']> = {};
      await Promise.all(
        sources.map(async (source) => {
          const table = choices.get(source.name) ?? matchedTable(source);
          if (!table) return;
          const list = await queryClient.fetchQuery(catalogQueries.columns(api, table));
          columns[source.name] = list.map((c) => c.name);
          // What DQOps stores for a link there is already: its mappings are not proposed as new.
          // (A link only staged is not stored yet: nothing to read.)
          if (isLinked(table)) stored[source.name] = (await queryClient.fetchQuery(lineageQueries.source(api, target, table)).catch(() => undefined))?.columns;
        }),
      );
      if (!still()) return;
      const derivation = Object.keys(columns).length > 0 ? await deriveInWorker(sql, dialect, lowerKeys(columns)) : first;
      if (!still()) return;
      const whole = markStored(
        buildProposal(derivation, sources, columnsOfTarget, (name) => columns[name]),
        (name) => stored[name],
      );
      const proposal = only ? onlyFrom(whole, only, choices) : whole;
      setKeptSources(new Set(proposal.sources.filter((s) => choices.has(s.name) || matchedTable(s)).map((s) => s.name)));
      setKeptMappings(new Map(proposal.mappings.filter((m) => !m.missing && !m.stored).map((m) => [m.id, m.sourceColumn])));
      setPhase({ kind: 'proposal', proposal, columns });
    } catch (error) {
      if (still()) setPhase({ kind: 'edit', error: error instanceof Error ? error.message : describeError(error) });
    }
  }

  const drop = sqlDropHandlers(setSql, (error) => setPhase({ kind: 'edit', error }));

  const stage = () => {
    if (phase.kind !== 'proposal') return;
    const ops = stageOps(target, phase.proposal, { sources: keptSources, mappings: keptMappings }, isLinked, chosen);
    if (ops.length === 0) return setStageProblem('Nothing to stage: every ticked link is there already and no mapping is ticked.');
    const batch = `sql-${Date.now()}`;
    store.stageAll(ops.map((op) => ({ ...op, batch })));
    onStaged();
  };

  const title = only ? `Mappings from ${only.table} to ${target.table} from SQL` : `Derive sources and mappings of ${target.table} from SQL`;
  return (
    <Modal open wide title={title} onClose={onClose}>
      {phase.kind === 'proposal' ? (
        <ProposalView
          target={target}
          proposal={phase.proposal}
          columns={phase.columns}
          chosen={chosen}
          keptSources={keptSources}
          keptMappings={keptMappings}
          isLinked={isLinked}
          onKeepSource={(name, keep) => setKeptSources((prev) => toggled(prev, name, keep))}
          onKeepMapping={(mapping, sourceColumn) =>
            setKeptMappings((prev) => {
              const next = new Map(prev);
              if (sourceColumn === undefined) next.delete(mapping.id);
              else next.set(mapping.id, sourceColumn);
              return next;
            })
          }
          onChoose={(name, table) => {
            const next = new Map(chosen).set(name, table);
            setChosen(next);
            void read(next);
          }}
          problem={stageProblem}
          onBack={() => {
            setPhase({ kind: 'edit' });
            // The button that went back is gone: the statement, to be changed, gets the focus.
            requestAnimationFrame(() => statement.current?.focus());
          }}
          onStage={stage}
        />
      ) : (
        <div className="ls-sql">
          <p>
            Paste the statement that builds <bdi>{target.table}</bdi> — a <code>SELECT</code>, <code>INSERT … SELECT</code>, <code>CREATE TABLE/VIEW … AS</code>{' '}
            or <code>MERGE</code> — or drop its <code>.sql</code> file here. Nothing is saved: you see the proposed links and column mappings against the DQOps
            columns, then stage what you keep in the draft.
          </p>
          <DialectField value={dialect} onChange={setDialect} />
          <label className="ls-field" {...drop}>
            <span>SQL statement</span>
            <textarea
              ref={statement}
              className="ls-input ls-sql__text"
              rows={12}
              value={sql}
              onChange={(e) => setSql(e.target.value)}
              spellCheck={false}
              aria-describedby={phase.kind === 'edit' && phase.error ? `${ids}-error` : undefined}
              placeholder={
                'INSERT INTO marts.orders (order_id, customer_name)\nSELECT o.id, c.name\nFROM staging.orders o JOIN staging.customers c ON c.id = o.customer_id'
              }
            />
          </label>
          {phase.kind === 'reading' ? <p role="status">{phase.step}</p> : null}
          {catalog.load.state === 'loading' ? <p className="ls-hint">Reading the DQOps catalog…</p> : null}
          {catalog.load.state === 'failed' || targetColumns.isError ? (
            <div className="ls-notice ls-notice--error" role="alert">
              <p>
                {catalog.load.state === 'failed'
                  ? `The DQOps catalog could not be read — ${describeError(catalog.load.error)}`
                  : `The columns of ${target.table} could not be read — ${describeError(targetColumns.error)}`}
              </p>
              <button
                type="button"
                className="ls-button"
                onClick={() => {
                  catalog.retry();
                  void targetColumns.refetch();
                }}
              >
                Try again
              </button>
            </div>
          ) : null}
          {phase.kind === 'edit' && phase.error ? (
            <div className="ls-notice ls-notice--error" role="alert" id={`${ids}-error`}>
              <p>{phase.error}</p>
              <p>Nothing was staged; your statement is still here.</p>
            </div>
          ) : null}
          <div className="ls-modal__footer">
            <button type="button" className="ls-button ls-button--ghost" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="ls-button ls-button--primary"
              disabled={!ready || phase.kind === 'reading' || sql.trim() === ''}
              onClick={() => void read()}
            >
              Propose mappings
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

const toggled = (set: ReadonlySet<string>, value: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
};

/** Table names in the walk's spelling (lower case). */
const lowerKeys = (columns: Record<string, string[]>) => Object.fromEntries(Object.entries(columns).map(([k, v]) => [k.toLowerCase(), v]));

interface ProposalProps {
  target: TableRef;
  proposal: Proposal;
  columns: Record<string, string[]>;
  chosen: ReadonlyMap<string, TableRef>;
  keptSources: ReadonlySet<string>;
  keptMappings: ReadonlyMap<string, string>;
  isLinked: (source: TableRef) => boolean;
  onKeepSource: (name: string, keep: boolean) => void;
  onKeepMapping: (mapping: ProposedMapping, sourceColumn: string | undefined) => void;
  onChoose: (name: string, table: TableRef) => void;
  problem: string | undefined;
  onBack: () => void;
  onStage: () => void;
}

/** The proposal replaces the button that read it: focus goes to its heading (a stable callback: called once, on mount). */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

function ProposalView(props: ProposalProps) {
  const { target, proposal, columns, chosen, keptSources, keptMappings, isLinked, onKeepSource, onKeepMapping, onChoose, problem } = props;
  const tableOf = (name: string) => tableOfSource(proposal, name, chosen);
  const builds = proposal.builds && proposal.builds !== `${target.schema}.${target.table}`.toLowerCase() ? proposal.builds : undefined;
  const stagedMappings = proposal.mappings.filter((m) => keptMappings.has(m.id) && keptSources.has(m.source) && tableOf(m.source) && m.missing !== 'column');
  const newLinks = proposal.sources.filter((s) => keptSources.has(s.name) && tableOf(s.name) && !isLinked(tableOf(s.name) as TableRef));
  const byTable = useMemo(() => {
    const groups = new Map<string, ProposedMapping[]>();
    for (const m of proposal.mappings) groups.set(m.source, [...(groups.get(m.source) ?? []), m]);
    return groups;
  }, [proposal.mappings]);

  return (
    <div className="ls-sql">
      <h3 className="ls-sql__heading" tabIndex={-1} ref={focusOnMount}>
        Proposed for <bdi>{target.table}</bdi>: {plural(proposal.sources.length, 'source table')}, {plural(proposal.mappings.length, 'column mapping')}
      </h3>
      {builds ? (
        <p className="ls-notice ls-notice--warning">
          The statement builds <bdi>{builds}</bdi>, not {target.schema}.{target.table}: the mappings are proposed for {target.table} anyway.
        </p>
      ) : null}
      <h4 className="ls-legend__sub">Source tables</h4>
      {proposal.sources.length === 0 ? (
        <p className="ls-hint">{proposal.others ? 'The statement does not read this link’s source table.' : 'The statement reads no table.'}</p>
      ) : null}
      <ul className="ls-sql__sources" aria-label="Source tables of the statement">
        {proposal.sources.map((source) => {
          const table = tableOf(source.name);
          const linked = table ? isLinked(table) : false;
          return (
            <li key={source.name}>
              {table ? (
                <label className="ls-check">
                  <input type="checkbox" checked={keptSources.has(source.name)} onChange={(e) => onKeepSource(source.name, e.target.checked)} />
                  <bdi>{source.name}</bdi> → <bdi>{`${table.connection}.${table.schema}.${table.table}`}</bdi>
                  {linked ? <span className="ls-hint"> (already a source)</span> : <span className="ls-diff ls-diff--added"> new link</span>}
                </label>
              ) : source.match.state === 'ambiguous' ? (
                <label className="ls-field ls-sql__choose">
                  <span>
                    <bdi>{source.name}</bdi> is in more than one connection: which one?
                  </span>
                  <select
                    className="ls-input"
                    value=""
                    onChange={(e) => {
                      const pick = source.match.state === 'ambiguous' ? source.match.candidates.find((c) => tableKey(c) === e.target.value) : undefined;
                      if (pick) onChoose(source.name, pick);
                    }}
                  >
                    <option value="">Choose…</option>
                    {source.match.candidates.map((c) => (
                      <option key={tableKey(c)} value={tableKey(c)}>
                        {c.connection}.{c.schema}.{c.table}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <span className="ls-sql__missing">
                  <bdi>{source.name}</bdi>: <span className="ls-field-error">not in DQOps</span> — its mappings cannot be staged (add the table to DQOps first).
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {proposal.others && proposal.others.length > 0 ? (
        <p className="ls-hint">
          It also reads <bdi>{proposal.others.join(', ')}</bdi>: other links, left out here (“Derive sources and mappings from SQL…” in the details of{' '}
          {target.table} proposes them all).
        </p>
      ) : null}
      {proposal.ambiguous.length > 0 ? (
        <p className="ls-notice ls-notice--warning">
          The statement does not say which table {proposal.ambiguous.length === 1 ? 'this column comes' : 'these columns come'} from:{' '}
          <bdi>{proposal.ambiguous.join(', ')}</bdi>. Qualify {proposal.ambiguous.length === 1 ? 'it' : 'them'} in the SQL (<code>o.amount</code>), or map by
          hand.
        </p>
      ) : null}
      <h4 className="ls-legend__sub">Column mappings</h4>
      {proposal.mappings.length === 0 ? <p className="ls-hint">No column of the statement is computed from a source column.</p> : null}
      {proposal.mappings.length > 0 ? (
        <table className="ls-table ls-sql__mappings" aria-label="Proposed column mappings">
          <colgroup>
            <col className="ls-sql__keep" />
            <col />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Keep</th>
              <th scope="col">Column of {target.table}</th>
              <th scope="col">Reads</th>
              <th scope="col">How</th>
            </tr>
          </thead>
          {[...byTable].map(([name, mappings]) => {
            const table = tableOf(name);
            const from = table ? table.table : name;
            const options = columns[name] ?? [];
            return (
              <tbody key={name}>
                <tr>
                  <th scope="rowgroup" colSpan={4} className="ls-sql__group">
                    from <bdi>{table ? `${table.schema}.${table.table}` : name}</bdi>
                    {table ? null : <span className="ls-field-error"> (not in DQOps)</span>}
                  </th>
                </tr>
                {mappings.map((m) => {
                  const kept = keptMappings.get(m.id);
                  const label = `${m.column} ← ${from}.${m.sourceColumn}`;
                  const usable = !!table && m.missing !== 'column';
                  return (
                    <tr key={m.id} className={m.missing ? 'ls-sql__row--missing' : undefined}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Keep ${label}`}
                          disabled={!usable}
                          checked={kept !== undefined && usable}
                          onChange={(e) => onKeepMapping(m, e.target.checked ? (kept ?? m.sourceColumn) : undefined)}
                        />
                      </td>
                      <td>
                        <bdi>{m.column}</bdi>
                        {m.stored ? <span className="ls-hint ls-sql__flag">already in DQOps</span> : null}
                        {m.missing === 'column' ? <span className="ls-field-error ls-sql__flag">not a column of {target.table} in DQOps</span> : null}
                      </td>
                      <td>
                        {/* A column that cannot be kept gets no list to choose from. */}
                        {options.length > 0 && usable ? (
                          <select
                            className="ls-input"
                            aria-label={`Column of ${from} for ${m.column}`}
                            value={kept ?? m.sourceColumn}
                            onChange={(e) => onKeepMapping(m, e.target.value)}
                          >
                            {options.includes(m.sourceColumn) ? null : <option value={m.sourceColumn}>{m.sourceColumn} (not in DQOps)</option>}
                            {options.map((c) => (
                              <option key={c} value={c}>
                                {c}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <bdi>{m.sourceColumn}</bdi>
                        )}
                        {m.missing === 'source-column' && (kept ?? m.sourceColumn) === m.sourceColumn ? (
                          <span className="ls-field-error ls-sql__flag">no such column in DQOps: choose one</span>
                        ) : null}
                      </td>
                      <td>
                        {m.kind === 'direct' ? 'copied' : 'computed'}
                        {m.expression ? (
                          <code className="ls-sql__expr" title={m.expression}>
                            {m.expression}
                          </code>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            );
          })}
        </table>
      ) : null}
      {proposal.notProduced.length > 0 ? (
        <p className="ls-hint">
          Not produced by the statement ({proposal.notProduced.length}): <bdi>{proposal.notProduced.join(', ')}</bdi>
        </p>
      ) : null}
      {problem ? (
        <p className="ls-field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="ls-modal__footer">
        <button type="button" className="ls-button ls-button--ghost" onClick={props.onBack}>
          Back to the statement
        </button>
        <button type="button" className="ls-button ls-button--primary" onClick={props.onStage}>
          Stage {plural(newLinks.length, 'new link')} and {plural(stagedMappings.length, 'mapping')}
        </button>
      </div>
    </div>
  );
}
