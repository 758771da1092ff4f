import { describe, expect, expectTypeOf, it } from 'vitest';
import { PluginError } from './errors.js';
import { createExtensionPoint, createRegistry, type ExtensionPoint } from './extension-point.js';

const strategy = createExtensionPoint<(ids: string[]) => string>('test.strategy', { cardinality: 'one' });
const enrichers = createExtensionPoint<string>('test.enrichers', { cardinality: 'many' });

function caught(work: () => unknown): PluginError {
  try {
    work();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error('expected a PluginError');
}

describe('createExtensionPoint', () => {
  it('makes a typed token whose cardinality is inferred', () => {
    expect(strategy).toEqual({ id: 'test.strategy', cardinality: 'one' });
    expectTypeOf(strategy).toEqualTypeOf<ExtensionPoint<(ids: string[]) => string, 'one'>>();
    expectTypeOf(enrichers).toEqualTypeOf<ExtensionPoint<string, 'many'>>();
  });

  it('checks contribution types and cardinality at compile time', () => {
    const registry = createRegistry({ pluginOrder: ['a'] });
    // @ts-expect-error a number is not a string contribution
    expect(() => registry.register(enrichers, 42, { pluginId: 'a' })).not.toThrow();
    // @ts-expect-error `get` is for 'one' points
    registry.get(enrichers);
    // @ts-expect-error `getAll` is for 'many' points
    registry.getAll(strategy);
  });
});

describe('registry', () => {
  it("answers the single contribution to a 'one' point, and undefined without one", () => {
    const registry = createRegistry({ pluginOrder: ['a'] });
    expect(registry.get(strategy)).toBeUndefined();
    const empty = createRegistry({ pluginOrder: ['a'] });
    const first = (ids: string[]) => ids[0] ?? '';
    empty.register(strategy, first, { pluginId: 'a' });
    expect(empty.get(strategy)).toBe(first);
  });

  it("refuses a second contribution to a 'one' point, naming both plugins", () => {
    const registry = createRegistry({ pluginOrder: ['round-robin', 'by-region'] });
    registry.register(strategy, () => 'x', { pluginId: 'round-robin' });
    const error = caught(() => registry.register(strategy, () => 'y', { pluginId: 'by-region' }));
    expect(error.details).toEqual({ code: 'DUPLICATE_CONTRIBUTION', pointId: 'test.strategy', pluginIds: ['round-robin', 'by-region'] });
    expect(error.message).toBe(
      'extension point "test.strategy" takes one contribution, but both "round-robin" and "by-region" registered one',
    );
  });

  it("orders a 'many' point by pre/normal/post, then plugin boot order, never by registration order", () => {
    const registry = createRegistry({ pluginOrder: ['a', 'b', 'c'] });
    registry.register(enrichers, 'c-post', { pluginId: 'c', order: 'post' });
    registry.register(enrichers, 'c-normal', { pluginId: 'c' });
    registry.register(enrichers, 'b-post', { pluginId: 'b', order: 'post' });
    registry.register(enrichers, 'c-pre', { pluginId: 'c', order: 'pre' });
    registry.register(enrichers, 'b-normal-1', { pluginId: 'b', order: 'normal' });
    registry.register(enrichers, 'a-normal', { pluginId: 'a' });
    registry.register(enrichers, 'b-normal-2', { pluginId: 'b' });
    registry.register(enrichers, 'a-pre', { pluginId: 'a', order: 'pre' });
    expect(registry.getAll(enrichers)).toEqual([
      'a-pre',
      'c-pre',
      'a-normal',
      'b-normal-1',
      'b-normal-2',
      'c-normal',
      'b-post',
      'c-post',
    ]);
    expect(registry.contributions(enrichers)[0]).toEqual({ value: 'a-pre', pluginId: 'a', order: 'pre' });
  });

  it('follows the boot order it is given, read at each call', () => {
    let order = ['b', 'a'];
    const registry = createRegistry({ pluginOrder: () => order });
    registry.register(enrichers, 'from-a', { pluginId: 'a' });
    registry.register(enrichers, 'from-b', { pluginId: 'b' });
    order = ['a', 'b'];
    expect(registry.getAll(enrichers)).toEqual(['from-a', 'from-b']);
  });

  it('refuses a plugin that is not in the boot order', () => {
    const registry = createRegistry({ pluginOrder: ['a'] });
    expect(caught(() => registry.register(enrichers, 'x', { pluginId: 'ghost' })).details).toEqual({
      code: 'UNKNOWN_PLUGIN',
      pluginId: 'ghost',
    });
  });

  it('filters out the contributions of plugins the caller does not want', () => {
    const registry = createRegistry({ pluginOrder: ['a', 'b'] });
    registry.register(enrichers, 'from-a', { pluginId: 'a' });
    registry.register(enrichers, 'from-b', { pluginId: 'b' });
    registry.register(strategy, () => 'b', { pluginId: 'b' });
    const enabledOnly = (id: string) => id !== 'b';
    expect(registry.getAll(enrichers, { enabledOnly })).toEqual(['from-a']);
    expect(registry.get(strategy, { enabledOnly })).toBeUndefined();
    expect(registry.getAll(enrichers)).toEqual(['from-a', 'from-b']);
  });

  it('refuses every registration once sealed, naming the plugin and the point', () => {
    const registry = createRegistry({ pluginOrder: ['a', 'late'] });
    registry.register(enrichers, 'early', { pluginId: 'a' });
    registry.seal();
    expect(registry.sealed).toBe(true);
    const error = caught(() => registry.register(enrichers, 'too late', { pluginId: 'late' }));
    expect(error.details).toEqual({ code: 'REGISTRY_SEALED', pointId: 'test.enrichers', pluginId: 'late' });
    expect(error.message).toBe('plugin "late" cannot register to extension point "test.enrichers": the registry is sealed');
    expect(registry.getAll(enrichers)).toEqual(['early']);
  });

  it('refuses a contribution to a point someone has already read, so no reader misses it', () => {
    const registry = createRegistry({ pluginOrder: ['a', 'b'] });
    registry.register(enrichers, 'from-a', { pluginId: 'a' });
    expect(registry.getAll(enrichers, { reader: 'a' })).toEqual(['from-a']);
    const error = caught(() => registry.register(enrichers, 'from-b', { pluginId: 'b' }));
    expect(error.details).toEqual({ code: 'LATE_CONTRIBUTION', pointId: 'test.enrichers', pluginId: 'b', readBy: 'plugin "a"' });
  });

  it('treats tokens with the same id as one point, and refuses a cardinality clash', () => {
    const registry = createRegistry({ pluginOrder: ['a'] });
    const copy = createExtensionPoint<string>('test.enrichers', { cardinality: 'many' });
    registry.register(copy, 'via-copy', { pluginId: 'a' });
    expect(registry.contributions(enrichers).map((c) => c.value)).toEqual(['via-copy']);
    const clash = createExtensionPoint<string>('test.enrichers', { cardinality: 'one' });
    expect(caught(() => registry.get(clash)).code).toBe('POINT_CONFLICT');
  });
});
