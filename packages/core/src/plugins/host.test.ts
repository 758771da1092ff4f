import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Lead } from '../lead/lead.js';
import type { AnyPlugin, PluginDefinition } from './define-plugin.js';
import { PluginError } from './errors.js';
import { createExtensionPoint } from './extension-point.js';
import { createPluginHost, type PluginHostOptions } from './host.js';
import { memoryLogger, startTestHost } from './testing.js';

const CORE = '0.1.0';
const names = createExtensionPoint<string>('test.names', { cardinality: 'many' });
const lead = { id: 'lead-1', stage: 'new' } as Lead;
const created = { lead, actorId: 'user-1', at: new Date('2026-01-01T00:00:00Z') };

/** A minimal valid plugin; the test overrides what it is about. */
function plugin(id: string, over: Partial<PluginDefinition> = {}): AnyPlugin {
  return { id, version: '1.0.0', compatibility: '^0.1.0', ...over };
}

function host(plugins: AnyPlugin[], over: Partial<PluginHostOptions> = {}) {
  return createPluginHost({ coreVersion: CORE, plugins, logger: memoryLogger(), ...over });
}

async function bootError(work: Promise<unknown>): Promise<PluginError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof PluginError) return error;
  throw new Error(`expected a PluginError, got ${String(error)}`);
}

/** A plugin that records its steps in `trace`. */
function traced(trace: string[], id: string, dependsOn?: string[]): AnyPlugin {
  return plugin(id, {
    ...(dependsOn ? { dependsOn } : {}),
    provide: (ctx) => {
      trace.push(`provide:${id}`);
      ctx.register(names, id);
    },
    init: (ctx) => void trace.push(`init:${id} sees ${ctx.getAll(names).join(',')}`),
    shutdown: () => void trace.push(`shutdown:${id}`),
  });
}

