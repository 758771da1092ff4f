import { sql, type Kysely } from 'kysely';

/**
 * Follow-ups: tasks with reminders, in-app notifications, the lead's next task (kept with every
 * task change, for the list's column) and the response-time SLA's bookkeeping on the lead.
 *
 * `tasks.organization_id`, `contact_id` and `opportunity_id` are plain uuids: conversion fills
 * them, and a task outlives the records it points at.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table tasks (
      id uuid primary key default gen_random_uuid(),
      lead_id uuid not null references leads (id) on delete cascade,
      organization_id uuid,
      contact_id uuid,
      opportunity_id uuid,
      title text not null,
      type text not null default 'follow_up' check (type in ('follow_up', 'call', 'meeting', 'email', 'other')),
      urgent boolean not null default false,
      due_at timestamptz not null,
      remind_at timestamptz,
      reminded_at timestamptz,
      assignee_id text references users (id) on delete set null,
      created_by text references users (id) on delete set null,
      completed_at timestamptz,
      completed_by text references users (id) on delete set null,
      version integer not null default 1,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`,
    // Open tasks by due time: a lead's next task, someone's today/overdue/upcoming, everyone's.
    sql`create index tasks_lead_open_idx on tasks (lead_id, due_at, id) where completed_at is null`,
    sql`create index tasks_assignee_open_idx on tasks (assignee_id, due_at, id) where completed_at is null`,
    sql`create index tasks_open_idx on tasks (due_at, id) where completed_at is null`,
    sql`create index tasks_assignee_done_idx on tasks (assignee_id, completed_at, id) where completed_at is not null`,
    sql`create index tasks_done_idx on tasks (completed_at, id) where completed_at is not null`,
    sql`create index tasks_lead_idx on tasks (lead_id)`,
    // The reminder sweep's only query.
    sql`create index tasks_reminder_idx on tasks (remind_at) where reminded_at is null and completed_at is null and remind_at is not null`,

    sql`create table notifications (
      id uuid primary key default gen_random_uuid(),
      user_id text not null references users (id) on delete cascade,
      type text not null,
      lead_id uuid references leads (id) on delete cascade,
      task_id uuid references tasks (id) on delete cascade,
      data jsonb not null default '{}'::jsonb,
      dedup_key text not null unique,
      read_at timestamptz,
      created_at timestamptz not null
    )`,
    sql`create index notifications_user_idx on notifications (user_id, created_at, id)`,
    sql`create index notifications_unread_idx on notifications (user_id, created_at, id) where read_at is null`,

    sql`alter table leads add column next_task_at timestamptz`,
    sql`alter table leads add column next_task_title text`,
    sql`create index leads_next_task_idx on leads ((coalesce(next_task_at, 'infinity'::timestamptz)), id)`,
    sql`alter table leads add column first_response_at timestamptz`,
    sql`alter table leads add column first_response_seconds integer`,
    sql`alter table leads add column sla_due_at timestamptz`,
    sql`alter table leads add column sla_breached_at timestamptz`,
    sql`alter table leads add column sla_policy text`,
    // Leads from before the SLA existed have no clock ('none'); new ones start 'pending'.
    sql`alter table leads add column sla_state text not null default 'none' check (sla_state in ('pending', 'met', 'breached', 'none'))`,
    sql`alter table leads alter column sla_state set default 'pending'`,
    sql`create index leads_sla_unarmed_idx on leads (created_at) where sla_state = 'pending' and sla_due_at is null`,
    // New leads enter it only once armed: capture pays for one partial index, not two.
    sql`create index leads_sla_due_idx on leads (sla_due_at) where sla_state = 'pending' and sla_due_at is not null`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists notifications`.execute(db);
  await sql`drop table if exists tasks`.execute(db);
  for (const column of [
    'next_task_at',
    'next_task_title',
    'first_response_at',
    'first_response_seconds',
    'sla_due_at',
    'sla_breached_at',
    'sla_policy',
    'sla_state',
  ]) {
    await sql`alter table leads drop column if exists ${sql.id(column)}`.execute(db);
  }
}
