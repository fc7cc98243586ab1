// The page's side of the SQL worker (sql.worker.ts): one worker, started on first use and kept
// (its grammars stay loaded), answering requests by id. Where there are no workers (the tests'
// jsdom), the same code runs on the page.
import type { Dialect } from './grammars';
import type { Derivation } from './derive';
import type { SqlRequest, SqlResponse } from './sql.worker';

export class SqlDeriveError extends Error {}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (d: Derivation) => void; reject: (e: Error) => void }>();

function start(): Worker {
  const started = new Worker(new URL('./sql.worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<SqlResponse>) => {
    const answer = event.data;
    const request = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.ok) request?.resolve(answer.derivation);
    else request?.reject(new SqlDeriveError(answer.message));
  };
  started.onerror = (event) => {
    // The worker itself failed (its code could not load): every request waiting fails, the next starts a new one.
    for (const request of waiting.values()) request.reject(new SqlDeriveError(`The SQL reader could not start: ${event.message || 'its code did not load'}`));
    waiting.clear();
    started.terminate();
    worker = undefined;
  };
  return started;
}

export function deriveInWorker(sql: string, dialect: Dialect, columns: Record<string, readonly string[]>): Promise<Derivation> {
  if (typeof Worker === 'undefined') {
    // Only the tests (jsdom) lack workers: there the same code runs on the page. A build leaves this
    // out, with the second copy of the grammars (and the bundler's runtime) it would bring along.
    if (import.meta.env.MODE === 'test') {
      return import('./derive').then(({ deriveFromSql, SqlError }) =>
        deriveFromSql(sql, dialect, { columnsOf: (table) => (Object.hasOwn(columns, table) ? columns[table] : undefined) }).catch((error: unknown) => {
          throw new SqlDeriveError(error instanceof SqlError ? error.message : `The statement could not be read: ${String(error)}`);
        }),
      );
    }
    return Promise.reject(new SqlDeriveError('This browser cannot run the SQL reader: it has no Web Workers.'));
  }
  worker ??= start();
  const id = nextId++;
  const target = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    target.postMessage({ id, sql, dialect, columns } satisfies SqlRequest);
  });
}
