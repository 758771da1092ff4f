import type { FieldError, Lead } from '@sarnakh/core';
import type { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agentA: SessionUser;
let agentB: SessionUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  manager = await api.user('manager');
  agentA = await api.user('agent', 'agent-a');
  agentB = await api.user('agent', 'agent-b');
});
afterAll(() => api.dispose());


function fieldsOf(error: TRPCError): Pick<FieldError, 'field' | 'code'>[] {
  expect(error.cause).toBeInstanceOf(FieldErrors);
  return (error.cause as FieldErrors).fields.map(({ field, code }) => ({ field, code }));
}

/** The stored row itself (every column, search text and all), to prove nothing was written. */
async function rawRow(id: string) {
  const { rows } = await sql`select * from leads where id = ${id}`.execute(api.database.raw);
  return rows[0];
}

async function activityCount(leadId: string): Promise<number> {
  const { n } = await api.database.db
    .selectFrom('leadActivities')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('leadId', '=', leadId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

describe('an agent and another agent’s lead', () => {
  let theirs: Lead;
  let mine: Lead;
  let before: { row: unknown; activities: number };

  beforeAll(async () => {
    theirs = await api.as(agentB).leads.create({ firstName: 'Zohreh', lastName: 'Tavakoli', mobile: '09127654321', company: 'Behnoush' });
    mine = await api.as(agentA).leads.create({ firstName: 'Kaveh', lastName: 'Saberi' });
    expect(theirs.ownerId).toBe(agentB.id);
    before = { row: await rawRow(theirs.id), activities: await activityCount(theirs.id) };
  });

  it('cannot read it: get and activities.list are NOT_FOUND', async () => {
    const a = api.as(agentA);
    expect((await failure(a.leads.get({ id: theirs.id }))).code).toBe('NOT_FOUND');
    expect((await failure(a.activities.list({ leadId: theirs.id }))).code).toBe('NOT_FOUND');
    // Their owner can.
    expect((await api.as(agentB).leads.get({ id: theirs.id })).id).toBe(theirs.id);
    expect((await api.as(agentB).activities.list({ leadId: theirs.id })).items.length).toBeGreaterThan(0);
  });

  it('never sees it in a list: no filter, filtered by its owner, searched, archived', async () => {
    const a = api.as(agentA);
    const all = await a.leads.list({ limit: 200 });
    expect(all.items.map((l) => l.id)).toContain(mine.id);
    expect(all.items.every((l) => l.ownerId === agentA.id)).toBe(true);
    expect((await a.leads.list({ filter: { ownerId: agentB.id } })).items).toEqual([]);
    expect((await a.leads.list({ filter: { ownerId: null } })).items).toEqual([]);
    for (const search of ['Tavakoli', 'Behnoush', '0912765', 'Zo']) {
      expect((await a.leads.list({ filter: { search } })).items, search).toEqual([]);
      // The search itself works: its owner finds it.
      expect((await api.as(agentB).leads.list({ filter: { search } })).items.map((l) => l.id), search).toEqual([theirs.id]);
    }
    expect((await a.leads.list({ filter: { archived: true } })).items).toEqual([]);
  });

  it('cannot change it through any procedure', async () => {
    const a = api.as(agentA);
    expect((await failure(a.leads.update({ id: theirs.id, version: theirs.version, patch: { firstName: 'Hacked' } }))).code).toBe('NOT_FOUND');
    expect((await failure(a.leads.setStage({ id: theirs.id, stage: 'customer' }))).code).toBe('NOT_FOUND');
    expect((await failure(a.leads.archive({ ids: [theirs.id] }))).code).toBe('NOT_FOUND');
    expect((await failure(a.leads.unarchive({ ids: [theirs.id] }))).code).toBe('NOT_FOUND');
    // Taking it: the agent may assign to themselves, but not a lead outside their scope.
    expect((await failure(a.leads.assign({ ids: [theirs.id], ownerId: agentA.id }))).code).toBe('NOT_FOUND');
    // Giving it to someone else or to nobody: not an agent's decision.
    expect((await failure(a.leads.assign({ ids: [theirs.id], ownerId: agentB.id }))).code).toBe('FORBIDDEN');
    expect((await failure(a.leads.assign({ ids: [theirs.id], ownerId: null }))).code).toBe('FORBIDDEN');
    // Hidden among their own leads in a bulk call: all or nothing.
    const mineBefore = await rawRow(mine.id);
    expect((await failure(a.leads.archive({ ids: [mine.id, theirs.id] }))).code).toBe('NOT_FOUND');
    expect((await failure(a.leads.assign({ ids: [mine.id, theirs.id], ownerId: agentA.id }))).code).toBe('NOT_FOUND');
    expect(await rawRow(mine.id)).toEqual(mineBefore);
  });

  it('after all those attempts the lead is unchanged, byte for byte', async () => {
    expect(await rawRow(theirs.id)).toEqual(before.row);
    expect(await activityCount(theirs.id)).toBe(before.activities);
    const now = await api.as(admin).leads.get({ id: theirs.id });
    expect(now.version).toBe(theirs.version);
    expect(now.updatedAt).toEqual(theirs.updatedAt);
    expect(now).toEqual(theirs);
  });
});

describe('agents and ownership', () => {
  it('an agent creating a lead owns it', async () => {
    const lead = await api.as(agentA).leads.create({ lastName: 'Owned' });
    expect(lead.ownerId).toBe(agentA.id);
    const explicit = await api.as(agentA).leads.create({ lastName: 'Owned2', ownerId: agentA.id });
    expect(explicit.ownerId).toBe(agentA.id);
    const timeline = (await api.as(agentA).activities.list({ leadId: lead.id })).items;
    expect(timeline.find((a) => a.type === 'assigned')?.data).toEqual({ from: null, to: agentA.id });
  });

  it('an agent cannot create a lead owned by someone else', async () => {
    const count = async () => (await api.as(admin).leads.list({ filter: { search: 'ForeignOwner' } })).items.length;
    const before = await count();
    expect((await failure(api.as(agentA).leads.create({ lastName: 'ForeignOwner', ownerId: agentB.id }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(agentA).leads.create({ lastName: 'ForeignOwner', ownerId: manager.id }))).code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('an agent cannot give their own lead to someone else (assign or update)', async () => {
    const a = api.as(agentA);
    const lead = await a.leads.create({ lastName: 'KeepIt' });
    const row = await rawRow(lead.id);
    expect((await failure(a.leads.assign({ ids: [lead.id], ownerId: agentB.id }))).code).toBe('FORBIDDEN');
    expect((await failure(a.leads.assign({ ids: [lead.id], ownerId: null }))).code).toBe('FORBIDDEN');
    expect((await failure(a.leads.update({ id: lead.id, version: lead.version, patch: { ownerId: agentB.id } }))).code).toBe('FORBIDDEN');
    expect(await rawRow(lead.id)).toEqual(row);
    // Keeping it is fine.
    expect(await a.leads.assign({ ids: [lead.id], ownerId: agentA.id })).toEqual([lead]);
  });

  // Regression: update once let an agent set ownerId to null (checkOwner skipped the role check for null).
  it('an agent cannot unassign their own lead through update either', async () => {
    const a = api.as(agentA);
    const lead = await a.leads.create({ lastName: 'Drop' });
    const error = await failure(a.leads.update({ id: lead.id, version: lead.version, patch: { ownerId: null } }));
    expect(error.code).toBe('FORBIDDEN');
    expect((await api.as(admin).leads.get({ id: lead.id })).ownerId).toBe(agentA.id);
  });
});

describe('managers and admins', () => {
  for (const role of ['manager', 'admin'] as const) {
    it(`a ${role} reads, lists and changes every lead`, async () => {
      const boss = role === 'manager' ? manager : admin;
      const c = api.as(boss);
      const lead = await api.as(agentB).leads.create({ lastName: `Boss${role}`, company: `Firm of ${role}` });
      expect(await c.leads.get({ id: lead.id })).toEqual(lead);
      expect((await c.leads.list({ filter: { ownerId: agentB.id }, limit: 200 })).items.map((l) => l.id)).toContain(lead.id);
      expect((await c.leads.list({ filter: { search: `firm ${role}` } })).items.map((l) => l.id)).toEqual([lead.id]);
      expect((await c.leads.list({ limit: 200 })).items.some((l) => l.ownerId === agentA.id)).toBe(true);

      const updated = await c.leads.update({ id: lead.id, version: 1, patch: { jobTitle: 'Buyer' } });
      expect(updated).toMatchObject({ jobTitle: 'Buyer', version: 2 });
      expect((await c.leads.setStage({ id: lead.id, stage: 'qualified' })).stage).toBe('qualified');
      expect((await c.leads.assign({ ids: [lead.id], ownerId: agentA.id }))[0]!.ownerId).toBe(agentA.id);
      expect((await c.leads.archive({ ids: [lead.id] }))[0]!.archivedAt).toBeInstanceOf(Date);
      expect((await c.leads.unarchive({ ids: [lead.id] }))[0]!.archivedAt).toBeNull();
      const timeline = (await c.activities.list({ leadId: lead.id })).items;
      expect(timeline.filter((a) => a.actorId === boss.id).map((a) => a.type).sort()).toEqual(
        ['archived', 'assigned', 'stage_changed', 'unarchived', 'updated'],
      );
      // Now agent A's, no longer agent B's.
      expect((await failure(api.as(agentB).leads.get({ id: lead.id }))).code).toBe('NOT_FOUND');
      expect((await api.as(agentA).leads.get({ id: lead.id })).id).toBe(lead.id);
    });
  }

  it('a manager may create a lead for another user, or for nobody', async () => {
    expect((await api.as(manager).leads.create({ lastName: 'ForB', ownerId: agentB.id })).ownerId).toBe(agentB.id);
    expect((await api.as(manager).leads.create({ lastName: 'ForNobody' })).ownerId).toBeNull();
  });
});

describe('who can own leads', () => {
  let inactive: SessionUser;
  beforeAll(async () => {
    inactive = await api.user('agent', 'gone');
    await api.as(admin).users.update({ id: inactive.id, active: false });
  });

  it('assigning to an inactive user: BAD_REQUEST on ownerId, inactive_user', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'ToInactive' });
    const error = await failure(api.as(manager).leads.assign({ ids: [lead.id], ownerId: inactive.id }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toEqual([{ field: 'ownerId', code: 'inactive_user' }]);
    const onCreate = await failure(api.as(manager).leads.create({ lastName: 'ToInactive2', ownerId: inactive.id }));
    expect(fieldsOf(onCreate)).toEqual([{ field: 'ownerId', code: 'inactive_user' }]);
    expect((await api.as(manager).leads.get({ id: lead.id })).ownerId).toBeNull();
  });

  it('assigning to a user who does not exist: BAD_REQUEST on ownerId, unknown_value', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'ToNobody' });
    for (const ownerId of [crypto.randomUUID(), 'no-such-user']) {
      const error = await failure(api.as(manager).leads.assign({ ids: [lead.id], ownerId }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldsOf(error)).toEqual([{ field: 'ownerId', code: 'unknown_value' }]);
    }
    const onCreate = await failure(api.as(admin).leads.create({ lastName: 'ToNobody2', ownerId: crypto.randomUUID() }));
    expect(fieldsOf(onCreate)).toEqual([{ field: 'ownerId', code: 'unknown_value' }]);
    expect((await api.as(manager).leads.get({ id: lead.id })).version).toBe(1);
  });
});

describe('anonymous callers', () => {
  it('are UNAUTHORIZED on every leads, users, activities and picklists procedure', async () => {
    const anon = api.as(null);
    const id = crypto.randomUUID();
    const calls: [string, () => Promise<unknown>][] = [
      ['leads.create', () => anon.leads.create({ lastName: 'Anon' })],
      ['leads.get', () => anon.leads.get({ id })],
      ['leads.list', () => anon.leads.list()],
      ['leads.update', () => anon.leads.update({ id, version: 1, patch: { lastName: 'x' } })],
      ['leads.setStage', () => anon.leads.setStage({ id, stage: 'open' })],
      ['leads.assign', () => anon.leads.assign({ ids: [id], ownerId: null })],
      ['leads.archive', () => anon.leads.archive({ ids: [id] })],
      ['leads.unarchive', () => anon.leads.unarchive({ ids: [id] })],
      ['users.list', () => anon.users.list()],
      ['users.create', () => anon.users.create({ email: 'anon@example.com', name: 'Anon', password: 'password-123', role: 'admin' })],
      ['users.update', () => anon.users.update({ id: admin.id, role: 'agent' })],
      ['activities.list', () => anon.activities.list({ leadId: id })],
      ['picklists.list', () => anon.picklists.list()],
    ];
    for (const [name, call] of calls) expect((await failure(call())).code, name).toBe('UNAUTHORIZED');
    expect((await api.as(admin).users.list()).some((u) => u.email === 'anon@example.com')).toBe(false);
  });

  it('auth.me is null for an anonymous caller and the user for a signed-in one', async () => {
    expect(await api.as(null).auth.me()).toBeNull();
    expect(await api.as(agentA, 'fa').auth.me()).toEqual({ id: agentA.id, name: agentA.name, email: agentA.email, role: 'agent', locale: 'fa' });
  });
});

describe('users', () => {
  it('users.create and users.update are FORBIDDEN for agents and managers', async () => {
    for (const user of [agentA, manager]) {
      const c = api.as(user);
      const created = await failure(c.users.create({ email: `x-${user.role}@example.com`, name: 'X', password: 'password-123', role: 'admin' }));
      expect(created.code).toBe('FORBIDDEN');
      expect((await failure(c.users.update({ id: user.id, role: 'admin' }))).code).toBe('FORBIDDEN');
      expect((await failure(c.users.update({ id: agentB.id, active: false }))).code).toBe('FORBIDDEN');
    }
    const users = await api.as(admin).users.list();
    expect(users.find((u) => u.id === manager.id)?.role).toBe('manager');
    expect(users.find((u) => u.id === agentA.id)?.role).toBe('agent');
    expect(users.find((u) => u.id === agentB.id)?.active).toBe(true);
    expect(users.some((u) => u.email.startsWith('x-'))).toBe(false);
  });

  it('an admin creates and updates users; a duplicate email is a CONFLICT on email', async () => {
    const c = api.as(admin);
    const created = await c.users.create({ email: 'New.Agent@Example.com', name: 'New Agent', password: 'password-123', role: 'agent' });
    expect(created).toMatchObject({ email: 'new.agent@example.com', name: 'New Agent', role: 'agent', active: true });
    const promoted = await c.users.update({ id: created.id, role: 'manager', name: 'Now Manager' });
    expect(promoted).toMatchObject({ id: created.id, role: 'manager', name: 'Now Manager' });

    const duplicate = await failure(c.users.create({ email: 'new.agent@example.com', name: 'Again', password: 'password-123', role: 'agent' }));
    expect(duplicate.code).toBe('CONFLICT');
    expect(fieldsOf(duplicate).map((f) => f.field)).toEqual(['email']);
    // Case does not make it another address.
    expect((await failure(c.users.create({ email: 'NEW.AGENT@example.com', name: 'Again', password: 'password-123', role: 'agent' }))).code).toBe('CONFLICT');
    expect((await c.users.list()).filter((u) => u.email === 'new.agent@example.com')).toHaveLength(1);

    expect((await failure(c.users.update({ id: crypto.randomUUID(), name: 'Ghost' }))).code).toBe('NOT_FOUND');
  });

  it('users.list works for every signed-in user and never returns password hashes', async () => {
    const hashes = (await api.database.db.selectFrom('accounts').select('password').execute()).map((r) => r.password).filter((p): p is string => !!p);
    expect(hashes.length).toBeGreaterThan(0);
    for (const user of [agentA, manager, admin]) {
      const list = await api.as(user).users.list();
      expect(list.map((u) => u.id)).toEqual(expect.arrayContaining([admin.id, manager.id, agentA.id, agentB.id]));
      const text = JSON.stringify(list);
      for (const hash of hashes) expect(text).not.toContain(hash);
      for (const u of list) {
        expect(Object.keys(u).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'name', 'role', 'updatedAt']);
      }
    }
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated or demoted; one of two can', async () => {
    const c = api.as(admin);
    const admins = (await c.users.list()).filter((u) => u.role === 'admin' && u.active);
    expect(admins.map((u) => u.id)).toEqual([admin.id]);

    expect((await failure(c.users.update({ id: admin.id, active: false }))).code).toBe('CONFLICT');
    expect((await failure(c.users.update({ id: admin.id, role: 'manager' }))).code).toBe('CONFLICT');
    expect((await failure(c.users.update({ id: admin.id, role: 'agent', active: false }))).code).toBe('CONFLICT');
    expect(await c.users.list()).toContainEqual(expect.objectContaining({ id: admin.id, role: 'admin', active: true }));
    // Changing other things is fine.
    expect((await c.users.update({ id: admin.id, name: 'Chief', role: 'admin' })).name).toBe('Chief');

    const second = await c.users.create({ email: 'second.admin@example.com', name: 'Second', password: 'password-123', role: 'admin' });
    expect((await c.users.update({ id: second.id, role: 'manager' })).role).toBe('manager');
    // Second is a manager now: the first admin is the last one again.
    expect((await failure(c.users.update({ id: admin.id, active: false }))).code).toBe('CONFLICT');
    await c.users.update({ id: second.id, role: 'admin' });
    expect((await c.users.update({ id: admin.id, active: false })).active).toBe(false);
    expect((await failure(api.as(second as SessionUser).users.update({ id: second.id, active: false }))).code).toBe('CONFLICT');
    // Restore for any test that runs after.
    await api.as(second as SessionUser).users.update({ id: admin.id, active: true });
  });
});

// Regression: the last-admin rule was a check-then-act race; the admins are now locked in one transaction.
it('two admins deactivating each other at once leave one active admin', async () => {
  const own = await createTestApi();
  try {
    const a = await own.user('admin');
    const b = await own.user('admin');
    const results = await Promise.allSettled([
      own.as(a).users.update({ id: b.id, active: false }),
      own.as(b).users.update({ id: a.id, active: false }),
    ]);
    const activeAdmins = (await own.services.users.list()).filter((u) => u.role === 'admin' && u.active);
    expect(activeAdmins).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  } finally {
    await own.dispose();
  }
});
