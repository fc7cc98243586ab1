// "Save all": a draft's link changes applied, each as a fresh read of the stored source spec
// followed by at most one write (POST, PUT or DELETE). Reading right before writing means a
// mapping someone else added meanwhile is kept (the draft's edits are applied to what is stored
// now, never to what the page loaded), and running the same draft again after a partial failure
// only does what is still missing. Changes of different target tables may run side by side (at
// most `parallel`); those of one target always one after the other, since each write replaces
// what the previous one read. The run stops starting changes at the first failure (those under
// way finish) and says exactly what was applied; what was applied can be rolled back from the
// recorded before-specs. A run can be paused between changes.
import { isStatus } from '@/api/errors';
import type { TableLineageSourceSpec } from '@/api/types';
import { stableStringify } from '@/lib/stable-json';
import { eachLimited } from '@/lib/each-limited';
import { sameTable, tableKey, type TableRef } from '@/lib/table-ref';
import { applyMappings, newSourceSpec, type LinkChange } from './draft';

export interface DraftApi {
  getSource(target: TableRef, source: TableRef): Promise<TableLineageSourceSpec>;
  createSource(target: TableRef, spec: TableLineageSourceSpec): Promise<void>;
  /** `expected`: the spec read right before (after a lost answer, it tells "not saved" from "changed by someone else"). */
  updateSource(target: TableRef, spec: TableLineageSourceSpec, options?: { expected?: TableLineageSourceSpec }): Promise<void>;
  deleteSource(target: TableRef, source: TableRef): Promise<void>;
  /**
   * The target's stored sources. When given, a link is looked up in this list before its spec is
   * read: a new link is known to be absent without a 404 (which browsers log as an error).
   */
  listSources?(target: TableRef): Promise<readonly { source: TableRef }[]>;
}

export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

/** What one link change did on the server. */
export interface AppliedStep {
  change: LinkChange;
  /** The write sent; undefined when the server already held the drafted state (nothing to send). */
  method?: WriteMethod;
  /** The stored spec before the write (undefined: the link did not exist), for rolling back. */
  before?: TableLineageSourceSpec;
  /** What a PUT stored (what rolling it back expects to find). */
  sent?: TableLineageSourceSpec;
  /** What the step found, when it differs from what the draft expected (for the report). */
  note?: string;
}

export interface RunResult {
  applied: AppliedStep[];
  /** The change that failed, and why; undefined when everything was applied. */
  failed?: { change: LinkChange; error: unknown };
  /** Changes of other targets that failed while the first failure stopped the run (parallel runs). */
  alsoFailed?: { change: LinkChange; error: unknown }[];
  /** Changes after the failure: not attempted. */
  notAttempted: LinkChange[];
}

/** Pauses a run between changes: the writes under way finish, no new one starts until resumed. */
export interface RunControl {
  whenRunning(): Promise<void>;
}

export function createRunControl() {
  let paused = false;
  let waiting: (() => void)[] = [];
  return {
    get paused() {
      return paused;
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      for (const go of waiting) go();
      waiting = [];
    },
    whenRunning: (): Promise<void> => (paused ? new Promise((go) => waiting.push(go)) : Promise.resolve()),
  };
}

export interface RunOptions {
  /** Changes of different target tables run at most this many at a time (default 1: in order). */
  parallel?: number;
  control?: RunControl;
  /** Told of each change applied, as it is (to remember progress across a reload). */
  onApplied?: (step: AppliedStep) => void;
}

/** The method a change is expected to need, for the review list (the run decides from the stored spec). */
export function expectedMethod(change: LinkChange): WriteMethod {
  return change.diff === 'added' ? 'POST' : change.diff === 'removed' ? 'DELETE' : 'PUT';
}