describe('boot', () => {
  it('runs every provide, then beforeInit, every init, the seal and afterSeal, dependencies first', async () => {
    const trace: string[] = [];
    // Listed in reverse of their dependencies.
    const plugins = [traced(trace, 'crm', ['sms']), traced(trace, 'sms', ['base']), traced(trace, 'base'), traced(trace, 'extra')];
    const h = host(plugins, {
      onBeforeInit: async (ordered) => void trace.push(`beforeInit:${ordered.map((p) => p.id).join(',')}`),
      onAfterSeal: async (ordered) => void trace.push(`afterSeal:${ordered.map((p) => p.id).join(',')} sealed=${h.registry.sealed}`),
    });
    await h.boot();
    expect(trace).toEqual([
      'provide:base',
      'provide:sms',
      'provide:crm',
      'provide:extra',
      'beforeInit:base,sms,crm,extra',
      'init:base sees base,sms,crm,extra',
      'init:sms sees base,sms,crm,extra',
      'init:crm sees base,sms,crm,extra',
      'init:extra sees base,sms,crm,extra',
      'afterSeal:base,sms,crm,extra sealed=true',
    ]);
    expect(h.plugins.map((p) => p.id)).toEqual(['base', 'sms', 'crm', 'extra']);
    expect(h.state).toBe('running');
  });

  it('seals the registry before afterSeal: registering then, or later, throws REGISTRY_SEALED', async () => {
    let late: unknown;
    let register: ((value: string) => void) | undefined;
    const h = host(
      [
        plugin('keeper', {
          provide: (ctx) => {
            register = (value) => ctx.register(names, value);
          },
        }),
      ],
      {
        onAfterSeal: async () => {
          try {
            register?.('from afterSeal');
          } catch (error) {
            late = error;
          }
        },
      },
    );
    await h.boot();
    expect(late).toBeInstanceOf(PluginError);
    expect((late as PluginError).details).toEqual({ code: 'REGISTRY_SEALED', pointId: 'test.names', pluginId: 'keeper' });
    expect(() => register?.('later')).toThrow('plugin "keeper" cannot register to extension point "test.names": the registry is sealed');
  });

  it('refuses an incompatible plugin with a clear message', async () => {
    const error = await bootError(
      host([plugin('ok'), plugin('sms-capture', { version: '1.2.0', compatibility: '^2.0.0' })]).boot(),
    );
    expect(error.code).toBe('INCOMPATIBLE');
    expect(error.message).toBe('plugin "sms-capture" 1.2.0 needs @sarnakh/core ^2.0.0, but this is 0.1.0');
    expect(error.details).toEqual({
      code: 'INCOMPATIBLE',
      coreVersion: '0.1.0',
      plugins: [{ pluginId: 'sms-capture', version: '1.2.0', compatibility: '^2.0.0' }],
    });
  });

  it('checks compatibility before anything else', async () => {
    const trace: string[] = [];
    const error = await bootError(
      host([traced(trace, 'Bad_Id'), traced(trace, 'old', ['missing'])].map((p) => ({ ...p, compatibility: '>=1.0.0' }))).boot(),
    );
    expect(error.code).toBe('INCOMPATIBLE');
    expect(trace).toEqual([]);
  });

  it('refuses a dependency cycle, naming its path', async () => {
    const error = await bootError(
      host([plugin('solo'), plugin('a', { dependsOn: ['b'] }), plugin('b', { dependsOn: ['c'] }), plugin('c', { dependsOn: ['a'] })]).boot(),
    );
    expect(error.details).toEqual({ code: 'DEPENDENCY_CYCLE', cycle: ['a', 'b', 'c', 'a'] });
    expect(error.message).toBe('plugins depend on each other in a cycle: a -> b -> c -> a');
  });

  it('refuses a missing dependency', async () => {
    const error = await bootError(host([plugin('sms-capture', { dependsOn: ['sms'] })]).boot());
    expect(error.details).toEqual({ code: 'MISSING_DEPENDENCY', pluginId: 'sms-capture', dependency: 'sms' });
    expect(error.message).toBe('plugin "sms-capture" depends on "sms", which is not installed');
  });

  it('refuses duplicate ids and ids that are not kebab-case', async () => {
    const duplicate = await bootError(host([plugin('sms'), plugin('other'), plugin('sms')]).boot());
    expect(duplicate.details).toEqual({ code: 'DUPLICATE_ID', pluginId: 'sms' });
    const invalid = await bootError(host([plugin('SmsCapture')]).boot());
    expect(invalid.details).toEqual({ code: 'INVALID_ID', pluginId: 'SmsCapture' });
  });

  it("refuses two plugins providing the same 'one' point, naming both", async () => {
    const strategy = createExtensionPoint<string>('test.strategy', { cardinality: 'one' });
    const error = await bootError(
      host([
        plugin('round-robin', { provide: (ctx) => ctx.register(strategy, 'rr') }),
        plugin('by-region', { provide: (ctx) => ctx.register(strategy, 'region') }),
      ]).boot(),
    );
    expect(error.details).toEqual({ code: 'DUPLICATE_CONTRIBUTION', pointId: 'test.strategy', pluginIds: ['round-robin', 'by-region'] });
  });

  it('orders contributions by pre/normal/post, then boot order', async () => {
    const h = host([
      plugin('late', { dependsOn: ['early'], provide: (ctx) => ctx.register(names, 'late-pre', { order: 'pre' }) }),
      plugin('early', {
        provide: (ctx) => {
          ctx.register(names, 'early-post', { order: 'post' });
          ctx.register(names, 'early-normal');
        },
      }),
    ]);
    await h.boot();
    expect(h.registry.getAll(names)).toEqual(['late-pre', 'early-normal', 'early-post']);
  });

  it('wraps a throwing init as BOOT_FAILED and shuts down the plugins already started', async () => {
    const trace: string[] = [];
    const error = await bootError(
      host([
        traced(trace, 'first'),
        plugin('broken', {
          init: () => {
            throw new Error('no connection');
          },
          shutdown: () => void trace.push('shutdown:broken'),
        }),
        traced(trace, 'never'),
      ]).boot(),
    );
    expect(error.details).toEqual({ code: 'BOOT_FAILED', phase: 'init', pluginId: 'broken', reason: 'no connection' });
    expect(error.cause).toEqual(new Error('no connection'));
    expect(trace.filter((t) => !t.startsWith('provide'))).toEqual(['init:first sees first,never', 'shutdown:first']);
  });

  it('boots once', async () => {
    const h = host([plugin('a')]);
    await h.boot();
    expect((await bootError(h.boot())).details).toEqual({ code: 'INVALID_STATE', operation: 'boot', state: 'running' });
  });
});

