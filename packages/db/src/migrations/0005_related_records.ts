import { defaultConversionMappings } from '@sarnakh/core';
import { sql, type Kysely } from 'kysely';

/**
 * The records leads convert into — organizations, contacts, opportunities — each with the lead it
 * came from, the conversion mapping (seeded with the shipped defaults, so an admin can change or
 * remove any of them), and links from the lead's activities to those records.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table organizations (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      name_key text not null,
      phone text,
      website text,
      industry text,
      city text,
      owner_id text references users (id) on delete set null,
      lead_id uuid references leads (id) on delete set null,
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    // One organization per normalized name: conversions link to it instead of duplicating it.
    sql`create unique index organizations_name_key_idx on organizations (name_key)`,

    sql`create table contacts (
      id uuid primary key default gen_random_uuid(),
      first_name text,
      last_name text,
      mobile text,
      email text,
      job_title text,
      organization_id uuid references organizations (id) on delete set null,
      owner_id text references users (id) on delete set null,
      lead_id uuid references leads (id) on delete set null,
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    sql`create index contacts_mobile_idx on contacts (mobile)`,
    sql`create index contacts_email_idx on contacts (email)`,
    sql`create index contacts_organization_idx on contacts (organization_id)`,

    sql`create table opportunities (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      amount numeric(20, 2),
      currency text,
      expected_close_date date not null,
      sales_stage text not null,
      organization_id uuid references organizations (id) on delete set null,
      contact_id uuid references contacts (id) on delete set null,
      owner_id text references users (id) on delete set null,
      lead_id uuid references leads (id) on delete set null,
      search_text text not null default '',
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      check ((amount is null) = (currency is null))
    )`,
    sql`create index opportunities_organization_idx on opportunities (organization_id)`,
    sql`create index opportunities_contact_idx on opportunities (contact_id)`,

    sql`create table conversion_mappings (
      target text not null,
      "to" text not null,
      "from" text not null,
      updated_at timestamptz not null default current_timestamp,
      primary key (target, "to")
    )`,

    sql`alter table lead_activities
      add column organization_id uuid references organizations (id) on delete set null,
      add column contact_id uuid references contacts (id) on delete set null,
      add column opportunity_id uuid references opportunities (id) on delete set null`,
    sql`create index lead_activities_organization_idx on lead_activities (organization_id, created_at) where organization_id is not null`,
    sql`create index lead_activities_contact_idx on lead_activities (contact_id, created_at) where contact_id is not null`,
    sql`create index lead_activities_opportunity_idx on lead_activities (opportunity_id, created_at) where opportunity_id is not null`,
  ];
  // Lists page by (created_at, id), per owner for agents; search by trigram; records by their lead.
  for (const table of ['organizations', 'contacts', 'opportunities']) {
    statements.push(
      sql`create index ${sql.id(`${table}_created_idx`)} on ${sql.table(table)} (created_at, id)`,
      sql`create index ${sql.id(`${table}_owner_created_idx`)} on ${sql.table(table)} (owner_id, created_at, id)`,
      sql`create index ${sql.id(`${table}_lead_idx`)} on ${sql.table(table)} (lead_id)`,
      sql`create index ${sql.id(`${table}_search_trgm_idx`)} on ${sql.table(table)} using gin (search_text gin_trgm_ops)`,
    );
  }
  for (const statement of statements) await statement.execute(db);

  for (const row of defaultConversionMappings) {
    await sql`insert into conversion_mappings (target, "to", "from") values (${row.target}, ${row.to}, ${row.from})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table lead_activities drop column if exists organization_id, drop column if exists contact_id, drop column if exists opportunity_id`.execute(db);
  for (const table of ['conversion_mappings', 'opportunities', 'contacts', 'organizations']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
