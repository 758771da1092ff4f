/**
 * `pnpm bench [--smoke] [--db=embedded|postgres|both] [--leads=N] [--core] [--web] [--sms] [--excel]`
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

/**
 * The sections of a run. `pnpm bench` runs them all, in this order; `--core`, `--web`, `--sms`,
 * `--excel` pick some. Each prints its own table; all land in bench-results.json.
 */
const sectionNames = ['core', 'web', 'sms', 'excel'] as const;
type Section = (typeof sectionNames)[number];
const picked = sectionNames.filter((name) => args.includes(`--${name}`));
const sections = new Set<Section>(picked.length > 0 ? picked : sectionNames);
const dbList = databases === 'both' ? (['embedded', 'postgres'] as const) : [databases as 'embedded' | 'postgres'];
const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_POSTGRES_URL;
/** The printed tables of the web, SMS and Excel sections, kept for the JSON file. */
const extra: Partial<Record<Exclude<Section, 'core'>, string>> = {};

// A smoke run never touches the cached datasets: in memory, and in a scratch schema on Postgres.
const targets: TargetPlan[] = [];
if (databases !== 'postgres') targets.push(smoke ? { kind: 'embedded' } : { kind: 'embedded', dataDir: CACHE_DIR });
if (databases !== 'embedded') targets.push({ kind: 'postgres', url: postgresUrl, scratch: smoke });

const started = performance.now();
const results = sections.has('core')
  ? await runBench({
      smoke,
      spec: { count, seed: 1404, agents: smoke ? 8 : 50 },
      settings: smoke ? smokeSettings : fullSettings,
      targets,
      log: (line) => console.error(line),
    })
  : null;
if (results) console.log(`${renderHeader(results)}\n\n${renderTable(results)}\n`);

if (sections.has('web')) {
  // The web app's list page: initial JavaScript gzipped against its 300 KB budget.
  const { measureWebApp, renderWebApp } = await import('./web-app.js');
  extra.web = renderWebApp(measureWebApp((line) => console.error(line)));
  console.log(`${extra.web}\n`);
}

if (sections.has('sms')) {
  // Inbound SMS pushes accepted per second against a bare Hono route.
  const { runSmsBench } = await import('./sms-capture.js');
  extra.sms = await runSmsBench({
    pushes: Number(flag('pushes') ?? (smoke ? 1_000 : 20_000)),
    concurrency: Number(flag('concurrency') ?? 32),
    databases: dbList,
    postgresUrl,
    log: (line) => console.error(line),
  });
  console.log(`${extra.sms}\n`);
}

if (sections.has('excel')) {
  // The Excel import against exceljs's parse-only time and a raw COPY (`BENCH_EXCEL_1M=1` adds a 1M-row file).
  const { runExcelBench } = await import('./excel-import.js');
  extra.excel = await runExcelBench({
    cacheDir: fileURLToPath(new URL('../.cache/excel', import.meta.url)),
    rows: Number(flag('rows') ?? (smoke ? 2_000 : 100_000)),
    databases: dbList,
    postgresUrl,
    million: process.env.BENCH_EXCEL_1M === '1',
    log: (line) => console.error(line),
  });
  console.log(`Excel import\n\n${extra.excel}\n`);
}

const file = fileURLToPath(new URL(`../../../bench-results${smoke ? '.smoke' : ''}.json`, import.meta.url));
writeFileSync(file, toJson(results, extra));
console.error(`wrote ${file} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
// The load client's worker and the embedded database would keep the process alive.
process.exit(0);
