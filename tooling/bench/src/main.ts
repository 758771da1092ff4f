/**
 * `pnpm bench [--smoke] [--db=embedded|postgres|both] [--leads=N]`
 *
 * Measures Sarnakh on the embedded database (always) and on PostgreSQL (BENCH_DATABASE_URL, else
 * DATABASE_URL, else postgres://postgres@127.0.0.1:5432/sarnakh_bench when it answers), prints one
 * table and writes bench-results.json at the repository root. See BENCHMARKS.md.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBench, type TargetPlan } from './bench.js';
import { renderHeader, renderTable, toJson } from './report.js';
import { fullSettings, smokeSettings } from './scenarios.js';

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/sarnakh_bench';
const CACHE_DIR = fileURLToPath(new URL('../.cache/pglite', import.meta.url));

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const smoke = args.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const databases = flag('db') ?? 'both';
if (!['embedded', 'postgres', 'both'].includes(databases)) throw new Error(`--db must be embedded, postgres or both, not ${databases}`);
const count = Number(flag('leads') ?? (smoke ? 1_000 : 1_000_000));
if (!Number.isInteger(count) || count < 100) throw new Error('--leads must be an integer of at least 100');

if (args.includes('--excel')) {
  // The Excel import against exceljs's parse-only floor (`BENCH_EXCEL_1M=1` adds a 1M-row file).
  const { runExcelBench } = await import('./excel-import.js');
  const table = await runExcelBench({
    cacheDir: fileURLToPath(new URL('../.cache/excel', import.meta.url)),
    rows: Number(flag('rows') ?? (smoke ? 2_000 : 100_000)),
    databases: databases === 'both' ? ['embedded', 'postgres'] : [databases as 'embedded' | 'postgres'],
    postgresUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_POSTGRES_URL,
    million: process.env.BENCH_EXCEL_1M === '1',
    log: (line) => console.error(line),
  });
  console.log(table);
  process.exit(0);
}

if (args.includes('--web')) {
  // The web app's list page: initial JavaScript gzipped against its 300 KB budget.
  const { measureWebApp, renderWebApp } = await import('./web-app.js');
  console.log(renderWebApp(measureWebApp((line) => console.error(line))));
  process.exit(0);
}

if (args.includes('--sms')) {
  // Inbound SMS pushes accepted per second against a bare Hono route.
  const { runSmsBench } = await import('./sms-capture.js');
  console.log(
    await runSmsBench({
      pushes: Number(flag('pushes') ?? (smoke ? 1_000 : 20_000)),
      concurrency: Number(flag('concurrency') ?? 32),
      databases: databases === 'both' ? ['embedded', 'postgres'] : [databases as 'embedded' | 'postgres'],
      postgresUrl: process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_POSTGRES_URL,
      log: (line) => console.error(line),
    }),
  );
  process.exit(0);
}

// A smoke run never touches the cached datasets: in memory, and in a scratch schema on Postgres.
const targets: TargetPlan[] = [];
if (databases !== 'postgres') targets.push(smoke ? { kind: 'embedded' } : { kind: 'embedded', dataDir: CACHE_DIR });
if (databases !== 'embedded') {
  const url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_POSTGRES_URL;
  targets.push({ kind: 'postgres', url, scratch: smoke });
}

const started = performance.now();
const results = await runBench({
  smoke,
  spec: { count, seed: 1404, agents: smoke ? 8 : 50 },
  settings: smoke ? smokeSettings : fullSettings,
  targets,
  log: (line) => console.error(line),
});

const file = fileURLToPath(new URL(`../../../bench-results${smoke ? '.smoke' : ''}.json`, import.meta.url));
writeFileSync(file, toJson(results));
console.log(`${renderHeader(results)}\n\n${renderTable(results)}\n`);
{
  const { measureWebApp, renderWebApp } = await import('./web-app.js');
  console.log(`${renderWebApp(measureWebApp((line) => console.error(line)))}\n`);
}
console.error(`wrote ${file} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
