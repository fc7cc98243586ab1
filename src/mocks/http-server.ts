// The mock DQOps server over real HTTP (Node only): converts each request to a Fetch Request
// and answers it with the same MSW handlers as the demo and the tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getResponse } from 'msw';
import { demoCatalog } from './seed/catalog';
import { createMockContext, optionsFromSearch, type MockContext, type MockOptions } from './context';
import { createHandlers } from './handlers';

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts listening; resolves with the server and its context. `POST /__mock/reset` restores the seed. */
export function startMockServer(port: number, host: string, options: Partial<MockOptions>) {
  let ctx: MockContext = createMockContext(demoCatalog, options);
  let handlers = createHandlers(ctx);

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      // Keep the raw path: DQOps (and MSW) decode each path segment on its own.
      const url = `http://${host}:${port}${req.url ?? '/'}`;
      // DQOps answers any origin (CorsWebConfiguration); with authentication on, the preflight
      // (no Authorization header) is refused by the auth filter first (docs/dqops-contract.md §5).
      const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '3600' };
      if (req.method === 'OPTIONS') {
        if (ctx.options.requireAuth) return void res.writeHead(401, cors).end();
        res.writeHead(204, {
          ...cors,
          'Access-Control-Allow-Methods': 'GET,POST,PUT,DELETE,OPTIONS',
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
        });
        return void res.end();
      }
      // Test control: POST /__mock/reset?role=viewer&requireAuth=true&scenario=hostile&generation=2024-09
      if (req.method === 'POST' && req.url?.startsWith('/__mock/reset')) {
        const prefixed = new URLSearchParams([...new URL(url).searchParams].map(([key, value]) => [`mock.${key}`, value]));
        ctx = createMockContext(demoCatalog, { ...options, ...optionsFromSearch(prefixed.toString()) });
        handlers = createHandlers(ctx);
        res.writeHead(204, cors).end();
        return;
      }
      const body = await readBody(req);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
        else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      }
      const request = new Request(url, { method: req.method, headers, body: body && body.length > 0 ? new Uint8Array(body) : undefined });
      const response = await getResponse(handlers, request);
      if (!response) {
        res.writeHead(404, { ...cors, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ timestamp: new Date().toISOString(), path: req.url, status: 404, error: 'Not Found', message: 'No static resource.' }));
        return;
      }
      // A lost answer (MockOptions.loseWriteResponsesTo, lostAs 'network'): the connection drops.
      if (response.type === 'error') return void req.socket.destroy();
      const outHeaders: Record<string, string> = { ...cors };
      response.headers.forEach((value, name) => (outHeaders[name] = value));
      const payload = Buffer.from(await response.arrayBuffer());
      if (payload.length > 0) outHeaders['content-length'] = String(payload.length);
      res.writeHead(response.status, outHeaders);
      res.end(payload);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 500, error: 'Internal Server Error', message: String(error) }));
    }
  });
  return new Promise<{ server: typeof server; context: () => MockContext }>((resolve) =>
    server.listen(port, host, () => resolve({ server, context: () => ctx })),
  );
}
