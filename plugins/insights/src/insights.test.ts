import type { SessionUser } from '@sarnakh/api';
import { startTestPlatform, TEST_PASSWORD, type TestPlatform } from '@sarnakh/plugin-testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, insightsPlugin, percentile, rollupTables, syncLeads } from './index.js';

const plugins = [insightsPlugin] as const;
let t: TestPlatform<typeof plugins>;
let admin: SessionUser;
let manager: SessionUser;
let sara: SessionUser;
let reza: SessionUser;

beforeAll(async () => {
  t = await startTestPlatform({ plugins });
  admin = await t.user('admin');
  manager = await t.user('manager', 'Manager');
  sara = await t.user('agent', 'Sara');
  reza = await t.user('agent', 'Reza');
});
afterAll(() => t.dispose());

const services = () => t.platform.services.plugins.servicesFor('insights');
const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await t.database.executeSql(text, values)).rows as T[];

/** Every rollup row, in a stable order, as text: what "equal to a full recount" compares. */
async function rollups(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ['insights_leads', 'insights_lead_stays', ...Object.values(rollupTables).map((r) => r.table)]) {
    out[table] = (await sql<{ row: string }>(`select t::text as row from ${table} t order by 1`)).map((r) => r.row);
  }
  return out;
}

async function rebuildNow(): Promise<void> {
  await t.as(admin).insights.rebuild();
  expect(await t.runJobs('insights.rebuild')).toBe(1);
}

/** Move a lead's capture time and space its stage changes an hour apart, so stays have known lengths. */
async function backdate(id: string, createdAt: string): Promise<void> {
  await sql(`update leads set created_at = $2::timestamptz where id = $1`, [id, createdAt]);
  await sql(
    `update lead_activities a set created_at = $2::timestamptz + (n.k * interval '1 hour')
     from (select id, row_number() over (order by created_at, id) as k from lead_activities where lead_id = $1 and type = 'stage_changed') n
     where a.id = n.id`,
    [id, createdAt],
  );
}

