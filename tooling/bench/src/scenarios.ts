import { leadListInputSchema, toAsciiDigits, toLeadListQuery, type LeadListInput, type LeadWritable } from '@sarnakh/core';
import { createApiKeyRepository, createLeadStore } from '@sarnakh/db';
import { demoLeads, type DemoLead } from '@sarnakh/demo-data';
import type { CompiledQuery, KyselyPlugin } from 'kysely';
import superjson from 'superjson';
import { benchOwnerId, DATASET_NOW, leadRow, type DatasetSpec } from './dataset.js';
import type { App, LoadClient, LoadJob, LoadResult } from './http.js';
import { insightsScenarios } from './insights.js';
import { concurrently, latency, median, rate, type Measure, type Round } from './stats.js';
import type { Target } from './targets.js';

export interface Settings {
  /** Timed runs per latency figure, after `warmup` untimed ones. */
  iterations: number;
  warmup: number;
  /** Timed runs of the OFFSET contrast (seconds each on the embedded database). */
  slowIterations: number;
  /** Connections (HTTP) or queries in flight (SQL) for the throughput figures. */
  concurrency: number;
  /** Rounds per throughput figure; the median round counts. */
  rounds: number;
  /** Requests per round for capture and raw INSERT (each round's leads are new people). */
  captureRequests: number;
  /** Requests per round against the bare Hono and tRPC no-op floors. */
  floorRequests: number;
}

export const fullSettings: Settings = {
  iterations: 15,
  warmup: 3,
  slowIterations: 5,
  concurrency: 50,
  rounds: 3,
  captureRequests: 1_000,
  floorRequests: 5_000,
};

export const smokeSettings: Settings = {
  iterations: 2,
  warmup: 1,
  slowIterations: 1,
  concurrency: 50,
  rounds: 1,
  captureRequests: 100,
  floorRequests: 200,
};

/** A figure and its raw-limit counterpart, measured in the same run. */
export interface Row {
  key: string;
  figure: string;
  counterpart: string;
  measured: Measure | null;
  limit: Measure | null;
  note?: string;
}

export interface ScenarioContext {
  target: Target;
  app: App;
  /** The bare Hono / tRPC no-op server (see startBaseline). */
  baselineUrl: string;
  client: LoadClient;
  cookie: string;
  adminId: string;
  spec: DatasetSpec;
  settings: Settings;
  log: (line: string) => void;
}

/**
 * The SQL `createLeadStore().list()` sends for an input, compiled exactly as Kysely hands it to
 * the driver (a plugin sees the final query tree), so the raw counterpart runs the very same text.
 */
function storeSql(target: Target): (input: LeadListInput) => Promise<CompiledQuery> {
  let captured: CompiledQuery | null = null;
  const executor = target.database.raw.getExecutor();
  const capture: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      captured = executor.compileQuery(node, queryId);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const store = createLeadStore(target.database.db.withPlugin(capture));
  return async (input) => {
    captured = null;
    await store.list({ kind: 'all' }, toLeadListQuery(leadListInputSchema.parse(input)));
    if (!captured) throw new Error('the lead store ran no query');
    return captured;
  };
}

/** An opaque keyset cursor, encoded as packages/db/src/repositories/cursor.ts does. */
const cursorFor = (field: string, direction: string, value: string, id: string) =>
  Buffer.from(JSON.stringify([field, direction, value, id])).toString('base64url');

/** A Persian-script lead from the dataset: its last name, full name and a piece of its mobile. */
function searchSamples(spec: DatasetSpec): { name: string; fullName: string; phone: string } {
  for (const lead of demoLeads({ count: Math.min(spec.count, 1_000), seed: spec.seed, agentCount: spec.agents, now: DATASET_NOW })) {
    if (lead.script !== 'fa' || !lead.firstName || !lead.lastName || !lead.mobile) continue;
    const digits = toAsciiDigits(lead.mobile).replace(/\D/g, '');
    return { name: lead.lastName, fullName: `${lead.firstName} ${lead.lastName}`, phone: digits.slice(-7) };
  }
  throw new Error('no Persian lead with a mobile among the first leads');
}

