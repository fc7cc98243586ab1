// Vitest: the mock DQOps server inside the test process (msw/node).
import { setupServer } from 'msw/node';
import { demoCatalog, type SeedCatalog } from './seed/catalog';
import { createMockContext, type MockContext, type MockOptions } from './context';
import { createHandlers } from './handlers';

export function createTestServer() {
  const server = setupServer();
  let ctx: MockContext = createMockContext(demoCatalog);
  return {
    server,
    get ctx() {
      return ctx;
    },
    /** A fresh store (seed catalog) and options; also drops handlers added with server.use(). */
    reset(options: Partial<MockOptions> = {}, seed: SeedCatalog = demoCatalog) {
      ctx = createMockContext(seed, options);
      server.resetHandlers(...createHandlers(ctx));
      return ctx;
    },
  };
}
