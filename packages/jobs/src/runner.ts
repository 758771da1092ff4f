import { setImmediate as nextTurn } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { JobError } from './errors.js';
import { jobsSchemaName, pgBossDb } from './pg-boss-db.js';
import type { JobDefinition, JobInfo, JobLogger, JobRunner, JobRunnerOptions, JobState, SendOptions } from './types.js';

const DEFAULTS = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  concurrency: 1,
  pollingIntervalSeconds: 2,
  stopTimeoutMs: 10_000,
};

const QUEUE_NAME = /^[a-z0-9._-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** pg-boss names its internal queues so; ours must not collide. */
const INTERNAL_PREFIX = '__pgboss__';

const consoleLogger: JobLogger = {
  info: (message, data) => console.info(message, data ?? ''),
  warn: (message, data) => console.warn(message, data ?? ''),
  error: (message, data) => console.error(message, data ?? ''),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of every data type share one map
type AnyDefinition = JobDefinition<any>;

interface Queue {
  name: string;
  definition: AnyDefinition;
  /** Creating the queue and its schedule in the database; set once the runner has started. */
  ready: Promise<void> | undefined;
  /** Worker loops running now. */
  loops: Set<Promise<void>>;
  /** Wakes this queue's idle loops (after a local send, a resume or a stop). */
  wakers: Set<() => void>;
}

interface Run {
  name: string;
  id: string;
  controller: AbortController;
  /** Set when stop() gave up waiting: the run's outcome is no longer written. */
  abandoned: boolean;
}

type Job = PgBoss.JobWithMetadata<unknown>;

function assertQueueName(name: string): void {
  if (!QUEUE_NAME.test(name) || name.startsWith(INTERNAL_PREFIX)) {
    throw new TypeError(`invalid job queue name "${name}": use 1 to 100 of a-z, 0-9, ".", "_" and "-"`);
  }
}

function assertInteger(name: string, field: string, value: number | undefined, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
    throw new RangeError(`job queue ${name}: ${field} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

function validateDefinition(name: string, definition: AnyDefinition): void {
  if (typeof definition.handler !== 'function') throw new TypeError(`job queue ${name}: handler must be a function`);
  assertInteger(name, 'retryLimit', definition.retryLimit, 0);
  assertInteger(name, 'retryDelaySeconds', definition.retryDelaySeconds, 0);
  // pg-boss refuses expirations of 24 hours and more.
  assertInteger(name, 'expireInSeconds', definition.expireInSeconds, 1, 24 * 60 * 60 - 1);
  assertInteger(name, 'concurrency', definition.concurrency, 1, 100);
}

function parseData(name: string, definition: AnyDefinition, data: unknown): unknown {
  if (!definition.data) return data;
  try {
    return definition.data.parse(data);
  } catch (error) {
    const issues = (error as { issues?: unknown } | null)?.issues;
    throw new JobError('INVALID_DATA', `invalid data for job queue ${name}`, {
      queue: name,
      cause: error,
      ...(Array.isArray(issues) ? { issues } : {}),
    });
  }
}

/** What pg-boss stores as a failed job's output: the error's name, message and stack. */
function failureOutput(error: unknown): object {
  return error instanceof Error ? error : { message: String(error) };
}

/** A timer that does not hold the process open and can be cut short. */
function sleep(ms: number, wakers?: Set<() => void>): { done: Promise<void>; cancel: () => void } {
  let cancel = () => {};
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(finish, ms);
    timer.unref();
    function finish() {
      clearTimeout(timer);
      wakers?.delete(finish);
      resolve();
    }
    wakers?.add(finish);
    cancel = finish;
  });
  return { done, cancel };
}

/**
 * Durable background jobs on pg-boss 10, over the app's own database: pg-boss runs every statement
 * through `database.executeSql` (no pool of its own), so the same code serves the embedded database
 * (PGlite's single connection) and PostgreSQL. pg-boss keeps queues, retries, expiry and cron; the
 * worker loops are ours (pg-boss's `work()` does not await its own completion writes, cannot be
 * paused, and gives handlers no AbortSignal).
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { database } = options;
  const logger = options.logger ?? consoleLogger;
  const poll = options.poll ?? true;
  const pollingMs = (options.pollingIntervalSeconds ?? DEFAULTS.pollingIntervalSeconds) * 1000;
  if (!(pollingMs > 0)) throw new RangeError('pollingIntervalSeconds must be positive');
  const schema = jobsSchemaName(database);
  const db = pgBossDb(database);

  const queues = new Map<string, Queue>();
  const paused = new Set<string>();
  const running = new Set<Run>();
  const drains = new Set<Promise<unknown>>();
  let boss: PgBoss | undefined;
  let starting: Promise<void> | undefined;
  let started = false;
  /** stop() was called: no new fetches. */
  let stopping = false;
  /** stop() gave up waiting or finished: nothing more is written. */
  let stopped = false;
  let stoppingPromise: Promise<void> | undefined;

  function requireQueue(name: string): Queue {
    const queue = queues.get(name);
    if (!queue) throw new JobError('UNKNOWN_QUEUE', `no job queue is registered as ${name}`, { queue: name });
    return queue;
  }

  /** The started pg-boss; waits for a start() in progress. */
  async function requireBoss(): Promise<PgBoss> {
    if (starting && !started && !stopping) await starting;
    if (!boss || !started || stopping) {
      throw new JobError('NOT_STARTED', stopping ? 'the job runner is stopped' : 'the job runner is not started');
    }
    return boss;
  }

  async function setUpQueue(active: PgBoss, queue: Queue): Promise<void> {
    const { name, definition } = queue;
    const settings: PgBoss.Queue = {
      name,
      retryLimit: definition.retryLimit ?? DEFAULTS.retryLimit,
      retryDelay: definition.retryDelaySeconds ?? DEFAULTS.retryDelaySeconds,
      retryBackoff: definition.retryBackoff ?? DEFAULTS.retryBackoff,
      expireInSeconds: definition.expireInSeconds ?? DEFAULTS.expireInSeconds,
    };
    try {
      // createQueue keeps an existing queue's settings; updateQueue brings them to this definition.
      await active.createQueue(name, settings);
      await active.updateQueue(name, settings);
      if (definition.schedule) {
        const { cron, tz = 'UTC', data } = definition.schedule;
        const parsed = parseData(name, definition, data);
        await active.schedule(name, cron, jsonParameter(parsed) as object, { tz });
      } else {
        await active.unschedule(name);
      }
    } catch (error) {
      if (error instanceof JobError) throw error;
      throw new Error(`job queue ${name} could not be set up: ${(error as Error).message}`, { cause: error });
    }
  }

  async function fetchOne(active: PgBoss, name: string): Promise<Job | undefined> {
    // pg-boss's fetch answers [] on a database error rather than throwing.
    const jobs = await active.fetch<unknown>(name, { batchSize: 1, includeMetadata: true });
    return jobs[0];
  }

  async function runJob(active: PgBoss, queue: Queue, job: Job): Promise<void> {
    const { name } = queue;
    const { handler } = queue.definition;
    const run: Run = { name, id: job.id, controller: new AbortController(), abandoned: false };
    running.add(run);
    const expireMs = Math.max(1, Number(job.expireInSeconds)) * 1000;
    let timer: NodeJS.Timeout | undefined;
    try {
      let failure: unknown;
      let succeeded = false;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new Error(`job ${name} ${job.id} did not finish within ${expireMs / 1000} s`);
            run.controller.abort(error);
            reject(error);
          }, expireMs);
        });
        const context = { id: job.id, name, data: job.data, retryCount: job.retryCount, signal: run.controller.signal };
        await Promise.race([Promise.resolve().then(() => handler(context)), timeout]);
        succeeded = true;
      } catch (error) {
        failure = error;
      } finally {
        clearTimeout(timer);
      }
      if (run.abandoned) return;
      if (succeeded) {
        await active.complete(name, job.id);
        return;
      }
      const final = job.retryCount >= job.retryLimit;
      const data = { queue: name, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit, error: failure };
      if (final) logger.error('job failed; no retries left', data);
      else logger.warn('job failed; it will be retried', data);
      await active.fail(name, job.id, failureOutput(failure));
    } catch (error) {
      logger.error('job outcome could not be saved; the job will run again when it expires', { queue: name, jobId: job.id, error });
    } finally {
      running.delete(run);
    }
  }

  function canFetch(queue: Queue): boolean {
    return started && !stopping && !paused.has(queue.name);
  }

  async function loop(active: PgBoss, queue: Queue): Promise<void> {
    await queue.ready;
    // Let the caller of register() or resume() run on first: `await register(q); await pause(q)`
    // must not fetch one of q's jobs in between.
    await nextTurn();
    while (canFetch(queue)) {
      let job: Job | undefined;
      try {
        job = await fetchOne(active, queue.name);
      } catch (error) {
        logger.error('job fetch failed', { queue: queue.name, error });
      }
      // A job fetched while stop() waits still runs; after stop() gave up it stays active and expires.
      if (job && !stopped) await runJob(active, queue, job);
      else if (canFetch(queue)) await sleep(pollingMs, queue.wakers).done;
    }
  }

  function startLoops(queue: Queue): void {
    if (!poll || !boss || !canFetch(queue)) return;
    const active = boss;
    const concurrency = queue.definition.concurrency ?? DEFAULTS.concurrency;
    while (queue.loops.size < concurrency) {
      const promise: Promise<void> = loop(active, queue).then(
        () => {
          queue.loops.delete(promise);
          // A resume() that came while this loop was leaving after a pause() found it still counted.
          startLoops(queue);
        },
        (error: unknown) => {
          queue.loops.delete(promise);
          logger.error('job worker stopped on an error', { queue: queue.name, error });
        },
      );
      queue.loops.add(promise);
    }
  }

  function wake(queue: Queue): void {
    for (const waker of [...queue.wakers]) waker();
  }

  async function prepare(queue: Queue): Promise<void> {
    const active = boss;
    if (!active) return;
    queue.ready = setUpQueue(active, queue);
    await queue.ready;
    startLoops(queue);
  }

  async function start(): Promise<void> {
    if (stopping) throw new Error('the job runner was stopped; create a new one');
    const active = new PgBoss({
      db,
      schema,
      migrate: true,
      // Maintenance (expiring runs that outlived expireInSeconds, archiving) and cron need timers.
      supervise: poll,
      schedule: poll,
    });
    active.on('error', (error: unknown) => logger.error('job runner error', { error }));
    await active.start();
    boss = active;
    try {
      await ensureSingletonIndex();
      await Promise.all([...queues.values()].map((queue) => (queue.ready = setUpQueue(active, queue))));
    } catch (error) {
      boss = undefined;
      await active.stop({ graceful: false, close: false }).catch(() => {});
      throw error;
    }
    started = true;
    for (const queue of queues.values()) startLoops(queue);
    logger.info('job runner started', { schema, queues: [...queues.keys()], poll });
  }

  /**
   * pg-boss 10 deduplicates by singletonKey only under queue policies that apply to every job of the
   * queue (a `short` queue holds one queued job without a key, too). This partial unique index makes
   * a key unique among a queue's unfinished jobs, so `send` with a taken key returns null.
   */
  async function ensureSingletonIndex(): Promise<void> {
    const index = `${schema}.sarnakh_singleton_key`;
    const { rows } = await database.executeSql(`select to_regclass('${index}') is not null as present`);
    if (rows[0]?.present === true) return;
    await database.executeSql(
      `select pg_advisory_xact_lock(hashtext('${schema}.sarnakh_singleton_key'));
       create unique index if not exists sarnakh_singleton_key on ${schema}.job (name, singleton_key)
         where singleton_key is not null and state < 'completed' and name not like '${INTERNAL_PREFIX}%'`,
    );
  }

  const runner: JobRunner = {
    start() {
      starting ??= start().catch((error: unknown) => {
        starting = undefined;
        throw error;
      });
      return starting;
    },

    async register<Data>(name: string, definition: JobDefinition<Data>) {
      assertQueueName(name);
      validateDefinition(name, definition as AnyDefinition);
      if (queues.has(name)) throw new Error(`job queue ${name} is already registered`);
      const queue: Queue = { name, definition: definition as AnyDefinition, ready: undefined, loops: new Set(), wakers: new Set() };
      queues.set(name, queue);
      if (starting && !started) await starting.catch(() => {});
      // start() sets up the queues it finds; one registered after that is set up here.
      if (started && !queue.ready) {
        try {
          await prepare(queue);
        } catch (error) {
          queues.delete(name);
          throw error;
        }
      }
    },

    async pause(name) {
      paused.add(name);
      const queue = queues.get(name);
      if (queue) wake(queue);
    },

    async resume(name) {
      paused.delete(name);
      const queue = queues.get(name);
      if (queue && queue.ready) {
        await queue.ready;
        startLoops(queue);
      }
    },

    async send<Data>(name: string, data: Data, sendOptions: SendOptions = {}) {
      const queue = requireQueue(name);
      const value = parseData(name, queue.definition, data);
      const active = await requireBoss();
      await queue.ready;
      const options: PgBoss.SendOptions = {};
      if (sendOptions.singletonKey !== undefined) options.singletonKey = sendOptions.singletonKey;
      if (sendOptions.startAfter !== undefined) {
        const { startAfter } = sendOptions;
        // pg-boss reads a number as seconds from now; it must be above zero.
        if (typeof startAfter !== 'number') options.startAfter = startAfter;
        else if (startAfter > 0) options.startAfter = startAfter;
      }
      const id = await active.send(name, jsonParameter(value) as object, options);
      if (id) wake(queue);
      return id;
    },

    async get(name, id) {
      const active = await requireBoss();
      if (!UUID.test(id)) return null;
      const job = await active.getJobById<unknown>(name, id, { includeArchive: true });
      if (!job) return null;
      const info: JobInfo = {
        id: job.id,
        name: job.name,
        state: job.state as JobState,
        retryCount: job.retryCount,
        createdOn: job.createdOn,
      };
      if (job.output !== null && job.output !== undefined) info.output = job.output;
      if (job.completedOn) info.completedOn = job.completedOn;
      return info;
    },

    async cancel(name, id) {
      const active = await requireBoss();
      if (!UUID.test(id)) return;
      await active.cancel(name, id);
      for (const run of running) {
        if (run.name === name && run.id === id) run.controller.abort(new Error(`job ${name} ${id} was cancelled`));
      }
    },

    async drain(name) {
      const names = name === undefined ? [...queues.keys()] : [requireQueue(name).name];
      const active = await requireBoss();
      const work = (async () => {
        // Runs that outlived their expireInSeconds (their process died) go back to retry first.
        await active.expire();
        let ran = 0;
        for (let progressed = true; progressed; ) {
          progressed = false;
          for (const queueName of names) {
            const queue = queues.get(queueName);
            if (!queue) continue;
            await queue.ready;
            while (!stopping && !paused.has(queueName)) {
              const job = await fetchOne(active, queueName);
              if (!job) break;
              await runJob(active, queue, job);
              ran += 1;
              progressed = true;
            }
          }
        }
        return ran;
      })();
      drains.add(work);
      try {
        return await work;
      } finally {
        drains.delete(work);
      }
    },

    stop(stopOptions = {}) {
      stoppingPromise ??= (async () => {
        stopping = true;
        if (starting) await starting.catch(() => {});
        for (const queue of queues.values()) wake(queue);
        const timeoutMs = stopOptions.timeoutMs ?? DEFAULTS.stopTimeoutMs;
        const loops = [...queues.values()].flatMap((queue) => [...queue.loops]);
        const deadline = sleep(timeoutMs);
        await Promise.race([Promise.allSettled([...loops, ...drains]), deadline.done]);
        deadline.cancel();
        stopped = true;
        const active = boss;
        for (const run of [...running]) {
          run.abandoned = true;
          run.controller.abort(new Error('the job runner stopped before the job finished'));
          logger.warn('job still running at shutdown; it will be retried', { queue: run.name, jobId: run.id });
          try {
            // Back to retry now, so the next process need not wait for the run to expire.
            await active?.fail(run.name, run.id, { message: 'the job runner stopped before the job finished' });
          } catch (error) {
            logger.warn('could not release the job; it will be retried when it expires', { queue: run.name, jobId: run.id, error });
          }
        }
        if (active) await active.stop({ graceful: false, close: false });
        if (started) logger.info('job runner stopped', { schema });
      })();
      return stoppingPromise;
    },
  };

  /**
   * A string is JSON text to PGlite (as to `pg`) but a value to encode to postgres.js; top-level
   * string data is therefore encoded here for the embedded database. Objects, arrays, numbers,
   * booleans and null are encoded by both drivers alike.
   */
  function jsonParameter(value: unknown): unknown {
    return typeof value === 'string' && database.kind === 'embedded' ? JSON.stringify(value) : value;
  }

  return runner;
}
