import { describe, expect, it } from 'vitest';
import type { Lead, LeadWritable } from '../lead/lead.js';
import { defaultPicklists } from '../picklists/defaults.js';
import { cachedScoringRules } from './cache.js';
import { decayedPoints, DAY_MS, explainBehavior, explainFitRules } from './evaluate.js';
import { explainScore } from './explain.js';
import { qualificationFor } from './qualification.js';
import {
  defaultScoringRules,
  foldRuleText,
  parseStoredScoringRules,
  ruleTextTranslate,
  validateScoringRules,
  type BehaviorRule,
  type FitRule,
  type ScoringRules,
} from './rules.js';

const label = (en: string) => ({ fa: en, ar: en, en });
const fit = (id: string, rule: Omit<FitRule, 'id' | 'label'>): FitRule => ({ id, label: label(id), ...rule });
const behavior = (id: string, rule: Omit<BehaviorRule, 'id' | 'label'>): BehaviorRule => ({ id, label: label(id), ...rule });

const ctx = { picklists: defaultPicklists, customFieldKeys: new Set(['budget', 'tags', 'vip', 'region']) };
const rulesWith = (over: Partial<ScoringRules>): ScoringRules => ({ ...structuredClone(defaultScoringRules), ...over });

const baseLead: LeadWritable = {
  firstName: 'Sara', lastName: 'Karimi', mobile: '+989121234567', phone: null, email: 'sara@example.com',
  company: 'شركة كيان', jobTitle: 'CTO', website: null, nationalCode: null, telegramId: null, whatsappId: null,
  instagramId: null, fax: null, source: 'referral', channel: 'web', channelIdentifier: null, stage: 'open',
  priority: 'normal', industry: 'technology', annualRevenue: 5_000_000, employees: 120, emailOptOut: false,
  street: null, poBox: null, postalCode: null, city: 'Tehran', province: 'تهران', country: 'Iran', description: null,
  ownerId: null, lastContactAt: null, lastContactResult: null,
  customFields: { budget: 2_500, tags: ['b2b', 'Enterprise'], vip: true, region: 'شمال', price: { amount: 90, currency: 'IRR' } },
};
const lead = (over: Partial<LeadWritable> = {}): LeadWritable => ({ ...baseLead, ...over });
const storedLead = (over: Partial<Lead> = {}): Lead => ({
  ...baseLead, id: '00000000-0000-4000-8000-000000000001', score: 0, qualification: 'cold', archivedAt: null, convertedAt: null, mergedIntoId: null, mergedAt: null, nextTaskAt: null, nextTaskTitle: null, firstResponseAt: null, firstResponseSeconds: null, slaDueAt: null, slaBreachedAt: null,
  version: 1, createdAt: new Date('2025-01-01'), updatedAt: new Date('2025-01-01'), ...over,
});
const validRule = { id: 'r1', label: label('r1'), field: 'industry', op: 'eq', value: 'technology', points: 10 };
const input = (over: Record<string, unknown>) => ({ fit: [], behavior: [], thresholds: { mql: 40, sql: 70 }, urgentTaskOnSql: false, ...over });
const fields = (result: ReturnType<typeof validateScoringRules>) => (result.ok ? [] : result.error.map((e) => `${e.field}:${e.code}`));