const trpcQueryPath = (procedure: string, input: unknown) => `/trpc/${procedure}?input=${encodeURIComponent(superjson.stringify(input))}`;

/** The median latency of one request, sent `iterations` times one after another (after a warm-up). */
async function httpLatency(client: LoadClient, job: Omit<LoadJob, 'count' | 'concurrency'>, settings: Settings): Promise<Measure> {
  await client.run({ ...job, count: settings.warmup, concurrency: 1 });
  const { latencies } = await client.run({ ...job, count: settings.iterations, concurrency: 1 });
  return { unit: 'ms', value: median(latencies), samples: latencies.length };
}

/** Rounds of concurrent HTTP load; `bodies(round)` gives each round its own request bodies. */
async function httpRounds(client: LoadClient, job: Omit<LoadJob, 'count' | 'bodies'>, count: number, settings: Settings, bodies?: (round: number) => string[]): Promise<LoadResult[]> {
  const rounds: LoadResult[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    rounds.push(await client.run({ ...job, count, ...(bodies ? { bodies: bodies(round) } : {}) }));
  }
  return rounds;
}

/** What a web form sends: identity, company and where the lead came from. */
function captureBody(lead: DemoLead): string {
  const { firstName, lastName, mobile, phone, email, company, jobTitle, website, city, province, country, description, source, channel } = lead;
  return JSON.stringify({ firstName, lastName, mobile, phone, email, company, jobTitle, website, city, province, country, description, source, channel });
}

