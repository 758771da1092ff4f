import { randomUUID } from 'node:crypto';
import { badRequest } from '@sarnakh/api';
import { batchDuplicatePolicies, fieldError, leadFields, type FieldErrorCode } from '@sarnakh/core';
import { pluginTrpc } from '@sarnakh/plugin-sdk';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { mappingProblems, mappingSchema, type ColumnMapping } from './mapping.js';
import { mappableFields } from './suggest.js';
import { previewImport } from './run.js';
import type { ExcelImportSettings } from './settings.js';
import { importStore, type ImportJob, type Upload } from './store.js';

const t = pluginTrpc('excel-import');
const managers = t.roleProcedure('manager', 'admin');

const defaultsSchema = z.strictObject({
  source: z.string().max(100).nullish(),
  ownerId: z.string().max(100).nullish(),
  stage: z.string().max(100).nullish(),
});

const runInput = z.strictObject({
  uploadId: z.uuid(),
  mapping: mappingSchema,
  duplicatePolicy: z.enum(batchDuplicatePolicies),
  defaults: defaultsSchema.optional(),
});

const problemCodes: Record<ReturnType<typeof mappingProblems>[number]['problem'], FieldErrorCode> = {
  unknown_field: 'unknown_field',
  out_of_range: 'out_of_range',
  duplicate: 'invalid_value',
};

/** The upload, checked to be there and usable with `mapping`; otherwise BAD_REQUEST naming the field. */
async function checkedUpload(store: ReturnType<typeof importStore>, uploadId: string, mapping: readonly ColumnMapping[], locale: 'fa' | 'ar' | 'en'): Promise<Upload> {
  const upload = await store.upload(uploadId);
  if (!upload) throw badRequest([fieldError('uploadId', 'unknown_value', locale)]);
  const problems = mappingProblems(mapping, upload.headers.length).map((p) => fieldError(p.path, problemCodes[p.problem], locale));
  if (mapping.length === 0) problems.push(fieldError('mapping', 'required', locale));
  if (problems.length > 0) throw badRequest(problems);
  return upload;
}

const defaultsOf = (d: z.output<typeof defaultsSchema> | undefined) =>
  Object.fromEntries(Object.entries(d ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '')) as Record<string, string>;

/** What a progress bar reads. */
const progress = (job: ImportJob) => ({
  jobId: job.id,
  status: job.status,
  processed: job.processed,
  total: job.total,
  created: job.created,
  updated: job.updated,
  skipped: job.skipped,
  failed: job.failed,
  error: job.error,
  revertedAt: job.revertedAt,
  revertResult: job.revertResult,
  createdAt: job.createdAt,
  finishedAt: job.finishedAt,
});

async function jobOr404(store: ReturnType<typeof importStore>, jobId: string): Promise<ImportJob> {
  const job = await store.job(jobId);
  if (!job) throw new TRPCError({ code: 'NOT_FOUND', message: `No import ${jobId}.` });
  return job;
}

