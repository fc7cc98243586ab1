import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import type { TableLineageSourceSpec } from '@/api/types';
import { sourceRefOf, tableKey, type TableRef } from '@/lib/table-ref';
import { buildGraph, edgeKey } from './build-graph';
import { applyMappings, foldDraft, parseDraftOps, withDraft, withdrawChange, type DraftOp, type LinkChange } from './draft';
import { createRunControl, rollbackDraft, runDraft, type DraftApi } from './draft-run';
import { ref, treeOf } from './fixtures';

const k = (table: string) => tableKey(ref(table));
const addSource = (source: string, target: string): DraftOp => ({ kind: 'add-source', source: ref(source), target: ref(target) });
const removeSource = (source: string, target: string): DraftOp => ({ kind: 'remove-source', source: ref(source), target: ref(target) });
const map = (source: string, target: string, sourceColumn: string, column: string, kind: 'add-mapping' | 'remove-mapping' = 'add-mapping'): DraftOp => ({
  kind,
  source: ref(source),
  target: ref(target),
  column,
  sourceColumn,
});

describe('foldDraft', () => {
  it('gives one change per link, in the order the links were first touched', () => {
    const changes = foldDraft([addSource('a', 'b'), map('x', 'y', 'id', 'id'), map('a', 'b', 'id', 'a_id'), removeSource('p', 'q')]);
    expect(changes.map((c) => [c.key, c.diff, c.addMappings, c.removeMappings])).toEqual([
      [edgeKey(k('a'), k('b')), 'added', [{ column: 'a_id', sourceColumn: 'id' }], []],
      [edgeKey(k('x'), k('y')), 'changed', [{ column: 'id', sourceColumn: 'id' }], []],
      [edgeKey(k('p'), k('q')), 'removed', [], []],
    ]);
  });

  it('cancels steps that undo each other by hand', () => {
    expect(foldDraft([addSource('a', 'b'), map('a', 'b', 'id', 'id'), removeSource('a', 'b')])).toEqual([]);
    expect(foldDraft([removeSource('a', 'b'), addSource('a', 'b')])).toEqual([]);
    expect(foldDraft([map('a', 'b', 'id', 'id'), map('a', 'b', 'id', 'id', 'remove-mapping')])).toEqual([]);
    expect(foldDraft([map('a', 'b', 'id', 'id', 'remove-mapping'), map('a', 'b', 'id', 'id')])).toEqual([]);
  });

  it('drops mapping edits of a link it removes', () => {
    const [change] = foldDraft([map('a', 'b', 'id', 'id'), removeSource('a', 'b'), map('a', 'b', 'x', 'x')]);
    expect(change).toMatchObject({ diff: 'removed', addMappings: [], removeMappings: [] });
  });
});

describe('imported links', () => {
  it('carry their tool, properties and mapping properties into the change and into the spec saved', () => {
    const staged: DraftOp[] = [
      { kind: 'add-source', source: ref('a'), target: ref('b'), tool: 'dbt', properties: { dbt_unique_id: 'model.p.b' } },
      { kind: 'add-mapping', source: ref('a'), target: ref('b'), column: 'id', sourceColumn: 'a_id', properties: { openlineage_transformations: 'DIRECT/IDENTITY' } },
    ];
    const change = foldDraft(staged)[0] as LinkChange;
    expect(change).toMatchObject({ diff: 'added', tool: 'dbt', properties: { dbt_unique_id: 'model.p.b' } });
    const stored: TableLineageSourceSpec = { source_connection: 'c', source_schema: 's', source_table: 'a', data_lineage_source_tool: 'manual', properties: { owner: 'ana' }, columns: { id: { source_columns: ['id'] } } };
    expect(applyMappings(stored, change)).toEqual({
      ...stored,
      data_lineage_source_tool: 'dbt',
      properties: { owner: 'ana', dbt_unique_id: 'model.p.b' },
      columns: { id: { source_columns: ['id', 'a_id'], properties: { openlineage_transformations: 'DIRECT/IDENTITY' } } },
    });
    // A stored draft reads back the same, and removing the link forgets its tool.
    expect(parseDraftOps(JSON.parse(JSON.stringify(staged)))).toEqual(staged);
    expect(foldDraft([...staged, removeSource('a', 'b'), addSource('a', 'b')])[0]).not.toHaveProperty('tool');
  });
});

