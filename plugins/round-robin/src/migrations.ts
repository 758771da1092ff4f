import type { PluginMigrations } from '@sarnakh/plugin-sdk';
import { sql } from 'kysely';

/** The plugin's tables, prefixed `round_robin_`. Never edit a shipped migration: add the next. */
export const migrations: PluginMigrations = {
  '0001_members_pools_daily': {
    async up(db) {
      // How each user takes part; no row means the defaults.
      await sql`create table round_robin_members (
        user_id text primary key references users (id) on delete cascade,
        weight integer not null default 1 check (weight between 1 and 100),
        daily_cap integer check (daily_cap >= 0),
        time_zone text,
        working_hours jsonb,
        leave jsonb not null default '[]'::jsonb,
        updated_at timestamptz not null default now()
      )`.execute(db);
      // One rotation counter per assignment rule (pool), advanced by one atomic upsert per pick.
      await sql`create table round_robin_pools (
        rule text primary key,
        position bigint not null default 0,
        updated_at timestamptz not null default now()
      )`.execute(db);
      // Automatic assignments per user per day (the user's own calendar day), for caps and "today".
      await sql`create table round_robin_daily (
        user_id text not null,
        day date not null,
        assigned integer not null default 0,
        primary key (user_id, day)
      )`.execute(db);
    },
    async down(db) {
      await sql`drop table round_robin_daily`.execute(db);
      await sql`drop table round_robin_pools`.execute(db);
      await sql`drop table round_robin_members`.execute(db);
    },
  },
};