async function readStored(api: DraftApi, change: LinkChange): Promise<TableLineageSourceSpec | undefined> {
  try {
    if (api.listSources) {
      const listed = await api.listSources(change.target);
      if (!listed.some((link) => sameTable(link.source, change.source))) return undefined;
    }
    return await api.getSource(change.target, change.source);
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

const same = (a: TableLineageSourceSpec, b: TableLineageSourceSpec) => stableStringify(a) === stableStringify(b);

async function applyChange(api: DraftApi, change: LinkChange): Promise<AppliedStep> {
  const before = await readStored(api, change);
  if (change.diff === 'removed') {
    if (!before) return { change, note: 'was already removed' };
    await api.deleteSource(change.target, change.source);
    return { change, method: 'DELETE', before };
  }
  if (!before) {
    if (change.diff === 'changed') throw new LinkGoneError(change);
    await api.createSource(change.target, applyMappings(newSourceSpec(change.source), change));
    return { change, method: 'POST' };
  }
  const after = applyMappings(before, change);
  if (same(before, after)) return { change, before, note: 'was already saved' };
  const note = change.diff === 'added' ? 'was already a source: the drafted column mappings were added to it' : undefined;
  await api.updateSource(change.target, after, { expected: before });
  return { change, method: 'PUT', before, sent: after, note };
}

/** A change of mappings on a link that someone removed since the draft was made. */
export class LinkGoneError extends Error {
  constructor(readonly change: LinkChange) {
    super(`${change.source.table} is no longer a source of ${change.target.table} (someone removed it), so its column mappings cannot be changed.`);
    this.name = 'LinkGoneError';
  }
}

export async function runDraft(
  api: DraftApi,
  changes: readonly LinkChange[],
  onProgress?: (done: number, total: number) => void,
  { parallel = 1, control, onApplied }: RunOptions = {},
): Promise<RunResult> {
  // Lanes: one per target table (in the order first met), or one per change when run in order.
  const lanes = new Map<string, LinkChange[]>();
  for (const [index, change] of changes.entries()) {
    const lane = parallel > 1 ? tableKey(change.target) : String(index);
    const known = lanes.get(lane);
    if (known) known.push(change);
    else lanes.set(lane, [change]);
  }
  const applied = new Map<LinkChange, AppliedStep>();
  const started = new Set<LinkChange>();
  const failures: { change: LinkChange; error: unknown }[] = [];
  onProgress?.(0, changes.length);
  await eachLimited(
    [...lanes.values()],
    parallel,
    async (lane) => {
      for (const change of lane) {
        await control?.whenRunning();
        if (failures.length > 0) return;
        started.add(change);
        try {
          const step = await applyChange(api, change);
          applied.set(change, step);
          onApplied?.(step);
        } catch (error) {
          failures.push({ change, error });
          return;
        }
        onProgress?.(applied.size, changes.length);
      }
    },
    () => failures.length > 0,
  );
  const [failed, ...alsoFailed] = failures;
  return {
    applied: changes.flatMap((change) => applied.get(change) ?? []),
    ...(failed && { failed }),
    ...(alsoFailed.length > 0 && { alsoFailed }),
    notAttempted: changes.filter((change) => !started.has(change)),
  };
}

export interface RollbackResult {
  undone: AppliedStep[];
  failed?: { step: AppliedStep; error: unknown };
  /** Applied steps still in place (the failed one and those before it in undo order). */
  left: AppliedStep[];
}

/** Puts back what `applied` changed, last write first; stops at the first failure. */
export async function rollbackDraft(api: DraftApi, applied: readonly AppliedStep[]): Promise<RollbackResult> {
  const writes = applied.filter((step) => step.method !== undefined).reverse();
  const undone: AppliedStep[] = [];
  for (const [index, step] of writes.entries()) {
    try {
      if (step.method === 'POST') await api.deleteSource(step.change.target, step.change.source);
      else if (step.before && step.method === 'DELETE') await api.createSource(step.change.target, step.before);
      else if (step.before) await api.updateSource(step.change.target, step.before, { expected: step.sent });
      undone.push(step);
    } catch (error) {
      if (step.method === 'POST' && isStatus(error, 404)) {
        undone.push(step); // already gone
        continue;
      }
      return { undone, failed: { step, error }, left: writes.slice(index) };
    }
  }
  return { undone, left: [] };
}