export async function runScenarios(ctx: ScenarioContext): Promise<Row[]> {
  const { target, app, client, cookie, spec, settings, log } = ctx;
  const rows: Row[] = [];
  const listSql = storeSql(target);

  async function list(key: string, figure: string, input: LeadListInput): Promise<void> {
    const path = trpcQueryPath('leads.list', input);
    const request = { origin: app.url, method: 'GET' as const, path, headers: { cookie } };
    // Once, to fail on a wrong answer rather than time it (the client throws on a non-2xx).
    const { firstBody } = await client.run({ ...request, count: 1, concurrency: 1 });
    const body = JSON.parse(firstBody) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    if (superjson.deserialize<{ items: unknown[] }>(body.result.data).items.length === 0) throw new Error(`${figure}: no leads`);
    const measured = await httpLatency(client, request, settings);
    const compiled = await listSql(input);
    const limit = await latency(() => target.query(compiled.sql, compiled.parameters), settings.iterations, settings.warmup);
    rows.push({ key, figure, counterpart: 'the same SQL through the driver', measured, limit });
    log(`${figure}: ${measured.value.toFixed(2)} ms (SQL ${limit.value.toFixed(2)} ms)`);
  }

  // leads.list
  const depth = Math.max(1, Math.floor(spec.count / 2));
  const [deep] = await target.query<{ value: string; id: string }>(
    'select created_at::text as value, id::text as id from leads where archived_at is null order by created_at desc, id desc offset $1 limit 1',
    [depth - 1],
  );
  if (!deep) throw new Error('the dataset has fewer leads than the keyset depth');
  const ownerId = await benchOwnerId(target, spec);
  await list('list.first', 'leads.list first page (50, newest first)', { limit: 50 });
  await list('list.keyset', `leads.list page at row ${depth.toLocaleString('en')} (keyset)`, {
    limit: 50,
    cursor: cursorFor('createdAt', 'desc', deep.value, deep.id),
  });
  await list('list.stageOwner', 'leads.list stage + owner filter', { limit: 50, filter: { stage: 'contacted', ownerId } });
  await list('list.lastName', 'leads.list sorted by last name', { limit: 50, sort: { field: 'lastName', direction: 'asc' } });

  // The contrast: the same page by OFFSET, against the keyset query.
  const keysetSql = await listSql({ limit: 50, cursor: cursorFor('createdAt', 'desc', deep.value, deep.id) });
  const offsetSql = `select *, (created_at)::text as "sortKey" from leads where archived_at is null order by created_at desc, id desc limit 51 offset ${depth}`;
  rows.push({
    key: 'list.offset',
    figure: `page at row ${depth.toLocaleString('en')} by OFFSET (SQL)`,
    counterpart: 'the keyset page (SQL)',
    measured: await latency(() => target.query(offsetSql), settings.slowIterations, 1),
    limit: await latency(() => target.query(keysetSql.sql, keysetSql.parameters), settings.iterations, settings.warmup),
  });

  // search
  const samples = searchSamples(spec);
  await list('search.name', `search a Persian name (${samples.name})`, { limit: 50, filter: { search: samples.name } });
  await list('search.fullName', `search a full name (${samples.fullName})`, { limit: 50, filter: { search: samples.fullName } });
  await list('search.phone', `search a phone fragment (${samples.phone})`, { limit: 50, filter: { search: samples.phone } });

  // The HTTP floors.
  const noop = { origin: ctx.baselineUrl, method: 'GET' as const, path: trpcQueryPath('noop', undefined) };
  const hono = { origin: ctx.baselineUrl, method: 'GET' as const, path: '/hono' };
  rows.push({
    key: 'floor.trpc',
    figure: 'tRPC no-op query over HTTP',
    counterpart: 'a bare Hono route',
    measured: await httpLatency(client, noop, settings),
    limit: await httpLatency(client, hono, settings),
  });
  const c = settings.concurrency;
  rows.push({
    key: 'floor.trpcRate',
    figure: `tRPC no-op query, ${c} connections`,
    counterpart: 'a bare Hono route',
    measured: rate(await httpRounds(client, { ...noop, concurrency: c }, settings.floorRequests, settings)),
    limit: rate(await httpRounds(client, { ...hono, concurrency: c }, settings.floorRequests, settings)),
  });

  // capture
  log(`capture: ${settings.rounds} × ${settings.captureRequests} requests, ${c} connections`);
  const { key } = await createApiKeyRepository(target.database.db).create({
    name: 'bench',
    kind: 'server',
    rateLimitPerMinute: 1_000_000_000,
    createdBy: ctx.adminId,
  });
  const perRound = settings.captureRequests;
  const warm = Math.min(perRound, 100);
  const people = [...demoLeads({ count: warm + settings.rounds * perRound, seed: spec.seed + 1, agentCount: 0, now: new Date() })].map(captureBody);
  const captureJob = {
    origin: app.url,
    method: 'POST' as const,
    path: '/api/capture/leads',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    concurrency: c,
  };
  // Every captured lead is also distributed: one round-robin pool of seven agents.
  const pool = await distributeToPool(target, app, ctx.adminId, POOL_SIZE);
  await client.run({ ...captureJob, count: warm, bodies: people.slice(0, warm) });
  const since = new Date();
  const rounds = await httpRounds(client, captureJob, perRound, settings, (round) => people.slice(warm + round * perRound, warm + (round + 1) * perRound));
  const captured = rate(rounds);
  // 201: a new lead; 200: a repeat of an existing lead's mobile, phone or email, attached to it.
  const attached = rounds.reduce((n, r) => n + (r.statuses['200'] ?? 0), 0) / (settings.rounds * perRound);
  const figure = `POST /api/capture/leads, ${c} connections (${Math.round(attached * 100)}% duplicates attached)`;
  log(`${figure}: ${Math.round(captured.value)}/s`);
  rows.push({
    key: 'capture.hono',
    figure,
    counterpart: 'a bare Hono JSON POST',
    measured: captured,
    limit: rate(await httpRounds(client, { ...captureJob, origin: ctx.baselineUrl, path: '/hono/leads' }, settings.floorRequests, settings, () => people)),
  });
  rows.push({
    key: 'capture.insert',
    figure,
    counterpart: `raw single-row INSERT, ${c} in flight`,
    measured: captured,
    limit: await rawInserts(target, spec, settings),
  });

  const spread = await assignmentSpread(target, pool, since);
  log(`round-robin over ${pool.length} agents: ${spread.counts.join(', ')} (spread ${spread.max - spread.min})`);
  rows.push({
    key: 'assign.rate',
    figure: `round-robin assignments with capture, ${c} connections (${spread.total} leads)`,
    counterpart: 'fairness: max − min leads per agent',
    measured: captured,
    limit: null,
    note: `spread ${spread.max - spread.min} over ${pool.length} agents (${spread.counts.join(' / ')}); every new lead assigned: ${spread.total === spread.created ? 'yes' : `no (${spread.total} of ${spread.created})`}`,
  });
  rows.push(...(await insightsScenarios(ctx)));
  return rows;
}

