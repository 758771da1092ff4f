import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './test-support/index.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.dispose());

it('creates and reads a lead through the router', async () => {
  const agent = await api.user('agent');
  const lead = await api.as(agent).leads.create({ firstName: 'Sara', mobile: '09121234567' });
  expect(lead.ownerId).toBe(agent.id);
  expect(await api.as(agent).leads.get({ id: lead.id })).toEqual(lead);
});
