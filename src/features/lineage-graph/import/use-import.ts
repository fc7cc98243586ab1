// The import's steps for the dialog: DQOps's catalog read (from the moment the dialog opens, kept a
// minute for the next one: the file is being chosen and read meanwhile), the datasets matched under the current
// rules, the stored links of the matched target tables read (only the targets not read yet, when a
// rule or a choice brings new ones), and the plan against them and the draft. Rules and choices
// are remembered per server as they change.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { catalogQueries } from '@/api/queries';
import { useDqopsApi } from '@/api/api-context';
import { tableKey, type TableRef } from '@/lib/table-ref';
import { foldDraft } from '../model/draft';
import { useDraft, useDraftStore } from '../draft/draft-store';
import type { ImportedLineage } from './model/imported';
import { indexCatalog, matchAll, type MatchRules } from './model/match';
import { IMPORT_MARKERS, planImport, resolveLinks, type StoredLink } from './model/plan';
import { readCatalog, readStoredLinks, type Catalog } from './read-dqops';
import { loadRules, saveRules } from './rules-store';

export interface Step {
  /** What is being read, for the progress line. */
  label: string;
  done: number;
  total: number;
}

export type Load<T> = { state: 'loading'; step: Step } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

interface Outcome<T> {
  value?: T;
  error?: unknown;
  /** The attempt it belongs to (Try again starts a new one). */
  attempt: number;
}

/** Every table of DQOps (for matching), read when the dialog opens; `retry` reads it again. */
export function useCatalogRead() {
  const api = useDqopsApi();
  const [attempt, setAttempt] = useState(0);
  const [read, setRead] = useState<Outcome<Catalog>>({ attempt: -1 });
  const [progress, setProgress] = useState<Step>({ label: 'Reading the DQOps catalog', done: 0, total: 0 });
  const queryClient = useQueryClient();
  useEffect(() => {
    let live = true;
    // Kept a minute in the query cache: the import and the SQL dialogs opened one after another
    // read the whole catalog once (a 5,000-table warehouse is ~70 requests), not once per dialog.
    queryClient
      // Like every catalog key (api/queries.ts), not the API client: one per app and QueryClient.
      // eslint-disable-next-line @tanstack/query/exhaustive-deps
      .fetchQuery({
        queryKey: [...catalogQueries.all, 'whole-catalog'],
        queryFn: ({ signal }) => readCatalog(api, signal, (done, total) => live && setProgress({ label: 'Reading the DQOps catalog: schemas', done, total })),
        staleTime: 60_000,
      })
      .then((value) => live && setRead({ value, attempt }))
      .catch((error: unknown) => live && setRead({ error, attempt }));
    return () => {
      live = false;
    };
  }, [api, attempt, queryClient]);
  const load: Load<Catalog> =
    read.attempt !== attempt
      ? { state: 'loading', step: progress }
      : read.value
        ? { state: 'ready', value: read.value }
        : { state: 'failed', error: read.error };
  const value = read.attempt === attempt ? read.value : undefined;
  // Indexed as soon as it arrives (usually while a file is chosen), not with the file's matching.
  const index = useMemo(() => (value ? indexCatalog(value.connections, value.tables) : undefined), [value]);
  return { load, value, index, retry: () => setAttempt((n) => n + 1) };
}

export type CatalogRead = ReturnType<typeof useCatalogRead>;

export function useImport(lineage: ImportedLineage, catalogRead: CatalogRead) {
  const api = useDqopsApi();
  const store = useDraftStore();
  const draft = useDraft(store);
  const [rules, setRulesState] = useState<MatchRules>(() => loadRules(api.baseUrl));
  const [sync, setSync] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const setRules = (next: MatchRules) => {
    setRulesState(next);
    saveRules(api.baseUrl, next);
  };
  const catalog = catalogRead.load;

  const { index } = catalogRead;
  const matches = useMemo(() => (index ? matchAll(lineage.datasets.values(), index, rules) : undefined), [lineage, index, rules]);
  const links = useMemo(() => (matches ? resolveLinks(lineage, matches) : undefined), [lineage, matches]);

  // The stored links of the matched targets: read for the targets not read yet.
  const [stored, setStored] = useState<ReadonlyMap<string, StoredLink[]>>(() => new Map());
  const [readFailure, setReadFailure] = useState<Outcome<never>>();
  const [readProgress, setReadProgress] = useState<Step>({ label: 'Reading the links DQOps stores: tables', done: 0, total: 0 });
  const { missing, wanted } = useMemo(() => {
    const targets = new Map<string, TableRef>();
    for (const link of links?.resolved ?? []) if (!stored.has(tableKey(link.target))) targets.set(tableKey(link.target), link.target);
    return { missing: [...targets.values()], wanted: new Set(links?.resolved.map((link) => link.key)) };
  }, [links, stored]);
  useEffect(() => {
    if (missing.length === 0) return;
    const controller = new AbortController();
    const read = (key: string, properties: Record<string, string>) => wanted.has(key) || IMPORT_MARKERS.some((m) => Object.hasOwn(properties, m));
    readStoredLinks(api, missing, read, controller.signal, (done, total) => setReadProgress({ label: 'Reading the links DQOps stores: tables', done, total }))
      .then((read) => {
        if (controller.signal.aborted) return;
        setStored((known) => new Map([...known, ...read]));
      })
      .catch((error: unknown) => !controller.signal.aborted && setReadFailure({ error, attempt }));
    return () => controller.abort();
  }, [api, missing, wanted, attempt]);
  const reading: Load<true> | undefined = !links
    ? undefined
    : readFailure?.attempt === attempt
      ? { state: 'failed', error: readFailure.error }
      : missing.length > 0
        ? { state: 'loading', step: readProgress }
        : { state: 'ready', value: true };

  const changes = useMemo(() => foldDraft(draft.ops), [draft.ops]);
  const ready = reading?.state === 'ready';
  const plan = useMemo(() => (links && ready ? planImport(links.resolved, stored, changes, { sync }) : undefined), [links, ready, stored, changes, sync]);

  return {
    catalog,
    connections: index?.connections ?? [],
    rules,
    setRules,
    matches,
    links,
    reading,
    plan,
    sync,
    setSync,
    retry: () => {
      if (catalog.state === 'failed') catalogRead.retry();
      setAttempt((n) => n + 1);
    },
    store,
  };
}
