import type { SessionUser } from '@sarnakh/api';
import { failure } from '@sarnakh/api/testing';
import type { FieldError } from '@sarnakh/core';
import { definePlugin } from '@sarnakh/plugin-sdk';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './index.js';

/**
 * Follow-ups on the assembled platform: notes and calls on the timeline, tasks in the
 * organization's day (Tehran), who may touch which task, and reminders through the job queue.
 * The platform's clock is ours to move.
 */

/** Tehran is UTC+03:30 all year. */
const tehran = (local: string) => new Date(`${local}+03:30`);
const minutes = (n: number) => n * 60_000;

/** A plugin that would text each reminder: it records what its hook heard. */
const texted: { taskId: string; userId: string | null }[] = [];
const reminderSms = definePlugin({
  id: 'reminder-sms',
  version: '0.1.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.hooks.on('task.reminder', ({ task, userId }) => void texted.push({ taskId: task.id, userId }));
  },
});

let clock = tehran('2026-11-22T10:00:00'); // a Sunday, inside business hours
let t: TestPlatform<readonly [typeof reminderSms]>;
let manager: SessionUser;
let agentA: SessionUser;
let agentB: SessionUser;

beforeAll(async () => {
  t = await startTestPlatform({ plugins: [reminderSms] as const, now: () => clock });
  manager = await t.user('manager');
  agentA = await t.user('agent', 'agent-a');
  agentB = await t.user('agent', 'agent-b');
});
afterAll(() => t.dispose());

const fieldsOf = (error: TRPCError) => (error.cause as unknown as { fields: FieldError[] }).fields.map((f) => ({ field: f.field, code: f.code }));

/** Run a core job now, as its every-minute schedule would. */
async function runJob(name: string): Promise<void> {
  await t.platform.jobs.send(name, {});
  expect(await t.runJobs(name)).toBe(1);
}

