import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import Busboy from 'busboy';
import { detectEncoding, numbered, readRows, sheetCells, xlsxSheets, type CsvEncoding, type FileFormat, type SheetRow } from './reader.js';
import { suggestMapping } from './suggest.js';
import type { Upload } from './store.js';

export const SAMPLE_ROWS = 5;

export type UploadProblem = 'no_file' | 'too_large' | 'unsupported_format' | 'unreadable' | 'no_header';

export class UploadError extends Error {
  constructor(
    readonly problem: UploadProblem,
    /** What went wrong underneath, for the log (the user sees only `problem`). */
    cause?: unknown,
  ) {
    super(problem, cause === undefined ? undefined : { cause });
  }
}

function formatOf(fileName: string): FileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return null;
}

/**
 * Stream the multipart field `file` to `dir`, counting bytes as they arrive: a file over
 * `maxBytes` is refused (and removed) without ever being held in memory.
 */
export async function receiveFile(request: Request, dir: string, maxBytes: number): Promise<{ path: string; fileName: string; format: FileFormat; size: number }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data') || !request.body) throw new UploadError('no_file');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const busboy = Busboy({ headers: { 'content-type': contentType }, limits: { files: 1, fileSize: maxBytes } });
  let received: Promise<{ fileName: string; format: FileFormat }> | null = null;
  let tooLarge = false;
  busboy.on('file', (name, file, info) => {
    if (name !== 'file' || received) {
      file.resume();
      return;
    }
    const fileName = info.filename ?? '';
    const format = formatOf(fileName);
    if (!format) {
      file.resume();
      received = Promise.reject(new UploadError('unsupported_format'));
      received.catch(() => undefined);
      return;
    }
    file.on('limit', () => {
      tooLarge = true;
    });
    received = pipeline(file, createWriteStream(path)).then(() => ({ fileName, format }));
    received.catch(() => undefined);
  });
  try {
    await pipeline(Readable.fromWeb(request.body as unknown as WebReadableStream), busboy);
    if (!received) throw new UploadError('no_file');
    const { fileName, format } = await (received as Promise<{ fileName: string; format: FileFormat }>);
    if (tooLarge) throw new UploadError('too_large');
    return { path, fileName, format, size: (await stat(path)).size };
  } catch (error) {
    await rm(path, { force: true });
    throw error instanceof UploadError ? error : new UploadError('unreadable', error);
  }
}

/**
 * Read a received file once, streaming: the sheets, the header row, a few sample rows, the
 * number of data rows, and the suggested mapping.
 */
export async function inspectFile(
  file: { path: string; format: FileFormat },
): Promise<Pick<Upload, 'sheets' | 'sheet' | 'headers' | 'sampleRows' | 'suggestedMapping' | 'rowCount' | 'encoding'>> {
  let headers: string[] | null = null;
  const sampleRows: string[][] = [];
  let rowCount = 0;
  const take = async (rows: AsyncIterable<SheetRow>) => {
    for await (const { cells } of rows) {
      if (headers === null) {
        headers = cells;
        continue;
      }
      rowCount++;
      if (sampleRows.length < SAMPLE_ROWS) sampleRows.push(cells);
    }
  };
  const sheets: string[] = [];
  let encoding: CsvEncoding | null = null;
  if (file.format === 'xlsx') {
    // One pass: the first sheet is inspected, the others only named (the stream reads through them).
    for await (const ws of xlsxSheets(file.path)) {
      sheets.push(ws.name);
      if (sheets.length === 1) await take(numbered(sheetCells(ws.rows)));
      else for await (const _row of ws.rows) void _row;
    }
  } else {
    encoding = await detectEncoding(file.path);
    await take(readRows(file.path, { format: 'csv', encoding }));
  }
  if (headers === null) throw new UploadError('no_header');
  const found: string[] = headers;
  return { sheets, sheet: sheets[0] ?? null, encoding, headers: found, sampleRows, rowCount, suggestedMapping: suggestMapping(found, sampleRows) };
}
