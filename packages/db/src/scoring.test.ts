import {
  clampScore,
  defaultPicklists,
  defaultScoringRules,
  explainBehavior,
  explainFitRules,
  prepareLead,
  qualificationFor,
  sumPoints,
  type BehaviorRule,
  type CustomFieldValue,
  type FitRule,
  type Lead,
  type QualificationChange,
  type ScoringRules,
} from '@sarnakh/core';
import { demoLeads, Random } from '@sarnakh/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeadStore, createScoringRulesStore, createSettingsRepository, createUserRepository, recomputeAllScores, SCORING_RULES_KEY } from './index.js';
import { toLead } from './repositories/lead-mapping.js';
import { openTestDatabase, type TestDatabase } from './test-support/index.js';

/**
 * `recomputeAll` (SQL) against core's evaluator (TypeScript) on a varied data set: realistic
 * fa/ar/en demo leads, letters typed on Arabic keyboards, custom fields of every shape, owners,
 * plugin points, and timelines of activities spread over two months (some in the future).
 */

const NOW = new Date('2025-06-10T12:34:56.789Z');
const DAY = 86_400_000;
const LEAD_COUNT = 600;
const ACTIVITY_TYPES = ['sms_received', 'call_logged', 'meeting_held', 'duplicate_submitted', 'note_added'] as const;

let database: TestDatabase;
let owners: string[];

const label = (en: string) => ({ fa: en, ar: en, en });
/** Powers of two: a lead's total says exactly which fit rules matched it. */
const bits = (rules: Omit<FitRule, 'points' | 'label'>[]): FitRule[] => rules.map((r, i) => ({ ...r, label: label(r.id), points: 2 ** i }));
const rulesWith = (over: Partial<ScoringRules>): ScoringRules => ({ ...structuredClone(defaultScoringRules), ...over });

/** Arabic-keyboard spellings of Persian letters (ی → ي, ک → ك), as imported data often has. */
const arabicKeyboard = (text: string | null) => text?.replace(/ی/g, 'ي').replace(/ک/g, 'ك') ?? null;

function customFields(random: Random): Record<string, CustomFieldValue> {
  const out: Record<string, CustomFieldValue> = {};
  if (random.chance(0.7)) out.budget = random.pick([0, 500, 1_999, 2_000, 2_500.5, 10_000, -3]);
  if (random.chance(0.15)) out.budget = random.pick(['2500', 'lots', null]);
  if (random.chance(0.5)) out.price = { amount: random.pick([50, 99.99, 100, 100.01, 250]), currency: random.pick(['IRR', 'AED']) };
  if (random.chance(0.6)) {
    out.tags = random.pick([[], ['b2b'], ['B2B', 'Enterprise'], ['enterprise', 'vip'], ['retail', 'smb'], ['کیان'], ['كيان', 'x']]);
  }
  if (random.chance(0.1)) out.tags = random.pick(['b2b', 7]);
  if (random.chance(0.5)) out.vip = random.chance(0.5);
  if (random.chance(0.05)) out.vip = 'true';
  if (random.chance(0.6)) out.region = random.pick(['شمال', 'شمال غرب', 'جنوب', 'North', 'NORTH-west', '', 'شمالی', 'ك']);
  if (random.chance(0.3)) out.rating = random.pick([1, 2, 3, 4, 5, '3']);
  return out;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const users = createUserRepository(database.db);
  owners = [];
  for (const name of ['owner-a', 'owner-b']) {
    const id = crypto.randomUUID();
    await users.create({ id, name, email: `${name}-${id}@example.com`, role: 'agent', passwordHash: 'x' });
    owners.push(id);
  }
  const store = createLeadStore(database.db);
  const random = new Random(20250610);
  const context = { picklists: defaultPicklists, customFieldKeys: new Set<string>() };
  const generated = [...demoLeads({ count: LEAD_COUNT, seed: 31, agentCount: 0, now: NOW, days: 120 })];
  for (let start = 0; start < generated.length; start += 100) {
    await store.transaction(async (tx) => {
      for (const demo of generated.slice(start, start + 100)) {
        const { createdAt, ownerIndex: _ownerIndex, script: _script, ...input } = demo;
        const prepared = prepareLead(input, context);
        if (!prepared.ok) throw new Error(`demo lead rejected: ${JSON.stringify(prepared.error)}`);
        const lead = prepared.value;
        if (random.chance(0.3)) {
          lead.city = arabicKeyboard(lead.city);
          lead.company = arabicKeyboard(lead.company);
          lead.province = arabicKeyboard(lead.province);
        }
        if (random.chance(0.2)) lead.company = lead.company?.toUpperCase() ?? null;
        lead.customFields = customFields(random);
        lead.ownerId = random.chance(0.6) ? random.pick(owners) : null;
        lead.emailOptOut = random.chance(0.2);
        const pluginScore = random.chance(0.4) ? random.int(-20, 40) : 0;
        const row = await tx.insert(lead, createdAt, { pluginScore, score: random.int(-5, 90) });
        const activities = Array.from({ length: random.int(0, 7) }, () => ({
          leadId: row.id,
          actorId: null,
          // Two months back to two days ahead, to the millisecond: decay is by whole days.
          at: new Date(NOW.getTime() - random.int(-2 * DAY, 60 * DAY)),
          type: 'note_added' as const,
          data: {},
        })).map((a) => ({ ...a, type: random.pick(ACTIVITY_TYPES) }));
        // Activity types are open strings on the timeline (calls, SMS… come from later features).
        await tx.recordActivities(activities as never);
      }
    });
  }
}, 120_000);
afterAll(() => database.dispose());

