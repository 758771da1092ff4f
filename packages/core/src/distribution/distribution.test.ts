import { describe, expect, it } from 'vitest';
import type { DistributableLead, DistributionInput, DistributionStrategy } from '../extensions/points.js';
import { zodIssuesToFieldErrors } from '../zod-errors.js';
import { createDistributor, type DistributionNotice } from './distributor.js';
import { conditionHolds } from './match.js';
import { assignmentRulesSchema, type AssignmentRules, type AssignmentRulesInput } from './rules.js';

const lead = (over: Partial<DistributableLead> = {}): DistributableLead => ({
  firstName: null, lastName: 'Test', mobile: null, phone: null, email: null, company: null, jobTitle: null,
  website: null, nationalCode: null, telegramId: null, whatsappId: null, instagramId: null, fax: null,
  source: null, channel: null, channelIdentifier: null, stage: 'open', priority: 'normal', industry: null,
  annualRevenue: null, employees: null, emailOptOut: false, street: null, poBox: null, postalCode: null,
  city: null, province: null, country: null, description: null, ownerId: null, lastContactAt: null,
  lastContactResult: null, customFields: {}, score: 0, qualification: 'cold',
  ...over,
});

const rules = (input: AssignmentRulesInput): AssignmentRules => assignmentRulesSchema.parse(input);

/** A strategy that takes the first candidate and remembers what it was asked. */
function first(id = 'first'): DistributionStrategy & { calls: DistributionInput[] } {
  const calls: DistributionInput[] = [];
  return { id, label: { fa: id, ar: id, en: id }, calls, pick: async (input) => (calls.push(input), input.candidates[0] ?? null) };
}

describe('conditions', () => {
  const holds = (field: string, op: string, value: unknown, over: Partial<DistributableLead>) => {
    const parsed = assignmentRulesSchema.parse({ rules: [{ name: 'r', conditions: [{ field, op, value }], userIds: ['u'], strategy: 's' }] });
    return conditionHolds(parsed.rules[0]!.conditions[0]!, lead(over));
  };

  it('compare text folded: case, Arabic and Persian letters, digits', () => {
    expect(holds('province', 'eq', 'tehran', { province: 'Tehran' })).toBe(true);
    expect(holds('city', 'eq', 'كرج', { city: 'کرج' })).toBe(true);
    expect(holds('province', 'neq', 'Tehran', { province: 'Fars' })).toBe(true);
    expect(holds('province', 'neq', 'Tehran', { province: 'tehran' })).toBe(false);
    expect(holds('source', 'in', ['website', 'referral'], { source: 'referral' })).toBe(true);
    expect(holds('source', 'in', ['website', 'referral'], { source: null })).toBe(false);
    expect(holds('city', 'contains', 'shah', { city: 'Eslamshahr' })).toBe(true);
  });

  it('score ranges and qualification bands', () => {
    expect(holds('score', 'gte', 40, { score: 40 })).toBe(true);
    expect(holds('score', 'lte', 39, { score: 40 })).toBe(false);
    expect(holds('qualification', 'gte', 'mql', { qualification: 'sql' })).toBe(true);
    expect(holds('qualification', 'gte', 'mql', { qualification: 'cold' })).toBe(false);
    expect(holds('qualification', 'eq', 'sql', { qualification: 'sql' })).toBe(true);
  });

  it('custom fields, lists and emptiness', () => {
    expect(holds('custom.budget', 'gte', 1000, { customFields: { budget: 5000 } })).toBe(true);
    expect(holds('custom.budget', 'gte', 1000, { customFields: {} })).toBe(false);
    expect(holds('custom.tags', 'contains', 'VIP', { customFields: { tags: ['vip', 'b2b'] } })).toBe(true);
    expect(holds('custom.tags', 'eq', 'b2b', { customFields: { tags: ['vip', 'b2b'] } })).toBe(true);
    expect(holds('custom.partner', 'eq', true, { customFields: { partner: true } })).toBe(true);
    expect(holds('city', 'isEmpty', undefined, { city: '  ' })).toBe(true);
    expect(holds('city', 'isEmpty', false, { city: 'Qom' })).toBe(true);
    expect(holds('priority', 'eq', 'high', { priority: 'high' })).toBe(true);
  });
});

