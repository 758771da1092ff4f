import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type FileFormat = 'xlsx' | 'csv';
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';

/** A data row: its 1-based row number in the file (the header is row 1) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface ReadOptions {
  format: FileFormat;
  /** The worksheet to read (xlsx); default the first. */
  sheet?: string | null;
  encoding?: CsvEncoding | null;
}

/** A cell as the text a person sees: numbers without exponent, dates as ISO, rich text joined. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; hyperlink?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if (v.result !== undefined) return cellText(v.result);
    if (v.hyperlink !== undefined) return v.hyperlink;
    if (v.error !== undefined) return '';
  }
  return String(value);
}

const isValidUtf8 = (bytes: Buffer): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * A CSV's encoding from its first bytes: a BOM says UTF-8 or UTF-16; UTF-16 without one shows as
 * NULs in every other byte; otherwise bytes that are not valid UTF-8 are Windows-1256, which is
 * what Excel on a Persian or Arabic Windows writes.
 */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
    if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
    const pairs = Math.min(200, Math.floor(head.length / 2));
    let oddNuls = 0;
    let evenNuls = 0;
    for (let i = 0; i < pairs; i++) {
      if (head[2 * i] === 0) evenNuls++;
      if (head[2 * i + 1] === 0) oddNuls++;
    }
    if (pairs > 0 && oddNuls > pairs / 3) return 'utf-16le';
    if (pairs > 0 && evenNuls > pairs / 3) return 'utf-16be';
    // A cut in the middle of a multi-byte character at the buffer's end is not a sign of 1256.
    const whole = bytesRead === buffer.length ? head.subarray(0, head.length - 4) : head;
    return isValidUtf8(whole) ? 'utf-8' : 'windows-1256';
  } finally {
    await handle.close();
  }
}

/** The delimiter of a CSV's first line: comma, semicolon (European Excel) or tab, whichever is most used. */
function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t', '\u060c'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

async function firstLine(path: string, encoding: CsvEncoding): Promise<string> {
  const bytes = createReadStream(path, { start: 0, end: 16 * 1024 });
  let text = '';
  for await (const chunk of bytes.pipe(iconv.decodeStream(encoding))) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  bytes.destroy();
  return text.split(/\r?\n/)[0] ?? '';
}

async function* csvRows(path: string, encoding: CsvEncoding): AsyncGenerator<string[]> {
  const delimiter = detectDelimiter(await firstLine(path, encoding));
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }));
  for await (const record of parser) yield record as string[];
}

/** The worksheets of an .xlsx, in order: names only, read without parsing any rows. */
export async function* xlsxSheets(path: string): AsyncGenerator<{ name: string; rows: AsyncIterable<ExcelJS.Row> }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    const ws = sheet as unknown as { name?: string; id?: number } & AsyncIterable<ExcelJS.Row>;
    yield { name: ws.name ?? `Sheet${ws.id ?? ''}`, rows: ws };
  }
}

/** One worksheet's rows as text cells, with blank rows kept as empty ones so numbers stay true. */
export async function* sheetCells(rows: AsyncIterable<ExcelJS.Row>): AsyncGenerator<string[]> {
  let expected = 1;
  for await (const row of rows) {
    // Empty rows are absent from the stream; keep row numbers true to what Excel shows.
    for (; expected < row.number; expected++) yield [];
    expected = row.number + 1;
    const values = row.values as unknown[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]).trim());
    yield cells;
  }
}

async function* xlsxRows(path: string, sheet: string | null | undefined): AsyncGenerator<string[]> {
  let index = 0;
  for await (const ws of xlsxSheets(path)) {
    const wanted = sheet ? ws.name === sheet : index === 0;
    index++;
    if (!wanted) {
      // The streaming reader must be drained to reach the next sheet.
      for await (const _row of ws.rows) void _row;
      continue;
    }
    yield* sheetCells(ws.rows);
    return;
  }
}

/** Number rows from 1 and drop the blank ones (their numbers stay taken). */
export async function* numbered(source: AsyncIterable<string[]>): AsyncGenerator<SheetRow> {
  let row = 0;
  for await (const cells of source) {
    row++;
    if (cells.every((c) => c.trim() === '')) continue;
    yield { row, cells: cells.map((c) => c.trim()) };
  }
}

/**
 * Stream a file's rows — the header as row 1, then the data — never holding the file in memory.
 * Rows with no text at all are skipped but keep their numbers.
 */
export function readRows(path: string, options: ReadOptions): AsyncGenerator<SheetRow> {
  return numbered(
    options.format === 'xlsx'
      ? xlsxRows(path, options.sheet)
      : (async function* () {
          yield* csvRows(path, options.encoding ?? (await detectEncoding(path)));
        })(),
  );
}
