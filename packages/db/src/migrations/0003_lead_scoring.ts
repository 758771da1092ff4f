import { sql, type Kysely } from 'kysely';

/**
 * The plugin scorers' part of each lead's score. Core recomputes the rest (fit and behavior rules)
 * at any time, in SQL too; plugin scorers run only in the application, so their points are kept
 * here and added back (`score = fit + behavior + plugin_score`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table leads add column plugin_score integer not null default 0`.execute(db);
  // Leads scored before this migration: everything they have is the plugins' (there were no rules).
  await sql`update leads set plugin_score = score where score <> 0`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table leads drop column if exists plugin_score`.execute(db);
}
