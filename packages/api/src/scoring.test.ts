import { zodIssuesToFieldErrors, type FieldError, type LeadEvents, type ScoringRulesInput } from '@sarnakh/core';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;
const qualified: LeadEvents['lead.qualified'][] = [];

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  manager = await api.user('manager');
  agent = await api.user('agent');
  api.services.plugins.host.hooks.on('lead.qualified', (e) => void qualified.push(e), { pluginId: 'scoring-test' });
});
afterAll(() => api.dispose());
beforeEach(() => void qualified.splice(0));

const label = (en: string) => ({ fa: en, ar: en, en });
const fieldCodes = (error: TRPCError): { field: string; code: string }[] => {
  const fields: FieldError[] =
    error.cause instanceof FieldErrors
      ? error.cause.fields
      : error.cause instanceof ZodError
        ? zodIssuesToFieldErrors(error.cause.issues, 'en')
        : [];
  return fields.map((f) => ({ field: f.field, code: f.code }));
};

const rules: ScoringRulesInput = {
  fit: [
    { id: 'big-company', label: label('50+ employees'), field: 'employees', op: 'gte', value: 50, points: 30 },
    { id: 'good-industry', label: label('Target industry'), field: 'industry', op: 'in', value: ['technology', 'retail'], points: 20 },
    { id: 'tehran', label: label('Tehran'), field: 'province', op: 'eq', value: 'تهران', points: 10 },
    { id: 'no-email', label: label('No email'), field: 'email', op: 'isEmpty', points: -5 },
  ],
  behavior: [
    { id: 'submitted-again', label: label('Submitted again'), activityType: 'duplicate_submitted', points: 25, maxCount: 2, decayPerDay: 1 },
    { id: 'was-assigned', label: label('Has an owner'), activityType: 'assigned', points: 1 },
    { id: 'sms-reply', label: label('Replied by SMS'), activityType: 'sms_received', points: 40 },
  ],
  thresholds: { mql: 30, sql: 60 },
  urgentTaskOnSql: true,
};

