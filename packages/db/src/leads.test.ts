import { createLeadService, defaultPicklists, leadListInputSchema, type Actor } from '@sarnakh/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCustomFieldSource,
  createLeadStore,
  createPicklistSource,
  createUserDirectory,
  createUserRepository,
  migrate,
} from './index.js';
import { openTestDatabase, type TestDatabase } from './test-support/index.js';

let database: TestDatabase;
let admin: Actor;

const service = () =>
  createLeadService({
    leads: createLeadStore(database.db),
    users: createUserDirectory(database.db),
    picklists: createPicklistSource(database.db),
    customFields: createCustomFieldSource(database.db),
  });

async function addUser(role: Actor['role'], name: string): Promise<Actor> {
  const id = crypto.randomUUID();
  await createUserRepository(database.db).create({ id, name, email: `${name}-${id}@example.com`, role, passwordHash: 'x' });
  return { userId: id, role };
}

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await addUser('admin', 'admin');
});
afterAll(() => database.dispose());


describe('migrations', () => {
  it('are applied once: a second run applies nothing', async () => {
    expect(await migrate(database)).toEqual([]);
  });

  it('seed the default picklists', async () => {
    const lists = await createPicklistSource(database.db).load();
    expect(lists.stage.map((s) => s.key)).toEqual(defaultPicklists.stage.map((s) => s.key));
    expect(lists.stage.find((s) => s.key === 'customer')?.won).toBe(true);
  });
});

describe('lead store', () => {
  it('stores a lead normalized and reads it back the same', async () => {
    const created = await service().create(admin, {
      firstName: '  علي  ', lastName: 'كريمي', mobile: '۰۹۱۲ ۱۲۳ ۴۵۶۷', email: ' Ali@Example.COM ',
      annualRevenue: '۱٬۲۰۰٬۰۰۰', employees: 12, source: 'instagram',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const lead = created.value;
    expect(lead).toMatchObject({ firstName: 'علي', mobile: '+989121234567', email: 'ali@example.com', annualRevenue: 1_200_000, stage: 'open', priority: 'normal', version: 1 });
    const again = await service().get(admin, lead.id);
    expect(again.ok && again.value).toEqual(lead);
  });

  it('pages by keyset: every lead exactly once while rows are inserted between pages', async () => {
    const owner = await addUser('agent', 'pager');
    const svc = service();
    for (let i = 0; i < 25; i++) {
      const r = await svc.create(owner, { lastName: `P${i}`, mobile: `0912000${String(i).padStart(4, '0')}` });
      expect(r.ok).toBe(true);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const listed = await svc.list(owner, leadListInputSchema.parse({ cursor, limit: 7, sort: { field: 'createdAt', direction: 'desc' } }));
      if (!listed.ok) throw new Error('list failed');
      const page = listed.value;
      seen.push(...page.items.map((l) => l.id));
      cursor = page.nextCursor;
      // New leads arrive while the agent scrolls: newer than the cursor, they never shift the pages.
      await svc.create(owner, { lastName: `new${inserted++}` });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(25);
  });

  it('runs concurrent transactions on the embedded database without mixing them', async () => {
    const svc = service();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => svc.create(admin, { lastName: `C${i}` })));
    expect(results.every((r) => r.ok)).toBe(true);
    const { n } = await database.db.selectFrom('leadActivities').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('leadId', 'in', results.map((r) => (r.ok ? r.value.id : ''))).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(20);
  });
});

describe('schema isolation', () => {
  it('keeps each test database in its own schema', async () => {
    const other = await openTestDatabase();
    try {
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from leads`.execute(other.raw);
      expect(rows[0]?.n).toBe('0');
    } finally {
      await other.dispose();
    }
  });
});

