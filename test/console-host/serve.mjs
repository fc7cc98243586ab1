// Serves the console host (build.mjs) on 127.0.0.1:4176 like the DQOps console is served: the
// pages, and /api on the same origin (proxied to the mock DQOps on :8897, so `baseUrl: ''` works).
//   /                 the console (component CSS first, Tailwind preflight after)
//   /reset-first/…    the console with the other stylesheet order
//   /bare/…           the component on a bare page (reference styles)
//   /nostudio/…       the console without the component (reference host styles)
//   /plain            a page without a bundler, loading the packed library as shipped (/pkg/)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { request as httpRequest, createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../dist-e2e/console-host');
const PORT = Number(process.env.PORT ?? 4176);
const MOCK = { host: '127.0.0.1', port: Number(process.env.MOCK_PORT ?? 8897) };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json' };

function sendFile(res, file) {
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
  createReadStream(file).pipe(res);
}

function pageFor(path) {
  for (const name of ['reset-first', 'bare', 'nostudio']) if (path === `/${name}` || path.startsWith(`/${name}/`)) return `${name}.html`;
  if (path === '/plain') return 'plain.html';
  return 'console.html';
}

// --after URL (repeatable): listen only once these answer, so that a test runner waiting for this
// server finds the other servers it starts alongside ready too.
const after = process.argv.flatMap((arg, i) => (process.argv[i - 1] === '--after' ? [arg] : []));
for (const url of after) {
  for (let tries = 0; ; tries += 1) {
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) break;
    if (tries > 600) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
  if (path.startsWith('/api/') || path.startsWith('/__mock/')) {
    const upstream = httpRequest({ ...MOCK, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => res.writeHead(502).end(String(error)));
    req.pipe(upstream);
    return;
  }
  if (path.startsWith('/static/') || path.startsWith('/pkg/') || path.startsWith('/plain/')) {
    const file = normalize(join(root, path));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return sendFile(res, file);
    return res.writeHead(404).end('not found');
  }
  sendFile(res, join(root, pageFor(path)));
}).listen(PORT, '127.0.0.1', () => console.log(`console host on http://127.0.0.1:${PORT}/`));
