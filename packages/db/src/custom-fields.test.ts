import { createFieldCatalog, leadListInputSchema, resolveLeadListQuery, type FieldDefinition, type LeadListInput } from '@sarnakh/core';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomFieldIndex, createCustomFieldRepository, dropCustomFieldIndex } from './repositories/custom-fields.js';
import { listQuery } from './repositories/leads.js';
import { openTestDatabase, type TestDatabase } from './test-support/index.js';

let database: TestDatabase;
const ROWS = 50_000;
const label = { en: 'Budget', fa: 'بودجه', ar: 'الميزانية' };
const budget: FieldDefinition = {
  key: 'budget', type: 'currency', label, required: false, default: null, options: [], validation: {}, indexed: true, archivedAt: null, position: 10,
};
const seats: FieldDefinition = { ...budget, key: 'seats', type: 'number', position: 20 };

beforeAll(async () => {
  database = await openTestDatabase();
  const repository = createCustomFieldRepository(database.db);
  const at = new Date();
  await repository.insert(budget, at);
  await repository.insert(seats, at);
  await createCustomFieldIndex(database, 'budget', 'money');
  await createCustomFieldIndex(database, 'seats', 'number');
  // Enough rows that a sequential scan loses to the index: every lead a distinct budget, every
  // seventh without one, seats in 100 buckets.
  await sql`
    insert into leads (stage, priority, custom_fields, created_at, updated_at)
    select 'open', 'normal',
      case when i % 7 = 0 then jsonb_build_object('seats', i % 100)
           else jsonb_build_object('budget', jsonb_build_object('amount', i * 10, 'currency', 'IRT'), 'seats', i % 100) end,
      now() - make_interval(secs => i), now()
    from generate_series(1, ${ROWS}) as s(i)`.execute(database.raw);
  await sql`analyze leads`.execute(database.raw);
}, 120_000);
afterAll(() => database.dispose());

const catalog = createFieldCatalog([budget, seats]);

async function plan(input: LeadListInput): Promise<string> {
  const query = resolveLeadListQuery(leadListInputSchema.parse(input), catalog);
  if (!query.ok) throw new Error(JSON.stringify(query.error));
  const compiled = listQuery(database.db, { kind: 'all' }, query.value).compile();
  const result = await database.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
  return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function ids(input: LeadListInput): Promise<{ values: unknown[]; next: string | null }> {
  const query = resolveLeadListQuery(leadListInputSchema.parse(input), catalog);
  if (!query.ok) throw new Error(JSON.stringify(query.error));
  const rows = await listQuery(database.db, { kind: 'all' }, query.value).execute();
  return { values: rows.slice(0, query.value.limit).map((r) => r.sortKey), next: rows.length > query.value.limit ? 'more' : null };
}

describe(`an indexed custom field on ${ROWS.toLocaleString('en')} leads`, () => {
  it('sorting by it reads its expression index, not the table', async () => {
    const text = await plan({ sort: { field: 'custom.budget', direction: 'desc' }, limit: 50 });
    expect(text).toMatch(/Index Scan Backward using leads_cf_budget/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('a range filter with the sort reads the same index', async () => {
    const text = await plan({ where: [{ field: 'custom.budget', op: 'gte', value: 400_000 }], sort: { field: 'custom.budget', direction: 'asc' }, limit: 50 });
    expect(text).toMatch(/Index Scan using leads_cf_budget/);
    expect(text).toMatch(/Index Cond/);
  });

  it('an equality filter under the default sort finds its rows through the index', async () => {
    const text = await plan({ where: [{ field: 'custom.budget', op: 'eq', value: 12_340 }], limit: 50 });
    expect(text).toMatch(/leads_cf_budget/);
    expect(text).not.toMatch(/Seq Scan/);
  });

  it('answers match what the data says, and missing values never match a bound', async () => {
    const page = await ids({ where: [{ field: 'custom.budget', op: 'lte', value: 100 }], sort: { field: 'custom.budget', direction: 'asc' }, limit: 50 });
    // Budgets 10..100 for i = 1..10, minus i = 7 (no budget).
    expect(page.values).toEqual(['10', '20', '30', '40', '50', '60', '80', '90', '100']);
    const empty = await ids({ where: [{ field: 'custom.budget', op: 'isEmpty' }, { field: 'custom.seats', op: 'eq', value: 7 }], limit: 200 });
    // i % 7 = 0 and i % 100 = 7: i = 7, 707, 1407… every 700.
    expect(empty.values.length).toBe(Math.floor((ROWS - 7) / 700) + 1);
  });

  it('dropping the index leaves the field sortable (slower) and re-creating it is idempotent', async () => {
    await dropCustomFieldIndex(database, 'seats');
    expect(await plan({ sort: { field: 'custom.seats', direction: 'asc' }, limit: 10 })).not.toMatch(/leads_cf_seats/);
    await createCustomFieldIndex(database, 'seats', 'number');
    await createCustomFieldIndex(database, 'seats', 'number');
    expect(await plan({ sort: { field: 'custom.seats', direction: 'asc' }, limit: 10 })).toMatch(/leads_cf_seats/);
  });
});