describe('a known data set across the Jalali new year', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const m = t.as(manager);
    const make = async (name: string, owner: SessionUser, source: string, stages: string[], createdAt: string) => {
      const lead = await m.leads.create({ lastName: name, source, ownerId: owner.id });
      for (const stage of stages) await m.leads.setStage({ id: lead.id, stage });
      await backdate(lead.id, createdAt);
      ids[name] = lead.id;
    };
    // Esfand 30, 1403 (a leap year's last day) in Tehran.
    await make('L1', sara, 'website', [], '2025-03-20T10:00:00Z');
    await make('L2', sara, 'website', ['contacted'], '2025-03-20T10:00:00Z');
    await make('L3', sara, 'referral', ['contacted', 'qualified'], '2025-03-20T10:00:00Z');
    // Farvardin 1, 1404.
    await make('L4', sara, 'referral', ['contacted', 'qualified', 'customer'], '2025-03-21T10:00:00Z');
    await make('L5', reza, 'instagram', ['disqualified'], '2025-03-21T10:00:00Z');
    // 21:00 UTC on 20 March is already 21 March (Farvardin 1) in Tehran.
    await make('L6', reza, 'instagram', ['contacted', 'disqualified'], '2025-03-20T21:00:00Z');
    await sql(`update leads set converted_at = created_at + interval '2 days' where id = $1`, [ids.L4]);
    await rebuildNow();
  });

  const range = { from: '2025-03-01', to: '2025-04-25' };

  it('counts new leads per Jalali month and day in Tehran time', async () => {
    const months = await t.as(manager).insights.newLeads({ ...range, period: 'month' });
    expect(months.calendar).toBe('jalali');
    expect(months.points.map((p) => [p.key, p.leads, p.converted])).toEqual([
      ['1403-12', 3, 0],
      ['1404-01', 3, 1],
      ['1404-02', 0, 0],
    ]);
    expect(months.points[1]!.label).toMatch(/Farvardin 1404/);
    const fa = await t.as(manager, 'fa').insights.newLeads({ ...range, period: 'month' });
    expect(fa.points[1]!.label).toBe('فروردین ۱۴۰۴');
    const days = await t.as(manager).insights.newLeads({ from: '2025-03-20', to: '2025-03-21' });
    expect(days.points.map((p) => [p.start, p.leads])).toEqual([
      ['2025-03-20', 3],
      ['2025-03-21', 3],
    ]);
    const gregorian = await t.as(manager).insights.newLeads({ ...range, period: 'month', calendar: 'gregorian' });
    expect(gregorian.points.map((p) => [p.key, p.leads])).toEqual([
      ['2025-03', 6],
      ['2025-04', 0],
    ]);
  });

  it('gives the funnel: leads per stage, reached, stage-to-stage conversion and time in stage', async () => {
    const { stages, total } = await t.as(manager).insights.funnel(range);
    expect(total).toBe(6);
    const view = Object.fromEntries(stages.map((s) => [s.stage, [s.leads, s.reached, s.conversion, s.avgSeconds, s.stays]]));
    expect(view).toEqual({
      open: [1, 6, null, 3600, 5],
      contacted: [1, 4, 4 / 6, 3600, 3],
      nurturing: [0, 2, 2 / 4, null, 0],
      qualified: [1, 2, 1, 3600, 1],
      negotiation: [0, 1, 1 / 2, null, 0],
      customer: [1, 1, 1, null, 0],
      inactive: [0, null, null, null, 0],
      disqualified: [2, null, null, null, 0],
    });
  });

  it('gives conversion and the sales cycle overall and per source', async () => {
    const c = await t.as(manager).insights.conversion(range);
    expect(c.overall).toMatchObject({ leads: 6, converted: 1, won: 1, conversionRate: 1 / 6, avgCycleDays: 2 });
    expect(c.bySource.map((s) => [s.key, s.leads, s.converted, s.conversionRate, s.avgCycleDays])).toEqual([
      ['instagram', 2, 0, 0, null],
      ['referral', 2, 1, 0.5, 2],
      ['website', 2, 0, 0, null],
    ]);
  });

  it('filters by owner, team, source, channel and stage; agents see only their own', async () => {
    const m = t.as(manager);
    expect((await m.insights.funnel({ ...range, ownerId: reza.id })).total).toBe(2);
    expect((await m.insights.funnel({ ...range, team: [sara.id, reza.id] })).total).toBe(6);
    expect((await m.insights.funnel({ ...range, source: ['referral', 'instagram'] })).total).toBe(4);
    expect((await m.insights.funnel({ ...range, stage: 'disqualified' })).total).toBe(2);
    expect((await m.insights.funnel({ ...range, channel: 'sms' })).total).toBe(0);
    // Sara asks for everyone, and for Reza: she gets her own four, then nothing.
    expect((await t.as(sara).insights.funnel(range)).total).toBe(4);
    expect((await t.as(sara).insights.funnel({ ...range, ownerId: reza.id })).total).toBe(0);
    const table = await t.as(sara).insights.owners(range);
    expect(table.owners.map((o) => [o.name, o.assigned, o.contacted, o.converted])).toEqual([['Sara', 4, 3, 1]]);
  });

  it('gives the per-owner table to managers', async () => {
    const table = await t.as(manager).insights.owners(range);
    expect(table.owners.map((o) => [o.name, o.assigned, o.contacted, o.converted])).toEqual([
      ['Sara', 4, 3, 1],
      ['Reza', 2, 2, 0],
    ]);
  });

  it('refuses a bad range, naming the field', async () => {
    const refused = (call: Promise<unknown>, code: string) => expect(call).rejects.toMatchObject({ code });
    await refused(t.as(manager).insights.funnel({ from: '2025-04-01', to: '2025-03-01' }), 'BAD_REQUEST');
    await expect(t.as(manager).insights.funnel({ from: '2025-04-01', to: '2025-03-01' })).rejects.toMatchObject({ cause: { issues: [{ path: ['to'] }] } });
    await refused(t.as(manager).insights.newLeads({ from: '2020-01-01', to: '2025-01-01', period: 'month' }), 'BAD_REQUEST');
    await refused(t.as(manager).insights.newLeads({ period: 'year' as 'month' }), 'BAD_REQUEST');
    await refused(t.as(manager).insights.exportLink({ widget: 'funnel', input: { from: 'yesterday' } }), 'BAD_REQUEST');
    await refused(t.as(null).insights.funnel(range), 'UNAUTHORIZED');
  });

  it('exports a widget as .xlsx through a short-lived link', async () => {
    const { url } = await t.as(manager, 'fa').insights.exportLink({ widget: 'conversion', input: range });
    const res = await t.request(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const values = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1, 4));
    expect(values[0]).toEqual(['نام', 'سرنخ‌ها', 'تبدیل‌شده']);
    expect(values.slice(1).map((r) => r[1])).toEqual([2, 2, 2, 6]);
    // Another widget's name, an unknown token, or no token: refused.
    expect((await t.request(url.replace('conversion.xlsx', 'funnel.xlsx'))).status).toBe(401);
    expect((await t.request('/api/plugins/insights/export/conversion.xlsx?token=nope')).status).toBe(401);
    expect((await t.request('/api/plugins/insights/export/nothing.xlsx')).status).toBe(404);
  });

  it('exports with the session cookie and the input in the query, as the web app does', async () => {
    const signIn = await t.request('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: sara.email, password: TEST_PASSWORD }),
    });
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('sarnakh.session_token='))!.split(';')[0]!;
    const path = (input: unknown) => `/api/plugins/insights/export/owners.xlsx?input=${encodeURIComponent(JSON.stringify(input))}`;
    const res = await t.request(path(range), { headers: { cookie, 'accept-language': 'en' } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows = book.worksheets[0]!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1, 5));
    // Sara is an agent: her own row only, in English, left to right.
    expect(rows).toEqual([
      ['Name', 'Assigned', 'Contacted', 'Converted'],
      ['Sara', 4, 3, 1],
    ]);
    expect(book.worksheets[0]!.views[0]?.rightToLeft).toBe(false);
    const bad = await t.request(path({ from: '2025-04-01', to: '2025-03-01' }), { headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual(['input.to']);
    expect((await t.request(path(range))).status).toBe(401);
  });
});

