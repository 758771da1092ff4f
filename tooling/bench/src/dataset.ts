import { defaultPicklists, leadSearchDocument, prepareLead, type LeadWritable } from '@sarnakh/core';
import { coreMigrationSet, migrate } from '@sarnakh/db';
import { demoAgents, demoLeads, Random, type DemoLead } from '@sarnakh/demo-data';
import type { Target } from './targets.js';

/** Bump when the rows the loader writes change: cached datasets are then loaded again. */
export const LOADER_VERSION = 1;

/**
 * The loaded leads' "now": they were created in the 90 days before it. Everything a benchmark run
 * writes (captured leads, raw inserts) is newer, which is how it is cleaned up afterwards.
 */
export const DATASET_NOW = new Date('2025-06-01T06:00:00Z');

export interface DatasetSpec {
  count: number;
  seed: number;
  agents: number;
}

const currentMigrations = async () => Object.keys(await coreMigrationSet.provider.getMigrations()).sort();

/** What a cached dataset must match to be reused. */
async function fingerprint(spec: DatasetSpec, migrations?: readonly string[]): Promise<string> {
  return JSON.stringify({ loader: LOADER_VERSION, ...spec, now: DATASET_NOW.toISOString(), migrations: migrations ?? (await currentMigrations()) });
}

/**
 * - `ready`: this dataset is loaded;
 * - `upgradable`: this dataset, loaded under fewer migrations: the newer ones can run on it;
 * - `stale`: a bench dataset, but another one (or a load that did not finish);
 * - `empty`: no tables at all: safe to load into;
 * - `foreign`: tables the bench did not make: never touched.
 */
export type DatasetState = 'ready' | 'upgradable' | 'stale' | 'empty' | 'foreign';

export async function datasetState(target: Target, spec: DatasetSpec): Promise<DatasetState> {
  const [marker] = await target.query<{ exists: boolean }>(`select to_regclass('bench_dataset') is not null as exists`);
  if (marker?.exists) {
    const rows = await target.query<{ spec: string; complete: boolean }>('select spec, complete from bench_dataset');
    if (rows.length !== 1 || !rows[0]!.complete) return 'stale';
    if (rows[0]!.spec === (await fingerprint(spec))) return 'ready';
    // The same data under an earlier list of migrations: the app's own migrations bring it up to date.
    const stored = JSON.parse(rows[0]!.spec) as { migrations?: string[] };
    const current = await currentMigrations();
    const earlier = stored.migrations ?? [];
    const prefix = earlier.length < current.length && earlier.every((name, i) => current[i] === name);
    return prefix && rows[0]!.spec === (await fingerprint(spec, earlier)) ? 'upgradable' : 'stale';
  }
  const [tables] = await target.query<{ n: number }>(
    `select count(*)::int as n from pg_tables where schemaname = current_schema()`,
  );
  return tables?.n === 0 ? 'empty' : 'foreign';
}

/** Run the migrations a cached dataset has not seen, and mark it as loaded under all of them. */
export async function upgradeDataset(target: Target, spec: DatasetSpec): Promise<string[]> {
  const applied = await migrate(target.database);
  await target.query('update bench_dataset set spec = $1', [await fingerprint(spec)]);
  return applied;
}

const ctx = { picklists: defaultPicklists, customFieldKeys: new Set<string>() };
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!);
}

