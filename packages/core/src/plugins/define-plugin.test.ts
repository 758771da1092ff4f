import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { definePlugin, isPluginId, pluginKey, type AnyPlugin, type PluginKey } from './define-plugin.js';
import { PluginError } from './errors.js';
import { createExtensionPoint } from './extension-point.js';

const greetings = createExtensionPoint<string>('test.greetings', { cardinality: 'many' });

describe('definePlugin', () => {
  it('returns the spec, typing ctx.settings from the schema and keeping each part its own type', () => {
    const router = { hello: (name: string) => `hi ${name}` };
    const plugin = definePlugin({
      id: 'round-robin',
      version: '1.0.0',
      compatibility: '^0.1.0',
      settings: z.object({ skipInactive: z.boolean().default(true), maxPerAgent: z.number().int().optional() }),
      router,
      provide(ctx) {
        expectTypeOf(ctx.settings).toEqualTypeOf<{ skipInactive: boolean; maxPerAgent?: number | undefined }>();
        ctx.register(greetings, 'hello');
        // @ts-expect-error contributions are typed by the point
        ctx.register(greetings, 1);
      },
      init(ctx) {
        expectTypeOf(ctx.getAll(greetings)).toEqualTypeOf<string[]>();
      },
    });
    expect(plugin.router).toBe(router);
    expectTypeOf(plugin.id).toEqualTypeOf<'round-robin'>();
    expectTypeOf(plugin.router).toEqualTypeOf<{ hello: (name: string) => string } | undefined>();
    expectTypeOf(plugin.migrations).toEqualTypeOf<undefined>();
    expectTypeOf(plugin).toExtend<AnyPlugin>();
  });

  it('gives a plugin without a schema undefined settings', () => {
    definePlugin({
      id: 'plain',
      version: '0.1.0',
      compatibility: '*',
      init(ctx) {
        expectTypeOf(ctx.settings).toEqualTypeOf<undefined>();
      },
    });
  });

  it('refuses an id that is not kebab-case, and versions that are not semver', () => {
    const base = { version: '1.0.0', compatibility: '^0.1.0' };
    expect(() => definePlugin({ ...base, id: 'RoundRobin' })).toThrow(PluginError);
    expect(() => definePlugin({ ...base, id: 'round-robin', version: 'v1' })).toThrow(/version "v1", which is not a semver version/);
    expect(() => definePlugin({ ...base, id: 'round-robin', compatibility: 'latest' })).toThrow(/not a semver range/);
  });
});

describe('plugin ids and keys', () => {
  it('accepts kebab-case whose words start with a letter', () => {
    expect(['a', 'round-robin', 'sms-capture2', 'x1-y2'].filter(isPluginId)).toEqual(['a', 'round-robin', 'sms-capture2', 'x1-y2']);
    expect(['', 'Round', 'round_robin', '-a', 'a-', 'a--b', 'sms-2fa', '1a', 'a'.repeat(65)].filter(isPluginId)).toEqual([]);
  });

  it('camelCases an id, in types too', () => {
    expect(pluginKey('round-robin')).toBe('roundRobin');
    expect(pluginKey('sms-capture-v2')).toBe('smsCaptureV2');
    expect(pluginKey('plain')).toBe('plain');
    expectTypeOf(pluginKey('sms-capture-v2')).toEqualTypeOf<'smsCaptureV2'>();
    expectTypeOf<PluginKey<'a-b-c'>>().toEqualTypeOf<'aBC'>();
  });
});
