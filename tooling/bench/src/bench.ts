import { randomUUID } from 'node:crypto';
import { cleanUpRun, datasetState, loadDataset, upgradeDataset, type DatasetSpec } from './dataset.js';
import { LoadClient, signInAdmin, startApp, startBaseline } from './http.js';
import { machineInfo, serverVersion } from './machine.js';
import type { BenchResults, TargetResult } from './report.js';
import { runScenarios, type Settings } from './scenarios.js';
import {
  ensurePostgresDatabase,
  openEmbeddedTarget,
  openPostgresTarget,
  recreatePostgresDatabase,
  redact,
  removeDataDir,
  type Target,
} from './targets.js';

/** Where to measure. An embedded database without `dataDir`, or Postgres with `scratch`, is loaded fresh and thrown away. */
export type TargetPlan = { kind: 'embedded'; dataDir?: string } | { kind: 'postgres'; url: string; scratch?: boolean };

export interface BenchOptions {
  smoke: boolean;
  spec: DatasetSpec;
  settings: Settings;
  targets: TargetPlan[];
  log: (line: string) => void;
}

interface Opened {
  target: Target;
  loadSeconds: number | null;
  /** Drop what a scratch run made (before the target is closed). */
  dispose: () => Promise<void>;
}

async function load(target: Target, spec: DatasetSpec, log: (line: string) => void): Promise<number> {
  log(`loading ${spec.count.toLocaleString('en')} leads by COPY`);
  const report = await loadDataset(target, spec, log);
  if (report.rejected > 0) log(`${report.rejected} generated leads failed validation and were skipped`);
  log(`loaded in ${report.seconds.toFixed(1)} s`);
  return report.seconds;
}

const nothing = async () => {};

/** Open a database with the dataset in it: the cached one when it matches, else loaded now. */
async function open(plan: TargetPlan, spec: DatasetSpec, log: (line: string) => void): Promise<Opened | { skipped: string }> {
  if (plan.kind === 'embedded') {
    if (!plan.dataDir) {
      const target = await openEmbeddedTarget();
      return { target, loadSeconds: await load(target, spec, log), dispose: nothing };
    }
    let target = await openEmbeddedTarget(plan.dataDir);
    const state = await datasetState(target, spec);
    if (state === 'ready') return { target, loadSeconds: null, dispose: nothing };
    if (state === 'upgradable') {
      log(`cache in ${plan.dataDir}: applied ${(await upgradeDataset(target, spec)).join(', ') || 'no'} migrations`);
      return { target, loadSeconds: null, dispose: nothing };
    }
    log(`cache in ${plan.dataDir} is ${state}: starting over`);
    await target.close();
    removeDataDir(plan.dataDir);
    target = await openEmbeddedTarget(plan.dataDir);
    return { target, loadSeconds: await load(target, spec, log), dispose: nothing };
  }

  const reachable = await ensurePostgresDatabase(plan.url);
  if (!reachable.ok) return { skipped: `not reachable: ${reachable.reason}` };
  if (plan.scratch) {
    const schema = `bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const target = await openPostgresTarget(plan.url, { schema });
    const dispose = async () => {
      await target.query(`drop schema if exists "${schema}" cascade`);
      await target.query(`drop schema if exists "${schema}_jobs" cascade`);
    };
    try {
      return { target, loadSeconds: await load(target, spec, log), dispose };
    } catch (error) {
      await dispose().catch(() => undefined);
      await target.close();
      throw error;
    }
  }
  let target = await openPostgresTarget(plan.url);
  const state = await datasetState(target, spec);
  if (state === 'ready') return { target, loadSeconds: null, dispose: nothing };
  if (state === 'upgradable') {
    log(`dataset in ${redact(plan.url)}: applied ${(await upgradeDataset(target, spec)).join(', ') || 'no'} migrations`);
    return { target, loadSeconds: null, dispose: nothing };
  }
  if (state === 'foreign') {
    await target.close();
    return { skipped: 'the database holds tables that are not a bench dataset; point BENCH_DATABASE_URL at an empty database' };
  }
  if (state === 'stale') {
    log('the database holds another bench dataset: dropping and creating it again');
    await target.close();
    await recreatePostgresDatabase(plan.url);
    target = await openPostgresTarget(plan.url);
  }
  return { target, loadSeconds: await load(target, spec, log), dispose: nothing };
}

async function measure(plan: TargetPlan, options: BenchOptions): Promise<TargetResult> {
  const log = (line: string) => options.log(`[${plan.kind}] ${line}`);
  const where =
    plan.kind === 'embedded' ? (plan.dataDir ? `data folder ${plan.dataDir}` : 'in memory') : `${redact(plan.url)}${plan.scratch ? ' (scratch schema)' : ''}`;
  const opened = await open(plan, options.spec, log);
  if ('skipped' in opened) {
    log(`skipped: ${opened.skipped}`);
    return { kind: plan.kind, where, skipped: opened.skipped };
  }
  const { target } = opened;
  try {
    const server = await serverVersion(target);
    const app = await startApp(target);
    const baseline = await startBaseline();
    const client = new LoadClient();
    try {
      const { cookie, userId } = await signInAdmin(app);
      const rows = await runScenarios({
        target,
        app,
        baselineUrl: baseline.url,
        client,
        cookie,
        adminId: userId,
        spec: options.spec,
        settings: options.settings,
        log,
      });
      return { kind: plan.kind, where, server, loadSeconds: opened.loadSeconds, rows };
    } finally {
      await client.close();
      await baseline.close();
      await app.close();
      await cleanUpRun(target);
    }
  } finally {
    await opened.dispose();
    await target.close();
  }
}

/** Measure each database in turn (one at a time: they share the machine's cores). */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const targets: TargetResult[] = [];
  for (const plan of options.targets) targets.push(await measure(plan, options));
  return {
    generatedAt: new Date().toISOString(),
    smoke: options.smoke,
    dataset: options.spec,
    settings: options.settings,
    machine: machineInfo(),
    targets,
  };
}