/** A v4-shaped UUID from the seeded stream, so every machine loads the same ids. */
function uuid(rng: Random): string {
  const hex = Array.from({ length: 4 }, () => rng.uint32().toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A table's rows as COPY text, with the column list taken from the first row's keys. */
class CopyBatch {
  columns: string[] | null = null;
  lines: string[] = [];
  add(row: Record<string, unknown>): void {
    this.columns ??= Object.keys(row).map(snake);
    this.lines.push(Object.values(row).map(copyValue).join('\t'));
  }
  text(): string {
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
  }
}

/**
 * The row the application would have written for this demo lead (see insertRow in
 * packages/db/src/repositories/leads.ts): normalized through core's `prepareLead` (phones in
 * E.164, digits, picklists), its search document, no score yet, version 1.
 */
export function leadRow(demo: DemoLead, id: string, agentIds: readonly string[]): { lead: LeadWritable; row: Record<string, unknown> } | null {
  const { ownerIndex, script: _script, createdAt, ...input } = demo;
  const prepared = prepareLead({ ...input, ownerId: ownerIndex === null ? null : (agentIds[ownerIndex] ?? null) }, ctx);
  if (!prepared.ok) return null;
  const lead = prepared.value;
  const updatedAt = lead.lastContactAt && lead.lastContactAt > createdAt ? lead.lastContactAt : createdAt;
  return {
    lead,
    row: {
      id,
      ...lead,
      score: 0,
      qualification: 'cold',
      searchText: leadSearchDocument(lead),
      version: 1,
      createdAt,
      updatedAt,
    },
  };
}

/** Indexes not behind a constraint: dropped for the load and built again after it (much faster). */
async function secondaryIndexes(target: Target): Promise<{ name: string; definition: string }[]> {
  return target.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = current_schema() and i.tablename in ('leads', 'lead_activities')
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
      order by i.indexname`,
  );
}

export interface LoadReport {
  leads: number;
  rejected: number;
  activities: number;
  seconds: number;
}

const BATCH = 25_000;

/**
 * Migrate and fill an empty database: the agents, `spec.count` leads and their `created` and
 * `assigned` activities, all by COPY with secondary indexes built afterwards, then VACUUM ANALYZE.
 */
export async function loadDataset(target: Target, spec: DatasetSpec, log: (line: string) => void): Promise<LoadReport> {
  const started = performance.now();
  await migrate(target.database);
  const print = await fingerprint(spec);
  await target.query('create table bench_dataset (spec text not null, complete boolean not null, loaded_at timestamptz, load_seconds double precision)');
  await target.query('insert into bench_dataset (spec, complete) values ($1, false)', [print]);

  const indexes = await secondaryIndexes(target);
  for (const index of indexes) await target.query(`drop index "${index.name}"`);

  const ids = new Random((spec.seed ^ 0x1d5) >>> 0);
  const agents = demoAgents(spec.agents, spec.seed).map((agent) => ({
    id: uuid(ids),
    name: agent.name,
    email: agent.email,
    emailVerified: false,
    role: agent.role,
    active: true,
    createdAt: new Date(DATASET_NOW.getTime() - 120 * 86_400_000),
    updatedAt: new Date(DATASET_NOW.getTime() - 120 * 86_400_000),
  }));
  const agentIds = agents.map((a) => a.id);

  let leads = 0;
  let rejected = 0;
  let activities = 0;
  await target.withoutTriggers(async () => {
    const users = new CopyBatch();
    for (const agent of agents) users.add(agent);
    if (users.columns) await target.copy('users', users.columns, users.text());

    // COPY of one batch runs while the next is generated (the generator yields now and then).
    let pending: Promise<void> = Promise.resolve();
    let leadBatch = new CopyBatch();
    let activityBatch = new CopyBatch();
    const flush = async () => {
      const [l, a] = [leadBatch, activityBatch];
      leadBatch = new CopyBatch();
      activityBatch = new CopyBatch();
      await pending;
      pending = (async () => {
        if (l.columns) await target.copy('leads', l.columns, l.text());
        if (a.columns) await target.copy('lead_activities', a.columns, a.text());
      })();
      // Surface a failed COPY at the next flush, not as an unhandled rejection.
      pending.catch(() => undefined);
    };

    let i = 0;
    for (const demo of demoLeads({ count: spec.count, seed: spec.seed, agentCount: spec.agents, now: DATASET_NOW })) {
      const id = uuid(ids);
      const made = leadRow(demo, id, agentIds);
      if (!made) {
        rejected++;
        continue;
      }
      leadBatch.add(made.row);
      const at = made.row.createdAt as Date;
      activityBatch.add({
        id: uuid(ids),
        leadId: id,
        type: 'created',
        actorId: null,
        data: { source: made.lead.source, channel: made.lead.channel, origin: { channel: 'import', detail: { job: 'bench' } } },
        createdAt: at,
      });
      activities++;
      if (made.lead.ownerId !== null) {
        activityBatch.add({ id: uuid(ids), leadId: id, type: 'assigned', actorId: null, data: { from: null, to: made.lead.ownerId }, createdAt: at });
        activities++;
      }
      leads++;
      if (++i % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (leadBatch.lines.length >= BATCH) {
        await flush();
        if (leads % 100_000 < BATCH) log(`${leads.toLocaleString('en')} leads copied`);
      }
    }
    await flush();
    await pending;
  });

  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  log(`${leads.toLocaleString('en')} leads and ${activities.toLocaleString('en')} activities copied (${elapsed()}); building ${indexes.length} indexes`);
  for (const index of indexes) await target.query(index.definition);
  log(`indexes built (${elapsed()}); vacuum analyze`);
  await target.query('vacuum analyze users, leads, lead_activities');
  // Write the load out now, not in a checkpoint in the middle of the first measurements.
  await target.query('checkpoint').catch(() => log('no CHECKPOINT privilege: the first figures may be noisier'));
  const seconds = (performance.now() - started) / 1000;
  await target.query('update bench_dataset set complete = true, loaded_at = now(), load_seconds = $1', [seconds]);
  return { leads, rejected, activities, seconds };
}

/** Remove what a run wrote (captured and inserted leads, their activities, rate-limit rows). */
export async function cleanUpRun(target: Target): Promise<void> {
  const after = DATASET_NOW.toISOString();
  await target.query('delete from lead_activities where created_at > $1', [after]);
  await target.query('delete from leads where created_at > $1', [after]);
  await target.query(`delete from rate_limit_buckets where bucket like 'capture:%'`);
  await target.query(`delete from api_keys where name = 'bench'`);
}

/** The id of the agent the owner filter uses: the second one (the first is a manager). */
export async function benchOwnerId(target: Target, spec: DatasetSpec): Promise<string> {
  const agent = demoAgents(spec.agents, spec.seed)[1]!;
  const [row] = await target.query<{ id: string }>('select id from users where email = $1', [agent.email]);
  if (!row) throw new Error(`agent ${agent.email} is not in the dataset`);
  return row.id;
}
