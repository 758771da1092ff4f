import type { FieldError, Lead, LeadEvents } from '@sarnakh/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;
const updatedEvents: LeadEvents['lead.updated'][] = [];

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  manager = await api.user('manager');
  agent = await api.user('agent');
  api.services.plugins.host.hooks.on('lead.updated', (e) => void updatedEvents.push(e), { pluginId: 'merge-test' });
  await api.as(admin).fields.create({ key: 'budget', type: 'number', label: { fa: 'بودجه', ar: 'الميزانية', en: 'Budget' } });
});
afterAll(() => api.dispose());

const fieldsOf = (error: { cause?: unknown }): Pick<FieldError, 'field' | 'code'>[] => {
  expect(error.cause).toBeInstanceOf(FieldErrors);
  return (error.cause as FieldErrors).fields.map(({ field, code }) => ({ field, code }));
};

const create = (input: Record<string, unknown>, owner: SessionUser = manager) =>
  api.as(manager).leads.create({ ownerId: owner.id, ...input, duplicatePolicy: 'create' });

const versionsOf = (...leads: Lead[]) => Object.fromEntries(leads.map((l) => [l.id, l.version]));

/** Every stored row of these leads, their activities and tasks, in a stable order. */
async function rowsOf(ids: string[]) {
  const db = api.database.db;
  const leads = await db.selectFrom('leads').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const activities = await db.selectFrom('leadActivities').selectAll().where('leadId', 'in', ids).orderBy('id').execute();
  const tasks = (await sql<Record<string, unknown>>`select * from tasks where lead_id in (${sql.join(ids)}) order by id`.execute(db)).rows;
  return { leads, activities, tasks };
}

/** A row without what every write moves on (and cannot be put back): its version and update time. */
const settled = <T extends { version?: unknown; updatedAt?: unknown }>({ version: _v, updatedAt: _u, ...rest }: T) => rest;

describe('leads.duplicates', () => {
  it('finds leads sharing the mobile, the phone (either column), the email, or name + company in any script', async () => {
    const lead = await create({ firstName: 'علی', lastName: 'رضایی', company: 'پارس', mobile: '09121111111', email: 'ali@example.com' });
    const byMobile = await create({ firstName: 'A', mobile: '+98 912 111 1111' });
    const byPhone = await create({ firstName: 'B', phone: '09121111111' });
    const byEmail = await create({ firstName: 'C', email: 'ALI@example.com' });
    const byName = await create({ firstName: 'علي', lastName: 'رضايي', company: 'پارس' });
    await create({ firstName: 'علی', lastName: 'رضایی', company: 'دیگر' });
    const archived = await create({ firstName: 'D', email: 'ali@example.com' });
    await api.as(manager).leads.archive({ ids: [archived.id] });

    const found = await api.as(manager).leads.duplicates({ id: lead.id });
    expect(found.map((c) => ({ id: c.lead.id, matchedOn: c.matchedOn, strength: c.strength }))).toEqual([
      { id: byMobile.id, matchedOn: ['mobile'], strength: 'strong' },
      { id: byPhone.id, matchedOn: ['phone'], strength: 'strong' },
      { id: byEmail.id, matchedOn: ['email'], strength: 'strong' },
      { id: byName.id, matchedOn: ['name'], strength: 'weak' },
    ]);
  });

  it('shows an agent only duplicates among their own leads', async () => {
    const mine = await create({ firstName: 'Mine', email: 'agent-dup@example.com' }, agent);
    const alsoMine = await create({ firstName: 'Also', email: 'agent-dup@example.com' }, agent);
    await create({ firstName: 'Theirs', email: 'agent-dup@example.com' }, manager);
    expect((await api.as(agent).leads.duplicates({ id: mine.id })).map((c) => c.lead.id)).toEqual([alsoMine.id]);
    expect((await api.as(manager).leads.duplicates({ id: mine.id })).length).toBe(2);
  });
});

describe('leads.duplicateGroups', () => {
  it('lists keys shared by live leads in key order, a page at a time, for managers only', async () => {
    const a = await create({ firstName: 'G1', mobile: '09350000001' });
    const b = await create({ firstName: 'G2', phone: '09350000001' });
    const c = await create({ firstName: 'G3', mobile: '09350000002', phone: '09350000002' });
    const d = await create({ firstName: 'G4', mobile: '09350000002' });

    const all = await api.as(manager).leads.duplicateGroups({ by: 'phone', limit: 100 });
    const ours = all.items.filter((g) => g.key.startsWith('+98935'));
    expect(ours.map((g) => ({ key: g.key, count: g.count, ids: g.leads.map((l) => l.id) }))).toEqual([
      { key: '+989350000001', count: 2, ids: [a.id, b.id] },
      { key: '+989350000002', count: 2, ids: [c.id, d.id] },
    ]);

    const first = await api.as(manager).leads.duplicateGroups({ by: 'phone', limit: 1 });
    expect(first.items).toHaveLength(1);
    const rest = await api.as(manager).leads.duplicateGroups({ by: 'phone', cursor: first.nextCursor, limit: 100 });
    expect([...first.items, ...rest.items].map((g) => g.key)).toEqual(all.items.map((g) => g.key));
    expect(rest.nextCursor).toBeNull();

    const emails = await api.as(admin).leads.duplicateGroups({ by: 'email' });
    expect(emails.items.every((g) => g.field === 'email' && g.leads.every((l) => l.email === g.key))).toBe(true);
    expect((await failure(api.as(agent).leads.duplicateGroups({ by: 'email' }))).code).toBe('FORBIDDEN');
  });
});

