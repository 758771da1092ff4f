import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A value that a spreadsheet program could take for a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return before one) gets a leading apostrophe, so opening an export never runs what a
 * lead's sender typed (CSV/formula injection).
 */
export function neutralize(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type CellValue = string | number | boolean | Date | null;

const safe = (value: CellValue): CellValue => (typeof value === 'string' ? neutralize(value) : value);

/**
 * Stream a one-sheet workbook: the header row, then `rows` as they come (never the whole sheet in
 * memory). Every text cell is neutralized. Returns the body to send while rows are still written.
 */
export function streamWorkbook(sheetName: string, header: readonly string[], rows: AsyncIterable<readonly CellValue[]>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  void (async () => {
    sheet.addRow(header.map((h) => neutralize(h))).commit();
    for await (const row of rows) sheet.addRow(row.map(safe)).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => {
    onError(error);
    out.destroy(error as Error);
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
