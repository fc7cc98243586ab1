// Import lineage: a file (or pasted text) is read, its tables matched to DQOps tables by rules the
// steward sees and changes, and a report says what each table and each link would become before
// anything is staged. Accepting stages the links in the draft (one undoable batch); saving is the
// draft's Save all. Nothing here writes to DQOps.
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Modal } from '@/components/modal';
import { ErrorPanel } from '@/components/error-panel';
import { formatNumber, plural } from '@/lib/format';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { ImportError, type ImportedDataset, type ImportedLineage } from './model/imported';
import { choiceKey, connectionFor, spacesOf, type DatasetMatch } from './model/match';
import { countStates, type LinkState, type PlannedLink } from './model/plan';
import { readLineageFile } from './model/read-file';
import { readFileLineage, type ReadProgress } from './read-in-worker';
import { SampleFilesContext } from './sample-files';
import { CompiledSql } from './compiled-sql';
import { useCatalogRead, useImport, type CatalogRead, type Step } from './use-import';

const GROUPED = { grouped: true };
const STATE_ORDER: readonly LinkState[] = ['new', 'changed', 'remove', 'staged', 'already'];

/** Rows of the link list drawn at most (the rest are counted). */
const LIST_MAX = 300;

const STATE_WORDS: Record<LinkState, string> = {
  new: 'new',
  changed: 'changed',
  already: 'already in DQOps',
  staged: 'already staged',
  remove: 'to remove (sync)',
};

const formatMegabytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const refText = (ref: TableRef) => `${ref.connection}.${ref.schema}.${ref.table}`;
const datasetText = (d: ImportedDataset) => [d.space, d.schema, d.table].filter(Boolean).join(' · ');