describe('the rules schema', () => {
  const fields = (input: unknown) => {
    const parsed = assignmentRulesSchema.safeParse(input);
    return parsed.success ? [] : zodIssuesToFieldErrors(parsed.error.issues).map((e) => `${e.field}:${e.code}`);
  };

  it('names each bad field', () => {
    expect(
      fields({
        rules: [
          { name: 'a', conditions: [{ field: 'nope', op: 'eq', value: 1 }], userIds: [], strategy: 'round-robin' },
          { name: 'A', conditions: [{ field: 'province', op: 'gte', value: 3 }], userIds: ['u', 'u'], strategy: 'x', weights: { v: 2 } },
          { name: 'fallback', conditions: [{ field: 'score', op: 'between', value: 1 }], userIds: ['u'], strategy: 'x' },
        ],
        fallback: { userIds: ['u'], strategy: '' },
      }),
    ).toEqual([
      'rules.0.conditions.0.field:unknown_value',
      'rules.0.userIds:out_of_range',
      'rules.1.conditions.0.op:invalid_value',
      'rules.2.conditions.0.op:unknown_value',
      'fallback.strategy:too_short',
    ]);
    expect(
      fields({
        rules: [
          { name: 'a', userIds: ['u'], strategy: 'x' },
          { name: 'A', conditions: [{ field: 'province', op: 'gte', value: 3 }], userIds: ['u', 'u'], strategy: 'x', weights: { v: 2 } },
        ],
      }),
    ).toEqual([
      'rules.1.conditions.0.op:invalid_value',
      'rules.1.name:invalid_value',
      'rules.1.userIds.1:invalid_value',
      'rules.1.weights.v:invalid_value',
    ]);
    expect(fields({ rules: [{ name: 'Fallback', userIds: ['u'], strategy: 'x' }] })).toEqual(['rules.0.name:invalid_value']);
  });

  it('defaults: no conditions, no fallback', () => {
    expect(assignmentRulesSchema.parse({ rules: [{ name: 'all', userIds: ['u'], strategy: 's' }] })).toEqual({
      rules: [{ name: 'all', conditions: [], userIds: ['u'], strategy: 's' }],
      fallback: null,
    });
  });
});

