import { captureChannels, definePlugin } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { excelImportMigrations } from './migrations.js';
import { excelImportRouter } from './router.js';
import { excelImportRoutes } from './routes.js';
import { CHANNEL, runImport } from './run.js';
import { excelImportSettings } from './settings.js';
import { importStore } from './store.js';

export { excelImportSettings, type ExcelImportSettings } from './settings.js';
export { suggestMapping, headerKey, mappableFields } from './suggest.js';
export { rowToInput, type ColumnMapping } from './mapping.js';
export { readRows, detectEncoding, type SheetRow, type FileFormat, type CsvEncoding } from './reader.js';
export type { Upload, ImportJob, ImportStatus, ImportPolicy } from './store.js';
export { neutralize } from './workbook.js';
export { runImport, previewImport, type PreviewResult } from './run.js';
export { inspectFile } from './upload.js';
export { importStore, type ImportStore } from './store.js';

const RETRIES = 5;

/**
 * Excel and CSV import: a file streamed to disk and inspected once (`POST /uploads`), a mapping
 * suggested from headers and values, a dry run, and a durable, resumable job that feeds the rows
 * through the ingest pipeline in committed batches; per-row errors as a workbook, revert, and the
 * lead list exported to .xlsx.
 */
export const excelImportPlugin = definePlugin({
  id: 'excel-import',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: excelImportSettings,
  migrations: excelImportMigrations,

  provide(ctx) {
    ctx.register(captureChannels, {
      id: CHANNEL,
      label: { fa: 'درون‌ریزی از اکسل', ar: 'الاستيراد من إكسل', en: 'Excel import' },
      defaults: { source: 'import' },
    });
  },

  router: excelImportRouter,
  routes: excelImportRoutes,

  jobs: {
    run: {
      data: z.object({ importId: z.uuid() }),
      async handler(job, runtime) {
        const { services } = runtime;
        const store = importStore(services.database);
        try {
          await runImport(services, store, job.data.importId, { batchSize: runtime.settings().batchSize, signal: job.signal });
        } catch (error) {
          // The last try: the job is failed for good, and says why.
          if (job.retryCount >= RETRIES) {
            await store.setStatus(job.data.importId, ['queued', 'running'], 'failed', error instanceof Error ? error.message : String(error));
          }
          throw error;
        }
      },
      retryLimit: RETRIES,
      retryDelaySeconds: 5,
      expireInSeconds: 6 * 60 * 60,
    },
  },

  admin: { entry: '@sarnakh/plugin-excel-import/admin' },
});

export default excelImportPlugin;
