import { z } from 'zod';

export const excelImportSettings = z.object({
  /** The largest upload accepted, in megabytes; a larger file is refused while it streams in. */
  maxUploadMb: z.number().int().min(1).max(4096).default(200),
  /** Rows per committed batch: the unit of progress, of resume after a restart, and of a transaction. */
  batchSize: z.number().int().min(50).max(5000).default(1000),
});

export type ExcelImportSettings = z.output<typeof excelImportSettings>;
