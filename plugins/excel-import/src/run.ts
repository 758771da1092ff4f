import type { Actor, BatchRow, BatchRowResult, FieldError, Locale } from '@sarnakh/core';
import type { PluginServices } from '@sarnakh/plugin-sdk';
import { rowToInput, type ColumnMapping } from './mapping.js';
import type { SheetRow } from './reader.js';
import type { ImportJob, ImportPolicy, ImportStore, Upload } from './store.js';
import { readRowsInWorker } from './worker-reader.js';

export const CHANNEL = 'excel-import';

/**
 * The file's data rows (after the header) from the `skip`-th on, in batches of `size`, parsed on a
 * worker thread so parsing overlaps the writing of the batch before.
 */
async function* batches(upload: Upload, size: number, skip = 0): AsyncGenerator<{ rows: SheetRow[]; processed: number }> {
  let header = true;
  let index = 0;
  let rows: SheetRow[] = [];
  for await (const row of readRowsInWorker(upload.path, { format: upload.format, sheet: upload.sheet, encoding: upload.encoding })) {
    if (header) {
      header = false;
      continue;
    }
    index++;
    if (index <= skip) continue;
    rows.push(row);
    if (rows.length >= size) {
      yield { rows, processed: index };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows, processed: index };
}

const toBatch = (rows: readonly SheetRow[], mapping: readonly ColumnMapping[]): BatchRow[] =>
  rows.map(({ row, cells }) => ({ ref: row, input: rowToInput(cells, mapping) }));

export interface PreviewResult {
  total: number;
  new: number;
  duplicates: { inFile: number; inDatabase: number };
  invalid: number;
  /** The first failing rows, with every error of each. */
  errors: { row: number; errors: FieldError[] }[];
}

const PREVIEW_ERRORS = 20;

/** A dry run of the whole file through the pipeline's checks: what an import would do, writing nothing. */
export async function previewImport(
  services: PluginServices,
  upload: Upload,
  options: { mapping: readonly ColumnMapping[]; duplicatePolicy: ImportPolicy; defaults: BatchRow['input']; actor: Actor; locale: Locale; batchSize: number },
): Promise<PreviewResult> {
  const out: PreviewResult = { total: 0, new: 0, duplicates: { inFile: 0, inDatabase: 0 }, invalid: 0, errors: [] };
  const seenKeys = new Set<string>();
  for await (const { rows } of batches(upload, options.batchSize)) {
    const result = await services.leads.ingestBatch({
      rows: toBatch(rows, options.mapping),
      actor: options.actor,
      duplicatePolicy: options.duplicatePolicy,
      origin: { channel: CHANNEL },
      defaults: options.defaults,
      locale: options.locale,
      dryRun: true,
      seenKeys,
    });
    for (const r of result) {
      out.total++;
      if (r.status === 'new') out.new++;
      else if (r.status === 'duplicate') out.duplicates[r.inSource ? 'inFile' : 'inDatabase']++;
      else if (r.status === 'failed') {
        out.invalid++;
        if (out.errors.length < PREVIEW_ERRORS) out.errors.push({ row: r.ref, errors: r.errors });
      }
    }
  }
  return out;
}

/** Why a run stopped before the end. */
export class ImportStopped extends Error {}

/** The job was cancelled: the run ends after the batch already written. */
class ImportCancelled extends Error {}

/**
 * Run (or resume) an import: batch after batch through `ingestBatch`, each batch's leads, row
 * outcomes and progress committed in one transaction. Rows up to `processed` were committed by an
 * earlier run (before a restart) and are skipped, so nothing is written twice. A cancel is noticed
 * between batches.
 *
 * Two batches are in flight at most: while one is written, the next is checked and scored, and
 * `startAfter` holds its transaction until the one before has committed — so batches commit in
 * file order and `processed` only moves forward. Imported leads start no response-time SLA clock.
 */
export async function runImport(
  services: PluginServices,
  store: ImportStore,
  jobId: string,
  options: { batchSize: number; signal?: AbortSignal },
): Promise<ImportJob | null> {
  const job = await store.job(jobId);
  if (!job || job.status === 'done' || job.status === 'cancelled' || job.status === 'failed') return job;
  if (!(await store.setStatus(jobId, ['queued', 'running'], 'running'))) return store.job(jobId);
  const upload = await store.upload(job.uploadId);
  if (!upload) {
    await store.setStatus(jobId, ['running'], 'failed', 'the uploaded file is gone');
    return store.job(jobId);
  }
  const actor: Actor = { userId: job.userId, role: job.actorRole };
  // A batch's transaction opens only after the one before committed, and not once the runner is
  // stopping or the job was cancelled: nothing starts after a stop, and what started completes.
  const mayWrite = async (previous: Promise<unknown> | null): Promise<void> => {
    await previous;
    if (options.signal?.aborted) throw new ImportStopped('the job runner stopped');
    if ((await store.job(jobId))?.status === 'cancelled') throw new ImportCancelled();
  };
  let writing: Promise<unknown> | null = null;
  try {
    for await (const { rows, processed } of batches(upload, options.batchSize, job.processed)) {
      const cells = new Map(rows.map((r) => [r.row, r.cells]));
      const startAfter = mayWrite(writing);
      const batch: Promise<unknown> = services.leads.ingestBatch({
        rows: toBatch(rows, job.mapping),
        actor,
        duplicatePolicy: job.duplicatePolicy,
        origin: { channel: CHANNEL, detail: { importId: jobId } },
        defaults: job.defaults,
        responseSla: false,
        startAfter,
        withinTransaction: (tx, results: readonly BatchRowResult[]) =>
          // The lead store's transaction is a Kysely transaction (`@sarnakh/db`); the plugin's rows join it.
          store.recordBatch(tx.handle as Parameters<ImportStore['recordBatch']>[0], jobId, processed, results, cells),
      });
      // Their failures surface through the awaits below, in batch order; none goes unhandled meanwhile.
      for (const p of [startAfter, batch]) p.catch(() => undefined);
      await writing;
      writing = batch;
    }
    await writing;
  } catch (error) {
    if (error instanceof ImportCancelled) return store.job(jobId);
    throw error;
  }
  await store.setStatus(jobId, ['running'], 'done');
  return store.job(jobId);
}