describe('leads.merge and leads.unmerge', () => {
  async function trio() {
    const survivor = await create({ firstName: 'Sara', mobile: '09120000101', city: 'Tehran', customFields: { budget: 100 } });
    const m1 = await create({ firstName: 'Sarah', lastName: 'Karimi', email: 'sara@example.com', mobile: '09120000101', customFields: { budget: 500 } });
    const m2 = await create({ firstName: 'S.', company: 'Pars', phone: '02188888888' });
    const due = new Date(Date.now() + 86_400_000);
    const t1 = await api.as(manager).tasks.create({ leadId: m1.id, title: 'Call Sarah', dueAt: due });
    await api.as(manager).tasks.create({ leadId: m2.id, title: 'Later', dueAt: new Date(due.getTime() + 86_400_000) });
    await api.as(manager).activities.addNote({ leadId: m2.id, body: 'met at the fair' });
    const fresh = async (id: string) => api.as(manager).leads.get({ id });
    return { survivor: await fresh(survivor.id), m1: await fresh(m1.id), m2: await fresh(m2.id), t1 };
  }

  it('picks values per field, moves activities and tasks, hides merged leads; unmerge puts every row back', async () => {
    const { survivor, m1, m2, t1 } = await trio();
    const ids = [survivor.id, m1.id, m2.id];
    const before = await rowsOf(ids);
    const m1Activities = before.activities.filter((a) => a.leadId === m1.id).map((a) => a.id);
    updatedEvents.length = 0;

    const { merge, survivor: merged } = await api.as(manager).leads.merge({
      survivorId: survivor.id,
      mergedIds: [m1.id, m2.id],
      versions: versionsOf(survivor, m1, m2),
      values: {
        lastName: { leadId: m1.id },
        email: { leadId: m1.id },
        company: { leadId: m2.id },
        city: { value: 'شیراز' },
        phone: { value: '۰۲۱ ۸۸۸۸ ۸۸۸۸' },
        'custom.budget': { leadId: m1.id },
      },
    });
    expect(merged).toMatchObject({
      firstName: 'Sara',
      lastName: 'Karimi',
      email: 'sara@example.com',
      company: 'Pars',
      city: 'شیراز',
      phone: '+982188888888',
      customFields: { budget: 500 },
      version: survivor.version + 1,
      nextTaskTitle: 'Call Sarah',
    });
    expect(merge).toMatchObject({ survivorId: survivor.id, mergedIds: [m1.id, m2.id], actorId: manager.id, undoneAt: null });
    expect(merge.survivorBefore).toEqual({ lastName: null, email: null, company: null, city: 'Tehran', phone: null, customFields: { budget: 100 } });

    // The merged leads: gone from lists, found by id with where they went.
    for (const id of [m1.id, m2.id]) {
      expect(await api.as(manager).leads.get({ id })).toMatchObject({ mergedIntoId: survivor.id, mergedAt: expect.any(Date) });
    }
    const listed = await api.as(manager).leads.list({ limit: 200 });
    expect(listed.items.map((l) => l.id)).toContain(survivor.id);
    expect(listed.items.map((l) => l.id)).not.toContain(m1.id);

    // Their activities and tasks are the survivor's now, with the merge on its timeline.
    const during = await rowsOf(ids);
    expect(during.activities.filter((a) => a.leadId !== survivor.id)).toEqual([]);
    expect(during.tasks.every((t) => t.leadId === survivor.id)).toBe(true);
    expect(merge.movedActivityIds.filter((m) => m.from === m1.id).map((m) => m.id).sort()).toEqual([...m1Activities].sort());
    expect(merge.movedTaskIds.map((m) => m.id)).toContain(t1.id);
    const timeline = await api.as(manager).activities.list({ leadId: survivor.id });
    expect(timeline.items.find((a) => a.type === 'merged')).toMatchObject({ data: { mergeId: merge.id, mergedIds: [m1.id, m2.id] } });
    expect(updatedEvents.map((e) => e.lead.id)).toEqual([survivor.id]);
    expect(updatedEvents[0]!.changes).toMatchObject({ email: { from: null, to: 'sara@example.com' } });

    // The history, from either side.
    expect((await api.as(manager).leads.merges({ leadId: survivor.id })).map((m) => m.id)).toEqual([merge.id]);
    expect((await api.as(manager).leads.merges({ leadId: m2.id })).map((m) => m.id)).toEqual([merge.id]);

    const undone = await api.as(admin).leads.unmerge({ mergeId: merge.id });
    expect(undone.merge).toMatchObject({ id: merge.id, undoneAt: expect.any(Date), undoneBy: admin.id });

    const after = await rowsOf(ids);
    expect(after.leads.map(settled)).toEqual(before.leads.map(settled));
    expect(after.tasks).toEqual(before.tasks);
    const added = after.activities.filter((a) => !before.activities.some((b) => b.id === a.id));
    expect(added.map((a) => ({ leadId: a.leadId, type: a.type }))).toEqual(
      expect.arrayContaining([
        { leadId: survivor.id, type: 'merged' },
        { leadId: survivor.id, type: 'unmerged' },
      ]),
    );
    expect(added).toHaveLength(2);
    expect(after.activities.filter((a) => before.activities.some((b) => b.id === a.id))).toEqual(before.activities);
    expect((await api.as(manager).leads.list({ limit: 200 })).items.map((l) => l.id)).toContain(m1.id);
  });

  it('refuses an unmerge that would lose later work, and keeps edits to fields the merge did not set', async () => {
    const { survivor, m1, m2 } = await trio();
    const { merge, survivor: merged } = await api.as(manager).leads.merge({
      survivorId: survivor.id,
      mergedIds: [m1.id],
      versions: versionsOf(survivor, m1),
      values: { email: { leadId: m1.id } },
    });

    // A later merge into the survivor must be undone first.
    const later = await api.as(manager).leads.merge({ survivorId: survivor.id, mergedIds: [m2.id], versions: versionsOf(merged, m2), values: {} });
    expect((await failure(api.as(manager).leads.unmerge({ mergeId: merge.id }))).code).toBe('CONFLICT');
    await api.as(manager).leads.unmerge({ mergeId: later.merge.id });
    expect((await failure(api.as(manager).leads.unmerge({ mergeId: later.merge.id }))).code).toBe('CONFLICT');

    // Someone changed the merged email: undoing would silently throw their edit away.
    let current = await api.as(manager).leads.get({ id: survivor.id });
    current = await api.as(manager).leads.update({ id: survivor.id, version: current.version, patch: { email: 'new@example.com' } });
    const refused = await failure(api.as(manager).leads.unmerge({ mergeId: merge.id }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('email');
    expect((await api.as(manager).leads.get({ id: m1.id })).mergedIntoId).toBe(survivor.id);

    // Put back, and edit a field the merge did not set: the undo goes through and keeps that edit.
    await api.as(manager).leads.update({ id: survivor.id, version: current.version, patch: { email: 'sara@example.com', jobTitle: 'CEO' } });
    await api.as(manager).leads.unmerge({ mergeId: merge.id });
    expect(await api.as(manager).leads.get({ id: survivor.id })).toMatchObject({ email: null, jobTitle: 'CEO' });
    expect((await api.as(manager).leads.get({ id: m1.id })).mergedIntoId).toBeNull();
  });

  it('leaves merged leads out of the duplicate check at capture', async () => {
    const survivor = await create({ firstName: 'Keep', email: 'keep@example.com' });
    const gone = await create({ firstName: 'Gone', email: 'gone@example.com' });
    await api.as(manager).leads.merge({ survivorId: survivor.id, mergedIds: [gone.id], versions: versionsOf(survivor, gone), values: {} });
    const again = await api.as(manager).leads.create({ firstName: 'Again', email: 'gone@example.com' });
    expect(again.id).not.toBe(gone.id);
    expect((await failure(api.as(manager).leads.create({ firstName: 'Dup', email: 'keep@example.com' }))).code).toBe('CONFLICT');
  });

  it('checks versions, fields and permissions, writing nothing when it refuses', async () => {
    const { survivor, m1, m2 } = await trio();
    const ids = [survivor.id, m1.id, m2.id];
    const before = await rowsOf(ids);
    const merge = (values: Record<string, unknown>, versions = versionsOf(survivor, m1)) =>
      api.as(manager).leads.merge({ survivorId: survivor.id, mergedIds: [m1.id], versions, values: values as never });

    const stale = await failure(merge({}, { ...versionsOf(survivor, m1), [m1.id]: m1.version - 1 || 99 }));
    expect(stale.code).toBe('CONFLICT');

    const bad = await failure(merge({ nope: { leadId: m1.id }, email: { leadId: m2.id } }));
    expect(fieldsOf(bad)).toEqual([
      { field: 'values.nope', code: 'unknown_field' },
      { field: 'values.email.leadId', code: 'invalid_value' },
    ]);
    const invalid = await failure(merge({ mobile: { value: '0912' }, 'custom.budget': { value: 'lots' } }));
    expect(fieldsOf(invalid).map((f) => f.field).sort()).toEqual(['values.custom.budget', 'values.mobile']);
    expect(fieldsOf(await failure(merge({}, { [survivor.id]: survivor.version })))).toEqual([{ field: `versions.${m1.id}`, code: 'required' }]);

    expect((await failure(api.as(agent).leads.merge({ survivorId: survivor.id, mergedIds: [m1.id], versions: versionsOf(survivor, m1), values: {} }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(agent).leads.unmerge({ mergeId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(manager).leads.unmerge({ mergeId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');

    expect(await rowsOf(ids)).toEqual(before);
  });
});
