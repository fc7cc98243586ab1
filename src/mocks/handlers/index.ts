// The mock DQOps server's request handlers: the same list serves the browser demo (service
// worker), Vitest (msw/node) and `npm run mock-server` (real HTTP).
import type { MockContext } from '../context';
import { catalogHandlers } from './catalog';
import { lineageHandlers } from './lineage';

export function createHandlers(ctx: MockContext) {
  // Lineage first: its paths are longer than the catalog's and must win.
  return [...lineageHandlers(ctx), ...catalogHandlers(ctx)];
}
