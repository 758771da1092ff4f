import { createExtensionPoint, definePlugin, PluginError } from '@sarnakh/plugin-sdk';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestPlatform, type TestPlatform } from './index.js';

// Each test starts its own platform; dispose it even when the test fails.
const started: TestPlatform<readonly never[]>[] = [];
afterEach(async () => {
  for (const t of started.splice(0)) await t.dispose();
});
function keep<T>(t: T): T {
  started.push(t as unknown as TestPlatform<readonly never[]>);
  return t;
}

const greetings = createExtensionPoint<string>('test.greetings', { cardinality: 'many' });

describe('boot', () => {
  it('orders provide → plugin migrations → init by dependency, then seals the registry', async () => {
    const log: string[] = [];
    let lateRegister: (() => void) | undefined;
    const base = definePlugin({
      id: 'base',
      version: '1.0.0',
      compatibility: '^0.1.0',
      migrations: {
        '0001_base': {
          async up(db) {
            log.push('migrate base');
            await db.schema.createTable('base_items').addColumn('id', 'integer').execute();
          },
        },
      },
      provide(ctx) {
        log.push('provide base');
        ctx.register(greetings, 'salam');
      },
      async init(ctx) {
        // The plugin's own table exists by init.
        await sql`insert into base_items values (1)`.execute(ctx.services.database.raw);
        log.push(`init base sees ${ctx.getAll(greetings).join(',')}`);
      },
    });
    const child = definePlugin({
      id: 'child',
      version: '1.0.0',
      compatibility: '^0.1.0',
      dependsOn: ['base'],
      migrations: { '0001_child': { up: async () => void log.push('migrate child') } },
      provide(ctx) {
        log.push('provide child');
        ctx.register(greetings, 'marhaba');
        lateRegister = () => ctx.register(greetings, 'too late');
      },
      init: () => void log.push('init child'),
    });
    // Given in the wrong order on purpose.
    const t = keep(await startTestPlatform({ plugins: [child, base] }));
    expect(log).toEqual(['provide base', 'provide child', 'migrate base', 'migrate child', 'init base sees salam,marhaba', 'init child']);
    expect(t.platform.host.plugins.map((p) => p.id)).toEqual(['base', 'child']);
    expect(() => lateRegister?.()).toThrow(PluginError);
    expect(() => lateRegister?.()).toThrow(/sealed/);
    // Each plugin has its own migration history.
    const { rows } = await t.database.executeSql(`select name from plugin_base_migrations`);
    expect(rows).toEqual([{ name: '0001_base' }]);
  });

  it('refuses an incompatible plugin, naming it, its range and the core version', async () => {
    const old = definePlugin({ id: 'old-timer', version: '3.1.0', compatibility: '^2.0.0' });
    const error = await startTestPlatform({ plugins: [old] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toMatch(/old-timer/);
    expect((error as PluginError).message).toMatch(/\^2\.0\.0/);
    expect((error as PluginError).message).toMatch(/0\.1\.0/);
  });

  it('refuses a dependency cycle, showing the cycle', async () => {
    const a = definePlugin({ id: 'a', version: '1.0.0', compatibility: '*', dependsOn: ['b'] });
    const b = definePlugin({ id: 'b', version: '1.0.0', compatibility: '*', dependsOn: ['a'] });
    const error = await startTestPlatform({ plugins: [a, b] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toMatch(/a -> b -> a/);
  });

  it('refuses stored settings that no longer validate, naming the setting', async () => {
    const p = definePlugin({ id: 'strict', version: '1.0.0', compatibility: '*', settings: z.object({ limit: z.number().int().max(10) }) });
    const error = await startTestPlatform({ plugins: [p], settings: { strict: { limit: 99 } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).message).toMatch(/settings\.limit/);
  });
});

describe('jobs', () => {
  it('retries a failing job with its data and completes it once', async () => {
    const runs: number[] = [];
    const flaky = definePlugin({
      id: 'flaky',
      version: '1.0.0',
      compatibility: '*',
      jobs: {
        work: {
          data: z.object({ n: z.number() }),
          retryDelaySeconds: 0,
          retryBackoff: false,
          async handler(job) {
            runs.push(job.retryCount);
            if (job.retryCount < 2) throw new Error('not yet');
          },
        },
      },
    });
    const t = keep(await startTestPlatform({ plugins: [flaky] }));
    const id = await t.platform.services.plugins.servicesFor('flaky').jobs.send('work', { n: 1 });
    for (let i = 0; i < 5 && runs.length < 3; i++) await t.runJobs('flaky.work');
    expect(runs).toEqual([0, 1, 2]);
    expect((await t.platform.jobs.get('flaky.work', id!))?.state).toBe('completed');
    expect(await t.runJobs('flaky.work')).toBe(0);
  });
});

describe('events', () => {
  it('every lead change reaches enabled plugins after it commits', async () => {
    const seen: string[] = [];
    const listener = definePlugin({
      id: 'listener',
      version: '1.0.0',
      compatibility: '*',
      provide(ctx) {
        ctx.hooks.on('lead.created', ({ lead }) => void seen.push(`created ${lead.lastName}`));
        ctx.hooks.on('lead.stageChanged', ({ from, to }) => void seen.push(`stage ${from}->${to}`));
        ctx.hooks.on('lead.assigned', ({ to }) => void seen.push(`assigned ${to === null ? 'nobody' : 'someone'}`));
        ctx.hooks.on('lead.updated', ({ changes }) => void seen.push(`updated ${Object.keys(changes).join(',')}`));
        ctx.hooks.on('lead.archived', () => void seen.push('archived'));
        ctx.hooks.on('activity.logged', ({ activity }) => void seen.push(`activity ${activity.type}`));
        ctx.hooks.on('lead.created', () => {
          throw new Error('a failing handler does not undo the lead');
        });
      },
    });
    const t = keep(await startTestPlatform({ plugins: [listener] }));
    const manager = await t.user('manager');
    const agent = await t.user('agent');
    const m = t.as(manager);
    const lead = await m.leads.create({ lastName: 'Event', mobile: '09121234567' });
    await m.leads.update({ id: lead.id, version: lead.version, patch: { city: 'Tabriz' } });
    await m.leads.setStage({ id: lead.id, stage: 'contacted' });
    await m.leads.assign({ ids: [lead.id], ownerId: agent.id });
    await m.leads.create({ lastName: 'Again', mobile: '09121234567', duplicatePolicy: 'attach' });
    await m.leads.archive({ ids: [lead.id] });
    expect(seen).toEqual([
      'created Event',
      'updated city',
      'stage open->contacted',
      'assigned someone',
      'activity duplicate_submitted',
      'archived',
    ]);
    expect(await m.leads.get({ id: lead.id })).toMatchObject({ lastName: 'Event', city: 'Tabriz' });
    expect(t.events.of('lead.created')).toHaveLength(1);
  });
});

describe('plugins.* procedures', () => {
  it('keep dependencies consistent, hide settings from non-admins and persist the flag', async () => {
    const base = definePlugin({ id: 'base', version: '1.0.0', compatibility: '*', settings: z.object({ secret: z.string().default('s3cret') }) });
    const child = definePlugin({ id: 'child', version: '1.0.0', compatibility: '*', dependsOn: ['base'] });
    const t = keep(await startTestPlatform({ plugins: [base, child] }));
    const admin = await t.user('admin');
    const agent = await t.user('agent');

    const seenByAgent = await t.as(agent).plugins.list();
    expect(seenByAgent.map((p) => [p.id, p.enabled, p.settings])).toEqual([
      ['base', true, null],
      ['child', true, null],
    ]);
    await expect(t.as(agent).plugins.setEnabled({ id: 'child', enabled: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.as(admin).plugins.setEnabled({ id: 'base', enabled: false })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('"child"'),
    });
    await expect(t.as(admin).plugins.setEnabled({ id: 'nope', enabled: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await t.as(admin).plugins.setEnabled({ id: 'child', enabled: false });
    await t.as(admin).plugins.setEnabled({ id: 'base', enabled: false });
    await expect(t.as(admin).plugins.setEnabled({ id: 'child', enabled: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('"base"'),
    });
    const { rows } = await t.database.executeSql(`select plugin_id, enabled from plugin_state order by plugin_id`);
    expect(rows).toEqual([
      { plugin_id: 'base', enabled: false },
      { plugin_id: 'child', enabled: false },
    ]);
  });

  it('a plugin saved as disabled starts disabled', async () => {
    const quiet = definePlugin({
      id: 'quiet',
      version: '1.0.0',
      compatibility: '*',
      routes(app) {
        app.get('/ping', (c) => c.text('pong'));
      },
    });
    const t = keep(await startTestPlatform({ plugins: [quiet], disabled: ['quiet'] }));
    expect(t.platform.host.isEnabled('quiet')).toBe(false);
    expect((await t.request('/api/plugins/quiet/ping')).status).toBe(404);
    const admin = await t.user('admin');
    await t.as(admin).plugins.setEnabled({ id: 'quiet', enabled: true });
    const res = await t.request('/api/plugins/quiet/ping');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('pong');
  });
});
