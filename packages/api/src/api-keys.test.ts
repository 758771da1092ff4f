import { zodIssuesToFieldErrors } from '@sarnakh/core';
import { createApiKeyRepository, hashApiKey } from '@sarnakh/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { FieldErrors } from './errors.js';
import type { SessionUser } from './context.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  manager = await api.user('manager');
});
afterAll(() => api.dispose());

/** The per-field errors a failed call carries: domain checks or input shape, as the formatter renders them. */
async function fieldsOf(call: Promise<unknown>) {
  const error = await failure(call);
  expect(error.code).toBe('BAD_REQUEST');
  if (error.cause instanceof FieldErrors) return error.cause.fields;
  expect(error.cause).toBeInstanceOf(ZodError);
  return zodIssuesToFieldErrors((error.cause as ZodError).issues, 'en');
}

describe('apiKeys.create', () => {
  it('returns a server key once, stores only its hash and first characters', async () => {
    const created = await api.as(admin).apiKeys.create({ name: 'Website backend', kind: 'server' });
    expect(created.key).toMatch(/^sk_live_[A-Za-z0-9_-]{32}$/);
    expect(created.start).toBe(created.key.slice(0, 12));
    expect(created).toMatchObject({ kind: 'server', rateLimitPerMinute: 600, allowedOrigins: [], active: true, snippet: null, createdBy: admin.id });

    const stored = await sql<{ key_hash: string }>`select key_hash from api_keys where id = ${created.id}`.execute(api.database.raw);
    expect(stored.rows[0]?.key_hash).toBe(hashApiKey(created.key));
    const everything = await sql`select * from api_keys where id = ${created.id}`.execute(api.database.raw);
    expect(JSON.stringify(everything.rows)).not.toContain(created.key);
  });

  it('form keys start with pk_live_, need origins, and come with a snippet carrying the key', async () => {
    const created = await api.as(admin).apiKeys.create({
      name: 'Landing page',
      kind: 'form',
      allowedOrigins: ['https://Example.com/', 'https://shop.example.com'],
      rateLimitPerMinute: 50,
      defaults: { source: 'web_form', channel: 'web', duplicatePolicy: 'reject' },
    });
    expect(created.key).toMatch(/^pk_live_[A-Za-z0-9_-]{32}$/);
    expect(created.allowedOrigins).toEqual(['https://example.com', 'https://shop.example.com']);
    expect(created.defaults).toEqual({ source: 'web_form', channel: 'web', duplicatePolicy: 'reject' });
    expect(created.snippet).toContain('http://localhost:3000/api/capture/leads');
    expect(created.snippet).toContain(created.key);
    expect(created.snippet).toContain('name="website_url"');
    expect(created.snippet).toContain('Idempotency-Key');
  });

  it('refuses a form key without origins and origins that are not origins', async () => {
    expect(await fieldsOf(api.as(admin).apiKeys.create({ name: 'x', kind: 'form' }))).toEqual([
      expect.objectContaining({ field: 'allowedOrigins', code: 'required' }),
    ]);
    const fields = await fieldsOf(api.as(admin).apiKeys.create({ name: 'x', kind: 'form', allowedOrigins: ['https://example.com/contact', 'ftp://example.com'] }));
    expect(fields.map((f) => f.field).sort()).toEqual(['allowedOrigins.0', 'allowedOrigins.1']);
  });

  it('names each bad default, in the caller’s language', async () => {
    const inactive = await api.user('agent');
    await api.as(admin).users.update({ id: inactive.id, active: false });
    const fields = await fieldsOf(
      api.as(admin, 'fa').apiKeys.create({
        name: 'x',
        kind: 'server',
        defaults: { source: 'carrier_pigeon', channel: 'web', stage: 'nowhere', ownerId: inactive.id },
      }),
    );
    expect(fields).toEqual([
      { field: 'defaults.source', code: 'unknown_value', message: 'این مقدار در فهرست نیست.' },
      { field: 'defaults.stage', code: 'unknown_value', message: 'این مقدار در فهرست نیست.' },
      { field: 'defaults.ownerId', code: 'inactive_user', message: expect.any(String) },
    ]);
    const unknownOwner = await fieldsOf(api.as(admin).apiKeys.create({ name: 'x', kind: 'server', defaults: { ownerId: 'nobody' } }));
    expect(unknownOwner).toEqual([expect.objectContaining({ field: 'defaults.ownerId', code: 'unknown_value' })]);
    const policy = await fieldsOf(api.as(admin).apiKeys.create({ name: 'x', kind: 'server', defaults: { duplicatePolicy: 'merge' as 'attach' } }));
    expect(policy.map((f) => f.field)).toEqual(['defaults.duplicatePolicy']);
  });

  it('refuses limits out of range and origins on a server key', async () => {
    const fields = await fieldsOf(api.as(admin).apiKeys.create({ name: 'x', kind: 'server', rateLimitPerMinute: 0 }));
    expect(fields.map((f) => f.field)).toEqual(['rateLimitPerMinute']);
    const origins = await fieldsOf(api.as(admin).apiKeys.create({ name: 'x', kind: 'server', allowedOrigins: ['https://example.com'] }));
    expect(origins.map((f) => f.field)).toEqual(['allowedOrigins']);
  });

  it('is for admins only', async () => {
    expect((await failure(api.as(manager).apiKeys.create({ name: 'x', kind: 'server' }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(manager).apiKeys.list())).code).toBe('FORBIDDEN');
    expect((await failure(api.as(null).apiKeys.list())).code).toBe('UNAUTHORIZED');
  });
});

describe('apiKeys.list and revoke', () => {
  it('lists keys without secrets, newest first; a form key’s snippet has a placeholder for the key', async () => {
    const form = await api.as(admin).apiKeys.create({ name: 'Listed form', kind: 'form', allowedOrigins: ['https://list.example'] });
    const list = await api.as(admin).apiKeys.list();
    expect(list[0]?.id).toBe(form.id);
    for (const key of list) {
      expect(key).not.toHaveProperty('key');
      expect(key).not.toHaveProperty('keyHash');
    }
    expect(JSON.stringify(list)).not.toContain(form.key);
    expect(list[0]?.snippet).toContain('PASTE_YOUR_FORM_KEY_HERE');
  });

  it('revoking stops the key at once and keeps the first revocation time', async () => {
    const created = await api.as(admin).apiKeys.create({ name: 'Short-lived', kind: 'server' });
    const repo = createApiKeyRepository(api.services.database.db);
    expect((await repo.findByKey(created.key))?.id).toBe(created.id);
    const revoked = await api.as(admin).apiKeys.revoke({ id: created.id });
    expect(revoked.active).toBe(false);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await repo.findByKey(created.key)).toBeNull();
    const again = await api.as(admin).apiKeys.revoke({ id: created.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    expect((await failure(api.as(admin).apiKeys.revoke({ id: 'no-such-key' }))).code).toBe('NOT_FOUND');
    expect((await failure(api.as(admin).apiKeys.revoke({ id: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('the API key repository', () => {
  it('finds nothing for a malformed, unknown or expired key', async () => {
    const repo = createApiKeyRepository(api.services.database.db);
    expect(await repo.findByKey('')).toBeNull();
    expect(await repo.findByKey('Bearer nonsense')).toBeNull();
    expect(await repo.findByKey(`sk_live_${'A'.repeat(32)}`)).toBeNull();
    const { key } = await repo.create({ name: 'expiring', kind: 'server', createdBy: null, expiresAt: new Date(Date.now() + 60_000) });
    expect(await repo.findByKey(key)).not.toBeNull();
    expect(await repo.findByKey(key, new Date(Date.now() + 120_000))).toBeNull();
  });

  it('records use at most once a minute', async () => {
    const repo = createApiKeyRepository(api.services.database.db);
    const { apiKey } = await repo.create({ name: 'touched', kind: 'server', createdBy: null });
    const t0 = new Date('2030-01-01T10:00:00Z');
    await repo.touch(apiKey.id, t0);
    await repo.touch(apiKey.id, new Date(t0.getTime() + 30_000));
    expect((await repo.get(apiKey.id))?.lastUsedAt).toEqual(t0);
    // Another process (a fresh repository) within the minute changes nothing either.
    await createApiKeyRepository(api.services.database.db).touch(apiKey.id, new Date(t0.getTime() + 40_000));
    expect((await repo.get(apiKey.id))?.lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await repo.touch(apiKey.id, later);
    expect((await repo.get(apiKey.id))?.lastUsedAt).toEqual(later);
  });

  it('knows which origins some active form key allows', async () => {
    const repo = createApiKeyRepository(api.services.database.db);
    const { apiKey } = await repo.create({ name: 'cors', kind: 'form', createdBy: null, allowedOrigins: ['https://cors.example'] });
    expect(await repo.isAllowedFormOrigin('https://cors.example')).toBe(true);
    expect(await repo.isAllowedFormOrigin('https://evil.example')).toBe(false);
    await repo.revoke(apiKey.id);
    expect(await repo.isAllowedFormOrigin('https://cors.example')).toBe(false);
  });
});
