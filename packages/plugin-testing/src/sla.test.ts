import type { SessionUser } from '@sarnakh/api';
import { definePlugin, distributionStrategies } from '@sarnakh/plugin-sdk';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './index.js';

/**
 * The response-time SLA on the assembled platform, with a clock we move: a deadline five business
 * minutes after capture, met by the first call, missed once (event, timeline, notifications), the
 * business calendar respected; the urgent task for a lead that turns `sql`; and redistribution of a
 * lead whose deadline passed.
 */

const tehran = (local: string) => new Date(`${local}+03:30`);
const minutes = (n: number) => n * 60_000;
const label = (en: string) => ({ fa: en, ar: en, en });

/** A strategy that gives the lead to the first candidate: which one is then plain to see. */
const firstPlugin = definePlugin({
  id: 'first-pick',
  version: '0.1.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.register(distributionStrategies, { id: 'first', label: label('First'), pick: async ({ candidates }) => candidates[0] ?? null });
  },
});

let clock = tehran('2026-11-21T10:00:00'); // a Saturday
let t: TestPlatform<readonly [typeof firstPlugin]>;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;

beforeAll(async () => {
  t = await startTestPlatform({ plugins: [firstPlugin] as const, now: () => clock });
  admin = await t.user('admin');
  manager = await t.user('manager');
  agent = await t.user('agent');
});
afterAll(() => t.dispose());

const at = (when: Date) => {
  clock = when;
};

async function sweep(): Promise<void> {
  await t.platform.jobs.send('core.sla-sweep', {});
  expect(await t.runJobs('core.sla-sweep')).toBe(1);
}

const breachesOf = (leadId: string) => t.events.of('lead.slaBreached').filter((e) => e.lead.id === leadId);