describe('withdrawChange', () => {
  it('takes exactly one link out of the draft, whatever its change', () => {
    const ops = [addSource('a', 'b'), map('a', 'b', 'id', 'id'), removeSource('p', 'q'), map('x', 'y', 'id', 'id'), map('x', 'y', 'n', 'n', 'remove-mapping')];
    const changes = foldDraft(ops);
    for (const change of changes) {
      const left = foldDraft([...ops, ...withdrawChange(change)]);
      expect(left.map((c) => c.key)).toEqual(changes.filter((c) => c.key !== change.key).map((c) => c.key));
    }
  });
});

describe('applyMappings', () => {
  const spec: TableLineageSourceSpec = {
    source_connection: 'c',
    source_schema: 's',
    source_table: 'a',
    properties: { owner: 'ana' },
    columns: { id: { source_columns: ['id'] }, name: { source_columns: ['first', 'last'], properties: { how: 'concat' } } },
  };

  it('adds and removes source columns, keeps everything else, and does not touch the input', () => {
    const before = JSON.stringify(spec);
    const next = applyMappings(spec, {
      addMappings: [
        { column: 'name', sourceColumn: 'middle' },
        { column: '__proto__', sourceColumn: 'odd' },
      ],
      removeMappings: [
        { column: 'id', sourceColumn: 'id' },
        { column: 'name', sourceColumn: 'first' },
      ],
    });
    expect(JSON.stringify(spec)).toBe(before);
    expect(next.properties).toEqual({ owner: 'ana' });
    expect(Object.keys(next.columns ?? {})).toEqual(['name', '__proto__']);
    expect(next.columns?.name).toEqual({ source_columns: ['last', 'middle'], properties: { how: 'concat' } });
    expect(Object.getOwnPropertyDescriptor(next.columns, '__proto__')?.value).toEqual({ source_columns: ['odd'] });
  });

  it('keeps a column whose mapping has properties even when its last source column goes', () => {
    const next = applyMappings(spec, {
      addMappings: [],
      removeMappings: [
        { column: 'name', sourceColumn: 'first' },
        { column: 'name', sourceColumn: 'last' },
      ],
    });
    expect(next.columns?.name).toEqual({ source_columns: [], properties: { how: 'concat' } });
  });
});

describe('withDraft', () => {
  const base = buildGraph(treeOf('b', ['a>b', 'b>c']));

  it('adds edges (and their new tables) for added links, marks removed and changed links, leaves the base alone', () => {
    const drafted = withDraft(base, foldDraft([addSource('new', 'b'), removeSource('a', 'b'), map('b', 'c', 'id', 'id'), addSource('p', 'q')]));
    expect([...drafted.model.nodes.keys()].sort()).toEqual([k('a'), k('b'), k('c'), k('new')].sort());
    expect(drafted.addedTables).toEqual(new Set([k('new')]));
    expect(drafted.model.sources.get(k('b'))).toEqual([k('a'), k('new')]);
    expect([...drafted.diffs.entries()].map(([key, change]) => [key, change.diff])).toEqual([
      [edgeKey(k('new'), k('b')), 'added'],
      [edgeKey(k('a'), k('b')), 'removed'],
      [edgeKey(k('b'), k('c')), 'changed'],
    ]);
    expect(base.nodes.has(k('new'))).toBe(false);
    expect(base.sources.get(k('b'))).toEqual([k('a')]);
  });

  it('returns the base model itself when the draft adds nothing to it', () => {
    expect(withDraft(base, foldDraft([removeSource('a', 'b')])).model).toBe(base);
  });
});

describe('parseDraftOps', () => {
  it('keeps well-formed steps and drops the rest', () => {
    const ops = parseDraftOps([
      addSource('a', 'b'),
      { kind: 'add-source', source: ref('a') },
      { kind: 'explode', source: ref('a'), target: ref('b') },
      { ...map('a', 'b', 'x', 'y'), column: 3 },
      map('a', 'b', 'x', 'y', 'remove-mapping'),
      null,
    ]);
    expect(ops).toEqual([addSource('a', 'b'), map('a', 'b', 'x', 'y', 'remove-mapping')]);
    expect(parseDraftOps({ not: 'a list' })).toEqual([]);
  });
});

