import { openDatabase } from '@sarnakh/db';
import { definePlugin, distributionStrategies, type DistributionInput } from '@sarnakh/plugin-sdk';
import { startTestPlatform, type TestPlatform } from '@sarnakh/plugin-testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundRobinPlugin, roundRobinStrategy } from './index.js';

/** Another plugin's strategy, for the fallback pool: the first candidate. */
const firstPick = definePlugin({
  id: 'first-pick',
  version: '0.1.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.register(distributionStrategies, {
      id: 'first',
      label: { fa: 'اولی', ar: 'الأول', en: 'First' },
      pick: async ({ candidates }) => candidates[0] ?? null,
    });
  },
});

const plugins = [roundRobinPlugin, firstPick] as const;
type User = Awaited<ReturnType<TestPlatform<typeof plugins>['user']>>;

let t: TestPlatform<typeof plugins>;
let admin: User;
let manager: User;
let pool: User[];
beforeAll(async () => {
  t = await startTestPlatform({ plugins });
  admin = await t.user('admin');
  manager = await t.user('manager');
  pool = [];
  for (let i = 1; i <= 7; i++) pool.push(await t.user('agent', `p${i}`));
});
afterAll(() => t.dispose());

const ids = (users: readonly User[]) => users.map((u) => u.id);

/** Leads per owner among `leads`, for each of `users` (0 when none), in their order. */
function tally(leads: readonly { ownerId: string | null }[], users: readonly User[]): number[] {
  return users.map((u) => leads.filter((l) => l.ownerId === u.id).length);
}

/** `n` leads created at once by a manager, without an owner, so the rules distribute them. */
function createMany(n: number, fields: { province?: string; source?: string } = {}, tag = 'Lead') {
  return Promise.all(Array.from({ length: n }, (_, i) => t.as(manager).leads.create({ lastName: `${tag} ${i}`, ...fields })));
}

