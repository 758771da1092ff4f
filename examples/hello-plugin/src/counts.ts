import type { Database } from '@sarnakh/db';
import { sql } from 'kysely';

export interface DailyCount {
  source: string;
  leads: number;
}

/** The calendar day of `at` in UTC, as `YYYY-MM-DD`. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** One more lead from `source` on `day`: a single upsert, safe with many server processes. */
export async function countLead(database: Database, day: string, source: string): Promise<void> {
  await sql`insert into hello_daily_counts (day, source, leads) values (${day}::date, ${source}, 1)
    on conflict (day, source) do update set leads = hello_daily_counts.leads + 1`.execute(database.raw);
}

export async function countsFor(database: Database, day: string): Promise<DailyCount[]> {
  const { rows } = await sql<DailyCount>`select source, leads from hello_daily_counts
    where day = ${day}::date order by leads desc, source`.execute(database.raw);
  return rows;
}

/**
 * Rebuild one day's counts from the leads themselves, replacing what is stored: running it twice
 * gives the same result, so a retried or repeated job does no harm.
 */
export async function recount(database: Database, day: string): Promise<void> {
  await database.raw.transaction().execute(async (tx) => {
    await sql`delete from hello_daily_counts where day = ${day}::date`.execute(tx);
    await sql`insert into hello_daily_counts (day, source, leads)
      select ${day}::date, coalesce(source, 'unknown'), count(*)::int from leads
      where created_at >= (${day}::date)::timestamp at time zone 'UTC'
        and created_at < (${day}::date + 1)::timestamp at time zone 'UTC'
      group by 2`.execute(tx);
  });
}