describe('the response deadline', () => {
  it('is five business minutes after capture: not missed at four, missed at five, once', async () => {
    at(tehran('2026-11-21T10:00:00'));
    const lead = await t.as(manager).leads.create({ lastName: 'Waiting', mobile: '09122220001', ownerId: agent.id });
    at(tehran('2026-11-21T10:04:00'));
    await sweep();
    expect(await t.as(manager).leads.get({ id: lead.id })).toMatchObject({ slaDueAt: tehran('2026-11-21T10:05:00'), slaBreachedAt: null });
    expect(breachesOf(lead.id)).toEqual([]);

    at(tehran('2026-11-21T10:05:00'));
    await sweep();
    expect(breachesOf(lead.id).map((e) => ({ policy: e.policy, dueAt: e.dueAt, from: e.from, to: e.to, actorId: e.actorId }))).toEqual([
      { policy: 'default', dueAt: tehran('2026-11-21T10:05:00'), from: 'pending', to: 'breached', actorId: null },
    ]);
    expect(await t.as(manager).leads.get({ id: lead.id })).toMatchObject({ slaBreachedAt: tehran('2026-11-21T10:05:00') });
    const breach = (await t.as(manager).activities.list({ leadId: lead.id })).items.find((a) => a.type === 'sla_breached');
    expect(breach).toMatchObject({ actorId: null, data: { policy: 'default', dueAt: tehran('2026-11-21T10:05:00').toISOString(), ownerId: agent.id } });
    for (const user of [agent, manager]) {
      const notes = (await t.as(user).notifications.list({ unreadOnly: true })).items.filter((n) => n.leadId === lead.id);
      expect(notes.map((n) => n.type)).toEqual(['lead.slaBreached']);
    }
    expect((await t.as(admin).notifications.list()).items.filter((n) => n.leadId === lead.id)).toEqual([]);

    at(tehran('2026-11-21T10:30:00'));
    await sweep();
    expect(breachesOf(lead.id)).toHaveLength(1);
    // A late answer is still recorded for insights; the breach stands.
    const called = await t.as(agent).activities.logCall({ leadId: lead.id, result: 'answered' });
    expect(called.lead).toMatchObject({ firstResponseAt: tehran('2026-11-21T10:30:00'), firstResponseSeconds: 30 * 60, slaBreachedAt: tehran('2026-11-21T10:05:00') });
  });

  it('is met by a call in time: no breach', async () => {
    at(tehran('2026-11-21T11:00:00'));
    const lead = await t.as(manager).leads.create({ lastName: 'Answered', mobile: '09122220002', ownerId: agent.id });
    await sweep();
    at(tehran('2026-11-21T11:03:00'));
    const called = await t.as(agent).activities.logCall({ leadId: lead.id, result: 'answered' });
    expect(called.lead).toMatchObject({ firstResponseAt: tehran('2026-11-21T11:03:00'), firstResponseSeconds: 180 });
    at(tehran('2026-11-21T12:00:00'));
    await sweep();
    expect(breachesOf(lead.id)).toEqual([]);
    expect(await t.as(manager).leads.get({ id: lead.id })).toMatchObject({ slaBreachedAt: null, slaDueAt: tehran('2026-11-21T11:05:00') });
  });

  it('is met by a note, and by an SMS a plugin sends through the lead service', async () => {
    at(tehran('2026-11-21T13:00:00'));
    const noted = await t.as(manager).leads.create({ lastName: 'Noted', mobile: '09122220003', ownerId: agent.id });
    const texted = await t.as(manager).leads.create({ lastName: 'Texted', mobile: '09122220004', ownerId: agent.id });
    at(tehran('2026-11-21T13:02:00'));
    await t.as(agent).activities.addNote({ leadId: noted.id, body: 'Left a voicemail' });
    const sms = await t.platform.services.plugins.servicesFor('first-pick').leads.logActivity(null, texted.id, {
      type: 'sms_sent',
      data: { lineId: 'l1', from: '+982100000000', to: '+989122220004', text: 'Hello', provider: 'test', providerMessageId: null, status: 'sent' },
    });
    expect(sms.ok && sms.value.lead).toMatchObject({ firstResponseAt: tehran('2026-11-21T13:02:00'), firstResponseSeconds: 120 });
    at(tehran('2026-11-21T14:00:00'));
    await sweep();
    expect([...breachesOf(noted.id), ...breachesOf(texted.id)]).toEqual([]);
  });

  it('respects business hours: a lead captured on Friday is due Saturday 09:05', async () => {
    at(tehran('2026-11-27T11:00:00')); // a Friday
    const lead = await t.as(manager).leads.create({ lastName: 'Weekend', mobile: '09122220005', ownerId: agent.id });
    at(tehran('2026-11-27T18:00:00'));
    await sweep();
    expect(await t.as(manager).leads.get({ id: lead.id })).toMatchObject({ slaDueAt: tehran('2026-11-28T09:05:00') });
    at(tehran('2026-11-28T09:04:00'));
    await sweep();
    expect(breachesOf(lead.id)).toEqual([]);
    at(tehran('2026-11-28T09:05:00'));
    await sweep();
    expect(breachesOf(lead.id).map((e) => e.dueAt)).toEqual([tehran('2026-11-28T09:05:00')]);
  });

  it('uses the targets and calendar an admin sets, and refuses bad settings by field', async () => {
    const before = await t.as(manager).sla.getSettings();
    expect(before).toMatchObject({ timeZone: 'Asia/Tehran', defaultMinutes: 5 });
    const bad = await t.as(admin).sla.setSettings({ ...before, targets: [{ name: 'web', source: 'nowhere', minutes: 10 }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
    expect(((bad as TRPCError).cause as unknown as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['targets.0.source']);
    expect((await t.as(manager).sla.setSettings(before).catch((e: unknown) => e) as TRPCError).code).toBe('FORBIDDEN');

    await t.as(admin).sla.setSettings({ ...before, targets: [{ name: 'urgent', priority: 'urgent', minutes: 2 }], holidays: ['2026-12-05'] });
    at(tehran('2026-12-04T10:00:00')); // Friday; Saturday the 5th a holiday
    const urgent = await t.as(manager).leads.create({ lastName: 'Urgent', mobile: '09122220006', ownerId: agent.id, priority: 'urgent' });
    await sweep();
    expect(await t.as(manager).leads.get({ id: urgent.id })).toMatchObject({ slaDueAt: tehran('2026-12-06T09:02:00') });
    at(tehran('2026-12-06T09:02:00'));
    await sweep();
    expect(breachesOf(urgent.id).map((e) => e.policy)).toEqual(['urgent']);
    await t.as(admin).sla.setSettings(before);
  });
});

describe('an urgent task when a lead turns sql', () => {
  it('gives the owner an urgent call task at capture and on a later rescore, when the scoring rules ask', async () => {
    at(tehran('2026-11-22T10:00:00'));
    await t.as(admin).scoring.setRules({
      fit: [{ id: 'big', label: label('Big'), field: 'employees', op: 'gte', value: 100, points: 80 }],
      behavior: [],
      thresholds: { mql: 30, sql: 60 },
      urgentTaskOnSql: { enabled: true, dueInMinutes: 15, title: 'Call the hot lead' },
    });
    const hot = await t.as(manager).leads.create({ lastName: 'Hot', mobile: '09122220010', ownerId: agent.id, employees: 500 });
    expect(hot.qualification).toBe('sql');
    expect(await t.as(agent).tasks.forLead({ leadId: hot.id })).toEqual([
      expect.objectContaining({ title: 'Call the hot lead', type: 'call', urgent: true, assigneeId: agent.id, dueAt: new Date(clock.getTime() + minutes(15)) }),
    ]);

    const warm = await t.as(manager).leads.create({ lastName: 'Warm', mobile: '09122220011', ownerId: agent.id, employees: 10 });
    expect(await t.as(agent).tasks.forLead({ leadId: warm.id })).toEqual([]);
    const heated = await t.as(manager).leads.update({ id: warm.id, version: warm.version, patch: { employees: 200 } });
    expect(heated.qualification).toBe('sql');
    const tasks = await t.as(agent).tasks.forLead({ leadId: warm.id });
    expect(tasks.map((task) => [task.urgent, task.assigneeId])).toEqual([[true, agent.id]]);
    expect(await t.as(agent).leads.get({ id: warm.id })).toMatchObject({ nextTaskTitle: 'Call the hot lead' });
    // Cooling and heating again while the urgent task is open adds none.
    const cooled = await t.as(manager).leads.update({ id: warm.id, version: heated.version, patch: { employees: 20 } });
    expect(cooled.qualification).toBe('cold');
    await t.as(manager).leads.update({ id: warm.id, version: cooled.version, patch: { employees: 300 } });
    expect(await t.as(agent).tasks.forLead({ leadId: warm.id })).toHaveLength(1);

    // Off: nothing.
    await t.as(admin).scoring.setRules({
      fit: [{ id: 'big', label: label('Big'), field: 'employees', op: 'gte', value: 100, points: 80 }],
      behavior: [],
      thresholds: { mql: 30, sql: 60 },
      urgentTaskOnSql: false,
    });
    const cold = await t.as(manager).leads.create({ lastName: 'Unasked', mobile: '09122220012', ownerId: agent.id, employees: 900 });
    expect(await t.as(agent).tasks.forLead({ leadId: cold.id })).toEqual([]);
  });
});

describe('reassignment when the deadline passes', () => {
  it('distributes the lead again without its owner, and says why on the timeline', async () => {
    const first = await t.user('agent', 'first');
    const second = await t.user('agent', 'second');
    await t.as(admin).distribution.setRules({
      rules: [{ name: 'everyone', conditions: [], userIds: [first.id, second.id], strategy: 'first' }],
      reassignOnSlaBreach: true,
    });
    at(tehran('2026-11-23T10:00:00'));
    const lead = await t.as(manager).leads.create({ lastName: 'Unanswered', mobile: '09122220020' });
    expect(lead.ownerId).toBe(first.id);
    t.events.clear();
    at(tehran('2026-11-23T10:06:00'));
    await sweep();

    const after = await t.as(manager).leads.get({ id: lead.id });
    expect(after.ownerId).toBe(second.id);
    const assigned = (await t.as(manager).activities.list({ leadId: lead.id })).items.filter((a) => a.type === 'assigned');
    expect(assigned[0]).toMatchObject({
      actorId: null,
      data: { from: first.id, to: second.id, via: { rule: 'everyone', strategy: 'first', candidates: [second.id], trigger: 'sla_breach' } },
    });
    // (Earlier tests' unanswered leads were redistributed in the same sweep.)
    expect(t.events.of('lead.assigned').filter((e) => e.lead.id === lead.id).map((e) => [e.from, e.to])).toEqual([[first.id, second.id]]);
    // The first owner heard of the breach; the lead is no longer theirs.
    expect((await t.as(first).notifications.list()).items.map((n) => n.type)).toEqual(['lead.slaBreached']);
    expect((await t.as(second).leads.get({ id: lead.id })).id).toBe(lead.id);

    // Without the switch the owner keeps the lead.
    await t.as(admin).distribution.setRules({ rules: [{ name: 'everyone', conditions: [], userIds: [first.id, second.id], strategy: 'first' }] });
    const kept = await t.as(manager).leads.create({ lastName: 'Kept', mobile: '09122220021' });
    at(tehran('2026-11-23T10:20:00'));
    await sweep();
    expect(breachesOf(kept.id)).toHaveLength(1);
    expect((await t.as(manager).leads.get({ id: kept.id })).ownerId).toBe(first.id);
  });
});
