// Property-based: generated connection, schema, table and column names full of URL-significant
// characters, quotes, backslashes and unicode each round-trip create → get → list → tree → delete
// through the real client against the mock DQOps, which decodes each path segment on its own as
// WebFlux does (docs/dqops-contract.md §5). Names that cannot travel in a URL segment are refused up front.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { setupMockDqops, testApi } from '@/testing/mock-dqops';
import type { TableRef } from '@/lib/table-ref';
import { ApiError } from './errors';

const mock = setupMockDqops();

const SPECIAL = ['/', '%', ';', '?', '#', '&', '+', ' ', '.', "'", '"', '\\', '=', ':', '@', '%2F', '%20', '..', '~', '*', '$', ','];
const char = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcxyz_019') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, // any unicode: é, ☃, 📈, جدول…
);
/** A name DQOps can hold and a URL can carry: not empty, not "." or "..". */
const name = fc.string({ unit: char, minLength: 1, maxLength: 24 }).filter((n) => n !== '.' && n !== '..');
const table = fc.record({ connection: name, schema: name, table: name });

let namesTried = 0;

describe('names round-trip through the client and the mock DQOps', () => {
  afterAll(() => {
    // The property ran: at least 1,000 generated names went through every call.
    expect(namesTried).toBeGreaterThanOrEqual(1_000);
  });

  it('create → get → list → tree → delete, with column mappings', async () => {
    const api = testApi();
    await fc.assert(
      fc.asyncProperty(table, table, name, name, async (target: TableRef, source: TableRef, column: string, sourceColumn: string) => {
        fc.pre(!(target.connection === source.connection && target.schema === source.schema && target.table === source.table));
        namesTried += 8;
        const store = mock.ctx.store;
        for (const ref of [target, source]) {
          if (!store.hasConnection(ref.connection)) store.addConnection({ name: ref.connection, provider: 'postgresql' });
          store.putTable({ ref, columns: [], quality: null });
        }
        const spec = {
          source_connection: source.connection,
          source_schema: source.schema,
          source_table: source.table,
          data_lineage_source_tool: `tool ${column}`,
          properties: { [column]: sourceColumn },
          columns: { [column]: { source_columns: [sourceColumn] } },
        };

        await api.createSource(target, spec);
        expect(store.getSource(target, source)).toEqual(spec); // the server decoded every segment
        expect(await api.getSource(target, source)).toEqual(spec);

        const listed = await api.listSources(target);
        expect(listed.map((link) => link.source)).toContainEqual(source);

        const tree = await api.getLineageTree(target, { upstream: true, downstream: false });
        expect(tree.flows.map((flow) => [flow.source, flow.target])).toContainEqual([source, target]);

        await api.deleteSource(target, source);
        expect(store.getSource(target, source)).toBeUndefined();
        await expect(api.getSource(target, source)).rejects.toMatchObject({ status: 404 });
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});

describe('names a URL segment cannot carry', () => {
  it.each(['', '.', '..'])('%j is refused before any request, with a clear message', async (bad) => {
    const requests: string[] = [];
    mock.server.events.on('request:start', ({ request }) => requests.push(request.url));
    const api = testApi();
    const target = { connection: 'warehouse', schema: 'marts', table: bad };
    const error = await api.getSource(target, { connection: 'warehouse', schema: 'staging', table: 'stg_customers' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).userMessage).toBe(
      bad === '' ? 'Could not read source table. The table name is empty.' : `Could not read source table. The table name "${bad}" cannot be used in a DQOps address.`,
    );
    expect(requests).toEqual([]);
  });
});
