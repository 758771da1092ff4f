// @ts-check
/**
 * The HTTP load generator, in a worker thread of its own so that the server under test has the
 * main thread's event loop to itself. Plain JavaScript: it must run under tsx and under Vitest alike.
 * Loopback only: it is handed the origin of a server this process started.
 *
 * A job: `{ origin, method, path, headers, bodies?, bodyHeaders?, count, concurrency }`. `concurrency`
 * keep-alive connections each send their next request as soon as the previous answer is read;
 * request `i` carries `bodies[i % bodies.length]`, with `bodyHeaders[i % bodies.length]` added to
 * `headers` when given (a signature per body). The answer: each request's latency in ms, the status counts,
 * the wall time, the first answer's body (for checks), and the first non-2xx answer (to fail
 * loudly rather than time errors). Each job opens its own connections and closes them after.
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
import { parentPort } from 'node:worker_threads';

/**
 * @typedef {{ origin: string; method: string; path: string; headers: Record<string, string>; bodies?: string[]; bodyHeaders?: Record<string, string>[]; count: number; concurrency: number }} Job
 * @typedef {{ latencies: number[]; statuses: Record<string, number>; elapsedMs: number; firstBody: string; firstError: string | null }} JobResult
 */

/** @param {Job} job @returns {Promise<JobResult>} */
async function run(job) {
  const { origin, method, path, headers, bodies, bodyHeaders, count, concurrency } = job;
  const url = new URL(origin);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new Error(`loopback only, not ${url.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = new Array(count).fill(0);
  /** @type {Record<string, number>} */
  const statuses = {};
  /** @type {string | null} */
  let firstError = null;
  let firstBody = '';
  let next = 0;

  /** @param {number} i @returns {Promise<void>} */
  const one = (i) =>
    new Promise((resolve, reject) => {
      const body = bodies ? bodies[i % bodies.length] : undefined;
      const extra = bodies && bodyHeaders ? bodyHeaders[i % bodies.length] : undefined;
      const started = performance.now();
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: body === undefined ? headers : { ...headers, ...extra, 'content-length': String(Buffer.byteLength(body)) },
        },
        (response) => {
          /** @type {Buffer[]} */
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            latencies[i] = performance.now() - started;
            const status = response.statusCode ?? 0;
            if (i === 0) firstBody = Buffer.concat(chunks).toString('utf8');
            statuses[status] = (statuses[status] ?? 0) + 1;
            if ((status < 200 || status >= 300) && firstError === null) {
              firstError = `${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 500)}`;
            }
            resolve();
          });
        },
      );
      request.on('error', (error) => {
        // A keep-alive socket the server closed just as this request went out on it: Node's
        // documented race, not the server refusing work. Send it again on a fresh socket.
        if (request.reusedSocket && /** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNRESET') one(i).then(resolve, reject);
        else reject(error);
      });
      request.end(body);
    });

  const started = performance.now();
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) await one(next++);
  });
  await Promise.all(lanes);
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { latencies, statuses, elapsedMs, firstBody, firstError };
}

parentPort?.on('message', (/** @type {Job} */ job) => {
  run(job).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
