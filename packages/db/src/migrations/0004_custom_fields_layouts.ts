import { sql, type Kysely } from 'kysely';

/**
 * Admin-defined lead fields and screen layouts. Custom values stay in `leads.custom_fields`
 * (JSONB); an indexed field's expression index is created by the application when the field is
 * (see `repositories/custom-field-indexes.ts`), not here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table custom_fields (
    key text primary key,
    type text not null,
    label jsonb not null,
    required boolean not null default false,
    default_value jsonb,
    options jsonb not null default '[]'::jsonb,
    validation jsonb not null default '{}'::jsonb,
    indexed boolean not null default false,
    position integer not null default 0,
    archived_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create table layouts (
    kind text primary key check (kind in ('create', 'detail', 'list')),
    definition jsonb not null,
    updated_by text,
    updated_at timestamptz not null default now()
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists layouts`.execute(db);
  await sql`drop table if exists custom_fields`.execute(db);
}
