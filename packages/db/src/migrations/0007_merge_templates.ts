import { sql, type Kysely } from 'kysely';

/**
 * Merging duplicate leads (with an audit row that makes each merge undoable) and message templates.
 *
 * A merged lead is kept, marked with the lead it was merged into, so links to it can redirect and
 * `leads.unmerge` can bring it back. `lead_merges` keeps what an unmerge needs: the survivor's
 * values before and after, and the ids of the activities and tasks that moved. Task ids are plain
 * uuids (no foreign key): the tasks table belongs to another migration and ids are only looked up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table leads add column merged_into_id uuid references leads (id) on delete set null`,
    sql`alter table leads add column merged_at timestamptz`,
    // Few leads are ever merged: a partial index finds a survivor's merged leads without weighing on the rest.
    sql`create index leads_merged_into_idx on leads (merged_into_id) where merged_into_id is not null`,

    sql`create table lead_merges (
      id uuid primary key default gen_random_uuid(),
      survivor_id uuid not null references leads (id) on delete cascade,
      merged_ids jsonb not null,
      survivor_before jsonb not null,
      survivor_after jsonb not null,
      moved_activity_ids jsonb not null,
      moved_task_ids jsonb not null,
      actor_id text references users (id) on delete set null,
      created_at timestamptz not null,
      undone_at timestamptz,
      undone_by text references users (id) on delete set null
    )`,
    sql`create index lead_merges_survivor_idx on lead_merges (survivor_id, created_at)`,
    // A merged lead's history: "which merges took this lead in" is a containment test on merged_ids.
    sql`create index lead_merges_merged_ids_idx on lead_merges using gin (merged_ids jsonb_path_ops)`,

    sql`create table message_templates (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      channel text not null check (channel in ('sms', 'whatsapp', 'email')),
      body jsonb not null,
      subject jsonb,
      archived_at timestamptz,
      created_by text references users (id) on delete set null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    sql`create index message_templates_name_idx on message_templates (lower(name), id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists message_templates`.execute(db);
  await sql`drop table if exists lead_merges`.execute(db);
  await sql`alter table leads drop column if exists merged_at`.execute(db);
  await sql`alter table leads drop column if exists merged_into_id`.execute(db);
}
