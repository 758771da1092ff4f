import { definePlugin, distributionStrategies, zodIssuesToFieldErrors, type DistributionInput } from '@sarnakh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

/** A strategy that takes the first candidate, remembering what it was offered. */
const offered: DistributionInput[] = [];
const firstPlugin = definePlugin({
  id: 'first-pick',
  version: '0.1.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.register(distributionStrategies, {
      id: 'first',
      label: { fa: 'اولی', ar: 'الأول', en: 'First' },
      pick: async (input) => (offered.push(input), input.candidates[0] ?? null),
    });
  },
});

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;
let a: SessionUser;
let b: SessionUser;
beforeAll(async () => {
  api = await createTestApi([firstPlugin]);
  admin = await api.user('admin');
  manager = await api.user('manager');
  agent = await api.user('agent');
  a = await api.user('agent', 'a');
  b = await api.user('agent', 'b');
});
afterAll(() => api.dispose());

/** The field errors a call fails with, as `field: message` (input shape errors as the error formatter reports them). */
async function fieldsOf(call: Promise<unknown>): Promise<string[]> {
  const error = await failure(call);
  expect(error.code).toBe('BAD_REQUEST');
  const fields = error.cause instanceof FieldErrors ? error.cause.fields : zodIssuesToFieldErrors((error.cause as ZodError).issues, 'en');
  return fields.map((f) => `${f.field}: ${f.message}`);
}

describe('distribution.*', () => {
  it('starts with no rules; managers read them, only admins change them', async () => {
    expect(await api.as(manager).distribution.getRules()).toEqual({ rules: [], fallback: null });
    expect((await failure(api.as(agent).distribution.getRules())).code).toBe('FORBIDDEN');
    expect((await failure(api.as(manager).distribution.setRules({ rules: [] }))).code).toBe('FORBIDDEN');
    expect(await api.as(manager).distribution.strategies()).toEqual([
      { id: 'first', label: { fa: 'اولی', ar: 'الأول', en: 'First' }, pluginId: 'first-pick' },
    ]);
  });

  it('refuses unknown users and strategies by name, each by its field', async () => {
    const fields = await fieldsOf(
      api.as(admin).distribution.setRules({
        rules: [{ name: 'r', userIds: [a.id, 'ghost'], strategy: 'round-robin' }],
        fallback: { userIds: ['nobody'], strategy: 'first' },
      }),
    );
    expect(fields).toEqual([
      'rules.0.strategy: There is no enabled strategy "round-robin". Enabled strategies: first.',
      'rules.0.userIds.1: There is no user "ghost".',
      'fallback.userIds.0: There is no user "nobody".',
    ]);
    const shape = await fieldsOf(api.as(admin).distribution.setRules({ rules: [{ name: 'r', userIds: [], strategy: 'first' }] }));
    expect(shape.map((f) => f.split(':')[0])).toEqual(['rules.0.userIds']);
    expect(await api.as(admin).distribution.getRules()).toEqual({ rules: [], fallback: null });
  });

  it('assigns unowned leads by the first matching rule and records why', async () => {
    await api.as(admin).distribution.setRules({
      rules: [{ name: 'tehran', conditions: [{ field: 'province', op: 'eq', value: 'Tehran' }], userIds: [b.id, a.id], strategy: 'first' }],
      fallback: { userIds: [a.id], strategy: 'first' },
    });
    const lead = await api.as(manager).leads.create({ lastName: 'Rahimi', province: 'tehran' });
    expect(lead.ownerId).toBe(b.id);
    expect(offered.at(-1)).toMatchObject({ rule: 'tehran', candidates: [b.id, a.id], lead: { score: 0, qualification: 'cold' } });
    const assigned = (await api.as(manager).activities.list({ leadId: lead.id })).items.find((x) => x.type === 'assigned');
    expect(assigned?.data).toEqual({ from: null, to: b.id, via: { rule: 'tehran', strategy: 'first', candidates: [b.id, a.id] } });

    expect((await api.as(manager).leads.create({ lastName: 'Elsewhere', province: 'Fars' })).ownerId).toBe(a.id);
    // An agent's lead is theirs; an owner given is kept: no rule runs.
    const calls = offered.length;
    expect((await api.as(agent).leads.create({ lastName: 'Mine', province: 'Tehran' })).ownerId).toBe(agent.id);
    expect((await api.as(manager).leads.create({ lastName: 'Given', province: 'Tehran', ownerId: a.id })).ownerId).toBe(a.id);
    expect(offered.length).toBe(calls);
  });

  it('skips inactive users, and leaves a lead unassigned when its strategy is gone', async () => {
    await api.as(admin).users.update({ id: b.id, active: false });
    expect((await api.as(manager).leads.create({ lastName: 'Second', province: 'Tehran' })).ownerId).toBe(a.id);
    await api.as(admin).users.update({ id: b.id, active: true });

    api.services.plugins.host.setEnabled('first-pick', false);
    try {
      expect(await api.as(manager).distribution.strategies()).toEqual([]);
      expect((await api.as(manager).leads.create({ lastName: 'Nobody', province: 'Tehran' })).ownerId).toBeNull();
    } finally {
      api.services.plugins.host.setEnabled('first-pick', true);
    }
  });
});
