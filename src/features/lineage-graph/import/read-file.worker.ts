// Reads a lineage file off the page's thread (a 50 MB manifest takes seconds to decode and parse):
// the bytes as they arrive (progress), then the JSON and the lineage in it. The parsers are the
// same pure modules the page uses for small files and pasted text.
import { ImportError, type ImportedLineage } from './model/imported';
import { readLineageFile } from './model/read-file';

export interface ReadRequest {
  file: Blob;
}

export type ReadMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'parsing' }
  | { kind: 'done'; lineage: ImportedLineage }
  | { kind: 'failed'; message: string };

const PROGRESS_EVERY = 1 << 20; // bytes

const post = (message: ReadMessage) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ReadRequest>) => {
  const { file } = event.data;
  try {
    const reader = file.stream().getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    let done = 0;
    let told = 0;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      done += chunk.value.byteLength;
      parts.push(decoder.decode(chunk.value, { stream: true }));
      if (done - told >= PROGRESS_EVERY) {
        told = done;
        post({ kind: 'progress', done, total: file.size });
      }
    }
    parts.push(decoder.decode());
    post({ kind: 'parsing' });
    post({ kind: 'done', lineage: readLineageFile(parts.join('')) });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof ImportError ? error.message : `The file could not be read: ${error instanceof Error ? error.message : String(error)}` });
  }
};