interface Snapshot {
  lead: Lead;
  pluginScore: number;
  activities: { type: string; at: Date }[];
}

async function snapshot(): Promise<Snapshot[]> {
  const rows = await database.db.selectFrom('leads').selectAll().orderBy('id').execute();
  const activities = await database.db.selectFrom('leadActivities').select(['leadId', 'type', 'createdAt']).execute();
  const byLead = new Map<string, { type: string; at: Date }[]>();
  for (const a of activities) byLead.set(a.leadId, [...(byLead.get(a.leadId) ?? []), { type: a.type, at: a.createdAt }]);
  return rows.map((row) => ({ lead: toLead(row), pluginScore: row.pluginScore, activities: byLead.get(row.id) ?? [] }));
}

/** What core's evaluator says each lead scores under `rules`. */
function expected(leads: readonly Snapshot[], rules: ScoringRules) {
  return leads.map(({ lead, pluginScore, activities }) => {
    const score = clampScore(
      sumPoints(explainFitRules(lead, rules.fit)) + sumPoints(explainBehavior(activities, rules.behavior, NOW)) + pluginScore,
    );
    return { id: lead.id, score, qualification: qualificationFor(score, rules.thresholds) };
  });
}

async function recomputeAndCompare(rules: ScoringRules, batchSize = 97) {
  const report = await recomputeAllScores(database.db, rules, { now: NOW, batchSize });
  const after = await snapshot();
  const actual = after.map(({ lead }) => ({ id: lead.id, score: lead.score, qualification: lead.qualification }));
  const want = expected(after, rules);
  const mismatches = actual.filter((a, i) => a.score !== want[i]?.score || a.qualification !== want[i]?.qualification);
  expect(mismatches.slice(0, 5).map((m) => ({ sql: m, ts: want.find((w) => w.id === m.id) }))).toEqual([]);
  expect(report.leads).toBe(LEAD_COUNT);
  expect(report.batches).toBe(Math.ceil(LEAD_COUNT / batchSize) + (LEAD_COUNT % batchSize === 0 ? 1 : 0));
  return { report, after };
}

/** Every rule must match some leads and miss others, or the comparison proves little. */
async function expectDiscriminating(rules: readonly FitRule[]) {
  const leads = await snapshot();
  for (const rule of rules) {
    const matched = leads.filter(({ lead }) => explainFitRules(lead, [rule]).length > 0).length;
    expect({ rule: rule.id, some: matched > 0, notAll: matched < leads.length }).toEqual({ rule: rule.id, some: true, notAll: true });
  }
}

