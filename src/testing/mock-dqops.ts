import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createDqopsApi, type DqopsApiConfig } from '@/api/client';
import type { MockOptions } from '@/mocks/context';
import { createTestServer } from '@/mocks/node';

/** Test origin: jsdom's location (Node's Request needs absolute URLs). */
export const TEST_ORIGIN = globalThis.location?.origin ?? 'http://localhost:3000';

/** A fresh mock DQOps (seed catalog) before each test; unhandled requests fail the test. */
export function setupMockDqops(options: Partial<MockOptions> = {}) {
  const mock = createTestServer();
  beforeAll(() => mock.server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    mock.reset(options);
  });
  afterAll(() => mock.server.close());
  return mock;
}

export function testApi(config: Partial<DqopsApiConfig> = {}) {
  return createDqopsApi({ baseUrl: TEST_ORIGIN, timeoutMs: 2_000, ...config });
}

/** The demo's import files, for tests of the import. */
export { demoDbtManifest, demoOpenLineageEvents } from '@/mocks/seed/demo-files';