describe('speed to lead', () => {
  it('reads median and 90th percentile from the histogram, exact on bucket bounds', () => {
    const seconds = [60, 120, 180, 240, 300, 600, 900, 1800, 3600, 7200];
    const histogram = new Map<number, number>();
    for (const s of seconds) histogram.set(bucketOf(s), (histogram.get(bucketOf(s)) ?? 0) + 1);
    const rows = [...histogram].map(([bucket, leads]) => ({ bucket, leads }));
    expect(percentile(rows, 0.5)).toBe(300);
    expect(percentile(rows, 0.9)).toBe(3600);
    expect(percentile([], 0.5)).toBeNull();
    // Resolution: the minute under an hour, 15 minutes under a day, the day beyond.
    expect([bucketOf(59), bucketOf(61), bucketOf(3700), bucketOf(90_000)]).toEqual([0, 60, 3600, 86_400]);
  });

  it('gives first-response percentiles and the SLA share per owner and source', async (ctx) => {
    const columns = await sql<{ n: number }>(
      `select count(*)::int as n from information_schema.columns where table_schema = current_schema() and table_name = 'leads'
       and column_name in ('first_response_at', 'first_response_seconds', 'sla_due_at')`,
    );
    // The response clock arrives with core's tasks/SLA migration; without it there is nothing to read.
    if (columns[0]!.n < 3) return ctx.skip();
    const m = t.as(manager);
    const responses = [60, 120, 300, 600, 900, 1800, 3600, 7200, 86_400, 172_800];
    const leads = [];
    for (const [i, s] of responses.entries()) {
      const owner = i % 2 === 0 ? sara : reza;
      const lead = await m.leads.create({ lastName: `Speed ${i}`, source: i < 5 ? 'sms' : 'telegram', ownerId: owner.id });
      // Due after 10 minutes; answered after `s` seconds.
      await sql(
        `update leads set created_at = '2025-05-10T06:00:00Z', sla_due_at = timestamptz '2025-05-10T06:10:00Z',
           first_response_at = timestamptz '2025-05-10T06:00:00Z' + $2 * interval '1 second', first_response_seconds = $2 where id = $1`,
        [lead.id, s],
      );
      leads.push(lead.id);
    }
    await syncLeads(services().database, leads);
    const speed = await m.insights.speedToLead({ from: '2025-05-10', to: '2025-05-10' });
    expect(speed.overall).toMatchObject({ leads: 10, responded: 10, median: 900, p90: 86_400, slaLeads: 10, withinSla: 4, withinSlaShare: 0.4 });
    expect(speed.bySource.map((s) => [s.key, s.median, s.p90, s.withinSla])).toEqual([
      ['sms', 300, 900, 4],
      ['telegram', 7200, 172_800, 0],
    ]);
    expect(speed.byOwner.find((o) => o.key === sara.id)).toMatchObject({ leads: 5, median: 900 });
  });
});

