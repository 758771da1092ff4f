import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { trpcServer } from '@hono/trpc-server';
import { createUserAccount } from '@sarnakh/api';
import { startPlatform } from '@sarnakh/platform';
import { roundRobinPlugin } from '@sarnakh/plugin-round-robin';
import { initTRPC } from '@trpc/server';
import { Hono } from 'hono';
import { pino } from 'pino';
import superjson from 'superjson';
import type { Target } from './targets.js';

/** The origin better-auth is told it serves and trusts (sign-in checks the Origin header). */
const APP_ORIGIN = 'http://localhost:3000';
const SESSION_COOKIE = 'sarnakh.session_token';
export const BENCH_ADMIN = { email: 'bench-admin@example.com', name: 'Bench Admin', password: 'bench-password-123' } as const;

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serve `fetch` on a loopback port. */
export function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            (server as Server).closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
  });
}

/**
 * Sarnakh as the server runs it (`startPlatform` with the round-robin plugin, logs silenced), on a loopback port.
 * Jobs do not poll, so nothing runs in the background while figures are taken.
 */
export async function startApp(target: Target) {
  const platform = await startPlatform({
    database: target.database,
    plugins: [roundRobinPlugin],
    logger: pino({ level: 'silent' }),
    auth: { secret: 'sarnakh-bench-secret-long-enough-for-better-auth', baseURL: APP_ORIGIN, trustedOrigins: [APP_ORIGIN] },
    adminDist: '/nonexistent/sarnakh-admin-dist',
    jobs: { poll: false },
    pluginStateRefreshSeconds: 3600,
  });
  const http = await listen(platform.app.fetch);
  return {
    platform,
    url: http.url,
    async close() {
      await http.close();
      await platform.stop();
    },
  };
}

export type App = Awaited<ReturnType<typeof startApp>>;

/** Sign the bench admin in (creating them on first use) and return the session cookie. */
export async function signInAdmin(app: App): Promise<{ cookie: string; userId: string }> {
  const created = await createUserAccount(app.platform.services, { ...BENCH_ADMIN, role: 'admin' });
  if (!created.ok && created.error.code !== 'CONFLICT') throw new Error('could not create the bench admin');
  const response = await fetch(`${app.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  const body = (await response.json()) as { user?: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!.trim())
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`));
  if (!response.ok || !cookie || !body.user) throw new Error(`sign-in failed: ${response.status}`);
  return { cookie, userId: body.user.id };
}

/**
 * The floors: a bare Hono route (GET and a JSON POST), and a tRPC no-op query through
 * @hono/trpc-server with superjson, as Sarnakh mounts its router. No database, no middleware.
 */
export function startBaseline(): Promise<Listening> {
  const t = initTRPC.create({ transformer: superjson });
  const router = t.router({ noop: t.procedure.query(() => null) });
  const app = new Hono();
  app.get('/hono', (c) => c.json({ ok: true }));
  app.post('/hono/leads', async (c) => {
    await c.req.json();
    return c.json({ id: randomUUID() }, 201);
  });
  app.use('/trpc/*', trpcServer({ router, endpoint: '/trpc' }));
  return listen(app.fetch);
}

export interface LoadJob {
  origin: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  bodies?: string[];
  /** Headers for each body (same index), added to `headers`: a signature per body. */
  bodyHeaders?: Record<string, string>[];
  count: number;
  concurrency: number;
}

export interface LoadResult {
  latencies: number[];
  elapsedMs: number;
  /** How many answers had each HTTP status. */
  statuses: Record<string, number>;
  /** The first request's answer. */
  firstBody: string;
}

type WorkerAnswer =
  | { ok: true; result: LoadResult & { firstError: string | null } }
  | { ok: false; error: string };

/** Sends load from a worker thread (see http-worker.js); one job at a time. */
export class LoadClient {
  readonly #worker = new Worker(new URL('./http-worker.js', import.meta.url));
  #queue: Promise<unknown> = Promise.resolve();

  run(job: LoadJob): Promise<LoadResult> {
    const next = this.#queue.then(
      () =>
        new Promise<LoadResult>((resolve, reject) => {
          const crashed = (error: Error) => reject(error);
          this.#worker.once('error', crashed);
          this.#worker.once('message', (message: WorkerAnswer) => {
            this.#worker.off('error', crashed);
            if (!message.ok) return reject(new Error(message.error));
            const { firstError, statuses } = message.result;
            if (firstError !== null) return reject(new Error(`${job.method} ${job.path}: ${JSON.stringify(statuses)}; first failure: ${firstError}`));
            resolve(message.result);
          });
          this.#worker.postMessage({ headers: {}, ...job });
        }),
    );
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
