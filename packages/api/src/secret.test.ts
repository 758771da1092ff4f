import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadAuthSecret } from './secret.js';
import { createTestApi, type TestApi } from './test-support/index.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.dispose());

it('generates the session secret once and gives every process the same one', async () => {
  const first = await loadAuthSecret(api.database, undefined);
  expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
  // A second process (or a restart) on the same database reads the stored secret back.
  expect(await loadAuthSecret(api.database, undefined)).toBe(first);
});

it('prefers SARNAKH_AUTH_SECRET when it is set', async () => {
  expect(await loadAuthSecret(api.database, 'x'.repeat(40))).toBe('x'.repeat(40));
});