/** An in-memory DQOps with a log of the writes it received; `failOn` makes one write fail. */
function fakeApi(stored: Record<string, TableLineageSourceSpec>, failOn?: (method: string, target: TableRef, source: TableRef) => boolean) {
  const log: string[] = [];
  const id = (target: TableRef, source: TableRef) => `${target.table}<${source.table}`;
  const fail = (method: string, target: TableRef, source: TableRef) => {
    if (failOn?.(method, target, source)) throw new ApiError({ kind: 'http', status: 500 });
  };
  const api: DraftApi = {
    async getSource(target, source) {
      const spec = stored[id(target, source)];
      if (!spec) throw new ApiError({ kind: 'http', status: 404 });
      return structuredClone(spec);
    },
    async createSource(target, spec) {
      const source = sourceRefOf(spec);
      fail('POST', target, source);
      log.push(`POST ${id(target, source)}`);
      stored[id(target, source)] = structuredClone(spec);
    },
    async updateSource(target, spec) {
      const source = sourceRefOf(spec);
      fail('PUT', target, source);
      log.push(`PUT ${id(target, source)}`);
      stored[id(target, source)] = structuredClone(spec);
    },
    async deleteSource(target, source) {
      fail('DELETE', target, source);
      if (!stored[id(target, source)]) throw new ApiError({ kind: 'http', status: 404 });
      log.push(`DELETE ${id(target, source)}`);
      delete stored[id(target, source)];
    },
  };
  return { api, log, stored };
}

const specOf = (source: string, columns?: TableLineageSourceSpec['columns']): TableLineageSourceSpec => ({
  source_connection: 'c',
  source_schema: 's',
  source_table: source,
  ...(columns ? { columns } : {}),
});

/** Wraps an API so that each call takes a turn of the event loop, and records what ran at once. */
function timed(api: DraftApi) {
  const busy = new Map<string, number>(); // target → calls under way
  let atOnce = 0;
  let most = 0;
  let sameTargetAtOnce = false;
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const target = (args[0] as TableRef).table;
      busy.set(target, (busy.get(target) ?? 0) + 1);
      if ((busy.get(target) ?? 0) > 1) sameTargetAtOnce = true;
      most = Math.max(most, ++atOnce);
      await new Promise((resolve) => setTimeout(resolve, 2));
      try {
        return await call(...args);
      } finally {
        atOnce -= 1;
        busy.set(target, (busy.get(target) ?? 1) - 1);
      }
    };
  return {
    api: { getSource: wrap(api.getSource), createSource: wrap(api.createSource), updateSource: wrap(api.updateSource), deleteSource: wrap(api.deleteSource) } as DraftApi,
    most: () => most,
    sameTargetAtOnce: () => sameTargetAtOnce,
  };
}

describe('runDraft in parallel', () => {
  // Six targets, three new sources each.
  const targets = ['t1', 't2', 't3', 't4', 't5', 't6'];
  const many = foldDraft(targets.flatMap((t) => ['x', 'y', 'z'].map((s) => addSource(`${s}${t}`, t))));

  it('runs different targets side by side (at most 4), never two writes of one target at once, and applies everything', async () => {
    const server = fakeApi({});
    const clock = timed(server.api);
    const progress: number[] = [];
    const result = await runDraft(clock.api, many, (done) => progress.push(done), { parallel: 4 });
    expect(result.failed).toBeUndefined();
    expect(server.log).toHaveLength(18);
    expect(clock.most()).toBe(4);
    expect(clock.sameTargetAtOnce()).toBe(false);
    expect(progress.at(-1)).toBe(18);
    expect(result.applied.map((step) => step.change.key)).toEqual(many.map((change) => change.key)); // reported in the draft's order
  });

  it('pauses between changes: the writes under way finish, nothing starts until resumed', async () => {
    const server = fakeApi({});
    const control = createRunControl();
    let pausedAt = -1;
    const run = runDraft(
      server.api,
      many,
      (done) => {
        if (done === 5 && pausedAt < 0) {
          control.pause();
          pausedAt = done;
        }
      },
      { parallel: 4, control },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const whilePaused = server.log.length;
    expect(whilePaused).toBeLessThan(18);
    expect(whilePaused).toBeLessThanOrEqual(5 + 3); // those under way when paused, no more
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.log).toHaveLength(whilePaused);
    control.resume();
    const result = await run;
    expect(result.failed).toBeUndefined();
    expect(server.log).toHaveLength(18);
  });

  it('stops starting changes at a failure; the others under way finish and are reported', async () => {
    const server = fakeApi({}, (_method, target, source) => target.table === 't2' && source.table === 'yt2');
    const result = await runDraft(timed(server.api).api, many, undefined, { parallel: 4 });
    expect(result.failed?.change.source.table).toBe('yt2');
    expect(result.notAttempted.some((change) => change.source.table === 'zt2')).toBe(true);
    // Every change is accounted for exactly once.
    const accounted = [...result.applied.map((s) => s.change), result.failed?.change, ...(result.alsoFailed ?? []).map((f) => f.change), ...result.notAttempted];
    expect(accounted).toHaveLength(18);
    expect(new Set(accounted).size).toBe(18);
  });
});