describe('validateScoringRules', () => {
  it('accepts a rule set and normalizes values (trimmed text, phones in E.164)', () => {
    const result = validateScoringRules(
      input({
        fit: [
          validRule,
          { id: 'mobile', label: label('m'), field: 'mobile', op: 'eq', value: ' ۰۹۱۲ ۱۲۳ ۴۵۶۷ ', points: 5 },
          { id: 'city', label: label('c'), field: 'city', op: 'in', value: ['  Tehran ', 'Karaj'], points: 5 },
          { id: 'empty', label: label('e'), field: 'custom.region', op: 'isEmpty', points: -5 },
        ],
        behavior: [{ id: 'sms', label: label('s'), activityType: 'sms_received', points: 10, maxCount: 3, decayPerDay: 0.5 }],
        urgentTaskOnSql: true,
      }),
      ctx,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fit[1]?.value).toBe('+989121234567');
    expect(result.value.fit[2]?.value).toEqual(['Tehran', 'Karaj']);
    expect(result.value.fit[3]).not.toHaveProperty('value');
    expect(result.value.urgentTaskOnSql).toBe(true);
  });

  it('names each failing place, all at once', () => {
    const result = validateScoringRules(
      input({
        fit: [
          { ...validRule, field: 'shoeSize' },
          { ...validRule, id: 'r2', field: 'custom.unknownKey' },
          { ...validRule, id: 'r3', field: 'employees', op: 'contains', value: '5' },
          { ...validRule, id: 'r4', field: 'employees', op: 'gte', value: '50' },
          { ...validRule, id: 'r5', field: 'industry', value: 'space-mining' },
          { ...validRule, id: 'r6', field: 'industry', op: 'in', value: ['technology', 'nope'] },
          { ...validRule, id: 'r7', op: 'isEmpty' },
          { ...validRule, id: 'r8', value: undefined },
          { ...validRule, id: 'r1' },
        ],
        behavior: [{ id: 'b1', label: label('b'), activityType: 'call_logged', points: 5, decayPerDay: 0.125 }],
        thresholds: { mql: 70, sql: 70 },
      }),
      ctx,
    );
    expect(fields(result)).toEqual([
      'fit.0.field:unknown_field',
      'fit.1.field:unknown_field',
      'fit.2.op:invalid_value',
      'fit.3.value:invalid_type',
      'fit.4.value:unknown_value',
      'fit.5.value.1:unknown_value',
      'fit.6.value:invalid_value',
      'fit.7.value:required',
      'fit.8.id:invalid_value',
      'behavior.0.decayPerDay:invalid_value',
      'thresholds.sql:out_of_range',
    ]);
  });

  it('reports shape errors by path, in the caller language', () => {
    const result = validateScoringRules(
      input({ fit: [{ ...validRule, points: 2.5, extra: 1 }], behavior: [{ id: 'Bad Id', label: label('b'), activityType: 'x', points: 1 }] }),
      { ...ctx, locale: 'fa' },
    );
    expect(fields(result)).toEqual(expect.arrayContaining(['fit.0.extra:unknown_field', 'fit.0.points:invalid_type', 'behavior.0.id:invalid_value']));
    expect(result.ok ? '' : result.error[0]?.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('reads a stored set that no longer fits as no rules', () => {
    expect(parseStoredScoringRules(undefined)).toEqual(defaultScoringRules);
    expect(parseStoredScoringRules({ fit: 'nope' })).toEqual(defaultScoringRules);
    const stored = rulesWith({ fit: [fit('x', { field: 'industry', op: 'eq', value: 'technology', points: 1 })] });
    expect(parseStoredScoringRules(stored)).toEqual(stored);
  });
});

describe('fit rules', () => {
  const points = (rules: FitRule[], l: LeadWritable = lead()) => explainFitRules(l, rules).map((r) => r.rule);

  it('compare picklist keys exactly and text folded (case, Arabic/Persian letters, digits)', () => {
    expect(points([fit('a', { field: 'industry', op: 'eq', value: 'technology', points: 1 })])).toEqual(['a']);
    expect(points([fit('a', { field: 'industry', op: 'eq', value: 'Technology', points: 1 })])).toEqual([]);
    expect(points([fit('a', { field: 'city', op: 'eq', value: 'TEHRAN', points: 1 })])).toEqual(['a']);
    // Arabic yeh/kaf in the value, Persian in the rule — and the reverse.
    expect(points([fit('a', { field: 'company', op: 'contains', value: 'کیان', points: 1 })])).toEqual(['a']);
    expect(points([fit('a', { field: 'province', op: 'eq', value: 'تهران', points: 1 })], lead({ province: 'تهران' }))).toEqual(['a']);
    expect(foldRuleText('ۀ١٢۳ABCيك\u200cا')).toBe('ه123abcیکا');
  });

  it('in, neq and emptiness', () => {
    const rules = [
      fit('in', { field: 'industry', op: 'in', value: ['retail', 'technology'], points: 1 }),
      fit('neq', { field: 'industry', op: 'neq', value: 'retail', points: 1 }),
      fit('empty', { field: 'website', op: 'isEmpty', points: 1 }),
      fit('filled', { field: 'email', op: 'isNotEmpty', points: 1 }),
    ];
    expect(points(rules)).toEqual(['in', 'neq', 'empty', 'filled']);
    // A lead with no industry is "not retail", and not in the list.
    expect(points(rules, lead({ industry: null, email: null, website: 'https://x.ir/' }))).toEqual(['neq']);
  });

  it('gte / lte on numbers, never on missing values', () => {
    const rules = [
      fit('big', { field: 'employees', op: 'gte', value: 50, points: 20 }),
      fit('small', { field: 'employees', op: 'lte', value: 10, points: -5 }),
      fit('rich', { field: 'annualRevenue', op: 'gte', value: 5_000_000, points: 5 }),
    ];
    expect(points(rules)).toEqual(['big', 'rich']);
    expect(points(rules, lead({ employees: 10, annualRevenue: null }))).toEqual(['small']);
    expect(points(rules, lead({ employees: null }))).toEqual(['rich']);
  });

  it('custom fields: numbers, money amounts, lists, booleans, text', () => {
    const rules = [
      fit('budget', { field: 'custom.budget', op: 'gte', value: 2_000, points: 1 }),
      fit('budget-in', { field: 'custom.budget', op: 'in', value: [1, 2_500], points: 1 }),
      fit('price', { field: 'custom.price', op: 'lte', value: 100, points: 1 }),
      fit('tag', { field: 'custom.tags', op: 'contains', value: 'enterprise', points: 1 }),
      fit('tag-eq', { field: 'custom.tags', op: 'eq', value: 'B2B', points: 1 }),
      fit('vip', { field: 'custom.vip', op: 'eq', value: true, points: 1 }),
      fit('region', { field: 'custom.region', op: 'contains', value: 'شم', points: 1 }),
      fit('missing', { field: 'custom.nothing', op: 'isEmpty', points: 1 }),
      fit('text-is-not-number', { field: 'custom.region', op: 'gte', value: 0, points: 1 }),
    ];
    expect(points(rules)).toEqual(['budget', 'budget-in', 'price', 'tag', 'tag-eq', 'vip', 'region', 'missing']);
    expect(points(rules, lead({ customFields: { budget: '3000', tags: [], vip: 'true' } }))).toEqual(['missing']);
  });

  it('fit rules give labelled reasons, as the ingest pipeline records them', () => {
    expect(explainFitRules(lead(), [fit('big', { field: 'employees', op: 'gte', value: 50, points: 20 })])).toEqual([
      { rule: 'big', points: 20, label: label('big') },
    ]);
  });

  it('SQL folding arguments describe the same mapping', () => {
    const { from, to } = ruleTextTranslate;
    const fromChars = [...from];
    const toChars = [...to];
    for (const [i, ch] of fromChars.entries()) expect(foldRuleText(ch)).toBe(toChars[i] ?? '');
  });
});

describe('behavior rules', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY_MS - extraMs);

  it('lose points per whole day, never below zero', () => {
    const rule = { points: 10, decayPerDay: 2 };
    expect(decayedPoints(rule, daysAgo(0), now)).toBe(10);
    expect(decayedPoints(rule, daysAgo(0, DAY_MS - 1), now)).toBe(10); // not yet a whole day
    expect(decayedPoints(rule, daysAgo(1), now)).toBe(8);
    expect(decayedPoints(rule, daysAgo(4), now)).toBe(2);
    expect(decayedPoints(rule, daysAgo(5), now)).toBe(0);
    expect(decayedPoints(rule, daysAgo(50), now)).toBe(0);
    // Fractions: 10 - 2.5 × 3 = 2.5 → 2 (toward zero); a penalty fades the same way.
    expect(decayedPoints({ points: 10, decayPerDay: 2.5 }, daysAgo(3), now)).toBe(2);
    expect(decayedPoints({ points: -10, decayPerDay: 2.5 }, daysAgo(3), now)).toBe(-2);
    expect(decayedPoints({ points: -10, decayPerDay: 2.5 }, daysAgo(9), now)).toBe(0);
    // No decay, or an activity in the future: full points.
    expect(decayedPoints({ points: 7 }, daysAgo(400), now)).toBe(7);
    expect(decayedPoints(rule, new Date(now.getTime() + DAY_MS * 3), now)).toBe(10);
  });

  it('count the newest maxCount activities of their type', () => {
    const activities = [
      { type: 'sms_received', at: daysAgo(10) },
      { type: 'sms_received', at: daysAgo(0) },
      { type: 'sms_received', at: daysAgo(2) },
      { type: 'call_logged', at: daysAgo(1) },
      { type: 'note_added', at: daysAgo(1) },
    ];
    const rules = [
      behavior('sms', { activityType: 'sms_received', points: 10, maxCount: 2, decayPerDay: 1 }),
      behavior('calls', { activityType: 'call_logged', points: 15 }),
      behavior('meetings', { activityType: 'meeting_held', points: 30 }),
    ];
    expect(explainBehavior(activities, rules, now)).toEqual([
      { rule: 'sms', points: 10 + 8, label: label('sms'), count: 2 },
      { rule: 'calls', points: 15, label: label('calls'), count: 1 },
    ]);
  });
});

describe('thresholds and explanations', () => {
  it('turn a score into cold, mql or sql at the thresholds', () => {
    const t = { mql: 40, sql: 70 };
    expect([39, 40, 69, 70, -5, 500].map((s) => qualificationFor(s, t))).toEqual(['cold', 'mql', 'mql', 'sql', 'cold', 'sql']);
  });

  it('explainScore adds fit, behavior and plugin reasons up to the total', () => {
    const now = new Date('2025-06-10T12:00:00Z');
    const rules = rulesWith({
      fit: [fit('big', { field: 'employees', op: 'gte', value: 50, points: 30 }), fit('retail', { field: 'industry', op: 'eq', value: 'retail', points: 50 })],
      behavior: [behavior('resubmitted', { activityType: 'duplicate_submitted', points: 20, decayPerDay: 5 })],
      thresholds: { mql: 40, sql: 70 },
    });
    const explanation = explainScore({
      lead: storedLead({ score: 55, qualification: 'mql' }),
      activities: [{ type: 'duplicate_submitted', at: new Date(now.getTime() - DAY_MS) }],
      rules,
      pluginReasons: [{ rule: 'source:referral', points: 30, label: label('referral'), scorer: 'hello.source-fit' }],
      now,
    });
    expect(explanation.reasons).toEqual([
      { rule: 'big', label: label('big'), points: 30, kind: 'fit' },
      { rule: 'resubmitted', label: label('resubmitted'), points: 15, kind: 'behavior', count: 1 },
      { rule: 'source:referral', label: label('referral'), points: 30, kind: 'plugin', scorer: 'hello.source-fit' },
    ]);
    expect(explanation.total).toBe(75);
    expect(explanation.reasons.reduce((s, r) => s + r.points, 0)).toBe(explanation.total);
    expect(explanation.qualification).toBe('sql');
    expect(explanation.stored).toEqual({ score: 55, qualification: 'mql' });
    expect(explanation.upToDate).toBe(false);
  });
});

describe('cachedScoringRules', () => {
  it('reads once per ttl, applies a save at once, and reads fresh when asked', async () => {
    let reads = 0;
    let stored = rulesWith({});
    let clock = 0;
    const cache = cachedScoringRules(
      { load: async () => (reads++, structuredClone(stored)), save: async (r) => void (stored = r) },
      { ttlMs: 1000, now: () => clock },
    );
    await cache.load();
    await cache.load();
    expect(reads).toBe(1);
    await cache.save(rulesWith({ urgentTaskOnSql: true }));
    expect((await cache.load()).urgentTaskOnSql).toBe(true);
    expect(reads).toBe(1);
    stored = rulesWith({ thresholds: { mql: 1, sql: 2 } }); // saved by another process
    expect((await cache.load()).thresholds.mql).toBe(40);
    expect((await cache.load({ fresh: true })).thresholds.mql).toBe(1);
    clock = 5000;
    await cache.load();
    expect(reads).toBe(3);
  });
});