describe('rollups stay equal to a full recount', () => {
  // Many small writes, each followed by its sync: slow on a busy embedded database, hence the room.
  it('after a mix of creates, edits, stage changes, assignments, conversions, archives and deletes', { timeout: 120_000 }, async () => {
    const m = t.as(manager);
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        m.leads.create({ lastName: `Mix ${i}`, source: ['website', 'referral', 'sms'][i % 3]!, ownerId: i % 4 === 0 ? null : [sara, reza][i % 2]!.id }),
      ),
    );
    await Promise.all(created.slice(0, 12).map((l, i) => m.leads.setStage({ id: l.id, stage: ['contacted', 'qualified', 'disqualified'][i % 3]! })));
    await Promise.all(created.slice(0, 6).map((l) => m.leads.setStage({ id: l.id, stage: 'negotiation' })));
    // Leads of one day, owner and source moving opposite ways, synced at once as several server
    // processes would: each sync takes back and adds the same two rollup rows in opposite orders
    // (a deadlock, were syncs of a day not serialized).
    const swap = await Promise.all(Array.from({ length: 10 }, (_, i) => m.leads.create({ lastName: `Swap ${i}`, source: 'sms', ownerId: sara.id })));
    await m.insights.status();
    for (const [even, odd] of [['contacted', 'qualified'], ['qualified', 'contacted']]) {
      await sql(`update leads set stage = case when right(last_name, 1)::int % 2 = 0 then $1 else $2 end where last_name like 'Swap %'`, [even, odd]);
      await Promise.all(swap.map((l) => syncLeads(services().database, [l.id])));
    }
    await m.leads.assign({ ids: created.slice(12, 16).map((l) => l.id), ownerId: reza.id });
    const edited = await m.leads.get({ id: created[20]!.id });
    await m.leads.update({ id: edited.id, version: edited.version, patch: { source: 'exhibition', channel: 'in_person' } });
    await m.leads.archive({ ids: [created[21]!.id] });
    // A conversion and a delete (as an import's revert does) followed by the sync their callers trigger.
    await sql(`update leads set converted_at = now() + interval '3 hours' where id = $1`, [created[2]!.id]);
    await sql(`delete from leads where id = $1`, [created[3]!.id]);
    await syncLeads(services().database, [created[2]!.id, created[3]!.id]);

    await m.insights.status(); // waits for the syncs the events queued
    const incremental = await rollups();
    expect(incremental.insights_leads!.some((row) => row.startsWith(`(${created[3]!.id}`))).toBe(false);
    await rebuildNow();
    expect(await rollups()).toEqual(incremental);
    // And the numbers a widget reads are the recount's: every lead is in this range.
    const stats = await sql<{ n: number }>(`select count(*)::int as n from leads`);
    const { total } = await m.insights.funnel({ from: '2024-01-01', to: '2026-12-31' });
    expect(total).toBe(stats[0]!.n);
  });

  it('counts qualified leads by segment (a custom field) and by source', async () => {
    await t.as(admin).fields.create({ key: 'interest', type: 'text', label: { fa: 'علاقه', ar: 'الاهتمام', en: 'Interest' } });
    await t.as(admin).plugins.updateSettings({ id: 'insights', settings: { segmentField: 'interest' } });
    const m = t.as(manager);
    const made = [];
    for (const [i, [interest, source, qualification]] of ([
      ['solar', 'sms', 'sql'],
      ['solar', 'sms', 'mql'],
      ['solar', 'website', 'cold'],
      ['wind', 'website', 'mql'],
    ] as const).entries()) {
      const lead = await m.leads.create({ lastName: `Segment ${i}`, source, ownerId: reza.id, customFields: { interest } });
      await sql(`update leads set created_at = '2025-07-01T08:00:00Z', qualification = $2 where id = $1`, [lead.id, qualification]);
      made.push(lead.id);
    }
    // The segment field changed what a rollup row means: the next read asks for a recount.
    expect((await m.insights.qualified({ from: '2025-07-01', to: '2025-07-01' })).rebuilding).toBe(true);
    await t.runJobs('insights.rebuild');
    const q = await m.insights.qualified({ from: '2025-07-01', to: '2025-07-01' });
    expect(q.segmentField).toBe('interest');
    expect(q.bySegment.map((r) => [r.key, r.leads, r.mql, r.sql])).toEqual([
      ['solar', 3, 1, 1],
      ['wind', 1, 1, 0],
    ]);
    expect(q.bySource.map((r) => [r.key, r.leads, r.mql, r.sql, r.qualifiedRate])).toEqual([
      ['sms', 2, 1, 1, 1],
      ['website', 2, 1, 0, 0.5],
    ]);
  });

  it('refuses settings it cannot use, naming the setting', async () => {
    const bad = (settings: Record<string, unknown>) => t.as(admin).plugins.updateSettings({ id: 'insights', settings });
    await expect(bad({ timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { fields: [{ field: 'settings.timeZone' }] } });
    await expect(bad({ calendar: 'hijri' })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { fields: [{ field: 'settings.calendar' }] } });
    await expect(bad({ segmentField: 'Product Interest' })).rejects.toMatchObject({ code: 'BAD_REQUEST', cause: { fields: [{ field: 'settings.segmentField' }] } });
  });

  it('a settings change that moves day boundaries rebuilds in the background', async () => {
    await t.as(admin).plugins.updateSettings({ id: 'insights', settings: { timeZone: 'UTC' } });
    const first = await t.as(manager).insights.newLeads({ from: '2025-03-20', to: '2025-03-21' });
    expect(first.rebuilding).toBe(true);
    await t.runJobs('insights.rebuild');
    const after = await t.as(manager).insights.newLeads({ from: '2025-03-20', to: '2025-03-21' });
    expect(after.rebuilding).toBe(false);
    // In UTC, L6 (21:00 UTC on the 20th) is back on the 20th.
    expect(after.points.map((p) => p.leads)).toEqual([4, 2]);
  });
});