describe('recomputeAll gives every lead what the evaluator gives it', () => {
  it('built-in fields: picklists, numbers, folded text, emptiness, owners', async () => {
    const fit = bits([
      { id: 'industry-in', field: 'industry', op: 'in', value: ['technology', 'retail', 'construction'] },
      { id: 'employees-gte', field: 'employees', op: 'gte', value: 50 },
      { id: 'revenue-lte', field: 'annualRevenue', op: 'lte', value: 200_000_000_000 },
      { id: 'province-tehran', field: 'province', op: 'eq', value: 'تهران' },
      { id: 'city-contains', field: 'city', op: 'contains', value: 'ی' },
      { id: 'company-contains', field: 'company', op: 'contains', value: 'co' },
      { id: 'no-website', field: 'website', op: 'isEmpty' },
      { id: 'has-email', field: 'email', op: 'isNotEmpty' },
      { id: 'opted-out', field: 'emailOptOut', op: 'eq', value: true },
      { id: 'owner-a', field: 'ownerId', op: 'eq', value: owners[0]! },
      { id: 'unassigned', field: 'ownerId', op: 'isEmpty' },
      { id: 'not-open', field: 'stage', op: 'neq', value: 'open' },
      { id: 'source-in', field: 'source', op: 'in', value: ['referral', 'website', 'instagram'] },
    ]);
    await expectDiscriminating(fit);
    await recomputeAndCompare(rulesWith({ fit }));
  });

  it('more built-in fields: phones, codes, dates, names', async () => {
    const leads = await snapshot();
    const someName = leads.find((l) => l.lead.firstName)?.lead.firstName ?? 'x';
    const fit = bits([
      { id: 'mobile-912', field: 'mobile', op: 'contains', value: '912' },
      { id: 'iran-mobile', field: 'mobile', op: 'contains', value: '+98' },
      { id: 'no-contact', field: 'lastContactAt', op: 'isEmpty' },
      { id: 'national-code', field: 'nationalCode', op: 'isNotEmpty' },
      { id: 'first-name', field: 'firstName', op: 'eq', value: someName.toUpperCase() },
      { id: 'job-title', field: 'jobTitle', op: 'contains', value: 'مدیر' },
      { id: 'priority', field: 'priority', op: 'in', value: ['high', 'urgent'] },
      { id: 'employees-eq', field: 'employees', op: 'neq', value: 10 },
      { id: 'revenue-set', field: 'annualRevenue', op: 'isNotEmpty' },
      { id: 'country', field: 'country', op: 'in', value: ['ایران', 'Iran', 'إيران'] },
    ]);
    await expectDiscriminating(fit);
    await recomputeAndCompare(rulesWith({ fit }));
  });

  it('custom fields: numbers, money, lists, booleans, text, missing keys', async () => {
    const fit = bits([
      { id: 'budget-gte', field: 'custom.budget', op: 'gte', value: 2_000 },
      { id: 'budget-eq', field: 'custom.budget', op: 'eq', value: 2_500.5 },
      { id: 'price-lte', field: 'custom.price', op: 'lte', value: 100 },
      { id: 'tags-contains', field: 'custom.tags', op: 'contains', value: 'ENTERPRISE' },
      { id: 'tags-eq', field: 'custom.tags', op: 'eq', value: 'b2b' },
      { id: 'tags-in', field: 'custom.tags', op: 'in', value: ['vip', 'کیان'] },
      { id: 'vip', field: 'custom.vip', op: 'eq', value: true },
      { id: 'not-vip', field: 'custom.vip', op: 'neq', value: true },
      { id: 'region-north', field: 'custom.region', op: 'eq', value: 'north' },
      { id: 'region-contains', field: 'custom.region', op: 'contains', value: 'شمال' },
      { id: 'no-region', field: 'custom.region', op: 'isEmpty' },
      { id: 'rating-in', field: 'custom.rating', op: 'in', value: [4, 5, '3'] },
      { id: 'no-tags', field: 'custom.tags', op: 'isEmpty' },
    ]);
    await expectDiscriminating(fit);
    await recomputeAndCompare(rulesWith({ fit }));
  });

  it('behavior rules with decay and caps, one at a time and together, with thresholds', async () => {
    const behavior: BehaviorRule[] = [
      { id: 'sms', label: label('sms'), activityType: 'sms_received', points: 10, decayPerDay: 0.5 },
      { id: 'calls', label: label('calls'), activityType: 'call_logged', points: 15, maxCount: 2, decayPerDay: 1.25 },
      { id: 'meetings', label: label('meetings'), activityType: 'meeting_held', points: 30, maxCount: 1 },
      { id: 'resubmitted', label: label('again'), activityType: 'duplicate_submitted', points: -8, decayPerDay: 0.33 },
      { id: 'notes', label: label('notes'), activityType: 'note_added', points: 3, maxCount: 3, decayPerDay: 0.1 },
      { id: 'calls-again', label: label('calls'), activityType: 'call_logged', points: 1 },
    ];
    for (const rule of behavior) await recomputeAndCompare(rulesWith({ behavior: [rule] }), 250);
    const fit = bits([
      { id: 'industry-in', field: 'industry', op: 'in', value: ['technology', 'retail'] },
      { id: 'budget-gte', field: 'custom.budget', op: 'gte', value: 2_000 },
    ]);
    await recomputeAndCompare(rulesWith({ fit, behavior, thresholds: { mql: 20, sql: 45 } }), 600);
  });

  it('writes only what changed, reports qualification changes, and keeps version and updatedAt', async () => {
    const behavior: BehaviorRule[] = [{ id: 'calls', label: label('calls'), activityType: 'call_logged', points: 25, decayPerDay: 2 }];
    const first = rulesWith({ behavior, thresholds: { mql: 20, sql: 40 } });
    await recomputeAllScores(database.db, first, { now: NOW });
    const before = await snapshot();

    // Running it again changes nothing.
    const again = await recomputeAllScores(database.db, first, { now: NOW, batchSize: 50 });
    expect(again).toMatchObject({ leads: LEAD_COUNT, changed: 0, qualificationChanged: 0, completed: true });

    // New thresholds: the callback hears of exactly the leads whose qualification moved.
    const second = rulesWith({ behavior, thresholds: { mql: 10, sql: 30 } });
    const heard: QualificationChange[] = [];
    const report = await recomputeAllScores(database.db, second, { now: NOW, batchSize: 64, onQualified: async (c) => void heard.push(...c) });
    const want = expected(before, second);
    const moved = before.filter((b, i) => b.lead.qualification !== want[i]?.qualification);
    expect(moved.length).toBeGreaterThan(0);
    expect(report.qualificationChanged).toBe(moved.length);
    expect(heard.map((h) => [h.lead.id, h.from, h.to]).sort()).toEqual(
      moved.map((m) => [m.lead.id, m.lead.qualification, want[before.indexOf(m)]!.qualification]).sort(),
    );
    for (const change of heard) expect(change.lead.qualification).toBe(change.to);

    const after = await snapshot();
    // The events carry each lead whole, as stored.
    const stored = new Map(after.map((a) => [a.lead.id, a.lead]));
    for (const change of heard) expect(change.lead).toEqual(stored.get(change.lead.id));
    for (const [i, a] of after.entries()) {
      expect(a.lead.version).toBe(before[i]!.lead.version);
      expect(a.lead.updatedAt).toEqual(before[i]!.lead.updatedAt);
      expect(a.pluginScore).toBe(before[i]!.pluginScore);
    }
  });

  it('stops between batches when aborted', async () => {
    const controller = new AbortController();
    let batches = 0;
    const report = await recomputeAllScores(database.db, rulesWith({ thresholds: { mql: 1, sql: 2 } }), {
      now: NOW,
      batchSize: 100,
      onQualified: async () => {
        if (++batches === 2) controller.abort();
      },
      signal: controller.signal,
    });
    expect(report.completed).toBe(false);
    expect(report.batches).toBe(2);
  });
});

describe('the rules store', () => {
  it('saves and loads the rules; an unreadable stored value reads as no rules', async () => {
    const store = createScoringRulesStore(database.db);
    expect(await store.load()).toEqual(defaultScoringRules);
    const rules = rulesWith({ fit: bits([{ id: 'x', field: 'custom.budget', op: 'gte', value: 1 }]), urgentTaskOnSql: true });
    await store.save(rules);
    expect(await store.load()).toEqual(rules);
    await createSettingsRepository(database.db).set(SCORING_RULES_KEY, { fit: 42 });
    expect(await store.load()).toEqual(defaultScoringRules);
  });
});