describe('scoring.getRules / setRules', () => {
  it('managers and admins read the rules (defaults before any are saved); agents may not', async () => {
    expect(await api.as(manager).scoring.getRules()).toEqual({ fit: [], behavior: [], thresholds: { mql: 40, sql: 70 }, urgentTaskOnSql: false });
    expect((await failure(api.as(agent).scoring.getRules())).code).toBe('FORBIDDEN');
    expect((await failure(api.as(null).scoring.getRules())).code).toBe('UNAUTHORIZED');
  });

  it('only admins save rules', async () => {
    expect((await failure(api.as(manager).scoring.setRules(rules))).code).toBe('FORBIDDEN');
  });

  it('names each bad field: unknown fields, operators, values, thresholds', async () => {
    const error = await failure(
      api.as(admin).scoring.setRules({
        ...rules,
        fit: [
          { id: 'a', label: label('a'), field: 'shoeSize', op: 'eq', value: 42, points: 1 },
          { id: 'b', label: label('b'), field: 'custom.budget', op: 'gte', value: 10, points: 1 },
          { id: 'c', label: label('c'), field: 'industry', op: 'gte', value: 3, points: 1 },
          { id: 'd', label: label('d'), field: 'source', op: 'eq', value: 'carrier-pigeon', points: 1 },
        ],
        thresholds: { mql: 50, sql: 20 },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldCodes(error)).toEqual([
      { field: 'fit.0.field', code: 'unknown_field' },
      // No custom field is defined yet, so none can be scored.
      { field: 'fit.1.field', code: 'unknown_field' },
      { field: 'fit.2.op', code: 'invalid_value' },
      { field: 'fit.3.value', code: 'unknown_value' },
      { field: 'thresholds.sql', code: 'out_of_range' },
    ]);
    const shape = await failure(api.as(admin).scoring.setRules({ ...rules, fit: [{ ...rules.fit[0]!, points: 1.5 }] }));
    expect(shape.code).toBe('BAD_REQUEST');
    expect(fieldCodes(shape)).toEqual([{ field: 'fit.0.points', code: 'invalid_type' }]);
    // Nothing was saved.
    expect((await api.as(admin).scoring.getRules()).fit).toEqual([]);
  });

  it('saves a valid set and reads it back', async () => {
    const saved = await api.as(admin).scoring.setRules(rules);
    expect(saved).toMatchObject({ thresholds: { mql: 30, sql: 60 }, urgentTaskOnSql: true });
    expect(await api.as(manager).scoring.getRules()).toEqual(saved);
  });
});

describe('scores follow the rules', () => {
  it('a new lead is scored by the fit rules at capture, and the thresholds give its qualification', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'Fit', employees: 120, industry: 'technology', email: 'fit@example.com' });
    expect(lead).toMatchObject({ score: 50, qualification: 'mql' });
    // An agent's lead starts with an `assigned` activity, which a behavior rule counts.
    const own = await api.as(agent).leads.create({ lastName: 'Own', employees: 60, province: 'تهران' });
    expect(own).toMatchObject({ score: 30 + 10 - 5 + 1, qualification: 'mql' });
    expect(qualified).toEqual([]); // a new lead's first qualification is not a change
  });

  it('an update rescores the lead and a qualification change emits lead.qualified', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'Grows', employees: 5, email: 'g@example.com' });
    expect(lead).toMatchObject({ score: 0, qualification: 'cold' });
    const updated = await api.as(manager).leads.update({ id: lead.id, version: lead.version, patch: { employees: 500, industry: 'retail', province: 'تهران' } });
    expect(updated).toMatchObject({ score: 60, qualification: 'sql', version: 2 });
    expect(await api.as(manager).leads.get({ id: lead.id })).toMatchObject({ score: 60, qualification: 'sql' });
    expect(qualified.map((e) => ({ id: e.lead.id, from: e.from, to: e.to, actorId: e.actorId, score: e.lead.score }))).toEqual([
      { id: lead.id, from: 'cold', to: 'sql', actorId: manager.id, score: 60 },
    ]);

    // Back down: an update that takes the points away.
    const down = await api.as(manager).leads.update({ id: lead.id, version: 2, patch: { employees: 10 } });
    expect(down).toMatchObject({ score: 30, qualification: 'mql' });
    expect(qualified.at(-1)).toMatchObject({ from: 'sql', to: 'mql' });
  });

  it('assigning rescores (behavior rule on `assigned`), without a second version bump', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'Assign', employees: 55, email: 'a@example.com' });
    expect(lead.score).toBe(30);
    const [assigned] = await api.as(manager).leads.assign({ ids: [lead.id], ownerId: agent.id });
    expect(assigned).toMatchObject({ score: 31, version: 2, ownerId: agent.id });
  });

  it('a repeat submission (duplicate policy attach) is behavior: it raises the existing lead score', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'Again', mobile: '09121112233', employees: 80, email: 'again@example.com' });
    expect(lead).toMatchObject({ score: 30, qualification: 'mql' });
    const again = await api.as(manager).leads.create({ lastName: 'Again', mobile: '09121112233', duplicatePolicy: 'attach' });
    expect(again).toMatchObject({ id: lead.id, score: 55, qualification: 'mql', version: 1 });
    const third = await api.as(manager).leads.create({ lastName: 'Again', mobile: '09121112233', duplicatePolicy: 'attach' });
    expect(third).toMatchObject({ score: 80, qualification: 'sql', version: 1 });
    expect(qualified).toHaveLength(1);
    expect(qualified[0]).toMatchObject({ lead: { id: lead.id, score: 80 }, from: 'mql', to: 'sql' });
    // maxCount 2: a third repeat adds nothing.
    const fourth = await api.as(manager).leads.create({ lastName: 'Again', mobile: '09121112233', duplicatePolicy: 'attach' });
    expect(fourth.score).toBe(80);
  });
});

