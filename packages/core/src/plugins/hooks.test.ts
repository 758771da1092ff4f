import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Lead } from '../lead/lead.js';
import { createHooks, scopeHooks, type LeadEvents } from './hooks.js';

interface TestEvents {
  ping: { n: number };
  other: { text: string };
}

const lead = { id: 'lead-1', stage: 'new' } as Lead;

describe('hooks', () => {
  it('runs handlers serially in registration order, awaiting each', async () => {
    const hooks = createHooks<TestEvents>();
    const trace: string[] = [];
    hooks.on(
      'ping',
      async ({ n }) => {
        trace.push(`slow-start:${n}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        trace.push(`slow-end:${n}`);
      },
      { pluginId: 'a' },
    );
    hooks.on('ping', ({ n }) => void trace.push(`fast:${n}`), { pluginId: 'b' });
    hooks.on('other', () => void trace.push('other'), { pluginId: 'b' });
    const report = await hooks.emit('ping', { n: 1 });
    expect(report).toEqual({ errors: [] });
    expect(trace).toEqual(['slow-start:1', 'slow-end:1', 'fast:1']);
  });

  it('keeps running past a failing handler and reports the failure instead of throwing', async () => {
    const reported: unknown[] = [];
    const hooks = createHooks<TestEvents>({ onError: (failure) => reported.push(failure) });
    const ran: string[] = [];
    const boom = new Error('boom');
    hooks.on('ping', () => void ran.push('first'), { pluginId: 'a' });
    hooks.on(
      'ping',
      () => {
        throw boom;
      },
      { pluginId: 'broken' },
    );
    hooks.on('ping', () => Promise.reject(new Error('rejected')), { pluginId: 'async-broken' });
    hooks.on('ping', () => void ran.push('last'), { pluginId: 'c' });
    const report = await hooks.emit('ping', { n: 1 });
    expect(ran).toEqual(['first', 'last']);
    expect(report.errors).toEqual([
      { pluginId: 'broken', event: 'ping', error: boom },
      { pluginId: 'async-broken', event: 'ping', error: new Error('rejected') },
    ]);
    expect(reported).toEqual(report.errors);
  });

  it("skips the handlers of disabled plugins, and runs them again once they're re-enabled", async () => {
    const disabled = new Set<string>();
    const hooks = createHooks<TestEvents>({ isEnabled: (id) => !disabled.has(id) });
    const seen: string[] = [];
    hooks.on('ping', ({ n }) => void seen.push(`a${n}`), { pluginId: 'a' });
    hooks.on('ping', ({ n }) => void seen.push(`b${n}`), { pluginId: 'b' });
    disabled.add('b');
    await hooks.emit('ping', { n: 1 });
    disabled.delete('b');
    await hooks.emit('ping', { n: 2 });
    expect(seen).toEqual(['a1', 'a2', 'b2']);
  });

  it('removes a handler through the function `on` returns', async () => {
    const hooks = createHooks<TestEvents>();
    const seen: number[] = [];
    const off = hooks.on('ping', ({ n }) => void seen.push(n), { pluginId: 'a' });
    await hooks.emit('ping', { n: 1 });
    off();
    off();
    await hooks.emit('ping', { n: 2 });
    expect(seen).toEqual([1]);
    expect(hooks.count('ping')).toBe(0);
  });

  it('does not run a handler removed by an earlier handler of the same emit', async () => {
    const hooks = createHooks<TestEvents>();
    const seen: string[] = [];
    let offB = () => {};
    hooks.on('ping', () => offB(), { pluginId: 'a' });
    offB = hooks.on('ping', () => void seen.push('b'), { pluginId: 'b' });
    await hooks.emit('ping', { n: 1 });
    expect(seen).toEqual([]);
  });

  it('types payloads by event name', () => {
    const hooks = createHooks<LeadEvents>();
    hooks.on(
      'lead.stageChanged',
      (payload) => {
        expectTypeOf(payload.from).toEqualTypeOf<string>();
        expectTypeOf(payload.lead).toEqualTypeOf<Lead>();
        expectTypeOf(payload.actorId).toEqualTypeOf<string | null>();
      },
      { pluginId: 'a' },
    );
    hooks.on(
      'lead.assigned',
      (payload) => {
        expectTypeOf(payload.to).toEqualTypeOf<string | null>();
      },
      { pluginId: 'a' },
    );
    // @ts-expect-error not an event
    hooks.on('lead.nope', () => {}, { pluginId: 'a' });
    // @ts-expect-error `to` is missing
    void hooks.emit('lead.stageChanged', { lead, actorId: null, at: new Date(), from: 'new' });
  });

  it('lets a plugin subscribe without repeating its id', async () => {
    const failing = createHooks<TestEvents>();
    const scoped = scopeHooks(failing, 'my-plugin');
    scoped.on('ping', () => {
      throw new Error('x');
    });
    const report = await scoped.emit('ping', { n: 1 });
    expect(report.errors.map((e) => e.pluginId)).toEqual(['my-plugin']);
  });
});