describe('the timeline: notes and calls', () => {
  it('puts a note and a call on the timeline, newest first, a page at a time', async () => {
    const lead = await t.as(agentA).leads.create({ lastName: 'Timeline', mobile: '09121110001' });
    clock = new Date(clock.getTime() + minutes(1));
    const note = await t.as(agentA).activities.addNote({ leadId: lead.id, body: '  Asked for a catalogue  ' });
    expect(note).toMatchObject({ type: 'note', data: { body: 'Asked for a catalogue' }, actorId: agentA.id });
    clock = new Date(clock.getTime() + minutes(1));
    await t.as(agentA).activities.logCall({ leadId: lead.id, result: 'answered', note: 'Wants a visit' });

    const first = await t.as(agentA).activities.list({ leadId: lead.id, limit: 2 });
    expect(first.items.map((a) => a.type)).toEqual(['call', 'note']);
    expect(first.items[0]!.data).toEqual({ result: 'answered', note: 'Wants a visit' });
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await t.as(agentA).activities.list({ leadId: lead.id, limit: 2, cursor: first.nextCursor });
    expect(rest.items.map((a) => a.type).sort()).toEqual(['assigned', 'created']);
    expect(rest.nextCursor).toBeNull();
    // `{ leadId }` alone still gives the whole (short) timeline.
    expect((await t.as(agentA).activities.list({ leadId: lead.id })).items).toHaveLength(4);

    const bad = await failure(t.as(agentA).activities.list({ leadId: lead.id, cursor: 'nonsense' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual([{ field: 'cursor', code: 'invalid_value' }]);
    expect((await failure(t.as(agentB).activities.addNote({ leadId: lead.id, body: 'not mine' }))).code).toBe('NOT_FOUND');
  });

  it('logs a call as the last contact, bumps the version, emits lead.updated and activity.logged, and stops the SLA clock', async () => {
    const lead = await t.as(agentA).leads.create({ lastName: 'Caller', mobile: '09121110002' });
    t.events.clear();
    clock = new Date(clock.getTime() + minutes(3));
    const { lead: called, activity } = await t.as(agentA).activities.logCall({ leadId: lead.id, result: 'no_answer' });
    expect(called).toMatchObject({
      lastContactAt: clock,
      lastContactResult: 'no_answer',
      version: lead.version + 1,
      firstResponseAt: clock,
      firstResponseSeconds: 180,
    });
    expect(t.events.of('lead.updated').map((e) => e.changes)).toEqual([
      { lastContactAt: { from: null, to: clock }, lastContactResult: { from: null, to: 'no_answer' } },
    ]);
    expect(t.events.of('activity.logged').map((e) => e.activity.id)).toEqual([activity.id]);

    // A second, later call moves the last contact but not the first response.
    const earlier = clock;
    clock = new Date(clock.getTime() + minutes(10));
    const again = await t.as(agentA).activities.logCall({ leadId: lead.id, result: 'interested' });
    expect(again.lead).toMatchObject({ lastContactAt: clock, lastContactResult: 'interested', firstResponseAt: earlier, firstResponseSeconds: 180 });
    // An older call logged late leaves the last contact alone.
    const late = await t.as(agentA).activities.logCall({ leadId: lead.id, result: 'busy', at: new Date(earlier.getTime() + minutes(1)) });
    expect(late.lead).toMatchObject({ lastContactResult: 'interested', version: again.lead.version });
  });

  it('refuses a result outside the lastContactResults picklist and a call before the lead existed', async () => {
    const lead = await t.as(agentA).leads.create({ lastName: 'Picky', mobile: '09121110003' });
    const bad = await failure(t.as(agentA, 'fa').activities.logCall({ leadId: lead.id, result: 'maybe' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(fieldsOf(bad)).toEqual([{ field: 'result', code: 'unknown_value' }]);
    const early = await failure(t.as(agentA).activities.logCall({ leadId: lead.id, result: 'answered', at: new Date(clock.getTime() - minutes(60)) }));
    expect(fieldsOf(early)).toEqual([{ field: 'at', code: 'out_of_range' }]);
    expect((await t.as(agentA).activities.list({ leadId: lead.id })).items.map((a) => a.type).sort()).toEqual(['assigned', 'created']);
  });
});

describe('tasks', () => {
  it('gives a task to the lead owner by default and keeps the lead’s next task', async () => {
    const lead = await t.as(manager).leads.create({ lastName: 'Owned', mobile: '09121110010', ownerId: agentA.id });
    const later = await t.as(manager).tasks.create({ leadId: lead.id, title: 'Send the offer', dueAt: new Date(clock.getTime() + minutes(120)) });
    expect(later).toMatchObject({ assigneeId: agentA.id, type: 'follow_up', createdBy: manager.id, completedAt: null });
    const sooner = await t.as(agentA).tasks.create({ leadId: lead.id, title: 'Call back', type: 'call', dueAt: new Date(clock.getTime() + minutes(30)) });
    expect(await t.as(agentA).leads.get({ id: lead.id })).toMatchObject({ nextTaskAt: sooner.dueAt, nextTaskTitle: 'Call back' });

    await t.as(agentA).tasks.complete({ id: sooner.id });
    expect(await t.as(agentA).leads.get({ id: lead.id })).toMatchObject({ nextTaskAt: later.dueAt, nextTaskTitle: 'Send the offer' });
    await t.as(agentA).tasks.update({ id: later.id, patch: { title: 'Send the new offer', dueAt: new Date(clock.getTime() + minutes(10)) } });
    expect(await t.as(agentA).leads.get({ id: lead.id })).toMatchObject({ nextTaskTitle: 'Send the new offer' });
    await t.as(agentA).tasks.complete({ id: later.id });
    expect(await t.as(agentA).leads.get({ id: lead.id })).toMatchObject({ nextTaskAt: null, nextTaskTitle: null });
    await t.as(agentA).tasks.reopen({ id: sooner.id });
    expect(await t.as(agentA).leads.get({ id: lead.id })).toMatchObject({ nextTaskTitle: 'Call back' });

    const forLead = await t.as(agentA).tasks.forLead({ leadId: lead.id });
    expect(forLead.map((task) => [task.title, task.completedAt === null])).toEqual([
      ['Call back', true],
      ['Send the new offer', false],
    ]);
    const types = (await t.as(agentA).activities.list({ leadId: lead.id })).items.map((a) => a.type);
    expect(types.filter((type) => type.startsWith('task_')).sort()).toEqual(['task_completed', 'task_completed', 'task_created', 'task_created', 'task_reopened']);
  });

  it('sorts the lead list by next task, leads without one last', async () => {
    const agent = await t.user('agent', 'sorter');
    const none = await t.as(agent).leads.create({ lastName: 'No task', mobile: '09121110014' });
    const later = await t.as(agent).leads.create({ lastName: 'Later', mobile: '09121110015' });
    const sooner = await t.as(agent).leads.create({ lastName: 'Sooner', mobile: '09121110016' });
    await t.as(agent).tasks.create({ leadId: later.id, title: 'b', dueAt: new Date(clock.getTime() + minutes(90)) });
    await t.as(agent).tasks.create({ leadId: sooner.id, title: 'a', dueAt: new Date(clock.getTime() + minutes(30)) });
    const page1 = await t.as(agent).leads.list({ sort: { field: 'nextTaskAt', direction: 'asc' }, limit: 2 });
    const page2 = await t.as(agent).leads.list({ sort: { field: 'nextTaskAt', direction: 'asc' }, limit: 2, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((l) => l.id)).toEqual([sooner.id, later.id, none.id]);
  });

  it('lets an agent touch only their own tasks, on their own leads', async () => {
    const lead = await t.as(manager).leads.create({ lastName: 'Theirs', mobile: '09121110011', ownerId: agentA.id });
    const task = await t.as(agentA).tasks.create({ leadId: lead.id, title: 'Mine', dueAt: new Date(clock.getTime() + minutes(60)) });
    const b = t.as(agentB);
    expect((await failure(b.tasks.get({ id: task.id }))).code).toBe('NOT_FOUND');
    expect((await failure(b.tasks.complete({ id: task.id }))).code).toBe('NOT_FOUND');
    expect((await failure(b.tasks.update({ id: task.id, patch: { title: 'Stolen' } }))).code).toBe('NOT_FOUND');
    expect((await failure(b.tasks.reopen({ id: task.id }))).code).toBe('NOT_FOUND');
    expect((await failure(b.tasks.create({ leadId: lead.id, title: 'On their lead', dueAt: clock }))).code).toBe('NOT_FOUND');
    expect((await failure(b.tasks.forLead({ leadId: lead.id }))).code).toBe('NOT_FOUND');
    expect((await b.tasks.list({ scope: 'today', assigneeId: agentA.id })).items.map((x) => x.id)).not.toContain(task.id);
    // Not even on their own lead may an agent hand a task to someone else.
    const own = await t.as(agentB).leads.create({ lastName: 'B lead', mobile: '09121110012' });
    const refused = await failure(b.tasks.create({ leadId: own.id, title: 'For A', dueAt: clock, assigneeId: agentA.id }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((await failure(t.as(agentA).tasks.update({ id: task.id, patch: { assigneeId: agentB.id } }))).code).toBe('FORBIDDEN');
    expect(await t.as(agentA).tasks.get({ id: task.id })).toMatchObject({ title: 'Mine', assigneeId: agentA.id });
    // A manager may.
    expect(await t.as(manager).tasks.update({ id: task.id, patch: { assigneeId: agentB.id } })).toMatchObject({ assigneeId: agentB.id });
  });

  it('refuses bad input by field', async () => {
    const lead = await t.as(agentA).leads.create({ lastName: 'Fields', mobile: '09121110013' });
    const early = await failure(t.as(agentA).tasks.create({ leadId: lead.id, title: 'x', dueAt: clock, remindAt: new Date(clock.getTime() + minutes(5)) }));
    expect(fieldsOf(early)).toEqual([{ field: 'remindAt', code: 'out_of_range' }]);
    const unknown = await failure(t.as(manager).tasks.create({ leadId: lead.id, title: 'x', dueAt: clock, assigneeId: 'nobody' }));
    expect(fieldsOf(unknown)).toEqual([{ field: 'assigneeId', code: 'unknown_value' }]);
    const shape = await failure(t.as(agentA).tasks.create({ leadId: lead.id, title: ' ', dueAt: clock, type: 'party' as never }));
    expect(shape.code).toBe('BAD_REQUEST');
    expect((await t.as(agentA).tasks.forLead({ leadId: lead.id }))).toEqual([]);
  });

  it('lists today, upcoming, overdue and done by the Tehran day, a page at a time', async () => {
    const saved = clock;
    // 20:00 UTC on the 22nd is 23:30 in Tehran: 00:10 Tehran on the 23rd is still the 22nd in UTC.
    clock = new Date('2026-11-22T20:00:00Z');
    const agent = await t.user('agent', 'scoped');
    const lead = await t.as(agent).leads.create({ lastName: 'Scopes', mobile: '09121110020' });
    const make = (title: string, dueAt: Date) => t.as(agent).tasks.create({ leadId: lead.id, title, dueAt });
    await make('yesterday in Tehran', tehran('2026-11-21T23:30:00'));
    await make('earlier today', tehran('2026-11-22T09:00:00'));
    await make('late today', tehran('2026-11-22T23:50:00'));
    await make('just after midnight', tehran('2026-11-23T00:10:00'));
    await make('next week', tehran('2026-11-29T10:00:00'));
    const done = await make('done', tehran('2026-11-22T11:00:00'));
    await t.as(agent).tasks.complete({ id: done.id });

    const titles = async (scope: 'today' | 'upcoming' | 'overdue' | 'done') =>
      (await t.as(agent).tasks.list({ scope })).items.map((task) => task.title);
    expect(await titles('overdue')).toEqual(['yesterday in Tehran']);
    expect(await titles('today')).toEqual(['earlier today', 'late today']);
    expect(await titles('upcoming')).toEqual(['just after midnight', 'next week']);
    expect(await titles('done')).toEqual(['done']);

    const page1 = await t.as(agent).tasks.list({ scope: 'upcoming', limit: 1 });
    const page2 = await t.as(agent).tasks.list({ scope: 'upcoming', limit: 1, cursor: page1.nextCursor });
    expect([...page1.items, ...page2.items].map((task) => task.title)).toEqual(['just after midnight', 'next week']);
    expect(page2.nextCursor).toBeNull();
    // A cursor of one list is refused by another.
    expect((await failure(t.as(agent).tasks.list({ scope: 'today', cursor: page1.nextCursor }))).code).toBe('BAD_REQUEST');
    // Managers see anyone's by asking for them.
    expect((await t.as(manager).tasks.list({ scope: 'today', assigneeId: agent.id })).items).toHaveLength(2);
    clock = saved;
  });
});

describe('reminders and notifications', () => {
  it('fires a reminder through the job queue as a notification and a task.reminder event, once', async () => {
    const lead = await t.as(manager).leads.create({ lastName: 'Remind', mobile: '09121110030', ownerId: agentA.id });
    const task = await t.as(agentA).tasks.create({
      leadId: lead.id,
      title: 'Prepare the demo',
      dueAt: new Date(clock.getTime() + minutes(60)),
      remindAt: new Date(clock.getTime() + minutes(45)),
    });
    await t.as(agentA).notifications.markRead({ all: true });
    // B was given a task by a manager earlier: that notification is read too.
    expect(await t.as(agentB).notifications.markRead({ all: true })).toEqual({ updated: 1 });
    t.events.clear();

    await runJob('core.task-reminders');
    expect(await t.as(agentA).notifications.unreadCount()).toBe(0);

    clock = new Date(clock.getTime() + minutes(45));
    await runJob('core.task-reminders');
    const unread = await t.as(agentA).notifications.list({ unreadOnly: true });
    expect(unread.items).toEqual([
      expect.objectContaining({ type: 'task.reminder', taskId: task.id, leadId: lead.id, readAt: null, data: expect.objectContaining({ title: 'Prepare the demo' }) }),
    ]);
    expect(await t.as(agentA).notifications.unreadCount()).toBe(1);
    expect(t.events.of('task.reminder').map((e) => [e.task.id, e.userId, e.lead.id])).toEqual([[task.id, agentA.id, lead.id]]);
    expect(texted).toEqual([{ taskId: task.id, userId: agentA.id }]);
    expect(t.events.of('notification.created').map((e) => e.notification.id)).toEqual([unread.items[0]!.id]);

    // Again: nothing new.
    await runJob('core.task-reminders');
    expect(await t.as(agentA).notifications.unreadCount()).toBe(1);
    expect(await t.as(agentB).notifications.unreadCount()).toBe(0);

    // Rescheduled: it fires again at the new time; completed: never.
    await t.as(agentA).tasks.update({ id: task.id, patch: { remindAt: new Date(clock.getTime() + minutes(5)) } });
    clock = new Date(clock.getTime() + minutes(5));
    await runJob('core.task-reminders');
    expect(await t.as(agentA).notifications.unreadCount()).toBe(2);
    await t.as(agentA).tasks.update({ id: task.id, patch: { remindAt: new Date(clock.getTime() + minutes(5)) } });
    await t.as(agentA).tasks.complete({ id: task.id });
    clock = new Date(clock.getTime() + minutes(10));
    await runJob('core.task-reminders');
    expect(await t.as(agentA).notifications.unreadCount()).toBe(2);
    expect(t.events.of('task.reminder')).toHaveLength(2);

    // Reading: someone else's ids change nothing; `all` reads the rest.
    const [newest] = (await t.as(agentA).notifications.list({ unreadOnly: true })).items;
    expect(await t.as(agentB).notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 0 });
    expect(await t.as(agentA).notifications.markRead({ ids: [newest!.id] })).toEqual({ updated: 1 });
    expect(await t.as(agentA).notifications.unreadCount()).toBe(1);
    expect(await t.as(agentA).notifications.markRead({ all: true })).toEqual({ updated: 1 });
    expect(await t.as(agentA).notifications.unreadCount()).toBe(0);
    const pages = await t.as(agentA).notifications.list({ limit: 1 });
    expect(pages.items).toHaveLength(1);
    expect(pages.nextCursor).toEqual(expect.any(String));
  });
});
