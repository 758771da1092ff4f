import { describe, expect, it } from 'vitest';
import { runBench, type TargetPlan } from './bench.js';
import { ratio, renderTable } from './report.js';
import { smokeSettings } from './scenarios.js';

/**
 * The whole bench on 1,000 leads, to keep the scripts from rotting: loading by COPY, the real app
 * over HTTP, every scenario, the report. An in-memory embedded database, plus a scratch schema on
 * DATABASE_URL when it is set. Timings are never asserted: only that every figure was taken.
 */
describe('pnpm bench --smoke', () => {
  it('measures every figure and its counterpart on each database', { timeout: 90_000 }, async () => {
    const url = process.env.DATABASE_URL;
    const targets: TargetPlan[] = [{ kind: 'embedded' }, ...(url ? [{ kind: 'postgres' as const, url, scratch: true }] : [])];
    const results = await runBench({
      smoke: true,
      spec: { count: 1_000, seed: 1404, agents: 8 },
      settings: smokeSettings,
      targets,
      log: () => {},
    });

    expect(results.targets.map((t) => t.kind)).toEqual(targets.map((t) => t.kind));
    for (const target of results.targets) {
      expect(target.skipped).toBeUndefined();
      expect(target.server).toMatch(/PostgreSQL \d+/);
      const rows = target.rows ?? [];
      expect(rows.map((r) => r.key)).toEqual([
        'list.first',
        'list.keyset',
        'list.stageOwner',
        'list.lastName',
        'list.offset',
        'search.name',
        'search.fullName',
        'search.phone',
        'floor.trpc',
        'floor.trpcRate',
        'capture.hono',
        'capture.insert',
        'assign.rate',
        'insights.newLeads',
        'insights.funnel',
        'insights.conversion',
        'insights.qualified',
        'insights.speedToLead',
        'insights.owners',
        'insights.sync',
      ]);
      for (const row of rows.filter((r) => !r.note)) {
        expect(row.measured?.value, row.key).toBeGreaterThan(0);
        expect(row.limit?.value, row.key).toBeGreaterThan(0);
        expect(ratio(row), row.key).toBeGreaterThan(0);
      }
    }
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(renderTable(results)).toContain('POST /api/capture/leads');
  });
});