async function trpcFailure(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('round robin under concurrency', () => {
  it('1,000 simultaneous leads into a pool of 7: each assigned once, max − min ≤ 1', async () => {
    await t.as(admin).distribution.setRules({ rules: [{ name: 'pool-of-7', userIds: ids(pool), strategy: 'round-robin' }] });
    const leads = await createMany(1000, { province: 'Tehran' }, 'Concurrent');
    const counts = tally(leads, pool);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

    // Every lead has exactly one `assigned` activity, naming the rule, strategy and candidates.
    const { rows } = await t.database.executeSql(
      `select count(*)::int as leads, count(*) filter (where n = 1)::int as once from (
         select l.id, count(a.id) as n from leads l
         left join lead_activities a on a.lead_id = l.id and a.type = 'assigned'
         where l.last_name like 'Concurrent %' group by l.id) x`,
    );
    expect(rows[0]).toEqual({ leads: 1000, once: 1000 });
    const timeline = (await t.as(manager).activities.list({ leadId: leads[0]!.id })).items;
    expect(timeline.find((a) => a.type === 'assigned')?.data).toEqual({
      from: null,
      to: leads[0]!.ownerId,
      via: { rule: 'pool-of-7', strategy: 'round-robin', candidates: ids(pool) },
    });
    expect(await t.as(manager).roundRobin.pools()).toEqual([{ rule: 'pool-of-7', position: 1000, updatedAt: expect.any(Date) }]);
    // A correctness test, not a timed one: 1,000 captures take about 10 s on a quiet 2-core machine.
  }, 180_000);

  it('web-to-lead captures (no signed-in actor) continue the same fair rotation', async () => {
    const { key } = await t.as(admin).apiKeys.create({ name: 'site', kind: 'server', rateLimitPerMinute: 100_000 });
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request('/api/capture/leads', {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ lastName: `Captured ${i}` }),
        }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(100).fill(201));
    const { rows } = await t.database.executeSql(`select owner_id as "ownerId" from leads where last_name like 'Captured %' or last_name like 'Concurrent %'`);
    const counts = tally(rows as { ownerId: string | null }[], pool);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1100);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    const today = await t.as(manager).roundRobin.today();
    expect(pool.map((u) => today.find((c) => c.userId === u.id)?.assigned)).toEqual(counts);
  });

  it('two server processes (two connection pools) share one fair rotation', async () => {
    // On PostgreSQL a second pool is what a second server process has; the embedded database has one connection.
    const url = process.env.DATABASE_URL;
    const second = url ? await openDatabase({ url, schema: t.database.schema!, maxConnections: 5 }) : t.database;
    try {
      const [one, two] = [t.database, second].map((database) => roundRobinStrategy({ database, defaultTimeZone: () => 'Asia/Tehran' }));
      const input = { lead: {}, candidates: ids(pool), rule: 'two-processes' } as unknown as DistributionInput;
      const picks = await Promise.all(Array.from({ length: 700 }, (_, i) => (i % 2 === 0 ? one! : two!).pick(input)));
      expect(tally(picks.map((ownerId) => ({ ownerId })), pool)).toEqual(Array(7).fill(100));
    } finally {
      if (second !== t.database) await second.close();
    }
  });

  it('weights: a weight-3 user gets three turns per cycle, within one turn of the share', async () => {
    const [a, b, c] = pool as [User, User, User];
    await t.as(admin).distribution.setRules({
      rules: [{ name: 'weighted', userIds: ids([a, b, c]), strategy: 'round-robin', weights: { [a.id]: 3, [b.id]: 2 } }],
    });
    const leads = await createMany(125, {}, 'Weighted');
    const counts = tally(leads, [a, b, c]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(125);
    [3, 2, 1].forEach((weight, i) => expect(Math.abs(counts[i]! - (125 * weight) / 6)).toBeLessThanOrEqual(1));

    // A member's own weight applies where the rule gives none.
    const [, , , d, e] = pool as [User, User, User, User, User];
    await t.as(manager).roundRobin.members.update({ userId: d.id, weight: 3 });
    await t.as(admin).distribution.setRules({ rules: [{ name: 'member-weights', userIds: ids([d, e]), strategy: 'round-robin' }] });
    expect(tally(await createMany(40, {}, 'MemberWeight'), [d, e])).toEqual([30, 10]);
    await t.as(manager).roundRobin.members.update({ userId: d.id, weight: 1 });
  });

  it('an inactive user gets none', async () => {
    const quitter = pool[6]!;
    await t.as(admin).users.update({ id: quitter.id, active: false });
    try {
      await t.as(admin).distribution.setRules({ rules: [{ name: 'without-quitter', userIds: ids(pool), strategy: 'round-robin' }] });
      const leads = await createMany(60, {}, 'Inactive');
      expect(tally(leads, pool)).toEqual([10, 10, 10, 10, 10, 10, 0]);
      const assigned = (await t.as(manager).activities.list({ leadId: leads[0]!.id })).items;
      expect(assigned.find((a) => a.type === 'assigned')?.data).toMatchObject({ via: { candidates: ids(pool.slice(0, 6)) } });
    } finally {
      await t.as(admin).users.update({ id: quitter.id, active: true });
    }
  });
});

