import type { PluginMigrations } from '@sarnakh/plugin-sdk';
import { sql } from 'kysely';

export const excelImportMigrations: PluginMigrations = {
  '0001_imports': {
    async up(db) {
      for (const statement of [
        // An uploaded file as parsed once: where it is on disk and what the wizard shows.
        sql`create table excel_import_uploads (
          id uuid primary key,
          user_id text not null references users (id) on delete cascade,
          file_name text not null,
          format text not null check (format in ('xlsx', 'csv')),
          encoding text,
          path text not null,
          size bigint not null,
          sheet text,
          sheets jsonb not null,
          headers jsonb not null,
          sample_rows jsonb not null,
          suggested_mapping jsonb not null,
          row_count integer not null,
          created_at timestamptz not null default current_timestamp
        )`,
        sql`create table excel_import_presets (
          id uuid primary key,
          name text not null unique,
          mapping jsonb not null,
          created_by text references users (id) on delete set null,
          created_at timestamptz not null default current_timestamp
        )`,
        // One import run. `processed` counts data rows whose batch has committed: a restart resumes after them.
        sql`create table excel_import_jobs (
          id uuid primary key,
          upload_id uuid not null references excel_import_uploads (id) on delete cascade,
          user_id text not null references users (id) on delete cascade,
          actor_role text not null,
          mapping jsonb not null,
          duplicate_policy text not null,
          defaults jsonb not null,
          status text not null check (status in ('queued', 'running', 'done', 'failed', 'cancelled')),
          total integer not null,
          processed integer not null default 0,
          created integer not null default 0,
          updated integer not null default 0,
          skipped integer not null default 0,
          failed integer not null default 0,
          error text,
          reverted_at timestamptz,
          revert_result jsonb,
          created_at timestamptz not null default current_timestamp,
          finished_at timestamptz
        )`,
        sql`create index excel_import_jobs_created_idx on excel_import_jobs (created_at desc)`,
        // What each written or failed row did: revert reads the leads, the error workbook the failures.
        sql`create table excel_import_rows (
          job_id uuid not null references excel_import_jobs (id) on delete cascade,
          row integer not null,
          status text not null check (status in ('created', 'updated', 'failed')),
          lead_id uuid,
          version integer,
          previous jsonb,
          errors jsonb,
          cells jsonb,
          primary key (job_id, row)
        )`,
      ]) {
        await statement.execute(db);
      }
    },
    async down(db) {
      for (const table of ['excel_import_rows', 'excel_import_jobs', 'excel_import_presets', 'excel_import_uploads']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
};