describe('settings', () => {
  const smsSettings = z.object({
    apiKey: z.string().min(8),
    sender: z.string().default('Sarnakh'),
    retries: z.number().int().max(5).default(2),
  });

  it('validates settings at boot, naming settings.<field>', async () => {
    const error = await bootError(
      host([plugin('sms', { settings: smsSettings })], { settingsFor: () => ({ apiKey: 'short', retries: 9 }) }).boot(),
    );
    expect(error.code).toBe('INVALID_SETTINGS');
    expect(error.details).toMatchObject({
      pluginId: 'sms',
      fields: [
        { field: 'settings.apiKey', code: 'too_short' },
        { field: 'settings.retries', code: 'out_of_range' },
      ],
    });
    expect(error.message).toMatch(/^plugin "sms" has invalid settings: settings\.apiKey: /);
  });

  it('names a required setting that is missing', async () => {
    const error = await bootError(host([plugin('sms', { settings: smsSettings })]).boot());
    expect(error.details).toMatchObject({ fields: [{ field: 'settings.apiKey', code: 'required' }] });
  });

  it("gives plugins the schema's defaults, and the new value after updateSettings", async () => {
    const seen: unknown[] = [];
    let readSettings = (): unknown => undefined;
    const h = await startTestHost({
      coreVersion: CORE,
      settings: { sms: { apiKey: '12345678' } },
      plugins: [
        plugin('sms', {
          settings: smsSettings,
          init: (ctx) => {
            seen.push(ctx.settings);
            readSettings = () => ctx.settings;
          },
        }),
      ],
    });
    expect(seen).toEqual([{ apiKey: '12345678', sender: 'Sarnakh', retries: 2 }]);

    const updated = await h.updateSettings('sms', { apiKey: 'abcdefgh', retries: 3 });
    expect(updated).toEqual({ ok: true, value: { apiKey: 'abcdefgh', sender: 'Sarnakh', retries: 3 } });
    expect(readSettings()).toEqual({ apiKey: 'abcdefgh', sender: 'Sarnakh', retries: 3 });
    expect(h.settingsOf('sms')).toEqual({ apiKey: 'abcdefgh', sender: 'Sarnakh', retries: 3 });
  });

  it('answers updateSettings failures as values naming settings.<field>, keeping the old settings', async () => {
    const h = await startTestHost({ coreVersion: CORE, settings: { sms: { apiKey: '12345678' } }, plugins: [plugin('sms', { settings: smsSettings })] });
    const result = await h.updateSettings('sms', { apiKey: 'abcdefgh', retries: 'many' }, 'fa');
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', fields: [{ field: 'settings.retries', code: 'invalid_type', message: 'نوع این مقدار نادرست است.' }] },
    });
    expect(h.settingsOf('sms')).toMatchObject({ apiKey: '12345678' });
    expect(await h.updateSettings('nope', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_PLUGIN', pluginId: 'nope' } });
  });

  it('refuses updateSettings before boot', async () => {
    const h = host([plugin('sms', { settings: smsSettings })]);
    expect(await h.updateSettings('sms', { apiKey: 'abcdefgh' })).toEqual({ ok: false, error: { code: 'NOT_RUNNING', state: 'idle' } });
  });
});