describe('runDraft', () => {
  const draft = foldDraft([addSource('new', 'b'), map('new', 'b', 'id', 'new_id'), removeSource('a', 'b'), map('b', 'c', 'name', 'name')]);

  it('with the sources list, a new link is known to be absent without reading it (no 404 in the console)', async () => {
    const server = fakeApi({ 'b<a': specOf('a'), 'c<b': specOf('b') });
    const reads: string[] = [];
    const getSource = server.api.getSource.bind(server.api);
    const api: DraftApi = {
      ...server.api,
      getSource: (target, source) => {
        reads.push(`${target.table}<${source.table}`);
        return getSource(target, source);
      },
      listSources: async (target) =>
        Object.keys(server.stored)
          .filter((id) => id.startsWith(`${target.table}<`))
          .map((id) => ({ source: { connection: 'c', schema: 's', table: id.split('<')[1] ?? '' } })),
    };
    const result = await runDraft(api, draft);
    expect(result.failed).toBeUndefined();
    expect(server.log).toEqual(['POST b<new', 'DELETE b<a', 'PUT c<b']);
    expect(reads).toEqual(['b<a', 'c<b']); // b<new was never read
  });

  it('sends one write per link, in order, applying mapping edits to what is stored now', async () => {
    const server = fakeApi({ 'b<a': specOf('a'), 'c<b': specOf('b', { id: { source_columns: ['id'] } }) });
    const progress: string[] = [];
    const result = await runDraft(server.api, draft, (done, total) => progress.push(`${done}/${total}`));
    expect(server.log).toEqual(['POST b<new', 'DELETE b<a', 'PUT c<b']);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(result.failed).toBeUndefined();
    expect(server.stored['b<new']).toEqual(specOf('new', { new_id: { source_columns: ['id'] } }));
    // The mapping someone else stored on c<b is kept.
    expect(server.stored['c<b']?.columns).toEqual({ id: { source_columns: ['id'] }, name: { source_columns: ['name'] } });
  });

  it('stops at the first failure, says what was and was not applied, and a second run only does the rest', async () => {
    const server = fakeApi({ 'b<a': specOf('a'), 'c<b': specOf('b') }, (method) => method === 'DELETE');
    const result = await runDraft(server.api, draft);
    expect(server.log).toEqual(['POST b<new']);
    expect(result.applied.map((s) => s.method)).toEqual(['POST']);
    expect(result.failed?.change.key).toBe(edgeKey(k('a'), k('b')));
    expect(result.notAttempted.map((c) => c.key)).toEqual([edgeKey(k('b'), k('c'))]);

    const healed = fakeApi(server.stored);
    const again = await runDraft(healed.api, draft);
    expect(healed.log).toEqual(['DELETE b<a', 'PUT c<b']);
    expect(again.applied[0]?.method).toBeUndefined();
    expect(again.applied[0]?.note).toBe('was already saved');
  });

  it('rolls back what it applied, last write first, restoring the specs it replaced', async () => {
    const original = { 'b<a': specOf('a', { x: { source_columns: ['x'] } }), 'c<b': specOf('b') };
    const server = fakeApi(structuredClone(original), (method, target) => method === 'PUT' && target.table === 'c');
    const result = await runDraft(server.api, draft);
    expect(result.applied.map((s) => s.method)).toEqual(['POST', 'DELETE']);
    const rollback = await rollbackDraft(fakeApi(server.stored).api, result.applied);
    expect(rollback.undone.map((s) => s.method)).toEqual(['DELETE', 'POST']);
    expect(rollback.failed).toBeUndefined();
    expect(server.stored).toEqual(original);
  });

  it('refuses to change the mappings of a link someone removed meanwhile', async () => {
    const server = fakeApi({});
    const result = await runDraft(server.api, foldDraft([map('b', 'c', 'name', 'name')]));
    expect(result.failed?.error).toBeInstanceOf(Error);
    expect(String(result.failed?.error)).toMatch(/b is no longer a source of c/);
    expect(server.log).toEqual([]);
  });
});
