import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMergeStore } from './index.js';
import { openTestDatabase, type TestDatabase } from './test-support/index.js';

let database: TestDatabase;

const LEADS = 12_000;
const mobileOf = (n: number) => `+98912${String(n).padStart(7, '0')}`;

beforeAll(async () => {
  database = await openTestDatabase();
  // More leads than a window of the group walk reads, so pages cross windows.
  await sql`insert into leads (first_name, mobile, phone, stage, priority, created_at, updated_at)
    select 'L' || g, '+98912' || lpad(g::text, 7, '0'),
           case when g % 1000 = 0 then '+98912' || lpad((g - 1)::text, 7, '0') end,
           'open', 'normal', now(), now()
    from generate_series(1, ${LEADS}) g`.execute(database.db);
  // Second leads with the same mobile; the archived and merged ones do not count.
  await sql`insert into leads (first_name, mobile, stage, priority, created_at, updated_at, archived_at, merged_into_id)
    select 'again ' || g, '+98912' || lpad(g::text, 7, '0'), 'open', 'normal', now(), now(),
           case when g = 4500 then now() end,
           case when g = 7500 then (select id from leads where first_name = 'L1') end
    from generate_series(1500, ${LEADS}, 1500) g`.execute(database.db);
  await sql`analyze leads`.execute(database.db);
}, 120_000);
afterAll(() => database.dispose());

describe('duplicate groups over many leads', () => {
  it('pages through every shared number, across windows, in key order', async () => {
    const expected = new Map<string, number>();
    for (let g = 1000; g <= LEADS; g += 1000) expected.set(mobileOf(g - 1), 2);
    for (let g = 1500; g <= LEADS; g += 1500) if (g !== 4500 && g !== 7500) expected.set(mobileOf(g), 2);
    const store = createMergeStore(database.db);

    const seen: { key: string; count: number; members: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof store.duplicateGroups>> = await store.duplicateGroups('phone', cursor, 3);
      expect(page.groups.length).toBeLessThanOrEqual(3);
      seen.push(...page.groups.map((g) => ({ key: g.key, count: g.count, members: g.leads.length })));
      cursor = page.next;
      pages++;
    } while (cursor !== null && pages < 100);

    const keys = [...expected.keys()].sort();
    expect(seen).toEqual(keys.map((key) => ({ key, count: expected.get(key)!, members: expected.get(key)! })));
    expect(pages).toBeGreaterThan(keys.length / 3);
  });

  it('counts a lead whose mobile and phone are the same number once', async () => {
    await sql`insert into leads (first_name, mobile, phone, stage, priority, created_at, updated_at)
      values ('same', '+989990000001', '+989990000001', 'open', 'normal', now(), now())`.execute(database.db);
    const page = await createMergeStore(database.db).duplicateGroups('phone', '+989990000000', 10);
    expect(page).toEqual({ groups: [], next: null });
  });
});
