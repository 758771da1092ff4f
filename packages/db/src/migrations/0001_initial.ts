import { defaultPicklists, picklistKeys } from '@sarnakh/core';
import { sql, type Kysely } from 'kysely';

/**
 * Users and sessions in the shape better-auth expects (its field names mapped to snake_case in
 * `@sarnakh/api`'s auth config; a test checks better-auth sees nothing to migrate), leads with their
 * search document and list indexes, picklists, activities and API keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table users (
      id text primary key,
      name text not null,
      email text not null unique,
      email_verified boolean not null default false,
      image text,
      role text not null default 'agent' check (role in ('admin', 'manager', 'agent')),
      active boolean not null default true,
      created_at timestamptz not null default current_timestamp,
      updated_at timestamptz not null default current_timestamp
    )`,
    sql`create table sessions (
      id text primary key,
      expires_at timestamptz not null,
      token text not null unique,
      created_at timestamptz not null default current_timestamp,
      updated_at timestamptz not null,
      ip_address text,
      user_agent text,
      user_id text not null references users (id) on delete cascade
    )`,
    sql`create index sessions_user_id_idx on sessions (user_id)`,
    sql`create table accounts (
      id text primary key,
      account_id text not null,
      provider_id text not null,
      user_id text not null references users (id) on delete cascade,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz not null default current_timestamp,
      updated_at timestamptz not null
    )`,
    sql`create index accounts_user_id_idx on accounts (user_id)`,
    sql`create table verifications (
      id text primary key,
      identifier text not null,
      value text not null,
      expires_at timestamptz not null,
      created_at timestamptz not null default current_timestamp,
      updated_at timestamptz not null default current_timestamp
    )`,
    sql`create index verifications_identifier_idx on verifications (identifier)`,

    sql`create table picklist_values (
      list text not null,
      key text not null,
      label jsonb not null,
      position integer not null,
      color text,
      won boolean not null default false,
      lost boolean not null default false,
      retired_at timestamptz,
      primary key (list, key)
    )`,

    sql`create table leads (
      id uuid primary key default gen_random_uuid(),
      first_name text,
      last_name text,
      mobile text,
      phone text,
      email text,
      company text,
      job_title text,
      website text,
      national_code text,
      telegram_id text,
      whatsapp_id text,
      instagram_id text,
      fax text,
      source text,
      channel text,
      channel_identifier text,
      stage text not null,
      priority text not null,
      industry text,
      annual_revenue numeric(20, 2),
      employees integer,
      email_opt_out boolean not null default false,
      street text,
      po_box text,
      postal_code text,
      city text,
      province text,
      country text,
      description text,
      owner_id text references users (id) on delete set null,
      score integer not null default 0,
      qualification text not null default 'cold' check (qualification in ('cold', 'mql', 'sql')),
      last_contact_at timestamptz,
      last_contact_result text,
      archived_at timestamptz,
      converted_at timestamptz,
      custom_fields jsonb not null default '{}'::jsonb,
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    // Keyset pagination: every sort is (expression, id); each list filter leads an index.
    sql`create index leads_created_idx on leads (created_at, id)`,
    sql`create index leads_updated_idx on leads (updated_at, id)`,
    sql`create index leads_score_idx on leads (score, id)`,
    sql`create index leads_last_contact_idx on leads ((coalesce(last_contact_at, '-infinity'::timestamptz)), id)`,
    sql`create index leads_first_name_idx on leads ((coalesce(first_name, '')), id)`,
    sql`create index leads_last_name_idx on leads ((coalesce(last_name, '')), id)`,
    sql`create index leads_company_idx on leads ((coalesce(company, '')), id)`,
    sql`create index leads_owner_created_idx on leads (owner_id, created_at, id)`,
    sql`create index leads_stage_created_idx on leads (stage, created_at, id)`,
    sql`create index leads_source_created_idx on leads (source, created_at, id)`,
    sql`create index leads_mobile_idx on leads (mobile)`,
    sql`create index leads_phone_idx on leads (phone)`,
    sql`create index leads_email_idx on leads (email)`,
    // Substring search (3+ characters) through trigrams; short terms by prefix.
    sql`create index leads_search_trgm_idx on leads using gin (search_text gin_trgm_ops)`,
    sql`create index leads_search_prefix_idx on leads ((left(search_text, 64)) text_pattern_ops)`,

    sql`create table lead_activities (
      id uuid primary key default gen_random_uuid(),
      lead_id uuid not null references leads (id) on delete cascade,
      type text not null,
      actor_id text references users (id) on delete set null,
      data jsonb not null default '{}'::jsonb,
      created_at timestamptz not null
    )`,
    sql`create index lead_activities_lead_idx on lead_activities (lead_id, created_at)`,

    // Installation-wide settings, e.g. the session-signing secret shared by every server process.
    sql`create table settings (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default current_timestamp
    )`,

    sql`create table api_keys (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      start text not null,
      key_hash text not null unique,
      scopes jsonb not null default '[]'::jsonb,
      created_by text references users (id) on delete set null,
      created_at timestamptz not null default current_timestamp,
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )`,
  ];
  for (const statement of statements) await statement.execute(db);

  for (const list of picklistKeys) {
    for (const value of defaultPicklists[list]) {
      await sql`insert into picklist_values (list, key, label, position, color, won, lost)
        values (${list}, ${value.key}, cast(cast(${JSON.stringify(value.label)} as text) as jsonb), ${value.position},
                ${value.color}, ${value.won}, ${value.lost})`.execute(db);
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['api_keys', 'settings', 'lead_activities', 'leads', 'picklist_values', 'verifications', 'accounts', 'sessions', 'users']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
