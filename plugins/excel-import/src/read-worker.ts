/**
 * The worker half of `readRowsInWorker`: parses the file off the main thread and posts its rows in
 * chunks, never more than the main thread has asked for, so a slow consumer (the database) holds
 * the parser back instead of letting parsed rows pile up in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readRows, type SheetRow } from './reader.js';
import type { ReaderRequest, ReaderMessage } from './worker-reader.js';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs only as a worker thread');
const request = workerData as ReaderRequest;

let credit = request.ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credit++;
  wake?.();
  wake = null;
});

const post = (message: ReaderMessage) => port.postMessage(message);

async function send(rows: SheetRow[]): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  post({ kind: 'rows', rows });
}

try {
  let chunk: SheetRow[] = [];
  for await (const row of readRows(request.path, request.options)) {
    chunk.push(row);
    if (chunk.length >= request.chunkRows) {
      await send(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await send(chunk);
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
}
// Listening for "more" would keep the thread alive once the file is read.
port.unref();
