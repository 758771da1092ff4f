import type { Database } from '@sarnakh/db';

export interface JobContext<Data> {
  id: string;
  name: string;
  data: Data;
  /** 0 on the first try */
  retryCount: number;
  /** Aborted when the run times out (`expireInSeconds`), the job is cancelled, or the runner stops without it. */
  signal: AbortSignal;
}

export interface JobDefinition<Data = unknown> {
  /** Idempotent: a job may run again after a crash or restart; use ctx.id as an idempotency key. */
  handler(job: JobContext<Data>): Promise<void>;
  /** Validate data on send (a zod schema or any { parse(x): Data }), optional. */
  data?: { parse(input: unknown): Data };
  /** Retries after the first try; default 3. */
  retryLimit?: number;
  /** Delay before a retry; default 5 (an integer). */
  retryDelaySeconds?: number;
  /** Double the delay on each retry (with jitter); default true. */
  retryBackoff?: boolean;
  /** How long a run may take before it counts as failed and is retried; default 15 min (under 24 h). */
  expireInSeconds?: number;
  /** Cron jobs: `data` is sent with each run (validated at registration). `tz` defaults to UTC. */
  schedule?: { cron: string; tz?: string; data?: Data };
  /** Local workers, default 1. */
  concurrency?: number;
}

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  retryCount: number;
  /** A failed job's last error (`{ name, message, stack }`), when there is one. */
  output?: unknown;
  createdOn: Date;
  completedOn?: Date;
}

export interface SendOptions {
  /** At most one unfinished (queued, retrying or running) job per key and queue: a second send returns null. */
  singletonKey?: string;
  /** A date, or a delay in seconds. */
  startAfter?: Date | number;
}

export interface JobLogger {
  info: (message: string, data?: Record<string, unknown>) => void;
  warn: (message: string, data?: Record<string, unknown>) => void;
  error: (message: string, data?: Record<string, unknown>) => void;
}

export interface JobRunnerOptions {
  database: Database;
  logger?: JobLogger;
  /** default true; false for tests that call drain() (no polling, no maintenance timer, no cron) */
  poll?: boolean;
  /** How often an idle worker looks for jobs; default 2. */
  pollingIntervalSeconds?: number;
}

export interface JobRunner {
  /** Create pg-boss's schema (under an advisory lock, safe with several processes) and start polling. */
  start(): Promise<void>;
  /** Declare a queue (`name` like `excel-import.run`, any [a-z0-9._-]) and start its worker and schedule. May be called before or after start(). */
  register<Data>(name: string, definition: JobDefinition<Data>): Promise<void>;
  /** Stop fetching this queue's jobs (they stay queued) / start again: used when a plugin is disabled or enabled. */
  pause(name: string): Promise<void>;
  resume(name: string): Promise<void>;
  /** Queue a job; returns its id (or null when a singletonKey dedup dropped it). Validates `data` with the definition's parser; throws a JobError with code 'INVALID_DATA' and the zod issues otherwise. Unknown queue → JobError 'UNKNOWN_QUEUE'. */
  send<Data>(name: string, data: Data, options?: SendOptions): Promise<string | null>;
  /** The job's state for progress screens, or null. */
  get(name: string, id: string): Promise<JobInfo | null>;
  cancel(name: string, id: string): Promise<void>;
  /** For tests ("run jobs on demand"): fetch and run every job of `name` (or of every registered queue) that is due now, until none are left, awaiting each; returns how many ran. Works even when polling is disabled. */
  drain(name?: string): Promise<number>;
  /** Stop workers, waiting up to `timeoutMs` (default 10 s) for running handlers; their jobs are retried by the next process when they do not finish. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}
