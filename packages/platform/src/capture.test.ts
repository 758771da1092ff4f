import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { appRouter, type SessionUser } from '@sarnakh/api';
import { createTestApi, type TestApi } from '@sarnakh/api/testing';
import { fieldErrorMessage, type Actor } from '@sarnakh/core';
import { createApiKeyRepository, createCaptureGuards, type ApiKeyDefaults, type NewApiKey } from '@sarnakh/db';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from './app.js';

/** A real socket, so the client address comes from the connection as in production. */
async function listen(app: ReturnType<typeof createApp>): Promise<{ url: string; close: () => Promise<void> }> {
  let server!: Server;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)) as Server;
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

let api: TestApi;
let admin: SessionUser;
let actor: Actor;
let server: { url: string; close: () => Promise<void> };
/** Behind a (pretend) proxy: X-Forwarded-For is believed. */
let proxied: { url: string; close: () => Promise<void> };
/**
 * Rate-limit windows are whole minutes: a fixed clock keeps a test from straddling two of them.
 * Far enough from the real time that no other test's windows are shared by accident.
 */
let clock = new Date('2031-03-21T08:00:10Z');

const ORIGIN = 'https://shop.example.com';

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  actor = { userId: admin.id, role: 'admin' };
  const base: AppOptions = { services: api.services, logger: pino({ level: 'silent' }), appRouter, plugins: [], adminDist: '/nonexistent' };
  server = await listen(createApp({ ...base, capture: { now: () => clock } }));
  proxied = await listen(createApp({ ...base, capture: { now: () => clock, trustProxy: true } }));
});
afterAll(async () => {
  await server?.close();
  await proxied?.close();
  await api?.dispose();
});

async function newKey(input: Partial<NewApiKey> & { defaults?: ApiKeyDefaults } = {}) {
  const { apiKey, key } = await createApiKeyRepository(api.services.database.db).create({
    name: 'test',
    kind: 'server',
    createdBy: admin.id,
    ...input,
  });
  return { ...apiKey, key };
}

function post(key: string | null, body: unknown, headers: Record<string, string> = {}, url = server.url) {
  const form = typeof body === 'string' || body instanceof URLSearchParams;
  return fetch(`${url}/api/capture/leads`, {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
      ...headers,
    },
    body: form ? String(body) : JSON.stringify(body),
  });
}

type ErrorBody = { error: { code: string; message: string; fields?: { field: string; code: string; message: string }[]; duplicateOf?: string } };

