import type { Database } from '@sarnakh/db';
import { openTestDatabase, type TestDatabase } from '@sarnakh/db/testing';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobRunner, JobError, jobsSchemaName, type JobContext, type JobLogger, type JobRunner, type JobRunnerOptions } from './index.js';
import { pgBossDb } from './pg-boss-db.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  data: Record<string, unknown> | undefined;
}
const logs: LogEntry[] = [];
const logger: JobLogger = {
  info: (message, data) => logs.push({ level: 'info', message, data }),
  warn: (message, data) => logs.push({ level: 'warn', message, data }),
  error: (message, data) => logs.push({ level: 'error', message, data }),
};

let database: TestDatabase;
const runners: JobRunner[] = [];

function newRunner(options: Partial<JobRunnerOptions> = {}): JobRunner {
  const runner = createJobRunner({ database, logger, poll: false, ...options });
  runners.push(runner);
  return runner;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` passes or `timeoutMs` is over (then its last failure is thrown). */
async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(100);
    }
  }
}

async function dropJobsSchema(db: Database): Promise<void> {
  await db.executeSql(`drop schema if exists ${jobsSchemaName(db)} cascade`);
}

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  for (const runner of runners) await runner.stop({ timeoutMs: 100 });
  await dropJobsSchema(database);
  await database.dispose();
});

describe('createJobRunner', () => {
  it('runs a sent job once with its data and reports it completed', async () => {
    const runner = newRunner();
    const seen: JobContext<{ to: string }>[] = [];
    await runner.register('test.greet', {
      data: z.object({ to: z.string() }),
      handler: async (job) => {
        seen.push(job);
      },
    });
    await runner.start();

    const id = await runner.send('test.greet', { to: 'Sara' });
    expect(id).toMatch(UUID);
    expect(await runner.get('test.greet', id!)).toMatchObject({ id, name: 'test.greet', state: 'created', retryCount: 0 });

    expect(await runner.drain()).toBe(1);
    expect(await runner.drain()).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, name: 'test.greet', data: { to: 'Sara' }, retryCount: 0 });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);

    const info = await runner.get('test.greet', id!);
    expect(info).toMatchObject({ id, name: 'test.greet', state: 'completed', retryCount: 0 });
    expect(info?.createdOn).toBeInstanceOf(Date);
    expect(info?.completedOn).toBeInstanceOf(Date);
    expect(await runner.get('test.greet', '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await runner.get('test.greet', 'not-a-uuid')).toBeNull();
  });

  it('keeps one unfinished job per singletonKey and honours startAfter', async () => {
    const runner = newRunner();
    const seen: unknown[] = [];
    await runner.register('test.single', { handler: async (job) => void seen.push(job.data) });
    await runner.start();

    const first = await runner.send('test.single', { n: 1 }, { singletonKey: 'lead-1' });
    expect(first).toMatch(UUID);
    expect(await runner.send('test.single', { n: 2 }, { singletonKey: 'lead-1' })).toBeNull();
    expect(await runner.send('test.single', { n: 3 }, { singletonKey: 'lead-2' })).toMatch(UUID);
    expect(await runner.send('test.single', 'plain text')).toMatch(UUID);
    expect(await runner.send('test.single', [4, { five: 5 }])).toMatch(UUID);
    expect(await runner.drain()).toBe(4);
    expect(seen).toEqual([{ n: 1 }, { n: 3 }, 'plain text', [4, { five: 5 }]]);
    // Once the first one is done, the key is free again.
    expect(await runner.send('test.single', { n: 6 }, { singletonKey: 'lead-1' })).toMatch(UUID);

    const later = await runner.send('test.single', { n: 7 }, { startAfter: 3_600 });
    const tomorrow = await runner.send('test.single', { n: 8 }, { startAfter: new Date(Date.now() + 86_400_000) });
    expect(await runner.drain()).toBe(1);
    expect((await runner.get('test.single', later!))?.state).toBe('created');
    expect((await runner.get('test.single', tomorrow!))?.state).toBe('created');
  });

  it('retries a failing handler, then marks a job failed when no retries are left', async () => {
    const runner = newRunner();
    const tries: number[] = [];
    await runner.register('test.flaky', {
      retryLimit: 3,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async (job) => {
        tries.push(job.retryCount);
        if (job.retryCount < 2) throw new Error(`flaky failure ${job.retryCount}`);
      },
    });
    let failures = 0;
    await runner.register('test.broken', {
      retryLimit: 1,
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async () => {
        failures += 1;
        throw new Error('always broken');
      },
    });
    await runner.start();

    const flaky = await runner.send('test.flaky', {});
    expect(await runner.drain('test.flaky')).toBe(3);
    expect(tries).toEqual([0, 1, 2]);
    expect(await runner.get('test.flaky', flaky!)).toMatchObject({ state: 'completed', retryCount: 2 });
    const retried = logs.filter((entry) => entry.level === 'warn' && entry.data?.jobId === flaky);
    expect(retried).toHaveLength(2);
    expect(retried[0]?.data).toMatchObject({ queue: 'test.flaky', jobId: flaky, retryCount: 0 });

    const broken = await runner.send('test.broken', {});
    expect(await runner.drain('test.broken')).toBe(2);
    expect(failures).toBe(2);
    const info = await runner.get('test.broken', broken!);
    expect(info).toMatchObject({ state: 'failed', retryCount: 1, output: { message: 'always broken' } });
    const final = logs.find((entry) => entry.level === 'error' && entry.data?.jobId === broken);
    expect(final?.data).toMatchObject({ queue: 'test.broken', jobId: broken, retryCount: 1 });
    expect((final?.data?.error as Error).message).toBe('always broken');
  });

  it('refuses invalid data, unknown queues and sends before start', async () => {
    const runner = newRunner();
    let runs = 0;
    await runner.register('test.validated', {
      data: z.object({ leadId: z.string().uuid() }),
      handler: async () => {
        runs += 1;
      },
    });
    await expect(runner.send('test.validated', { leadId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'NOT_STARTED',
    });
    await expect(runner.drain()).rejects.toMatchObject({ code: 'NOT_STARTED' });
    await runner.start();

    const invalid = await runner.send('test.validated', { leadId: 42 }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(JobError);
    expect(invalid).toMatchObject({ code: 'INVALID_DATA', queue: 'test.validated' });
    expect((invalid as JobError).issues).toEqual([expect.objectContaining({ path: ['leadId'] })]);

    await expect(runner.send('test.nowhere', {})).rejects.toMatchObject({ name: 'JobError', code: 'UNKNOWN_QUEUE' });
    await expect(runner.drain('test.nowhere')).rejects.toMatchObject({ code: 'UNKNOWN_QUEUE' });

    const { rows } = await database.executeSql(`select count(*)::int as n from ${jobsSchemaName(database)}.job where name = $1`, ['test.validated']);
    expect(rows[0]?.n).toBe(0);
    expect(await runner.drain()).toBe(0);
    expect(runs).toBe(0);

    await expect(runner.register('Bad Name', { handler: async () => {} })).rejects.toThrow(/invalid job queue name/);
    await expect(runner.register('test.validated', { handler: async () => {} })).rejects.toThrow(/already registered/);
  });

  it('runs again, in a later process, a job whose process died while running it', async () => {
    const effects = `${database.schema}.job_effects`;
    await database.executeSql(`create table ${effects} (job_id uuid primary key, done_at timestamptz not null default now())`);
    const writeEffect = (job: JobContext<unknown>) =>
      database.executeSql(`insert into ${effects} (job_id) values ($1) on conflict do nothing`, [job.id]);
    const definition = { expireInSeconds: 1, retryDelaySeconds: 0, retryBackoff: false };

    // Process A: its connection is cut (the process died) while the handler runs.
    let crashed = false;
    const crashable: Database = {
      ...database,
      executeSql: (text, values) => (crashed ? Promise.reject(new Error('connection lost')) : database.executeSql(text, values)),
    };
    const a = newRunner({ database: crashable });
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    await a.register('test.import', {
      ...definition,
      handler: async (job) => {
        await writeEffect(job);
        entered();
        await new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason)));
      },
    });
    await a.start();
    const id = await a.send('test.import', { file: 'leads.xlsx' });
    const draining = a.drain();
    await inHandler;
    crashed = true;
    await a.stop({ timeoutMs: 50 });
    expect(await draining).toBe(1);

    // Process B starts later on the same database; the job is still active until it expires.
    const b = newRunner();
    const runs: JobContext<unknown>[] = [];
    await b.register('test.import', {
      ...definition,
      handler: async (job) => {
        runs.push(job);
        await writeEffect(job);
      },
    });
    await b.start();
    expect((await b.get('test.import', id!))?.state).toBe('active');
    await eventually(async () => {
      await b.drain();
      expect(runs).toHaveLength(1);
    });
    expect(runs[0]).toMatchObject({ id, data: { file: 'leads.xlsx' }, retryCount: 1 });
    expect(await b.get('test.import', id!)).toMatchObject({ state: 'completed', retryCount: 1 });
    const { rows } = await database.executeSql(`select job_id from ${effects}`);
    expect(rows).toEqual([{ job_id: id }]);
  });

  it('waits for running handlers on stop and releases the ones that outlive the timeout to retry', async () => {
    const runner = newRunner();
    let finished = 0;
    await runner.register('test.slow', {
      handler: async () => {
        await delay(200);
        finished += 1;
      },
    });
    await runner.start();
    const quick = await runner.send('test.slow', 'quick');
    const draining = runner.drain();
    await delay(50);
    await runner.stop({ timeoutMs: 2_000 });
    expect(await draining).toBe(1);
    expect(finished).toBe(1);

    const next = newRunner();
    await next.register('test.slow', { handler: async () => {} });
    await next.start();
    expect((await next.get('test.slow', quick!))?.state).toBe('completed');

    const other = newRunner();
    let aborted: unknown;
    await other.register('test.slow', {
      retryDelaySeconds: 0,
      retryBackoff: false,
      handler: async (job) => {
        await new Promise((_, reject) => job.signal.addEventListener('abort', () => reject((aborted = job.signal.reason))));
      },
    });
    await other.start();
    const hung = await other.send('test.slow', 'hang');
    const hanging = other.drain();
    await eventually(async () => expect((await next.get('test.slow', hung!))?.state).toBe('active'));
    await other.stop({ timeoutMs: 100 });
    await hanging;
    expect(aborted).toBeInstanceOf(Error);
    expect(await next.get('test.slow', hung!)).toMatchObject({ state: 'retry', output: { message: expect.stringMatching(/stopped/) } });
    await expect(other.send('test.slow', 'late')).rejects.toMatchObject({ code: 'NOT_STARTED' });
  });

  it('does not run a paused queue until it is resumed', async () => {
    const runner = newRunner();
    await runner.register('test.plugin-a', { handler: async () => {} });
    await runner.start();
    await runner.pause('test.plugin-a');
    const id = await runner.send('test.plugin-a', {});
    expect(await runner.drain()).toBe(0);
    expect((await runner.get('test.plugin-a', id!))?.state).toBe('created');
    await runner.resume('test.plugin-a');
    expect(await runner.drain()).toBe(1);
    expect((await runner.get('test.plugin-a', id!))?.state).toBe('completed');
  });

  it('polls, when asked to, with pause and resume', async () => {
    const runner = newRunner({ poll: true, pollingIntervalSeconds: 0.2 });
    const seen: unknown[] = [];
    await runner.register('test.polled', {
      concurrency: 2,
      handler: async (job) => {
        seen.push(job.data);
      },
    });
    await runner.start();
    const first = await runner.send('test.polled', { n: 1 });
    await eventually(async () => expect((await runner.get('test.polled', first!))?.state).toBe('completed'));

    await runner.pause('test.polled');
    const second = await runner.send('test.polled', { n: 2 });
    await delay(600);
    expect((await runner.get('test.polled', second!))?.state).toBe('created');
    await runner.resume('test.polled');
    await eventually(async () => expect((await runner.get('test.polled', second!))?.state).toBe('completed'));
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);

    // A pause undone at once leaves the queue polled.
    await runner.pause('test.polled');
    await runner.resume('test.polled');
    await delay(300);
    const third = await runner.send('test.polled', { n: 2.5 });
    await eventually(async () => expect((await runner.get('test.polled', third!))?.state).toBe('completed'));

    // Registered after start(): set up and polled at once.
    await runner.register('test.polled-late', { handler: async (job) => void seen.push(job.data) });
    await runner.send('test.polled-late', { n: 3 });
    await eventually(async () => expect(seen).toContainEqual({ n: 3 }));

    // Registered after start() and paused at once (a disabled plugin's queue): its waiting job stays queued.
    const sender = newRunner();
    await sender.register('test.polled-off', { handler: async () => {} });
    await sender.start();
    const waiting = await sender.send('test.polled-off', { n: 4 });
    await runner.register('test.polled-off', { handler: async (job) => void seen.push(job.data) });
    await runner.pause('test.polled-off');
    await delay(500);
    expect((await runner.get('test.polled-off', waiting!))?.state).toBe('created');
    await runner.stop();
    expect(seen).not.toContainEqual({ n: 4 });
  });

  it('registers cron schedules with pg-boss', async () => {
    const runner = newRunner();
    await runner.register('test.nightly', {
      data: z.object({ scope: z.string() }),
      schedule: { cron: '30 2 * * *', tz: 'Asia/Tehran', data: { scope: 'all' } },
      handler: async () => {},
    });
    await runner.start();
    // Registered after start() too.
    await runner.register('test.hourly', { schedule: { cron: '0 * * * *' }, handler: async () => {} });

    const boss = new PgBoss({ db: pgBossDb(database), schema: jobsSchemaName(database), supervise: false, schedule: false });
    // pg-boss's type leaves out the timezone its `select *` returns.
    const schedules = (await boss.getSchedules()) as (PgBoss.Schedule & { timezone: string })[];
    const summary = schedules.map(({ name, cron, timezone, data }) => ({ name, cron, timezone, data }));
    expect(summary.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'test.hourly', cron: '0 * * * *', timezone: 'UTC', data: null },
      { name: 'test.nightly', cron: '30 2 * * *', timezone: 'Asia/Tehran', data: { scope: 'all' } },
    ]);

    // A cron run arrives through pg-boss's insert (json_to_recordset): it runs like any job.
    const seen: unknown[] = [];
    const worker = newRunner();
    await worker.register('test.nightly', { data: z.object({ scope: z.string() }), handler: async (job) => void seen.push(job.data) });
    await worker.start();
    await boss.insert([{ name: 'test.nightly', data: { scope: 'all' } }]);
    expect(await worker.drain()).toBe(1);
    expect(seen).toEqual([{ scope: 'all' }]);
    // The second registration had no schedule: the schedule is gone.
    expect((await boss.getSchedules()).map((schedule) => schedule.name)).toEqual(['test.hourly']);

    const bad = newRunner();
    await bad.register('test.bad-cron', { schedule: { cron: 'every day' }, handler: async () => {} });
    await expect(bad.start()).rejects.toThrow(/test\.bad-cron/);
  });

  it('starts two runners on a fresh database at once', async () => {
    const fresh = await openTestDatabase();
    const [a, b] = [newRunner({ database: fresh }), newRunner({ database: fresh })];
    try {
      for (const runner of [a, b]) await runner.register('test.shared', { handler: async () => {} });
      await Promise.all([a.start(), b.start()]);
      const id = await a.send('test.shared', {});
      expect(await b.drain()).toBe(1);
      expect((await a.get('test.shared', id!))?.state).toBe('completed');
      // The connection is healthy afterwards (no transaction left aborted by the lost creation race).
      expect((await fresh.executeSql('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await a.stop();
      await b.stop();
      await dropJobsSchema(fresh);
      await fresh.dispose();
    }
  });
});
