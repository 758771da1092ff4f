import { getMigrations } from 'better-auth/db/migration';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support/index.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.dispose());

it('the test database lives in its own schema, the one better-auth introspects', async () => {
  // better-auth reads the tables of current_schema(): the first schema on the search_path.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(api.database.raw);
  expect(api.database.schema).toMatch(/^test_/);
  expect(rows[0]?.schema).toBe(api.database.schema);
});

it('better-auth sees nothing to migrate on our schema', async () => {
  const plan = await getMigrations(api.services.auth.options);
  expect(plan.toBeCreated).toEqual([]);
  expect(plan.toBeAdded).toEqual([]);
  expect(plan.toBeAddedIndexes).toEqual([]);
  expect(plan.schemaProblems).toEqual([]);
  expect(plan.unsafeChanges).toEqual([]);
});

it('it would see a missing column: the empty plan above is not for lack of looking', async () => {
  const options = api.services.auth.options;
  const plan = await getMigrations({
    ...options,
    user: {
      ...options.user,
      additionalFields: { ...options.user?.additionalFields, nickname: { type: 'string', required: false } },
    },
  });
  expect(plan.toBeCreated).toEqual([]);
  expect(plan.toBeAdded.map((t) => [t.table, Object.keys(t.fields)])).toEqual([['users', ['nickname']]]);
});
