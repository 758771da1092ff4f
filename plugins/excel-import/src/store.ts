import type { BatchRowResult, FieldError, LeadInput, Role } from '@sarnakh/core';
import type { Database } from '@sarnakh/db';
import { sql, type Kysely } from 'kysely';
import type { ColumnMapping } from './mapping.js';
import type { CsvEncoding, FileFormat } from './reader.js';

// The plugin's tables have no typed schema: a migration runs before any exists.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = Kysely<any>;

export const importStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export type ImportPolicy = 'skip' | 'update' | 'create';

export interface Upload {
  id: string;
  userId: string;
  fileName: string;
  format: FileFormat;
  encoding: CsvEncoding | null;
  path: string;
  size: number;
  sheet: string | null;
  sheets: string[];
  headers: string[];
  sampleRows: string[][];
  suggestedMapping: ColumnMapping[];
  rowCount: number;
  createdAt: Date;
}

export interface ImportJob {
  id: string;
  uploadId: string;
  userId: string;
  actorRole: Role;
  mapping: ColumnMapping[];
  duplicatePolicy: ImportPolicy;
  defaults: Partial<LeadInput>;
  status: ImportStatus;
  total: number;
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error: string | null;
  revertedAt: Date | null;
  revertResult: { deleted: number; restored: number; kept: number } | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const json = (value: unknown) => sql`cast(${JSON.stringify(value)} as text)::jsonb`;

function toUpload(r: Record<string, unknown>): Upload {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    fileName: r.file_name as string,
    format: r.format as FileFormat,
    encoding: (r.encoding as CsvEncoding | null) ?? null,
    path: r.path as string,
    size: Number(r.size),
    sheet: (r.sheet as string | null) ?? null,
    sheets: r.sheets as string[],
    headers: r.headers as string[],
    sampleRows: r.sample_rows as string[][],
    suggestedMapping: r.suggested_mapping as ColumnMapping[],
    rowCount: r.row_count as number,
    createdAt: new Date(r.created_at as string),
  };
}

function toJob(r: Record<string, unknown>): ImportJob {
  return {
    id: r.id as string,
    uploadId: r.upload_id as string,
    userId: r.user_id as string,
    actorRole: r.actor_role as Role,
    mapping: r.mapping as ColumnMapping[],
    duplicatePolicy: r.duplicate_policy as ImportPolicy,
    defaults: r.defaults as Partial<LeadInput>,
    status: r.status as ImportStatus,
    total: r.total as number,
    processed: r.processed as number,
    created: r.created as number,
    updated: r.updated as number,
    skipped: r.skipped as number,
    failed: r.failed as number,
    error: (r.error as string | null) ?? null,
    revertedAt: r.reverted_at ? new Date(r.reverted_at as string) : null,
    revertResult: (r.revert_result as ImportJob['revertResult']) ?? null,
    createdAt: new Date(r.created_at as string),
    finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
  };
}