export function ImportDialog({ onClose, onStaged }: { onClose: () => void; onStaged: (staged: { links: number; targets: TableRef[] }) => void }) {
  const [file, setFile] = useState<{ name: string; lineage: ImportedLineage }>();
  const [readError, setReadError] = useState<string>();
  const [reading, setReading] = useState<ReadProgress | 'small'>();
  // A big file is read in a worker; closing the dialog stops it. (Made in the effect: StrictMode
  // runs effects twice, and a controller aborted by the first cleanup would stay aborted.)
  const closed = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    closed.current = controller;
    return () => controller.abort();
  }, []);
  const [pasted, setPasted] = useState('');
  const samples = useContext(SampleFilesContext);
  // Read from the start: a 5,000-table catalog takes a second or two, spent while a file is chosen.
  const catalog = useCatalogRead();

  const read = async (name: string, lineageOf: (signal: AbortSignal) => Promise<ImportedLineage>) => {
    const { signal } = closed.current;
    setReadError(undefined);
    setReading('small');
    try {
      const lineage = await lineageOf(signal);
      if (!signal.aborted) setFile({ name, lineage });
    } catch (error) {
      if (signal.aborted) return;
      setReadError(error instanceof ImportError ? error.message : `The file could not be read: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (!signal.aborted) setReading(undefined);
    }
  };
  const readText = (name: string, text: () => Promise<string>) => read(name, async () => readLineageFile(await text()));

  return (
    <Modal open wide title={file ? `Import lineage from ${file.name}` : 'Import lineage'} onClose={onClose}>
      {file ? (
        <Report file={file} catalog={catalog} onAnother={() => setFile(undefined)} onClose={onClose} onStaged={onStaged} />
      ) : (
        <div className="ls-import">
          <p>
            From a dbt <code>manifest.json</code> (dbt 1.3 and later), OpenLineage events (one event, a JSON array, or one event per line) or a Lineage Studio
            export. Nothing is saved yet: you see how the file&apos;s tables match DQOps tables, then the links are staged in the draft, where you review and
            save them.
          </p>
          <label className="ls-field">
            <span>A file</span>
            <input
              type="file"
              accept=".json,.jsonl,.ndjson,application/json"
              disabled={!!reading}
              onChange={(event) => {
                const chosen = event.currentTarget.files?.[0];
                if (chosen) void read(chosen.name, (signal) => readFileLineage(chosen, setReading, signal));
                event.currentTarget.value = ''; // the same file again is read again
              }}
            />
          </label>
          <label className="ls-field">
            <span>Or paste its text</span>
            <textarea className="ls-input ls-import__paste" rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} spellCheck={false} />
          </label>
          <div className="ls-actions">
            <button
              type="button"
              className="ls-button"
              disabled={!!reading || pasted.trim() === ''}
              onClick={() => void readText('pasted text', () => Promise.resolve(pasted))}
            >
              Read the pasted text
            </button>
            {samples.map((sample) => (
              <button key={sample.name} type="button" className="ls-button" disabled={!!reading} onClick={() => void readText(sample.name, sample.read)}>
                {sample.label}
              </button>
            ))}
          </div>
          {reading === undefined ? null : reading === 'small' ? (
            <p role="status">Reading the file…</p>
          ) : reading.phase === 'reading' ? (
            <p className="ls-import__progress" role="status">
              Reading the file: {formatMegabytes(reading.done)} of {formatMegabytes(reading.total)}
              <progress max={reading.total} value={reading.done} aria-label="Reading the file" />
            </p>
          ) : (
            <p role="status">Reading the lineage in the file…</p>
          )}
          {readError ? (
            <div className="ls-notice ls-notice--error" role="alert">
              <p>{readError}</p>
              <p>Nothing was staged.</p>
            </div>
          ) : null}
          <div className="ls-modal__footer">
            <button type="button" className="ls-button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}

function Progress({ step }: { step: Step }) {
  return (
    <p className="ls-import__progress" role="status">
      {step.label}
      {step.total > 0 ? ` ${formatNumber(step.done)} / ${formatNumber(step.total)}` : '…'}
      {step.total > 0 ? <progress max={step.total} value={step.done} aria-label={step.label} /> : null}
    </p>
  );
}

function Report({
  file,
  catalog,
  onAnother,
  onClose,
  onStaged,
}: {
  file: { name: string; lineage: ImportedLineage };
  catalog: CatalogRead;
  onAnother: () => void;
  onClose: () => void;
  onStaged: (staged: { links: number; targets: TableRef[] }) => void;
}) {
  // With column mappings derived from dbt's compiled SQL, when the steward asks for them.
  const [derived, setDerived] = useState<ImportedLineage>();
  const lineage = derived ?? file.lineage;
  const run = useImport(lineage, catalog);
  const datasets = useMemo(() => [...lineage.datasets.values()], [lineage]);
  const counts = { matched: 0, ambiguous: 0, missing: 0, chosen: 0 };
  for (const d of datasets) {
    const match = run.matches?.get(d.key);
    if (match) counts[match.state] += 1;
    if (match?.state === 'matched' && match.how === 'chosen') counts.chosen += 1;
  }
  const toStage = run.plan?.filter((p) => p.ops.length > 0) ?? [];
  const stage = () => {
    // One batch (one Undo); after what is staged already, so it cannot run into an earlier batch.
    const batch = `import:${run.store.get().ops.length}:${file.name}`;
    run.store.stageAll(toStage.flatMap((p) => p.ops.map((op) => ({ ...op, batch }))));
    const targets = new Map(toStage.map((p) => [tableKey(p.target), p.target]));
    onStaged({ links: toStage.length, targets: [...targets.values()] });
  };
  const kind = lineage.format === 'dbt' ? 'dbt manifest' : 'OpenLineage events';
  // The button that read the file is gone: focus goes to what the file holds, the report's first line.
  const summary = useRef<HTMLParagraphElement>(null);
  useEffect(() => summary.current?.focus(), []);
  return (
    <div className="ls-import">
      <p ref={summary} tabIndex={-1}>
        {kind}: {plural(datasets.length, 'table', undefined, GROUPED)}, {plural(lineage.links.length, 'link', undefined, GROUPED)}.{' '}
        <button type="button" className="ls-linkbutton" onClick={onAnother}>
          Choose another file
        </button>
      </p>
      {lineage.notes.length > 0 ? (
        <ul className="ls-hint ls-import__notes" aria-label="Notes on the file">
          {lineage.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {run.catalog.state === 'loading' ? <Progress step={run.catalog.step} /> : null}
      {run.catalog.state === 'failed' ? <ErrorPanel title="The DQOps catalog could not be read" error={run.catalog.error} onRetry={run.retry} /> : null}
      {run.matches ? (
        <>
          <Rules datasets={datasets} run={run} format={lineage.format} />
          <section aria-labelledby="ls-import-tables">
            <h3 id="ls-import-tables">Tables</h3>
            <p>
              {counts.matched} matched to DQOps tables{counts.chosen > 0 ? ` (${counts.chosen} as you chose)` : ''}, {counts.ambiguous} to choose,{' '}
              {counts.missing} not in DQOps.
            </p>
            <Ambiguous datasets={datasets} matches={run.matches} run={run} />
            <Missing datasets={datasets} matches={run.matches} />
          </section>
          {file.lineage.compiled ? <CompiledSql lineage={file.lineage} matches={run.matches} onDerived={setDerived} /> : null}
          <section aria-labelledby="ls-import-links">
            <h3 id="ls-import-links">Links</h3>
            {run.reading?.state === 'loading' ? <Progress step={run.reading.step} /> : null}
            {run.reading?.state === 'failed' ? (
              <ErrorPanel title="The links DQOps stores could not be read" error={run.reading.error} onRetry={run.retry} />
            ) : null}
            {run.plan ? <Links plan={run.plan} waiting={run.links?.unresolved.length ?? 0} /> : null}
            <label className="ls-check">
              <input type="checkbox" checked={run.sync} onChange={(event) => run.setSync(event.target.checked)} />
              Sync: also remove the links this tool imported earlier that the file no longer has (for the tables in this file; links entered by hand are kept)
            </label>
          </section>
        </>
      ) : null}
      <div className="ls-modal__footer">
        <button type="button" className="ls-button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="ls-button ls-button--primary" disabled={toStage.length === 0} onClick={stage}>
          {toStage.length === 0 ? 'Nothing to stage' : `Stage ${plural(toStage.length, 'link', undefined, GROUPED)} in the draft`}
        </button>
      </div>
    </div>
  );
}

type Run = ReturnType<typeof useImport>;

function Rules({ datasets, run, format }: { datasets: ImportedDataset[]; run: Run; format: ImportedLineage['format'] }) {
  const spaces = useMemo(() => [...spacesOf(datasets)], [datasets]);
  return (
    <section aria-labelledby="ls-import-rules">
      <h3 id="ls-import-rules">Where the file&apos;s tables are in DQOps</h3>
      <p className="ls-hint">
        Each {format === 'dbt' ? 'dbt database' : 'OpenLineage namespace'} of the file is looked up in one DQOps connection, or in every connection; names are
        matched exactly, then regardless of case. Remembered for this DQOps server.
      </p>
      <table className="ls-table ls-import__rules">
        <thead>
          <tr>
            <th scope="col">In the file</th>
            <th scope="col">Tables</th>
            <th scope="col">DQOps connection</th>
          </tr>
        </thead>
        <tbody>
          {spaces.map(([space, count]) => {
            const ruled = Object.hasOwn(run.rules.spaces, space);
            const current = connectionFor(space, run.rules, run.connections);
            return (
              <tr key={space}>
                <td>{space || '(none)'}</td>
                <td>{count}</td>
                <td>
                  <select
                    className="ls-input"
                    aria-label={`DQOps connection for ${space || 'tables without one'}`}
                    value={current ?? ''}
                    onChange={(event) => run.setRules({ ...run.rules, spaces: { ...run.rules.spaces, [space]: event.target.value } })}
                  >
                    <option value="">Every connection</option>
                    {run.connections.map((c) => (
                      <option key={c} value={c}>
                        {c}
                        {!ruled && c === current ? ' (same name)' : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function Ambiguous({ datasets, matches, run }: { datasets: ImportedDataset[]; matches: ReadonlyMap<string, DatasetMatch>; run: Run }) {
  const rows = datasets.flatMap((d) => {
    const match = matches.get(d.key);
    return match?.state === 'ambiguous' || (match?.state === 'matched' && match.how === 'chosen') ? [{ d, match }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <div className="ls-import__choose">
      <p>
        <strong>Choose</strong>: these names are in more than one place in DQOps.
      </p>
      <ul>
        {rows.map(({ d, match }) => {
          return (
            <li key={d.key}>
              <label>
                {datasetText(d)} <ChoiceSelect dataset={d} match={match} run={run} />
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ChoiceSelect({ dataset, match, run }: { dataset: ImportedDataset; match: DatasetMatch; run: Run }) {
  const key = choiceKey(dataset);
  const value = match.state === 'matched' ? tableKey(match.table) : '';
  const options = match.state === 'ambiguous' || (match.state === 'matched' && match.how === 'chosen') ? match.candidates : [];
  return (
    <select
      className="ls-input"
      value={value}
      onChange={(event) => {
        const choices = { ...run.rules.choices };
        if (event.target.value === '') delete choices[key];
        else choices[key] = event.target.value;
        run.setRules({ ...run.rules, choices });
      }}
    >
      <option value="">{match.state === 'matched' ? 'Choose again…' : 'Choose a table (its links wait)'}</option>
      {options.map((t) => (
        <option key={tableKey(t)} value={tableKey(t)}>
          {refText(t)}
        </option>
      ))}
    </select>
  );
}

function Missing({ datasets, matches }: { datasets: ImportedDataset[]; matches: ReadonlyMap<string, DatasetMatch> }) {
  const missing = datasets.filter((d) => matches.get(d.key)?.state === 'missing');
  if (missing.length === 0) return null;
  return (
    <details className="ls-import__missing">
      <summary>{plural(missing.length, 'table', undefined, GROUPED)} not in DQOps (their links are not imported)</summary>
      <ul>
        {missing.slice(0, LIST_MAX).map((d) => (
          <li key={d.key}>{datasetText(d)}</li>
        ))}
        {missing.length > LIST_MAX ? <li>and {formatNumber(missing.length - LIST_MAX)} more</li> : null}
      </ul>
    </details>
  );
}

function Links({ plan, waiting }: { plan: PlannedLink[]; waiting: number }) {
  const counts = countStates(plan);
  // What the import would change first, then by target table.
  const order = (link: PlannedLink) => STATE_ORDER.indexOf(link.state);
  const shown = useMemo(
    () =>
      [...plan].sort((a, b) => order(a) - order(b) || refText(a.target).localeCompare(refText(b.target)) || refText(a.source).localeCompare(refText(b.source))),
    [plan],
  );
  const parts: ReactNode[] = STATE_ORDER.filter((s) => counts[s] > 0).map((s) => `${formatNumber(counts[s])} ${STATE_WORDS[s]}`);
  if (waiting > 0) parts.push(`${formatNumber(waiting)} waiting for a table that is not matched`);
  return (
    <>
      <p>{parts.length > 0 ? parts.join(', ') : 'No link.'}.</p>
      <table className="ls-table ls-import__links" aria-label="Links of the file">
        <thead>
          <tr>
            <th scope="col">Target table</th>
            <th scope="col">Source table</th>
            <th scope="col">In DQOps</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, LIST_MAX).map((link) => (
            <tr key={link.key} className={`ls-import__link--${link.state}`}>
              <td>{refText(link.target)}</td>
              <td>{refText(link.source)}</td>
              <td>
                {STATE_WORDS[link.state]}
                {link.differences.length > 0 ? `: ${link.differences.join(', ')}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown.length > LIST_MAX ? <p className="ls-hint">and {formatNumber(shown.length - LIST_MAX)} more links (the draft review lists them all)</p> : null}
    </>
  );
}
