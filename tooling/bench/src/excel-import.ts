/**
 * `pnpm bench --excel`: the Excel import against its own floor. The floor is exceljs's streaming
 * reader alone on the same file in the same run (parse-only); the import is the plugin's job end
 * to end — the same parse, every row through the ingest pipeline's batch path, committed in
 * batches with per-row outcomes and progress. Peak RSS is sampled every 20 ms for each.
 * `BENCH_EXCEL_1M=1` adds a 1M-row file on PostgreSQL with RSS through the run (flat memory).
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createUserAccount } from '@sarnakh/api';
import { startPlatform } from '@sarnakh/platform';
import { excelImportPlugin, importStore, inspectFile, readRows, runImport } from '@sarnakh/plugin-excel-import';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { ensurePostgresDatabase, openEmbeddedTarget, openPostgresTarget, type Target } from './targets.js';

const HEADERS = [
  'نام', 'نام خانوادگی', 'موبایل', 'تلفن', 'ایمیل', 'شرکت', 'سمت', 'وب‌سایت', 'کد ملی', 'شهر',
  'استان', 'کشور', 'نشانی', 'کد پستی', 'توضیحات', 'صنعت', 'تعداد کارکنان', 'درآمد سالانه', 'تلگرام', 'یادداشت داخلی',
];
const FIRST = ['سارا', 'رضا', 'مینا', 'علی', 'Sara', 'محمد', 'فاطمه', 'حسین', 'زهرا', 'امیر'];
const LAST = ['محمدی', 'کریمی', 'احمدی', 'Karimi', 'رضایی', 'حسینی', 'موسوی', 'جعفری'];
const CITIES = ['تهران', 'اصفهان', 'شیراز', 'مشهد', 'تبریز', 'Dubai'];

/** A deterministic 100k × 20 (or any size) workbook, written by exceljs's streaming writer. */
export async function writeWorkbook(path: string, rows: number): Promise<void> {
  const partial = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Leads');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const n = String(i).padStart(7, '0');
    sheet
      .addRow([
        FIRST[i % FIRST.length], LAST[(i * 7) % LAST.length], `0912${n}`, i % 3 === 0 ? `021${String(i).padStart(8, '0')}` : null,
        `lead${i}@example.com`, `شرکت ${i % 5000}`, 'مدیر فروش', i % 4 === 0 ? `www.co${i % 5000}.ir` : null, null, CITIES[i % CITIES.length],
        'تهران', 'Iran', `خیابان ${i % 300}، پلاک ${i % 90}`, null, i % 10 === 0 ? 'از نمایشگاه' : null, null, (i % 500) + 1, (i % 97) * 1_000_000, `@lead${i}`, null,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  renameSync(partial, path);
}

/** The highest RSS seen while `work` runs, sampled every 20 ms, with samples at each tenth of `progress`. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number; samples: number[] }> {
  let peak = process.memoryUsage().rss;
  const samples: number[] = [];
  const timer = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    samples.push(rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 2 ** 20), samples };
  } finally {
    clearInterval(timer);
  }
}

async function parseOnly(path: string): Promise<number> {
  let rows = 0;
  for await (const _row of readRows(path, { format: 'xlsx' })) rows++;
  return rows - 1;
}

const copyText = (cell: string) => cell.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

/**
 * The raw write floor: the file's cells (read again, untimed) COPYed into a table of 20 text
 * columns without indexes, 10,000 rows per COPY; only the COPY statements are timed.
 */
async function copyFloor(target: Target, path: string): Promise<{ seconds: number; rows: number }> {
  const table = `bench_excel_copy_${process.pid}`;
  const columns = Array.from({ length: 20 }, (_, i) => `c${i + 1}`);
  await target.query(`drop table if exists "${table}"`);
  await target.query(`create table "${table}" (${columns.map((c) => `${c} text`).join(', ')})`);
  let seconds = 0;
  let rows = 0;
  let lines: string[] = [];
  const flush = async () => {
    if (lines.length === 0) return;
    const text = `${lines.join('\n')}\n`;
    lines = [];
    const started = performance.now();
    await target.copy(table, columns, text);
    seconds += (performance.now() - started) / 1000;
  };
  try {
    let header = true;
    for await (const { cells } of readRows(path, { format: 'xlsx' })) {
      if (header) {
        header = false;
        continue;
      }
      lines.push(columns.map((_, i) => (cells[i] ? copyText(cells[i]!) : '\\N')).join('\t'));
      rows++;
      if (lines.length >= 10_000) await flush();
    }
    await flush();
    return { seconds, rows };
  } finally {
    await target.query(`drop table if exists "${table}"`).catch(() => undefined);
  }
}

/** Import `path` on `target` through the plugin as the server runs it (a queued job's handler, no HTTP). */
async function importOn(target: Target, path: string) {
  const platform = await startPlatform({
    database: target.database,
    plugins: [excelImportPlugin],
    logger: pino({ level: 'silent' }),
    auth: { secret: 'sarnakh-bench-secret-long-enough-for-better-auth', baseURL: 'http://localhost', trustedOrigins: [] },
    adminDist: '/nonexistent/sarnakh-admin-dist',
    jobs: { poll: false },
    pluginStateRefreshSeconds: 3600,
  });
  try {
    const created = await createUserAccount(platform.services, { email: `bench-${randomUUID()}@example.com`, name: 'Bench', password: 'bench-password-123', role: 'admin' });
    if (!created.ok) throw new Error('could not create the bench admin');
    const services = platform.services.plugins.servicesFor('excel-import');
    const store = importStore(services.database);
    const inspected = await measured(() => inspectFile({ path, format: 'xlsx' }));
    const upload = { id: randomUUID(), userId: created.value.id, fileName: 'bench.xlsx', format: 'xlsx' as const, path, size: 0, ...inspected.value };
    await store.insertUpload(upload);
    const jobId = randomUUID();
    await store.insertJob({
      id: jobId,
      uploadId: upload.id,
      userId: created.value.id,
      actorRole: 'admin',
      mapping: upload.suggestedMapping,
      duplicatePolicy: 'skip',
      defaults: {},
      total: upload.rowCount,
    });
    const run = await measured(() => runImport(services, store, jobId, { batchSize: 1000 }));
    return { inspect: inspected, run, job: run.value };
  } finally {
    await platform.stop();
  }
}

export interface ExcelBenchOptions {
  cacheDir: string;
  rows: number;
  databases: readonly ('embedded' | 'postgres')[];
  postgresUrl: string;
  million: boolean;
  log: (line: string) => void;
}

const pct = (samples: readonly number[], at: number) => Math.round((samples[Math.min(samples.length - 1, Math.floor(samples.length * at))] ?? 0) / 2 ** 20);

export async function runExcelBench(options: ExcelBenchOptions): Promise<string> {
  mkdirSync(options.cacheDir, { recursive: true });
  const lines = [
    '| database | rows | parse only (exceljs stream) | import end to end | × parse | rows/s | raw COPY of the same cells | peak RSS parse / import | created |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const sizes = options.million ? [options.rows, 1_000_000] : [options.rows];
  for (const rows of sizes) {
    const path = `${options.cacheDir}/leads-${rows}x20.xlsx`;
    if (!existsSync(path)) {
      options.log(`writing ${path}`);
      await writeWorkbook(path, rows);
    }
    for (const kind of rows === options.rows ? options.databases : (['postgres'] as const)) {
      if (kind === 'postgres') {
        const reachable = await ensurePostgresDatabase(options.postgresUrl);
        if (!reachable.ok) {
          lines.push(`| postgres | ${rows.toLocaleString('en')} | not run: ${reachable.reason} | | | | | | |`);
          continue;
        }
      }
      const parse = await measured(() => parseOnly(path));
      const schema = `bench_excel_${process.pid}`;
      const target = kind === 'embedded' ? await openEmbeddedTarget() : await openPostgresTarget(options.postgresUrl, { schema });
      try {
        options.log(`importing ${rows} rows on ${kind}`);
        const result = await importOn(target, path);
        const { run, job } = result;
        const copy = await copyFloor(target, path);
        lines.push(
          `| ${kind} | ${rows.toLocaleString('en')} | ${parse.seconds.toFixed(1)} s | ${run.seconds.toFixed(1)} s (upload inspection ${result.inspect.seconds.toFixed(1)} s) | ${(run.seconds / parse.seconds).toFixed(2)}× | ${Math.round(rows / run.seconds).toLocaleString('en')} | ${copy.seconds.toFixed(2)} s, ${Math.round(copy.rows / copy.seconds).toLocaleString('en')} rows/s | ${parse.peakRssMb} / ${run.peakRssMb} MB | ${job?.created.toLocaleString('en')} (${job?.status}) |`,
        );
        options.log(lines.at(-1)!);
        if (rows >= 1_000_000) {
          lines.push(`| | RSS through the 1M run at 10/25/50/75/90 %: ${[0.1, 0.25, 0.5, 0.75, 0.9].map((at) => `${pct(run.samples, at)}`).join(' / ')} MB | | | | | | | |`);
        }
      } finally {
        if (kind === 'postgres') {
          // The job runner keeps its tables in a schema of its own beside the platform's.
          for (const name of [schema, `${schema}_jobs`]) await target.query(`drop schema if exists "${name}" cascade`).catch(() => undefined);
        }
        await target.close();
      }
    }
  }
  return lines.join('\n');
}
