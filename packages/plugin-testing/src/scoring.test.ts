import { definePlugin, scorers } from '@sarnakh/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './index.js';
import type { SessionUser } from '@sarnakh/api';

/**
 * Scoring on the assembled platform: core's rules next to a plugin's scorer, the recompute as a
 * durable job, and `lead.qualified` reaching plugins.
 */

const label = (en: string) => ({ fa: en, ar: en, en });

const bonusPlugin = definePlugin({
  id: 'bonus',
  version: '0.1.0',
  compatibility: '^0.1.0',
  provide(ctx) {
    ctx.register(scorers, {
      id: 'bonus.ceo',
      label: label('CEO bonus'),
      score: ({ lead }) => (lead.jobTitle === 'CEO' ? [{ rule: 'ceo', points: 25, label: label('Talks to the CEO') }] : []),
    });
  },
});

let t: TestPlatform<readonly [typeof bonusPlugin]>;
let admin: SessionUser;

beforeAll(async () => {
  t = await startTestPlatform({ plugins: [bonusPlugin] as const });
  admin = await t.user('admin');
  await t.as(admin).scoring.setRules({
    fit: [{ id: 'big', label: label('Big'), field: 'employees', op: 'gte', value: 100, points: 40 }],
    behavior: [],
    thresholds: { mql: 30, sql: 60 },
    urgentTaskOnSql: false,
  });
});
afterAll(() => t.dispose());

describe('scoring on the platform', () => {
  it('adds a plugin scorer to the rules, and explains both', async () => {
    const lead = await t.as(admin).leads.create({ lastName: 'Boss', jobTitle: 'CEO', employees: 150 });
    expect(lead).toMatchObject({ score: 65, qualification: 'sql' });
    const explanation = await t.as(admin).leads.explainScore({ id: lead.id });
    expect(explanation.reasons).toEqual([
      { rule: 'big', label: label('Big'), points: 40, kind: 'fit' },
      { rule: 'ceo', label: label('Talks to the CEO'), points: 25, kind: 'plugin', scorer: 'bonus.ceo' },
    ]);
    expect(explanation).toMatchObject({ total: 65, upToDate: true });
  });

  it('recomputes every lead as a durable job, keeping plugin points, and tells plugins of qualification changes', async () => {
    const ceo = await t.as(admin).leads.create({ lastName: 'Ceo', jobTitle: 'CEO', employees: 10 });
    const plain = await t.as(admin).leads.create({ lastName: 'Plain', employees: 120 });
    expect(ceo).toMatchObject({ score: 25, qualification: 'cold' });
    expect(plain).toMatchObject({ score: 40, qualification: 'mql' });

    await t.as(admin).scoring.setRules({
      fit: [{ id: 'big', label: label('Big'), field: 'employees', op: 'gte', value: 100, points: 40 }],
      behavior: [],
      thresholds: { mql: 20, sql: 40 },
      urgentTaskOnSql: true,
    });
    t.events.clear();
    const { jobId } = await t.as(admin).scoring.recomputeAll();
    expect(jobId).toEqual(expect.any(String));
    expect(await t.runJobs('core.scoring-recompute')).toBe(1);

    expect(await t.as(admin).leads.get({ id: ceo.id })).toMatchObject({ score: 25, qualification: 'mql' });
    expect(await t.as(admin).leads.get({ id: plain.id })).toMatchObject({ score: 40, qualification: 'sql' });
    const events = t.events.of('lead.qualified').filter((e) => e.lead.id === ceo.id || e.lead.id === plain.id);
    expect(events.map((e) => ({ id: e.lead.id, from: e.from, to: e.to, actorId: e.actorId })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: ceo.id, from: 'cold', to: 'mql', actorId: null },
        { id: plain.id, from: 'mql', to: 'sql', actorId: null },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('an edit runs the plugin scorers again; a disabled plugin adds nothing from the next edit on', async () => {
    const lead = await t.as(admin).leads.create({ lastName: 'Promoted', jobTitle: 'CTO', employees: 120 });
    expect(lead.score).toBe(40);
    const promoted = await t.as(admin).leads.update({ id: lead.id, version: lead.version, patch: { jobTitle: 'CEO' } });
    expect(promoted.score).toBe(65);

    await t.as(admin).plugins.setEnabled({ id: 'bonus', enabled: false });
    try {
      const stale = await t.as(admin).leads.explainScore({ id: lead.id });
      expect(stale).toMatchObject({ total: 40, stored: { score: 65 }, upToDate: false });
      const edited = await t.as(admin).leads.update({ id: lead.id, version: promoted.version, patch: { city: 'Tabriz' } });
      expect(edited.score).toBe(40);
    } finally {
      await t.as(admin).plugins.setEnabled({ id: 'bonus', enabled: true });
    }
  });
});