describe('createDistributor', () => {
  const setup = (configured: AssignmentRulesInput, inactive: string[] = []) => {
    const notices: DistributionNotice[] = [];
    const distribute = createDistributor({
      loadRules: async () => rules(configured),
      activeUsers: async (ids) => ids.filter((id) => !inactive.includes(id)),
      report: (notice) => notices.push(notice),
    });
    return { distribute, notices };
  };

  it('first matching rule wins, with the reason', async () => {
    const s = first();
    const { distribute } = setup({
      rules: [
        { name: 'tehran', conditions: [{ field: 'province', op: 'eq', value: 'Tehran' }], userIds: ['a'], strategy: 'first' },
        { name: 'referral', conditions: [{ field: 'source', op: 'eq', value: 'referral' }], userIds: ['b'], strategy: 'first' },
        { name: 'hot', conditions: [{ field: 'qualification', op: 'eq', value: 'sql' }], userIds: ['d'], strategy: 'first', weights: { d: 3 } },
      ],
      fallback: { userIds: ['c'], strategy: 'first' },
    });
    expect(await distribute(lead({ province: 'Tehran', source: 'referral' }), [s])).toEqual({
      ownerId: 'a',
      reason: { rule: 'tehran', strategy: 'first', candidates: ['a'] },
    });
    expect((await distribute(lead({ source: 'referral' }), [s]))?.reason.rule).toBe('referral');
    expect(await distribute(lead({ score: 90, qualification: 'sql' }), [s])).toMatchObject({ ownerId: 'd', reason: { rule: 'hot' } });
    expect(s.calls.at(-1)).toMatchObject({ rule: 'hot', weights: { d: 3 }, lead: { score: 90 } });
    expect(await distribute(lead(), [s])).toEqual({ ownerId: 'c', reason: { rule: 'fallback', strategy: 'first', candidates: ['c'] } });
  });

  it('offers only active users, in the rule order', async () => {
    const s = first();
    const { distribute, notices } = setup({ rules: [{ name: 'all', userIds: ['x', 'y', 'z'], strategy: 'first' }] }, ['x', 'z']);
    expect(await distribute(lead(), [s])).toMatchObject({ ownerId: 'y', reason: { candidates: ['y'] } });
    const none = setup({ rules: [{ name: 'all', userIds: ['x'], strategy: 'first' }] }, ['x']);
    expect(await none.distribute(lead(), [s])).toBeNull();
    expect(none.notices).toEqual([{ rule: 'all', strategy: 'first', reason: 'no_active_candidates', then: 'unassigned' }]);
    expect(notices).toEqual([]);
  });

  it('an unavailable strategy falls back, else leaves the lead unassigned, saying why', async () => {
    const s = first();
    const withFallback = setup({ rules: [{ name: 'rr', userIds: ['a'], strategy: 'round-robin' }], fallback: { userIds: ['c'], strategy: 'first' } });
    expect(await withFallback.distribute(lead(), [s])).toEqual({
      ownerId: 'c',
      reason: { rule: 'fallback', strategy: 'first', candidates: ['c'], fallbackFrom: { rule: 'rr', reason: 'strategy_unavailable' } },
    });
    expect(withFallback.notices).toEqual([{ rule: 'rr', strategy: 'round-robin', reason: 'strategy_unavailable', then: 'fallback' }]);

    const without = setup({ rules: [{ name: 'rr', userIds: ['a'], strategy: 'round-robin' }] });
    expect(await without.distribute(lead(), [s])).toBeNull();
    expect(without.notices).toEqual([{ rule: 'rr', strategy: 'round-robin', reason: 'strategy_unavailable', then: 'unassigned' }]);

    const unmatched = setup({ rules: [{ name: 'qom', conditions: [{ field: 'city', op: 'eq', value: 'Qom' }], userIds: ['a'], strategy: 'first' }] });
    expect(await unmatched.distribute(lead(), [s])).toBeNull();
    expect(unmatched.notices).toEqual([{ rule: null, strategy: null, reason: 'no_rule_matched', then: 'unassigned' }]);
  });

  it('a strategy that picks nobody, throws or answers a stranger does not assign', async () => {
    const nobody: DistributionStrategy = { id: 'nobody', label: { fa: '', ar: '', en: '' }, pick: async () => null };
    const broken: DistributionStrategy = { id: 'broken', label: { fa: '', ar: '', en: '' }, pick: async () => { throw new Error('boom'); } };
    const stranger: DistributionStrategy = { id: 'stranger', label: { fa: '', ar: '', en: '' }, pick: async () => 'mallory' };
    for (const [strategy, reason] of [[nobody, 'nobody_eligible'], [broken, 'strategy_failed'], [stranger, 'invalid_pick']] as const) {
      const { distribute, notices } = setup({ rules: [{ name: 'r', userIds: ['a'], strategy: strategy.id }] });
      expect(await distribute(lead(), [strategy])).toBeNull();
      expect(notices).toMatchObject([{ rule: 'r', reason, then: 'unassigned' }]);
    }
  });

  it('nothing configured: nothing to say', async () => {
    const { distribute, notices } = setup({ rules: [] });
    expect(await distribute(lead(), [first()])).toBeNull();
    expect(notices).toEqual([]);
  });
});
