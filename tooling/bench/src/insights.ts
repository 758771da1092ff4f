import { migrate } from '@sarnakh/db';
import { pluginMigrationTable } from '@sarnakh/platform';
import { conversion, funnel, insightsPlugin, newLeads, owners, qualified, rebuild, speedToLead, syncLeads, userNames, type ResolvedFilter } from '@sarnakh/plugin-insights';
import { DATASET_NOW } from './dataset.js';
import type { Row, ScenarioContext } from './scenarios.js';
import { latency } from './stats.js';

/**
 * Each insights widget's server-side query at the dataset's size, read from the rollups after a
 * full rebuild, against the raw scan a dashboard without rollups would need (count by stage over
 * every lead). The widgets are timed as their procedures run them, without HTTP, as the goal is
 * stated (under 100 ms on the server).
 */
export async function insightsScenarios(ctx: ScenarioContext): Promise<Row[]> {
  const { target, settings, log } = ctx;
  const { database } = target;
  await migrate(database, [{ table: pluginMigrationTable(insightsPlugin.id), provider: { getMigrations: async () => ({ ...insightsPlugin.migrations }) } }]);

  const started = performance.now();
  const { leads } = await rebuild(database, { timeZone: 'Asia/Tehran', segmentField: null });
  const rebuildSeconds = (performance.now() - started) / 1000;
  log(`insights rebuild of ${leads.toLocaleString('en')} leads: ${rebuildSeconds.toFixed(1)} s`);

  // The whole dataset (its 90 days and the days of this run), every owner: a manager's widest view.
  const to = DATASET_NOW.toISOString().slice(0, 10);
  const filter: ResolvedFilter = { from: '2025-02-20', to, owners: null, sources: null, channels: null, stages: null };
  const db = database.raw;
  const scan = await latency(() => target.query('select stage, count(*)::int as n from leads group by stage'), settings.iterations, settings.warmup);
  const counterpart = `count by stage over ${leads.toLocaleString('en')} leads (raw scan)`;
  const widgets: [string, () => Promise<unknown>][] = [
    ['newLeads', () => newLeads(db, filter, 'week', 'jalali', 'fa')],
    ['funnel', () => funnel(db, filter, 'fa')],
    ['conversion', () => conversion(db, filter, 'fa')],
    ['qualified', () => qualified(db, filter, 'fa', null)],
    ['speedToLead', async () => speedToLead(db, filter, 'fa', await userNames(db))],
    ['owners', async () => owners(db, filter, await userNames(db))],
  ];
  const rows: Row[] = [];
  for (const [name, run] of widgets) {
    const measured = await latency(run, settings.iterations, settings.warmup);
    log(`insights.${name}: ${measured.value.toFixed(2)} ms (raw scan ${scan.value.toFixed(2)} ms)`);
    rows.push({ key: `insights.${name}`, figure: `insights.${name} from rollups (all owners, ${filter.from}…${to})`, counterpart, measured, limit: scan });
  }

  // What each lead event costs: one lead's contribution taken back and added again.
  const [one] = await target.query<{ id: string }>('select id::text as id from leads order by created_at desc, id desc limit 1');
  const sync = await latency(() => syncLeads(database, [one!.id]), settings.iterations, settings.warmup);
  log(`insights sync of one lead: ${sync.value.toFixed(2)} ms`);
  rows.push({
    key: 'insights.sync',
    figure: 'insights: one lead event brought into the rollups',
    counterpart: '—',
    measured: sync,
    limit: null,
    note: `${sync.value.toFixed(1)} ms per lead event; a full rebuild of ${leads.toLocaleString('en')} leads took ${rebuildSeconds.toFixed(1)} s`,
  });
  return rows;
}
