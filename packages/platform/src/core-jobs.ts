import { SCORING_RECOMPUTE_JOB, SLA_SWEEP_JOB, TASK_REMINDERS_JOB, type Services } from '@sarnakh/api';
import type { PluginLogger } from '@sarnakh/core';
import type { Database } from '@sarnakh/db';
import type { JobDefinition } from '@sarnakh/jobs';
import { sql } from 'kysely';

/** What core's jobs use beside the database. */
export interface CoreJobServices {
  services: Pick<Services, 'scoring' | 'followUps'>;
  logger: PluginLogger;
}

/** Core's own housekeeping and background work, as durable jobs (cron ones run once per schedule across every process). */
export function coreJobs(database: Database, { services, logger }: CoreJobServices): Record<string, JobDefinition<unknown>> {
  return {
    'core.capture-cleanup': {
      // Rate-limit windows older than two minutes count for nothing; idempotency answers are kept a day.
      async handler() {
        await sql`delete from rate_limit_buckets where window_start < now() - interval '2 minutes'`.execute(database.raw);
        await sql`delete from capture_requests where created_at < now() - interval '24 hours'`.execute(database.raw);
      },
      schedule: { cron: '*/10 * * * *' },
      retryLimit: 1,
    },
    [SCORING_RECOMPUTE_JOB]: {
      // Idempotent: a rerun after a crash finds the finished batches already up to date.
      async handler(job) {
        const report = await services.scoring.recomputeAll({ signal: job.signal });
        logger.info('scores recomputed', { jobId: job.id, ...report });
      },
      retryLimit: 2,
      expireInSeconds: 4 * 60 * 60,
    },
    // Both sweeps are idempotent (each reminder and breach is claimed in its own transaction), so a
    // retried or overlapping run sends nothing twice; what a missed minute left is found by the next.
    [TASK_REMINDERS_JOB]: {
      async handler(job) {
        const { sent } = await services.followUps.sendDueReminders();
        if (sent > 0) logger.info('task reminders sent', { jobId: job.id, sent });
      },
      schedule: { cron: '* * * * *' },
      retryLimit: 1,
      expireInSeconds: 5 * 60,
    },
    [SLA_SWEEP_JOB]: {
      async handler(job) {
        const report = await services.followUps.sla.sweep();
        if (report.breached > 0) logger.info('response deadlines missed', { jobId: job.id, ...report });
      },
      schedule: { cron: '* * * * *' },
      retryLimit: 1,
      expireInSeconds: 5 * 60,
    },
  };
}
