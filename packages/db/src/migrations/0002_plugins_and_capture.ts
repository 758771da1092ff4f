import { sql, type Kysely } from 'kysely';

/**
 * The plugin platform and web-to-lead capture: each plugin's enabled flag and settings, API keys
 * for capture, idempotent capture requests and per-minute rate-limit counters. All in Postgres, so
 * several server processes share them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table plugin_state (
      plugin_id text primary key,
      enabled boolean not null default true,
      settings jsonb,
      updated_by text references users (id) on delete set null,
      updated_at timestamptz not null default current_timestamp
    )`,

    sql`alter table api_keys
      add column kind text not null default 'server' check (kind in ('server', 'form')),
      add column defaults jsonb not null default '{}'::jsonb,
      add column rate_limit_per_minute integer not null default 600 check (rate_limit_per_minute > 0),
      add column allowed_origins jsonb not null default '[]'::jsonb`,

    // One row per (key, Idempotency-Key): the first request's answer, replayed to retries.
    sql`create table capture_requests (
      api_key_id uuid not null references api_keys (id) on delete cascade,
      idempotency_key text not null,
      request_hash text not null,
      status integer,
      response jsonb,
      created_at timestamptz not null default current_timestamp,
      primary key (api_key_id, idempotency_key)
    )`,
    sql`create index capture_requests_created_idx on capture_requests (created_at)`,

    // Fixed one-minute windows; old windows are deleted by a scheduled job.
    sql`create table rate_limit_buckets (
      bucket text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (bucket, window_start)
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rate_limit_buckets', 'capture_requests', 'plugin_state']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table api_keys drop column kind, drop column defaults, drop column rate_limit_per_minute, drop column allowed_origins`.execute(db);
}
