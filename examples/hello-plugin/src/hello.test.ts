import type { SessionUser } from '@sarnakh/api';
import { startTestPlatform, type TestPlatform } from '@sarnakh/plugin-testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helloPlugin, isValidSheba, normalizeSheba, shebaFieldType } from './index.js';
import { utcDay } from './counts.js';

const plugins = [helloPlugin] as const;
let t: TestPlatform<typeof plugins>;
let admin: SessionUser;
let agent: SessionUser;
const today = utcDay(new Date());

beforeAll(async () => {
  t = await startTestPlatform({ plugins });
  admin = await t.user('admin');
  agent = await t.user('agent');
});
afterAll(() => t.dispose());

async function trpcFailure(call: Promise<unknown>): Promise<TRPCError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('the Sheba field type', () => {
  it('accepts valid numbers in any digits and spacing, refuses bad checks', () => {
    expect(isValidSheba('IR820540102680020817909002')).toBe(true);
    expect(normalizeSheba('ir82 0540 1026 8002 0817 9090 02')).toBe('IR820540102680020817909002');
    expect(normalizeSheba('۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲')).toBe('IR820540102680020817909002');
    expect(isValidSheba('IR820540102680020817909003')).toBe(false);
    const schema = shebaFieldType.valueSchema({});
    expect(schema.safeParse('IR82 0540 1026 8002 0817 9090 02').data).toBe('IR820540102680020817909002');
    expect(schema.safeParse('IR00').success).toBe(false);
    expect(shebaFieldType.format?.('IR820540102680020817909002', 'fa')).toBe('IR82 0540 1026 8002 0817 9090 02');
  });
});

describe('through the platform', () => {
  it('is listed, enabled, with its settings schema for admins', async () => {
    const [listed] = await t.as(admin).plugins.list();
    expect(listed).toMatchObject({ id: 'hello', key: 'hello', enabled: true, admin: { entry: '@sarnakh/example-hello/admin' } });
    expect(listed?.settings).toEqual({ sourcePoints: { referral: 30, website: 10 }, mobileBonus: 10 });
    expect(listed?.settingsSchema).toMatchObject({ type: 'object' });
  });

  it('scores new leads with its scorer and counts them by source', async () => {
    const lead = await t.as(agent).leads.create({ lastName: 'Moradi', source: 'referral', mobile: '09121234567' });
    expect(lead.score).toBe(40);
    expect(lead.qualification).toBe('mql');
    await t.as(agent).leads.create({ lastName: 'Web', source: 'website' });
    expect(await t.as(agent).hello.today()).toEqual([
      { source: 'referral', leads: 1 },
      { source: 'website', leads: 1 },
    ]);
    const res = await t.request('/api/plugins/hello/today');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ day: today, counts: [{ source: 'referral', leads: 1 }, { source: 'website', leads: 1 }] });
    expect(t.events.of('lead.created').map((e) => e.lead.lastName)).toEqual(['Moradi', 'Web']);
  });

  it('validates settings, naming the setting, and applies new ones to the next lead', async () => {
    const bad = await trpcFailure(t.as(admin).plugins.updateSettings({ id: 'hello', settings: { mobileBonus: 500 } }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(await trpcFailure(t.as(agent).plugins.updateSettings({ id: 'hello', settings: {} }))).toMatchObject({ code: 'FORBIDDEN' });

    await t.as(admin).plugins.updateSettings({ id: 'hello', settings: { sourcePoints: { referral: 80 }, mobileBonus: 0 } });
    const hot = await t.as(agent).leads.create({ lastName: 'Hot', source: 'referral', mobile: '09121234568' });
    expect(hot.score).toBe(80);
    expect(hot.qualification).toBe('sql');
    // Saved for the next start (and for other server processes).
    const { rows } = await t.database.executeSql(`select settings from plugin_state where plugin_id = 'hello'`);
    expect(rows[0]?.settings).toEqual({ sourcePoints: { referral: 80 }, mobileBonus: 0 });
  });

  it('a disabled plugin is silent: routes 404, procedures NOT_FOUND, no hooks, no score, no jobs', async () => {
    const queued = await t.as(admin).hello.recount({ day: today });
    expect(queued.jobId).toEqual(expect.any(String));
    await t.as(admin).plugins.setEnabled({ id: 'hello', enabled: false });
    try {
      expect((await t.request('/api/plugins/hello/today')).status).toBe(404);
      expect((await trpcFailure(t.as(agent).hello.today())).code).toBe('NOT_FOUND');
      const quiet = await t.as(agent).leads.create({ lastName: 'Quiet', source: 'referral', mobile: '09121234569' });
      expect(quiet.score).toBe(0);
      expect(await t.runJobs('hello.recount')).toBe(0);
    } finally {
      await t.as(admin).plugins.setEnabled({ id: 'hello', enabled: true });
    }
    // The queued recount runs once the plugin is back, and counts every lead of the day, Quiet included.
    expect(await t.runJobs('hello.recount')).toBe(1);
    expect(await t.as(agent).hello.today()).toEqual([
      { source: 'referral', leads: 3 },
      { source: 'website', leads: 1 },
    ]);
    // Idempotent: a second run changes nothing.
    await t.as(admin).hello.recount({ day: today });
    await t.runJobs('hello.recount');
    expect((await t.as(agent).hello.today()).reduce((n, c) => n + c.leads, 0)).toBe(4);
  });
});