export const excelImportRouter = t.router({
  /**
   * The built-in fields a column can be mapped to, with their names in fa, ar and en (custom
   * fields, from `fields.list`, map as `custom.<key>`).
   */
  fields: managers.query(() => mappableFields.map((value) => ({ value, label: leadFields[value].label }))),

  /** An upload as parsed: sheets, headers, sample rows, suggested mapping, row count. */
  upload: managers.input(z.strictObject({ uploadId: z.uuid() })).query(async ({ ctx, input }) => {
    const upload = await importStore(ctx.plugin.database).upload(input.uploadId);
    if (!upload) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such upload.' });
    const { path: _path, userId: _userId, ...shown } = upload;
    return { uploadId: upload.id, ...shown };
  }),

  /** A dry run: counts of new, duplicate (within the file, against the database) and invalid rows, and the first errors. */
  preview: managers.input(runInput).mutation(async ({ ctx, input }) => {
    const store = importStore(ctx.plugin.database);
    const upload = await checkedUpload(store, input.uploadId, input.mapping, ctx.locale);
    return previewImport(ctx.plugin, upload, {
      mapping: input.mapping,
      duplicatePolicy: input.duplicatePolicy,
      defaults: defaultsOf(input.defaults),
      actor: ctx.actor,
      locale: ctx.locale,
      batchSize: ctx.plugin.settings<ExcelImportSettings>().batchSize,
    });
  }),

  /** Queue the import as a durable job; `get` reports its progress. */
  start: managers.input(runInput).mutation(async ({ ctx, input }) => {
    const store = importStore(ctx.plugin.database);
    const upload = await checkedUpload(store, input.uploadId, input.mapping, ctx.locale);
    const jobId = randomUUID();
    await store.insertJob({
      id: jobId,
      uploadId: upload.id,
      userId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      mapping: input.mapping,
      duplicatePolicy: input.duplicatePolicy,
      defaults: defaultsOf(input.defaults),
      total: upload.rowCount,
    });
    await ctx.plugin.jobs.send('run', { importId: jobId }, { singletonKey: jobId });
    return { jobId };
  }),

  get: managers.input(z.strictObject({ jobId: z.uuid() })).query(async ({ ctx, input }) => progress(await jobOr404(importStore(ctx.plugin.database), input.jobId))),

  /** Stop a queued or running import after its current batch; what committed stays (revert removes it). */
  cancel: managers.input(z.strictObject({ jobId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const store = importStore(ctx.plugin.database);
    await jobOr404(store, input.jobId);
    if (!(await store.setStatus(input.jobId, ['queued', 'running'], 'cancelled'))) {
      throw new TRPCError({ code: 'CONFLICT', message: 'The import has already finished.' });
    }
    return progress(await jobOr404(store, input.jobId));
  }),

  /**
   * Remove the leads the import created and restore the values it updated, each only if nobody
   * changed the lead since; those are kept and counted.
   */
  revert: managers.input(z.strictObject({ jobId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const store = importStore(ctx.plugin.database);
    const job = await jobOr404(store, input.jobId);
    if (job.status === 'queued' || job.status === 'running') throw new TRPCError({ code: 'CONFLICT', message: 'Cancel the import or let it finish first.' });
    if (job.revertedAt) throw new TRPCError({ code: 'CONFLICT', message: 'The import has already been reverted.' });
    const written = await store.written(job.id);
    const result = await ctx.plugin.leads.revertBatch({
      created: written.created,
      updated: written.updated,
      actorId: ctx.actor.userId,
      // The lead store's transaction is a Kysely transaction (`@sarnakh/db`): the mark commits with the revert.
      withinTransaction: (tx, done) =>
        store.markReverted(tx.handle as Parameters<typeof store.markReverted>[0], job.id, {
          deleted: done.deleted.length,
          restored: done.restored.length,
          kept: done.kept.length,
        }),
    });
    const counts = { deleted: result.deleted.length, restored: result.restored.length, kept: result.kept.length };
    return counts;
  }),

  /** Recent imports, newest first: managers and admins see everyone's. */
  list: managers.input(z.strictObject({ limit: z.number().int().min(1).max(100).default(20) }).optional()).query(async ({ ctx, input }) => {
    const jobs = await importStore(ctx.plugin.database).jobs(input?.limit ?? 20, null);
    return jobs.map((job) => ({ ...progress(job), fileName: job.fileName, userId: job.userId, duplicatePolicy: job.duplicatePolicy }));
  }),

  presets: t.router({
    list: managers.query(({ ctx }) => importStore(ctx.plugin.database).presets()),
    save: managers.input(z.strictObject({ name: z.string().trim().min(1).max(100), mapping: mappingSchema })).mutation(async ({ ctx, input }) => {
      const problems = mappingProblems(input.mapping, Number.MAX_SAFE_INTEGER).map((p) => fieldError(p.path, problemCodes[p.problem], ctx.locale));
      if (problems.length > 0) throw badRequest(problems);
      await importStore(ctx.plugin.database).savePreset(randomUUID(), input.name, input.mapping, ctx.actor.userId);
      return { saved: true };
    }),
    delete: managers.input(z.strictObject({ id: z.uuid() })).mutation(async ({ ctx, input }) => ({ deleted: await importStore(ctx.plugin.database).deletePreset(input.id) })),
  }),
});
