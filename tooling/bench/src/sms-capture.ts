/**
 * `pnpm bench --sms`: inbound SMS pushes accepted per second — signed generic webhooks through the
 * plugin as the server runs it (signature check on the raw body, parse, one `INSERT … ON CONFLICT
 * DO NOTHING`, a lead-work job queued, the acknowledgement) — beside the floor, a bare Hono route
 * that reads the same JSON bodies, sent by the same load generator. Every push is checked stored
 * exactly once; a second round re-sends the same pushes (a provider's retries), which store nothing.
 */
import { createUserAccount } from '@sarnakh/api';
import { startPlatform } from '@sarnakh/platform';
import { signBody, smsCapturePlugin } from '@sarnakh/plugin-sms-capture';
import { pino } from 'pino';
import { listen, LoadClient, startBaseline, type LoadResult } from './http.js';
import { quantile } from './stats.js';
import { openEmbeddedTarget, openPostgresTarget, redact, type Target } from './targets.js';

export interface SmsBenchOptions {
  pushes: number;
  concurrency: number;
  databases: readonly ('embedded' | 'postgres')[];
  postgresUrl: string;
  log: (line: string) => void;
}

interface Row {
  what: string;
  where: string;
  result: LoadResult;
}

const perSecond = (r: LoadResult) => (r.latencies.length / r.elapsedMs) * 1000;

/** `n` distinct pushes (20 senders, Persian text), each with its signature for `secret`. */
function pushes(n: number, secret: string, tag: string) {
  const bodies: string[] = [];
  const bodyHeaders: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const body = JSON.stringify({ messageId: `${tag}-${i}`, from: `+98912${String(1_000_000 + (i % 20)).slice(-7)}`, to: '30001234', text: `سلام، قیمت محصول ${i}؟` });
    bodies.push(body);
    bodyHeaders.push({ 'x-sarnakh-signature': signBody(secret, body) });
  }
  return { bodies, bodyHeaders };
}

async function onTarget(target: Target, options: SmsBenchOptions, load: LoadClient): Promise<Row[]> {
  const platform = await startPlatform({
    database: target.database,
    plugins: [smsCapturePlugin],
    logger: pino({ level: 'silent' }),
    auth: { secret: 'sarnakh-bench-secret-long-enough-for-better-auth', baseURL: 'http://localhost', trustedOrigins: [] },
    adminDist: '/nonexistent/sarnakh-admin-dist',
    jobs: { poll: false },
    pluginStateRefreshSeconds: 3600,
  });
  const http = await listen(platform.app.fetch);
  try {
    const created = await createUserAccount(platform.services, { email: `bench-${Date.now()}@example.com`, name: 'Bench', password: 'bench-password-123', role: 'admin' });
    if (!created.ok) throw new Error('could not create the bench admin');
    const caller = platform.appRouter.createCaller({ services: platform.services, user: created.value, locale: 'en', requestId: 'bench' });
    // Auto mode, as a campaign line runs: each new message also queues its lead-work job.
    const line = await caller.smsCapture.lines.create({ name: `bench ${Date.now()}`, number: '30001234', provider: 'generic', autoCreate: true });
    const path = `/api/plugins/sms-capture/inbound/${line.id}`;
    const job = { origin: http.url, method: 'POST' as const, path, headers: { 'content-type': 'application/json' }, concurrency: options.concurrency };

    await load.run({ ...job, ...pushes(200, line.secret, 'warm'), count: 200 });
    const measured = pushes(options.pushes, line.secret, 'run');
    const fresh = await load.run({ ...job, ...measured, count: options.pushes });
    const repeats = await load.run({ ...job, ...measured, count: options.pushes });
    const [stored] = await target.query<{ n: number }>(`select count(*)::int as n from sms_capture_messages where line_id = $1 and provider_message_id like 'run-%'`, [line.id]);
    if (Number(stored?.n) !== options.pushes) throw new Error(`expected ${options.pushes} stored messages, found ${stored?.n}`);
    const where = target.kind === 'embedded' ? 'embedded' : `postgres ${target.where}`;
    return [
      { what: 'signed push, new message', where, result: fresh },
      { what: 'signed push, repeat (stores nothing)', where, result: repeats },
    ];
  } finally {
    await http.close();
    await platform.stop();
  }
}

export async function runSmsBench(options: SmsBenchOptions): Promise<string> {
  const load = new LoadClient();
  const rows: Row[] = [];
  try {
    const baseline = await startBaseline();
    try {
      const { bodies } = pushes(options.pushes, 'x', 'floor');
      await load.run({ origin: baseline.url, method: 'POST', path: '/hono/leads', headers: { 'content-type': 'application/json' }, bodies, count: 200, concurrency: options.concurrency });
      const floor = await load.run({ origin: baseline.url, method: 'POST', path: '/hono/leads', headers: { 'content-type': 'application/json' }, bodies, count: options.pushes, concurrency: options.concurrency });
      rows.push({ what: 'floor: bare Hono JSON POST', where: '—', result: floor });
    } finally {
      await baseline.close();
    }
    for (const kind of options.databases) {
      options.log(`sms: ${kind}…`);
      const schema = `bench_sms_${Date.now()}`;
      const target = kind === 'embedded' ? await openEmbeddedTarget() : await openPostgresTarget(options.postgresUrl, { schema });
      try {
        rows.push(...(await onTarget(target, options, load)));
      } finally {
        if (kind === 'postgres') await target.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
        await target.close();
      }
    }
  } finally {
    await load.close();
  }
  const header = `SMS capture: ${options.pushes.toLocaleString('en')} pushes per round, ${options.concurrency} connections (postgres: ${redact(options.postgresUrl)})`;
  const lines = rows.map(
    (r) =>
      `| ${r.what} | ${r.where} | ${Math.round(perSecond(r.result)).toLocaleString('en')} | ${quantile(r.result.latencies, 0.5).toFixed(1)} | ${quantile(r.result.latencies, 0.99).toFixed(1)} |`,
  );
  return [header, '', '| what | database | pushes/s | p50 ms | p99 ms |', '| --- | --- | --- | --- | --- |', ...lines].join('\n');
}
