import type { PluginMigrations } from '@sarnakh/plugin-sdk';
import { sql } from 'kysely';
import { createTableSql, rollupTables } from './tables.js';

/**
 * The plugin's tables, prefixed `insights_`. Never edit a shipped migration: add the next.
 *
 * `insights_leads` and `insights_lead_stays` hold what each lead last contributed to the rollups,
 * so a change can take that back exactly before adding the lead's new contribution. The rollups
 * (`tables.ts`) are keyed by the lead's capture day in the organization's time zone and by the
 * dimensions a widget filters or groups on; text dimensions use '' for "none" (a key cannot be null).
 * The rollups' shapes are read from `rollupTables` as they are when this migration ships: changing
 * one later takes a new migration.
 */

/** What a lead is counted under, kept with each lead's contribution. */
const dimensions = sql.raw(
  ['day date', 'owner_id text', 'source text', 'channel text', 'stage text', 'qualification text', 'segment text', 'furthest text']
    .map((column) => `${column} not null`)
    .join(', '),
);

export const migrations: PluginMigrations = {
  '0001_rollups': {
    async up(db) {
      const statements = [
        sql`create table insights_state (
          id integer primary key check (id = 1),
          time_zone text not null,
          segment_field text,
          built_at timestamptz
        )`,
        sql`insert into insights_state (id, time_zone) values (1, 'Asia/Tehran')`,
        sql`create table insights_leads (
          lead_id uuid primary key,
          ${dimensions},
          contacted boolean not null,
          converted boolean not null,
          cycle_seconds bigint,
          response_seconds bigint,
          has_sla boolean not null,
          within_sla boolean not null
        )`,
        sql`create table insights_lead_stays (
          lead_id uuid not null,
          in_stage text not null,
          seconds bigint not null,
          visits integer not null,
          primary key (lead_id, in_stage)
        )`,
        // Short-lived download links for the .xlsx exports: plugin routes see no session, so the
        // signed-in tRPC call that makes the link records who asked and what.
        sql`create table insights_exports (
          token_hash text primary key,
          user_id text not null references users (id) on delete cascade,
          widget text not null,
          input jsonb not null,
          locale text not null,
          expires_at timestamptz not null
        )`,
        ...Object.values(rollupTables).map(createTableSql),
        // Reads filtered by owner (an agent's own numbers, the owner and team filters) skip the other owners' rows.
        sql`create index insights_daily_owner_day_idx on insights_daily (owner_id, day)`,
        sql`create index insights_stage_time_owner_day_idx on insights_stage_time (owner_id, day)`,
        sql`create index insights_response_owner_day_idx on insights_response (owner_id, day)`,
      ];
      for (const statement of statements) await statement.execute(db);
    },
    async down(db) {
      for (const table of ['insights_exports', ...Object.values(rollupTables).map((t) => t.table), 'insights_lead_stays', 'insights_leads', 'insights_state']) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
      }
    },
  },
};