/** Single-row INSERTs of prepared lead rows (what the store's insert writes), `concurrency` at a time. */
async function rawInserts(target: Target, spec: DatasetSpec, settings: Settings): Promise<Measure> {
  const warm = Math.min(settings.captureRequests, 100);
  const count = warm + settings.rounds * settings.captureRequests;
  const prepared: { lead: LeadWritable; row: Record<string, unknown> }[] = [];
  for (const demo of demoLeads({ count, seed: spec.seed + 2, agentCount: 0, now: new Date() })) {
    const made = leadRow(demo, '', []);
    if (made) prepared.push(made);
  }
  const columns = Object.keys(prepared[0]!.row).filter((c) => c !== 'id');
  const snake = (name: string) => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
  const text = `insert into leads (${columns.map(snake).join(', ')}) values (${columns
    .map((name, i) => (name === 'customFields' ? `cast(cast($${i + 1} as text) as jsonb)` : `$${i + 1}`))
    .join(', ')})`;
  const at = new Date().toISOString();
  const params = prepared.map(({ row }) =>
    columns.map((name) => {
      if (name === 'createdAt' || name === 'updatedAt') return at;
      const value = row[name];
      if (value instanceof Date) return value.toISOString();
      return name === 'customFields' ? JSON.stringify(value) : value;
    }),
  );
  await concurrently(warm, settings.concurrency, (i) => target.query(text, params[i]!));
  const rounds: Round[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    const slice = params.slice(warm + round * settings.captureRequests, warm + (round + 1) * settings.captureRequests);
    rounds.push(await concurrently(slice.length, settings.concurrency, (i) => target.query(text, slice[i]!)));
  }
  return rate(rounds);
}

const POOL_SIZE = 7;

/** Route every lead to one round-robin pool of `size` agents (the first by id), as an admin would. */
async function distributeToPool(target: Target, app: App, adminId: string, size: number): Promise<string[]> {
  const agents = await target.query<{ id: string }>(`select id from users where role = 'agent' and active order by id limit ${size}`);
  const userIds = agents.map((a) => a.id);
  const admin = await target.query<{ id: string; name: string; email: string }>('select id, name, email from users where id = $1', [adminId]);
  const caller = app.platform.appRouter.createCaller({
    services: app.platform.services,
    user: { ...admin[0]!, role: 'admin', active: true },
    locale: 'en',
    requestId: 'bench',
  });
  await caller.distribution.setRules({ rules: [{ name: 'bench-pool', conditions: [], userIds, strategy: 'round-robin' }] });
  return userIds;
}

/** How the leads created since `since` were spread over the pool, from their `assigned` activities. */
async function assignmentSpread(target: Target, pool: readonly string[], since: Date) {
  const rows = await target.query<{ owner: string; n: number }>(
    `select data->>'to' as owner, count(*)::int as n from lead_activities
      where type = 'assigned' and data->'via'->>'rule' = 'bench-pool' and created_at >= $1 group by 1`,
    [since.toISOString()],
  );
  const created = await target.query<{ n: number }>(`select count(*)::int as n from lead_activities where type = 'created' and created_at >= $1`, [
    since.toISOString(),
  ]);
  const byOwner = new Map(rows.map((r) => [r.owner, r.n]));
  const counts = pool.map((id) => byOwner.get(id) ?? 0);
  return {
    counts,
    min: Math.min(...counts),
    max: Math.max(...counts),
    total: counts.reduce((a, b) => a + b, 0),
    created: created[0]?.n ?? 0,
  };
}