describe('activities logged outside the lead service', () => {
  it('count once the lead is rescored (services.leads.rescore), which emits lead.qualified', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'Replied', employees: 60, email: 'r@example.com' });
    expect(lead).toMatchObject({ score: 30, qualification: 'mql' });
    // A later feature (SMS replies) records its own activity type on the timeline.
    await api.database.db
      .insertInto('leadActivities')
      .values({ leadId: lead.id, type: 'sms_received', actorId: null, data: '{}', createdAt: new Date() })
      .execute();
    const result = await api.services.leads.rescore([lead.id, '00000000-0000-4000-8000-000000000000']);
    expect(result.ok && result.value.map((l) => ({ id: l.id, score: l.score, qualification: l.qualification, version: l.version }))).toEqual([
      { id: lead.id, score: 70, qualification: 'sql', version: 1 },
    ]);
    expect(qualified).toEqual([expect.objectContaining({ from: 'mql', to: 'sql', actorId: null })]);
    // Nothing changed since: rescoring again writes and tells nothing.
    await api.services.leads.rescore([lead.id]);
    expect(qualified).toHaveLength(1);
  });
});

describe('leads.explainScore', () => {
  it('lists each rule contribution and adds up to the stored score', async () => {
    const lead = await api.as(agent).leads.create({ lastName: 'Explained', employees: 70, industry: 'retail', mobile: '09121114455' });
    await api.as(agent).leads.create({ lastName: 'Explained', mobile: '09121114455', duplicatePolicy: 'attach' });
    const explanation = await api.as(agent).leads.explainScore({ id: lead.id });
    expect(explanation.reasons).toEqual([
      { rule: 'big-company', label: label('50+ employees'), points: 30, kind: 'fit' },
      { rule: 'good-industry', label: label('Target industry'), points: 20, kind: 'fit' },
      { rule: 'no-email', label: label('No email'), points: -5, kind: 'fit' },
      { rule: 'submitted-again', label: label('Submitted again'), points: 25, kind: 'behavior', count: 1 },
      { rule: 'was-assigned', label: label('Has an owner'), points: 1, kind: 'behavior', count: 1 },
    ]);
    expect(explanation).toMatchObject({ total: 71, qualification: 'sql', thresholds: { mql: 30, sql: 60 }, stored: { score: 71, qualification: 'sql' }, upToDate: true });
    expect(explanation.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(explanation.total);
  });

  it('says when the stored score is stale, until the lead is rescored', async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'Stale', employees: 70, email: 's@example.com' });
    await api.as(admin).scoring.setRules({ ...rules, fit: [{ ...rules.fit[0]!, points: 45 }] });
    try {
      const stale = await api.as(manager).leads.explainScore({ id: lead.id });
      expect(stale).toMatchObject({ total: 45, qualification: 'mql', stored: { score: 30, qualification: 'mql' }, upToDate: false });
      const report = await api.services.scoring.recomputeAll();
      expect(report).toMatchObject({ completed: true });
      expect(report.changed).toBeGreaterThan(0);
      expect(await api.as(manager).leads.explainScore({ id: lead.id })).toMatchObject({ total: 45, stored: { score: 45 }, upToDate: true });
    } finally {
      await api.as(admin).scoring.setRules(rules);
      await api.services.scoring.recomputeAll();
    }
  });

  it("is scoped like the lead: an agent cannot explain another's lead", async () => {
    const lead = await api.as(manager).leads.create({ lastName: 'NotYours' });
    expect((await failure(api.as(agent).leads.explainScore({ id: lead.id }))).code).toBe('NOT_FOUND');
    expect((await failure(api.as(manager).leads.explainScore({ id: 'nope' }))).code).toBe('NOT_FOUND');
  });
});

describe('scoring.recomputeAll', () => {
  it('is for admins, and refuses clearly where no job runner is running', async () => {
    expect((await failure(api.as(manager).scoring.recomputeAll())).code).toBe('FORBIDDEN');
    const error = await failure(api.as(admin).scoring.recomputeAll());
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/jobs/i);
  });
});