describe('enabling and disabling', () => {
  it("silences a disabled plugin's hooks and filters its contributions on request; re-enabling restores them", async () => {
    const heard: string[] = [];
    const listener = (id: string) =>
      plugin(id, {
        provide: (ctx) => {
          ctx.register(names, id);
          ctx.hooks.on('lead.created', ({ lead: l }) => void heard.push(`${id}:${l.id}`));
        },
      });
    const h = await startTestHost({ coreVersion: CORE, plugins: [listener('a'), listener('b')] });

    expect(h.setEnabled('b', false)).toEqual({ ok: true, value: undefined });
    expect(h.isEnabled('b')).toBe(false);
    await h.hooks.emit('lead.created', created);
    expect(h.registry.getAll(names, { enabledOnly: h.isEnabled })).toEqual(['a']);

    h.setEnabled('b', true);
    await h.hooks.emit('lead.created', created);
    expect(heard).toEqual(['a:lead-1', 'a:lead-1', 'b:lead-1']);
    expect(h.registry.getAll(names, { enabledOnly: h.isEnabled })).toEqual(['a', 'b']);
  });

  it('reports a throwing hook handler without stopping the others, and logs it', async () => {
    const heard: string[] = [];
    const h = await startTestHost({
      coreVersion: CORE,
      plugins: [
        plugin('broken', {
          provide: (ctx) =>
            void ctx.hooks.on('lead.created', () => {
              throw new Error('boom');
            }),
        }),
        plugin('fine', { provide: (ctx) => void ctx.hooks.on('lead.created', () => void heard.push('fine')) }),
      ],
    });
    const report = await h.hooks.emit('lead.created', created);
    expect(heard).toEqual(['fine']);
    expect(report.errors).toEqual([{ pluginId: 'broken', event: 'lead.created', error: new Error('boom') }]);
    expect(h.logs).toContainEqual({
      level: 'error',
      message: 'hook handler failed',
      data: { plugin: 'broken', event: 'lead.created', error: new Error('boom') },
    });
  });

  it('keeps dependencies consistent: no disabling a needed plugin, no enabling without its dependencies', async () => {
    const h = host([plugin('sms'), plugin('sms-capture', { dependsOn: ['sms'] })]);
    expect(h.setEnabled('sms', false)).toEqual({ ok: false, error: { code: 'REQUIRED_BY', pluginId: 'sms', dependents: ['sms-capture'] } });
    expect(h.setEnabled('sms-capture', false).ok).toBe(true);
    expect(h.setEnabled('sms', false).ok).toBe(true);
    expect(h.setEnabled('sms-capture', true)).toEqual({
      ok: false,
      error: { code: 'DEPENDENCY_DISABLED', pluginId: 'sms-capture', dependencies: ['sms'] },
    });
    expect(h.setEnabled('ghost', true)).toEqual({ ok: false, error: { code: 'UNKNOWN_PLUGIN', pluginId: 'ghost' } });
  });
});

describe('shutdown', () => {
  it('stops plugins in reverse boot order, continuing past a failure and reporting it', async () => {
    const trace: string[] = [];
    const failure = new Error('socket stuck');
    const h = host([
      traced(trace, 'crm', ['sms']),
      plugin('sms', {
        dependsOn: ['base'],
        shutdown: () => {
          trace.push('shutdown:sms');
          throw failure;
        },
      }),
      traced(trace, 'base'),
    ]);
    await h.boot();
    const report = await h.shutdown();
    expect(trace.filter((t) => t.startsWith('shutdown'))).toEqual(['shutdown:crm', 'shutdown:sms', 'shutdown:base']);
    expect(report).toEqual({ errors: [{ pluginId: 'sms', error: failure }] });
    expect(h.state).toBe('stopped');
    expect(await h.shutdown()).toBe(report);
  });

  it('silences the hooks of plugins that were shut down, but not the host layers\' own', async () => {
    const heard: string[] = [];
    const h = await startTestHost({
      coreVersion: CORE,
      plugins: [plugin('a', { provide: (ctx) => void ctx.hooks.on('lead.created', () => void heard.push('a')) })],
    });
    h.hooks.on('lead.created', () => void heard.push('server'), { pluginId: 'server' });
    await h.shutdown();
    await h.hooks.emit('lead.created', created);
    expect(heard).toEqual(['server']);
  });
});