async function leadCount(where: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from leads where last_name = ${where}`.execute(api.database.raw);
  return Number(rows[0]!.n);
}

describe('POST /api/capture/leads', () => {
  it('creates a lead: 201 { id }, the key’s defaults filled in, a created activity naming the key', async () => {
    const key = await newKey({ defaults: { source: 'web_form', channel: 'web' } });
    const res = await post(key.key, { firstName: 'سارا', lastName: 'Capture1', mobile: '۰۹۱۲۳۴۵۶۷۸۰', email: 'Sara@Example.com' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string };
    expect(Object.keys(body)).toEqual(['id']);
    expect(res.headers.get('ratelimit-limit')).toBe('600');
    expect(res.headers.get('ratelimit-remaining')).toBe('599');

    const lead = await api.services.leads.get(actor, body.id);
    expect(lead.ok && lead.value).toMatchObject({ source: 'web_form', channel: 'web', mobile: '+989123456780', email: 'sara@example.com', ownerId: null });
    const timeline = await api.services.activities.forLead(actor, body.id);
    expect(timeline.find((a) => a.type === 'created')?.data).toEqual({
      source: 'web_form',
      channel: 'web',
      origin: { channel: 'capture', detail: { apiKeyId: key.id } },
    });
    expect((await createApiKeyRepository(api.services.database.db).get(key.id))?.lastUsedAt).toEqual(clock);
  });

  it('lets the body override a default', async () => {
    const key = await newKey({ defaults: { source: 'web_form', channel: 'web' } });
    const res = await post(key.key, { lastName: 'Capture2', source: 'instagram' });
    const { id } = (await res.json()) as { id: string };
    const lead = await api.services.leads.get(actor, id);
    expect(lead.ok && lead.value).toMatchObject({ source: 'instagram', channel: 'web' });
  });

  it('gives leads to the key’s owner; once that owner is deactivated, submissions are refused naming ownerId', async () => {
    const agent = await api.user('agent');
    const key = await newKey({ defaults: { ownerId: agent.id, stage: 'contacted', priority: 'high' } });
    const res = await post(key.key, { lastName: 'Owned' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const lead = await api.services.leads.get(actor, id);
    expect(lead.ok && lead.value).toMatchObject({ ownerId: agent.id, stage: 'contacted', priority: 'high' });

    await api.services.users.update(agent.id, { active: false });
    const refused = await post(key.key, { lastName: 'Owned' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorBody).error.fields).toEqual([expect.objectContaining({ field: 'ownerId', code: 'inactive_user' })]);
  });

  describe('duplicate policy from the key', () => {
    it('attach (the default): 200 with the existing lead as id and duplicateOf', async () => {
      const key = await newKey();
      const first = (await (await post(key.key, { lastName: 'DupAttach', mobile: '09120000101' })).json()) as { id: string };
      const res = await post(key.key, { lastName: 'DupAttach', mobile: '+98 912 000 0101', description: 'again' });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: first.id, duplicateOf: first.id });
      expect(await leadCount('DupAttach')).toBe(1);
      const timeline = await api.services.activities.forLead(actor, first.id);
      expect(timeline.find((a) => a.type === 'duplicate_submitted')?.data).toMatchObject({
        origin: { channel: 'capture', detail: { apiKeyId: key.id } },
        matchedOn: 'mobile',
      });
    });

    it('reject: 409 naming the existing lead', async () => {
      const key = await newKey({ defaults: { duplicatePolicy: 'reject' } });
      const first = (await (await post(key.key, { lastName: 'DupReject', email: 'dup.reject@example.com' })).json()) as { id: string };
      const res = await post(key.key, { lastName: 'DupReject', email: 'DUP.reject@example.com' });
      expect(res.status).toBe(409);
      const body = (await res.json()) as ErrorBody;
      expect(body.error).toMatchObject({ code: 'CONFLICT', duplicateOf: first.id, matchedOn: 'email' });
      expect(body.error.message).toContain(first.id);
      expect(await leadCount('DupReject')).toBe(1);
    });

    it('create: a new lead each time', async () => {
      const key = await newKey({ defaults: { duplicatePolicy: 'create' } });
      const a = (await (await post(key.key, { lastName: 'DupCreate', mobile: '09120000103' })).json()) as { id: string };
      const res = await post(key.key, { lastName: 'DupCreate', mobile: '09120000103' });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { id: string }).id).not.toBe(a.id);
      expect(await leadCount('DupCreate')).toBe(2);
    });
  });

  it('takes form-encoded bodies: empty means not given, the first of repeated values, custom field and checkbox syntax', async () => {
    const key = await newKey({ defaults: { source: 'web_form' } });
    const body = new URLSearchParams([
      ['firstName', 'نرگس'],
      ['lastName', 'FormPost'],
      ['lastName', 'ignored'],
      ['mobile', '0912 000 0104'],
      ['email', ''],
      ['source', ''],
      ['emailOptOut', 'on'],
      ['lastContactAt', ''],
    ]);
    const res = await post(key.key, body);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const lead = await api.services.leads.get(actor, id);
    expect(lead.ok && lead.value).toMatchObject({ firstName: 'نرگس', lastName: 'FormPost', mobile: '+989120000104', email: null, source: 'web_form', emailOptOut: true });
  });

  it('400 names every bad or unknown field, in the caller’s language', async () => {
    const key = await newKey();
    const res = await post(key.key, { lastName: 'Bad', email: 'not-an-email', favouriteColour: 'blue', employees: 'many' }, { 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.fields).toEqual([{ field: 'favouriteColour', code: 'unknown_field', message: fieldErrorMessage('unknown_field', 'fa') }]);

    const domain = await post(key.key, { lastName: 'Bad', email: 'not-an-email', employees: 'many' }, { 'x-sarnakh-locale': 'fa' });
    expect(domain.status).toBe(400);
    const fields = ((await domain.json()) as ErrorBody).error.fields!;
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'invalid_email', message: fieldErrorMessage('invalid_email', 'fa') },
        expect.objectContaining({ field: 'employees', code: 'invalid_type' }),
      ]),
    );
    const notJson = await post(key.key, '{"lastName":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ErrorBody).error.fields).toEqual([expect.objectContaining({ field: 'input' })]);
    const textPlain = await post(key.key, 'hello', { 'content-type': 'text/plain' });
    expect(textPlain.status).toBe(415);
    expect(await leadCount('Bad')).toBe(0);
  });

  it('a server key has no honeypot: website_url is an unknown field there', async () => {
    const key = await newKey();
    const res = await post(key.key, { lastName: 'NoPot', website_url: 'x' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fields?.map((f) => f.field)).toEqual(['website_url']);
  });

  describe('401 without a working key', () => {
    it('no Authorization header', async () => {
      const res = await post(null, { lastName: 'NoKey' });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as ErrorBody).error.code).toBe('UNAUTHORIZED');
    });

    it('a wrong, revoked or expired key', async () => {
      const revoked = await newKey();
      await createApiKeyRepository(api.services.database.db).revoke(revoked.id);
      const expired = await newKey({ expiresAt: new Date(clock.getTime() - 1000) });
      for (const key of [`sk_live_${'x'.repeat(32)}`, 'garbage', revoked.key, expired.key]) {
        const res = await post(key, { lastName: 'WrongKey' });
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
        expect(await res.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
      }
      expect(await leadCount('WrongKey')).toBe(0);
    });
  });

  it('429 past the key’s per-minute limit, with Retry-After; the next window is open again', async () => {
    const key = await newKey({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await post(key.key, { lastName: 'Limited', firstName: `n${i}` })).status).toBe(201);
    const res = await post(key.key, { lastName: 'Limited', firstName: 'n3' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('50'); // the clock is 10 s into its minute
    expect(res.headers.get('ratelimit-limit')).toBe('3');
    expect(res.headers.get('ratelimit-remaining')).toBe('0');
    expect(((await res.json()) as ErrorBody).error.code).toBe('TOO_MANY_REQUESTS');
    expect(await leadCount('Limited')).toBe(3);

    const saved = clock;
    clock = new Date(saved.getTime() + 60_000);
    try {
      expect((await post(key.key, { lastName: 'Limited', firstName: 'n4' })).status).toBe(201);
    } finally {
      clock = saved;
    }
  });

  describe('form keys', () => {
    it('answer the CORS preflight for an allowed origin only', async () => {
      await newKey({ kind: 'form', allowedOrigins: [ORIGIN] });
      const ok = await fetch(`${server.url}/api/capture/leads`, {
        method: 'OPTIONS',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
      });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
      expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');

      const refused = await fetch(`${server.url}/api/capture/leads`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuse another origin, or none; allow theirs with CORS headers', async () => {
      const key = await newKey({ kind: 'form', allowedOrigins: [ORIGIN] });
      const other = await post(key.key, { lastName: 'FormOrigin' }, { origin: 'https://evil.example' });
      expect(other.status).toBe(403);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect((await post(key.key, { lastName: 'FormOrigin' })).status).toBe(403);
      // Allowed by another form key is not enough: each key has its own list.
      await newKey({ kind: 'form', allowedOrigins: ['https://other.example'] });
      expect((await post(key.key, { lastName: 'FormOrigin' }, { origin: 'https://other.example' })).status).toBe(403);

      const res = await post(key.key, { lastName: 'FormOrigin' }, { origin: ORIGIN });
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(res.headers.get('vary')).toContain('Origin');
      expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
      expect(await leadCount('FormOrigin')).toBe(1);
    });

    it('limit each client address (10 a minute), from the socket unless a proxy is trusted', async () => {
      const key = await newKey({ kind: 'form', allowedOrigins: [ORIGIN] });
      const from = (ip: string, n: number, url: string) =>
        post(key.key, { lastName: 'PerIp', firstName: `${ip}-${n}` }, { origin: ORIGIN, 'x-forwarded-for': ip }, url);
      for (let i = 0; i < 10; i++) expect((await from('203.0.113.7', i, proxied.url)).status).toBe(201);
      const over = await from('203.0.113.7', 10, proxied.url);
      expect(over.status).toBe(429);
      expect(over.headers.get('retry-after')).toBe('50');
      expect(over.headers.get('ratelimit-limit')).toBe('10');
      expect(over.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      // Another visitor behind the same proxy is not affected.
      expect((await from('198.51.100.9', 0, proxied.url)).status).toBe(201);

      // Without a trusted proxy the header is ignored: every request counts against the socket's address.
      const direct = await newKey({ kind: 'form', allowedOrigins: [ORIGIN] });
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await post(direct.key, { lastName: 'PerIpDirect', firstName: `n${i}` }, { origin: ORIGIN, 'x-forwarded-for': `192.0.2.${i}` });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it('honeypot: a filled website_url is answered 201 with an id, and nothing is stored', async () => {
      const key = await newKey({ kind: 'form', allowedOrigins: [ORIGIN] });
      const res = await post(key.key, new URLSearchParams({ lastName: 'Honeypot', mobile: '09120000105', website_url: 'http://spam.example' }), { origin: ORIGIN });
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await leadCount('Honeypot')).toBe(0);
      expect((await api.services.leads.get(actor, id)).ok).toBe(false);

      // Left empty, as people leave it, the lead is created.
      const human = await post(key.key, new URLSearchParams({ lastName: 'Honeypot', website_url: '' }), { origin: ORIGIN });
      expect(human.status).toBe(201);
      expect(await leadCount('Honeypot')).toBe(1);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer to retries: five retries, one lead', async () => {
      const key = await newKey();
      const body = { lastName: 'Idem', mobile: '09120000106' };
      const first = await post(key.key, body, { 'idempotency-key': 'order-1' });
      expect(first.status).toBe(201);
      const firstBody = await first.json();
      for (let i = 0; i < 5; i++) {
        const retry = await post(key.key, body, { 'idempotency-key': 'order-1' });
        expect(retry.status).toBe(201);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
        expect(await retry.json()).toEqual(firstBody);
      }
      expect(await leadCount('Idem')).toBe(1);
    });

    it('five at once make one lead; the others are replays or 409 while the first runs', async () => {
      const key = await newKey({ defaults: { duplicatePolicy: 'create' } });
      const body = { lastName: 'IdemRace', mobile: '09120000107' };
      const answers = await Promise.all(Array.from({ length: 5 }, () => post(key.key, body, { 'idempotency-key': 'race' })));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const ids = new Set<string>();
      for (const res of answers) if (res.status === 201) ids.add(((await res.json()) as { id: string }).id);
      expect(ids.size).toBe(1);
      expect(await leadCount('IdemRace')).toBe(1);
    });

    it('the same key with another body is 422; keys are per API key', async () => {
      const key = await newKey();
      expect((await post(key.key, { lastName: 'IdemMismatch', firstName: 'a' }, { 'idempotency-key': 'k' })).status).toBe(201);
      const res = await post(key.key, { lastName: 'IdemMismatch', firstName: 'b' }, { 'idempotency-key': 'k' });
      expect(res.status).toBe(422);
      expect(((await res.json()) as ErrorBody).error.code).toBe('UNPROCESSABLE_CONTENT');
      const another = await newKey();
      expect((await post(another.key, { lastName: 'IdemMismatch', firstName: 'b' }, { 'idempotency-key': 'k' })).status).toBe(201);
      expect(await leadCount('IdemMismatch')).toBe(2);
    });

    it('stores 4xx answers but never a 5xx: after a crash the retry runs again', async () => {
      const key = await newKey();
      const bad = { lastName: 'IdemBad', email: 'nope' };
      expect((await post(key.key, bad, { 'idempotency-key': 'bad' })).status).toBe(400);
      const replayed = await post(key.key, bad, { 'idempotency-key': 'bad' });
      expect(replayed.status).toBe(400);
      expect(replayed.headers.get('idempotent-replayed')).toBe('true');

      const leads = api.services.leads;
      const original = leads.ingest;
      leads.ingest = () => Promise.reject(new Error('database went away'));
      const body = { lastName: 'IdemCrash' };
      try {
        const crashed = await post(key.key, body, { 'idempotency-key': 'crash' });
        expect(crashed.status).toBe(500);
        expect(((await crashed.json()) as ErrorBody).error.code).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        leads.ingest = original;
      }
      const retry = await post(key.key, body, { 'idempotency-key': 'crash' });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(await leadCount('IdemCrash')).toBe(1);
    });

    it('refuses a key over 200 characters', async () => {
      const key = await newKey();
      const res = await post(key.key, { lastName: 'IdemLong' }, { 'idempotency-key': 'x'.repeat(201) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.fields).toEqual([expect.objectContaining({ field: 'Idempotency-Key', code: 'too_long' })]);
    });
  });
});

describe('capture guards', () => {
  it('a running request is in progress for a minute, then a retry may take it over', async () => {
    const guards = createCaptureGuards(api.services.database.db);
    const { id } = await newKey();
    const t0 = new Date('2031-01-01T00:00:00Z');
    expect(await guards.beginCaptureRequest(id, 'g', 'hash-a', t0)).toEqual({ kind: 'new' });
    expect(await guards.beginCaptureRequest(id, 'g', 'hash-a', new Date(t0.getTime() + 5_000))).toEqual({ kind: 'in_progress' });
    expect(await guards.beginCaptureRequest(id, 'g', 'hash-b', new Date(t0.getTime() + 5_000))).toEqual({ kind: 'mismatch' });
    const later = new Date(t0.getTime() + 61_000);
    expect(await guards.beginCaptureRequest(id, 'g', 'hash-a', later)).toEqual({ kind: 'new' });
    expect(await guards.beginCaptureRequest(id, 'g', 'hash-a', new Date(later.getTime() + 1_000))).toEqual({ kind: 'in_progress' });
    await guards.finishCaptureRequest(id, 'g', 201, { id: 'lead-1' });
    expect(await guards.beginCaptureRequest(id, 'g', 'hash-a', later)).toEqual({ kind: 'replay', status: 201, response: { id: 'lead-1' } });
    // A finished answer is never abandoned.
    await guards.abandonCaptureRequest(id, 'g');
    expect((await guards.beginCaptureRequest(id, 'g', 'hash-a', later)).kind).toBe('replay');
  });

  it('counts simultaneous hits exactly, per window', async () => {
    const guards = createCaptureGuards(api.services.database.db);
    const at = new Date('2031-01-01T00:00:30Z');
    const hits = await Promise.all(Array.from({ length: 12 }, () => guards.hitRateLimit('test:concurrent', 10, at)));
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
    expect(hits.map((h) => h.remaining).sort((a, b) => a - b).slice(0, 3)).toEqual([0, 0, 0]);
    expect(hits[0]!.resetAt).toEqual(new Date('2031-01-01T00:01:00Z'));
    expect((await guards.hitRateLimit('test:concurrent', 10, new Date('2031-01-01T00:01:00Z'))).remaining).toBe(9);
  });
});

describe('API docs', () => {
  it('GET /api/docs/openapi.json is an OpenAPI 3.1 document of the REST routes', async () => {
    const res = await fetch(`${server.url}/api/docs/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }> };
      info: { description: string };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths['/api/capture/leads']!.post!.responses).sort()).toEqual(
      expect.arrayContaining(['200', '201', '400', '401', '409', '422', '429']),
    );
    expect(doc.paths['/healthz']?.get).toBeDefined();
    expect(doc.components.schemas.LeadInput?.properties).toHaveProperty('firstName');
    expect(doc.components.schemas.LeadInput?.additionalProperties).toBe(false);
    expect(doc.components.schemas.LeadFormInput?.properties).toHaveProperty('website_url');
    expect(doc.info.description).toContain('/api/plugins/<id>/');
  });

  it('GET /api/docs is a self-contained HTML page listing the operations', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    expect(page).toContain('/api/capture/leads');
    expect(page).toContain('/healthz');
    expect(page).not.toMatch(/<script|https?:\/\/(?!example)/);
  });
});