export function importStore(database: Database) {
  const db = database.raw as Raw;
  return {
    async insertUpload(u: Omit<Upload, 'createdAt'>): Promise<void> {
      await sql`insert into excel_import_uploads (id, user_id, file_name, format, encoding, path, size, sheet, sheets, headers, sample_rows, suggested_mapping, row_count)
        values (${u.id}, ${u.userId}, ${u.fileName}, ${u.format}, ${u.encoding}, ${u.path}, ${u.size}, ${u.sheet}, ${json(u.sheets)}, ${json(u.headers)},
          ${json(u.sampleRows)}, ${json(u.suggestedMapping)}, ${u.rowCount})`.execute(db);
    },

    async upload(id: string): Promise<Upload | null> {
      const { rows } = await sql<Record<string, unknown>>`select * from excel_import_uploads where id = ${id}`.execute(db);
      return rows[0] ? toUpload(rows[0]) : null;
    },

    async insertJob(j: Pick<ImportJob, 'id' | 'uploadId' | 'userId' | 'actorRole' | 'mapping' | 'duplicatePolicy' | 'defaults' | 'total'>): Promise<void> {
      await sql`insert into excel_import_jobs (id, upload_id, user_id, actor_role, mapping, duplicate_policy, defaults, status, total)
        values (${j.id}, ${j.uploadId}, ${j.userId}, ${j.actorRole}, ${json(j.mapping)}, ${j.duplicatePolicy}, ${json(j.defaults)}, 'queued', ${j.total})`.execute(db);
    },

    async job(id: string): Promise<ImportJob | null> {
      const { rows } = await sql<Record<string, unknown>>`select * from excel_import_jobs where id = ${id}`.execute(db);
      return rows[0] ? toJob(rows[0]) : null;
    },

    async jobs(limit: number, userId: string | null): Promise<(ImportJob & { fileName: string })[]> {
      const { rows } = await sql<Record<string, unknown>>`select j.*, u.file_name from excel_import_jobs j join excel_import_uploads u on u.id = j.upload_id
        where ${userId === null ? sql`true` : sql`j.user_id = ${userId}`} order by j.created_at desc limit ${limit}`.execute(db);
      return rows.map((r) => ({ ...toJob(r), fileName: r.file_name as string }));
    },

    /** Move a job from one of `from` to `to`; false when it was in none of them (someone else moved it). */
    async setStatus(id: string, from: readonly ImportStatus[], to: ImportStatus, error: string | null = null): Promise<boolean> {
      const finished = to === 'done' || to === 'failed' || to === 'cancelled';
      const result = await sql`update excel_import_jobs set status = ${to}, error = coalesce(${error}, error),
          finished_at = ${finished ? sql`current_timestamp` : sql`finished_at`}
        where id = ${id} and status in (${sql.join(from.map((s) => sql`${s}`))})`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    /**
     * Record a committed batch, inside its transaction: its rows' outcomes and the job's counters.
     * `processed` moves only here, so after a crash the job resumes after the last batch that
     * committed and writes none of its rows twice.
     */
    async recordBatch(tx: Raw, jobId: string, processed: number, results: readonly BatchRowResult[], cells: ReadonlyMap<number, readonly string[]>): Promise<void> {
      const count = (s: BatchRowResult['status']) => results.filter((r) => r.status === s).length;
      const rows = results.flatMap((r): Record<string, unknown>[] => {
        if (r.status === 'created') return [{ job_id: jobId, row: r.ref, status: 'created', lead_id: r.leadId, version: r.version }];
        if (r.status === 'updated') return [{ job_id: jobId, row: r.ref, status: 'updated', lead_id: r.leadId, version: r.version, previous: r.previous }];
        if (r.status === 'failed') return [{ job_id: jobId, row: r.ref, status: 'failed', errors: r.errors, cells: cells.get(r.ref) ?? [] }];
        return [];
      });
      if (rows.length > 0) {
        await sql`insert into excel_import_rows (job_id, row, status, lead_id, version, previous, errors, cells)
          select job_id, row, status, lead_id, version, previous, errors, cells
          from json_populate_recordset(null::excel_import_rows, cast(${JSON.stringify(rows)} as text)::json)`.execute(tx);
      }
      // A lead updated by an earlier batch and again now: the earlier row's version is the newer one now.
      const versions = results.flatMap((r) => (r.status === 'updated' ? [{ lead_id: r.leadId, version: r.version }] : []));
      if (versions.length > 0) {
        await sql`update excel_import_rows r set version = v.version
          from json_populate_recordset(null::excel_import_rows, cast(${JSON.stringify(versions)} as text)::json) v
          where r.job_id = ${jobId} and r.lead_id = v.lead_id and r.version < v.version`.execute(tx);
      }
      await sql`update excel_import_jobs set processed = ${processed}, created = created + ${count('created')},
          updated = updated + ${count('updated')}, skipped = skipped + ${count('skipped')}, failed = failed + ${count('failed')}
        where id = ${jobId}`.execute(tx);
    },

    async written(jobId: string): Promise<{ created: { id: string; version: number }[]; updated: { id: string; version: number; previous: Record<string, unknown> }[] }> {
      const { rows } = await sql<{ status: string; lead_id: string; version: number; previous: Record<string, unknown> | null }>`
        select status, lead_id, version, previous from excel_import_rows where job_id = ${jobId} and status <> 'failed' order by row`.execute(db);
      return {
        created: rows.filter((r) => r.status === 'created').map((r) => ({ id: r.lead_id, version: r.version })),
        updated: rows.filter((r) => r.status === 'updated').map((r) => ({ id: r.lead_id, version: r.version, previous: r.previous ?? {} })),
      };
    },

    async markReverted(tx: Raw, jobId: string, result: { deleted: number; restored: number; kept: number }): Promise<void> {
      await sql`update excel_import_jobs set reverted_at = current_timestamp, revert_result = ${json(result)} where id = ${jobId}`.execute(tx);
    },

    /** The failed rows, in row order, a page at a time (the error workbook streams them). */
    async failures(jobId: string, afterRow: number, limit: number): Promise<{ row: number; errors: FieldError[]; cells: string[] }[]> {
      const { rows } = await sql<{ row: number; errors: FieldError[]; cells: string[] }>`select row, errors, cells from excel_import_rows
        where job_id = ${jobId} and status = 'failed' and row > ${afterRow} order by row limit ${limit}`.execute(db);
      return rows;
    },

    async presets(): Promise<{ id: string; name: string; mapping: ColumnMapping[] }[]> {
      const { rows } = await sql<{ id: string; name: string; mapping: ColumnMapping[] }>`select id, name, mapping from excel_import_presets order by name`.execute(db);
      return rows;
    },

    async savePreset(id: string, name: string, mapping: readonly ColumnMapping[], userId: string): Promise<void> {
      await sql`insert into excel_import_presets (id, name, mapping, created_by) values (${id}, ${name}, ${json(mapping)}, ${userId})
        on conflict (name) do update set mapping = excluded.mapping`.execute(db);
    },

    async deletePreset(id: string): Promise<boolean> {
      const result = await sql`delete from excel_import_presets where id = ${id}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },
  };
}

export type ImportStore = ReturnType<typeof importStore>;
