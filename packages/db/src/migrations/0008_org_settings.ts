import { sql, type Kysely } from 'kysely';

/**
 * The organization's settings (calendar, default language, default currency): one row, with a
 * column per setting so the database itself refuses a value no version of the app understands.
 * The `singleton` key, always true, is what keeps it one row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table org_settings (
    singleton boolean primary key default true check (singleton),
    calendar text not null check (calendar in ('byLocale', 'jalali', 'gregorian')),
    default_locale text not null check (default_locale in ('fa', 'ar', 'en')),
    default_currency text not null check (default_currency ~ '^[A-Z]{3}$'),
    updated_by text references users (id) on delete set null,
    updated_at timestamptz not null default current_timestamp
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists org_settings`.execute(db);
}
