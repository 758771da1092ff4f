import type { PluginMigrations } from '@sarnakh/plugin-sdk';
import { sql } from 'kysely';

/** The plugin's tables, prefixed `sms_capture_`. Never edit a shipped migration: add the next. */
export const migrations: PluginMigrations = {
  '0001_lines_and_inbox': {
    async up(db) {
      await sql`create table sms_capture_lines (
        id uuid primary key default gen_random_uuid(),
        name text not null,
        number text not null,
        provider text not null,
        credentials jsonb not null default '{}'::jsonb,
        secret text not null,
        auto_create boolean not null default false,
        keyword_rules jsonb not null default '[]'::jsonb,
        last_polled_at timestamptz,
        last_poll_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`.execute(db);
      // Every received message once per line and provider id, stored before anything else is done
      // with it. Lead work is tracked on the row, so a failed attempt leaves it here to retry.
      await sql`create table sms_capture_messages (
        id uuid primary key default gen_random_uuid(),
        line_id uuid not null references sms_capture_lines (id),
        provider text not null,
        provider_message_id text not null,
        from_number text not null,
        to_number text not null,
        text text not null,
        received_at timestamptz not null,
        raw jsonb not null default '{}'::jsonb,
        auto boolean not null,
        created_at timestamptz not null default now(),
        lead_id uuid,
        handled text check (handled in ('created', 'attached', 'activity', 'dismissed')),
        handled_at timestamptz,
        handled_by text,
        attempts integer not null default 0,
        last_error text,
        claimed_until timestamptz,
        unique (line_id, provider, provider_message_id)
      )`.execute(db);
      await sql`create index sms_capture_messages_inbox_idx on sms_capture_messages (received_at desc, id desc)`.execute(db);
      await sql`create index sms_capture_messages_from_idx on sms_capture_messages (from_number)`.execute(db);
      await sql`create index sms_capture_messages_pending_idx on sms_capture_messages (created_at) where handled is null and auto`.execute(db);
    },
    async down(db) {
      await sql`drop table sms_capture_messages`.execute(db);
      await sql`drop table sms_capture_lines`.execute(db);
    },
  },
};