describe('caps and availability', () => {
  let c1: User, c2: User, c3: User;
  beforeAll(async () => {
    c1 = await t.user('agent', 'c1');
    c2 = await t.user('agent', 'c2');
    c3 = await t.user('agent', 'c3');
  });

  it('a daily cap is honored; the rest go to the others', async () => {
    await t.as(manager).roundRobin.members.update({ userId: c1.id, dailyCap: 2 });
    await t.as(admin).distribution.setRules({ rules: [{ name: 'capped', userIds: ids([c1, c2, c3]), strategy: 'round-robin' }] });
    const [first, second, third] = tally(await createMany(30, {}, 'Capped'), [c1, c2, c3]) as [number, number, number];
    expect(first).toBe(2);
    expect(second + third).toBe(28);
    expect(Math.abs(second - third)).toBeLessThanOrEqual(2);

    const members = await t.as(manager).roundRobin.members.list();
    expect(members.find((m) => m.userId === c1.id)).toMatchObject({ dailyCap: 2, assignedToday: 2, unavailable: 'capped', effectiveTimeZone: 'Asia/Tehran' });
    expect((await t.as(manager).roundRobin.today()).find((c) => c.userId === c1.id)).toMatchObject({ assigned: 2, dailyCap: 2 });
  });

  it('everyone capped, away or off hours: the lead stays unassigned', async () => {
    await t.as(admin).distribution.setRules({ rules: [{ name: 'only-c1', userIds: [c1.id], strategy: 'round-robin' }] });
    expect((await t.as(manager).leads.create({ lastName: 'Overflow' })).ownerId).toBeNull();

    await t.as(manager).roundRobin.members.update({ userId: c2.id, workingHours: [] });
    await t.as(manager).roundRobin.members.update({ userId: c3.id, leave: [{ from: day(-1), to: day(1) }] });
    await t.as(admin).distribution.setRules({ rules: [{ name: 'away', userIds: ids([c1, c2, c3]), strategy: 'round-robin' }] });
    expect((await t.as(manager).leads.create({ lastName: 'Nobody home' })).ownerId).toBeNull();
    const members = await t.as(manager).roundRobin.members.list();
    expect([c1, c2, c3].map((c) => members.find((m) => m.userId === c.id)?.unavailable)).toEqual(['capped', 'off_hours', 'leave']);

    // Back from leave, working round the clock: c3 takes the next lead.
    await t.as(manager).roundRobin.members.update({ userId: c3.id, leave: [], workingHours: null });
    expect((await t.as(manager).leads.create({ lastName: 'Welcome back' })).ownerId).toBe(c3.id);
  });

  it('members.update validates by field and is for managers and admins', async () => {
    const bad = await trpcFailure(
      t.as(manager).roundRobin.members.update({
        userId: c2.id,
        timeZone: 'Mars/Olympus',
        workingHours: [{ day: 'sat', from: '9:00', to: '17:00' }],
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(bad.cause)).toMatch(/timeZone/);
    expect((await trpcFailure(t.as(c2).roundRobin.members.update({ userId: c2.id, dailyCap: 100 }))).code).toBe('FORBIDDEN');
    expect((await trpcFailure(t.as(manager).roundRobin.members.update({ userId: 'ghost', dailyCap: 1 }))).code).toBe('NOT_FOUND');
  });
});

describe('least loaded', () => {
  it('picks whoever has the fewest open leads (archived, converted, won and lost do not count)', async () => {
    const [l1, l2, l3] = [await t.user('agent', 'l1'), await t.user('agent', 'l2'), await t.user('agent', 'l3')];
    const own = (owner: User, n: number, stage?: string) =>
      Promise.all(Array.from({ length: n }, (_, i) => t.as(manager).leads.create({ lastName: `Load ${owner.name} ${i}`, ownerId: owner.id, ...(stage ? { stage } : {}) })));
    await own(l1, 3);
    await own(l2, 1);
    await own(l2, 2, 'customer');
    const [archived] = await own(l2, 1);
    await t.as(manager).leads.archive({ ids: [archived!.id] });
    await own(l3, 1, 'disqualified');

    await t.as(admin).distribution.setRules({ rules: [{ name: 'least', userIds: ids([l1, l2, l3]), strategy: 'least-loaded' }] });
    const first = await t.as(manager).leads.create({ lastName: 'Least 0' });
    expect(first.ownerId).toBe(l3.id);
    for (let i = 1; i <= 4; i++) await t.as(manager).leads.create({ lastName: `Least ${i}` });
    // 3, 1, 0 open → l3, then l2 and l3 in turn, until all three carry 3.
    const { rows } = await t.database.executeSql(`select owner_id as "ownerId" from leads where last_name like 'Least %'`);
    expect(tally(rows as { ownerId: string }[], [l1, l2, l3])).toEqual([0, 2, 3]);
    const timeline = (await t.as(manager).activities.list({ leadId: first.id })).items;
    expect(timeline.find((a) => a.type === 'assigned')?.data).toMatchObject({ via: { rule: 'least', strategy: 'least-loaded' } });
  });
});

describe('rules', () => {
  it('the first matching rule wins, by province and source; else the fallback pool', async () => {
    const [a, b, c] = pool as [User, User, User];
    await t.as(admin).distribution.setRules({
      rules: [
        { name: 'tehran', conditions: [{ field: 'province', op: 'eq', value: 'Tehran' }], userIds: [a.id], strategy: 'round-robin' },
        { name: 'referrals', conditions: [{ field: 'source', op: 'in', value: ['referral', 'exhibition'] }], userIds: [b.id], strategy: 'round-robin' },
      ],
      fallback: { userIds: [c.id], strategy: 'least-loaded' },
    });
    const both = await t.as(manager).leads.create({ lastName: 'Both', province: 'tehran', source: 'referral' });
    const referral = await t.as(manager).leads.create({ lastName: 'Referral', province: 'Fars', source: 'referral' });
    const other = await t.as(manager).leads.create({ lastName: 'Other', province: 'Fars', source: 'website' });
    expect([both.ownerId, referral.ownerId, other.ownerId]).toEqual([a.id, b.id, c.id]);
    const via = async (leadId: string) =>
      (await t.as(manager).activities.list({ leadId })).items.find((x) => x.type === 'assigned')?.data;
    expect(await via(both.id)).toEqual({ from: null, to: a.id, via: { rule: 'tehran', strategy: 'round-robin', candidates: [a.id] } });
    expect(await via(other.id)).toEqual({ from: null, to: c.id, via: { rule: 'fallback', strategy: 'least-loaded', candidates: [c.id] } });
  });

  it('setRules refuses unknown users and strategies by name; lists the enabled strategies', async () => {
    expect((await t.as(manager).distribution.strategies()).map((s) => s.id)).toEqual(['round-robin', 'least-loaded', 'first']);
    const error = await trpcFailure(
      t.as(admin).distribution.setRules({ rules: [{ name: 'r', userIds: ['ghost'], strategy: 'random' }] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect((error.cause as unknown as { fields: { field: string; message: string }[] }).fields).toEqual([
      {
        field: 'rules.0.strategy',
        code: 'unknown_value',
        message: 'There is no enabled strategy "random". Enabled strategies: round-robin, least-loaded, first.',
      },
      { field: 'rules.0.userIds.0', code: 'unknown_value', message: 'There is no user "ghost".' },
    ]);
  });

  it('with the plugin disabled its rules fall back, or leave leads unassigned', async () => {
    const [a, b, c] = pool as [User, User, User];
    await t.as(admin).distribution.setRules({
      rules: [{ name: 'rr', userIds: ids([a, b]), strategy: 'round-robin' }],
      fallback: { userIds: [c.id], strategy: 'first' },
    });
    await t.as(admin).plugins.setEnabled({ id: 'round-robin', enabled: false });
    try {
      expect((await t.as(manager).distribution.strategies()).map((s) => s.id)).toEqual(['first']);
      expect((await trpcFailure(t.as(manager).roundRobin.today())).code).toBe('NOT_FOUND');
      const fellBack = await t.as(manager).leads.create({ lastName: 'Fell back' });
      expect(fellBack.ownerId).toBe(c.id);
      const timeline = (await t.as(manager).activities.list({ leadId: fellBack.id })).items;
      expect(timeline.find((x) => x.type === 'assigned')?.data).toEqual({
        from: null,
        to: c.id,
        via: { rule: 'fallback', strategy: 'first', candidates: [c.id], fallbackFrom: { rule: 'rr', reason: 'strategy_unavailable' } },
      });

      await t.as(admin).plugins.setEnabled({ id: 'first-pick', enabled: false });
      expect((await t.as(manager).leads.create({ lastName: 'Unassigned' })).ownerId).toBeNull();
    } finally {
      await t.as(admin).plugins.setEnabled({ id: 'first-pick', enabled: true });
      await t.as(admin).plugins.setEnabled({ id: 'round-robin', enabled: true });
    }
    expect([a.id, b.id]).toContain((await t.as(manager).leads.create({ lastName: 'Back' })).ownerId);
  });
});
