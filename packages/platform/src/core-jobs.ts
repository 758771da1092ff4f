import type { Database } from '@sarnakh/db';
import type { JobDefinition } from '@sarnakh/jobs';
import { sql } from 'kysely';

/** Core's own housekeeping, as durable cron jobs (one run per schedule across every process). */
export function coreJobs(database: Database): Record<string, JobDefinition<unknown>> {
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
  };
}
