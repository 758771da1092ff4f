import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, failure, type TestApi } from './test-support/index.js';
import type { SessionUser } from './context.js';

let api: TestApi;
let manager: SessionUser;
let agent: SessionUser;
beforeAll(async () => {
  api = await createTestApi();
  manager = await api.user('manager');
  agent = await api.user('agent');
});
afterAll(() => api.dispose());

describe('duplicate policies on leads.create', () => {
  it('rejects by default, naming the existing lead and the field it matched', async () => {
    const first = await api.as(manager).leads.create({ firstName: 'Reza', mobile: '09121110001' });
    // The same person typed another way: Persian digits, spaces, the number in the phone field.
    const error = await failure(api.as(manager).leads.create({ lastName: 'Again', phone: '۰۹۱۲ ۱۱۱ ۰۰۰۱' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(first.id);
    const list = await api.as(manager).leads.list({ filter: { search: 'Again' } });
    expect(list.items).toHaveLength(0);
  });

  it('matches on email, case-insensitively', async () => {
    const first = await api.as(manager).leads.create({ lastName: 'Mail', email: 'Sina@Example.com' });
    const error = await failure(api.as(manager).leads.create({ lastName: 'Mail2', email: 'sina@example.COM' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(first.id);
  });

  it('attach logs the submission on the existing lead and returns it as duplicateOf', async () => {
    const first = await api.as(manager).leads.create({ firstName: 'Nasrin', mobile: '09121110002', city: 'Shiraz' });
    const again = await api.as(manager).leads.create({
      firstName: 'Nasrin',
      mobile: '+989121110002',
      description: 'asked for a quote',
      duplicatePolicy: 'attach',
    });
    expect(again.id).toBe(first.id);
    expect(again.duplicateOf).toBe(first.id);
    expect(again.description).toBeNull(); // the existing lead is not overwritten
    const timeline = (await api.as(manager).activities.list({ leadId: first.id })).items;
    const attached = timeline.find((a) => a.type === 'duplicate_submitted');
    expect(attached?.data).toMatchObject({
      origin: { channel: 'web' },
      matchedOn: 'mobile',
      submitted: { firstName: 'Nasrin', mobile: '+989121110002', description: 'asked for a quote' },
    });
  });

  it('create keeps both', async () => {
    const first = await api.as(manager).leads.create({ lastName: 'Twin', mobile: '09121110003' });
    const second = await api.as(manager).leads.create({ lastName: 'Twin', mobile: '09121110003', duplicatePolicy: 'create' });
    expect(second.id).not.toBe(first.id);
    expect(second.duplicateOf).toBeUndefined();
  });

  it('an archived lead is not a duplicate', async () => {
    const old = await api.as(manager).leads.create({ lastName: 'Gone', mobile: '09121110004' });
    await api.as(manager).leads.archive({ ids: [old.id] });
    const fresh = await api.as(manager).leads.create({ lastName: 'Back', mobile: '09121110004' });
    expect(fresh.id).not.toBe(old.id);
  });

  it("an agent attaching to someone else's lead is refused rather than handed it", async () => {
    const other = await api.as(manager).leads.create({ lastName: 'Theirs', mobile: '09121110005' });
    const error = await failure(api.as(agent).leads.create({ lastName: 'Mine?', mobile: '09121110005', duplicatePolicy: 'attach' }));
    expect(error.code).toBe('CONFLICT');
    await expect(api.as(agent).leads.get({ id: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('twenty simultaneous submissions of one person make exactly one lead', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        api.as(manager).leads.create({ lastName: `Rush${i}`, mobile: '09121110006', duplicatePolicy: 'attach' }),
      ),
    );
    const ids = new Set(results.map((r) => (r.status === 'fulfilled' ? r.value.id : 'failed')));
    expect(ids.size).toBe(1);
    expect(ids.has('failed')).toBe(false);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.duplicateOf === undefined);
    expect(created).toHaveLength(1);
  });
});
