import { Worker } from 'node:worker_threads';
import type { ReadOptions, SheetRow } from './reader.js';

/** What the main thread hands the reader thread. */
export interface ReaderRequest {
  path: string;
  options: ReadOptions;
  /** Rows per message: big enough that posting costs little, small enough to keep memory flat. */
  chunkRows: number;
  /** Chunks the worker may post before the main thread asks for more. */
  ahead: number;
}

export type ReaderMessage = { kind: 'rows'; rows: SheetRow[] } | { kind: 'done' } | { kind: 'failed'; message: string };

/** The file could not be read (the worker's own error, or the worker died). */
export class ReadFailed extends Error {}

const CHUNK_ROWS = 500;
const AHEAD = 4;

/**
 * Start the reader thread. From a build it runs `read-worker.js` as is. From the TypeScript
 * sources (tests, `pnpm start` through tsx) a worker thread does not inherit tsx's loader, so a
 * small bootstrap registers it in the thread before importing `read-worker.ts`.
 */
function startWorker(request: ReaderRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./read-worker.js', import.meta.url), { workerData: request });
  // Resolved from here where the runtime can (Node); else from the working directory, the repository's.
  const tsx = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const entry = new URL('./read-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: request });
}

/**
 * `readRows` on a worker thread: the same rows, parsed on another core while this one writes the
 * previous batch. Backpressure is by credit — the worker posts at most `AHEAD` chunks the consumer
 * has not taken — so memory stays flat however slow the consumer is. Stopping early ends the worker.
 */
export async function* readRowsInWorker(path: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  const worker = startWorker({ path, options, chunkRows: CHUNK_ROWS, ahead: AHEAD });
  const inbox: ReaderMessage[] = [];
  let waiting: ((message: ReaderMessage) => void) | null = null;
  const deliver = (message: ReaderMessage) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(message);
    } else inbox.push(message);
  };
  worker.on('message', deliver);
  worker.on('error', (error) => deliver({ kind: 'failed', message: error.message }));
  worker.on('exit', (code) => deliver(code === 0 ? { kind: 'done' } : { kind: 'failed', message: `the reader thread exited with code ${code}` }));
  const next = () => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise<ReaderMessage>((resolve) => (waiting = resolve)));
  try {
    for (;;) {
      const message = await next();
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw new ReadFailed(message.message);
      // Ask for the next chunk before handing these rows on: the worker parses while they are written.
      worker.postMessage('more');
      yield* message.rows;
    }
  } finally {
    await worker.terminate();
  }
}
