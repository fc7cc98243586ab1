// A file read off the page's thread when it is big (read-file.worker.ts), with progress; small
// files, and pages without workers (tests), are read on the page.
import { ImportError, type ImportedLineage } from './model/imported';
import { readLineageFile } from './model/read-file';
import type { ReadMessage, ReadRequest } from './read-file.worker';

/** Files at least this big are read in a worker (a 700 KB manifest parsed on the page took ~100 ms). */
export const WORKER_FROM_BYTES = 256 * 1024;

export type ReadProgress = { phase: 'reading'; done: number; total: number } | { phase: 'parsing' };

export function readFileLineage(file: Blob, onProgress: (progress: ReadProgress) => void, signal: AbortSignal): Promise<ImportedLineage> {
  if (file.size < WORKER_FROM_BYTES || typeof Worker === 'undefined') return file.text().then(readLineageFile);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-file.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => worker.terminate();
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('The import was closed.', 'AbortError'));
    });
    worker.onmessage = (event: MessageEvent<ReadMessage>) => {
      const message = event.data;
      if (message.kind === 'progress') onProgress({ phase: 'reading', done: message.done, total: message.total });
      else if (message.kind === 'parsing') onProgress({ phase: 'parsing' });
      else {
        stop();
        if (message.kind === 'done') resolve(message.lineage);
        else reject(new ImportError(message.message));
      }
    };
    worker.onerror = (event) => {
      stop();
      reject(new ImportError(`The file could not be read: ${event.message || 'the reader stopped'}`));
    };
    worker.postMessage({ file } satisfies ReadRequest);
  });
}
