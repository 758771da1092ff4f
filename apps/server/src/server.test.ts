import { fieldErrorMessage } from '@sarnakh/core';
import { createTestApi, TEST_PASSWORD, type TestApi } from '@sarnakh/api/testing';
import type { SessionUser } from '@sarnakh/api';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { issueSetupToken } from '@sarnakh/platform';
import { findCookie, signInRequest, startServer, TRUSTED_ORIGIN, type RunningServer } from './test-support.js';

const SESSION_COOKIE = 'sarnakh.session_token';

/** POST a tRPC mutation as superjson (`{ json }`), as the web client does. */
function trpcPost(server: RunningServer, path: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
}

function trpcGet(server: RunningServer, path: string, input: unknown, headers: Record<string, string> = {}) {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return fetch(`${server.url}/trpc/${path}${query}`, { headers });
}

async function signIn(server: RunningServer, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await signInRequest(server.url, email, password);
  expect(res.status).toBe(200);
  const cookie = findCookie(res, SESSION_COOKIE);
  expect(cookie).not.toBeNull();
  return cookie!.pair;
}

async function me(server: RunningServer, cookie?: string): Promise<unknown> {
  const res = await trpcGet(server, 'auth.me', undefined, cookie ? { cookie } : {});
  expect(res.status).toBe(200);
  const body = (await res.json()) as { result: { data: { json: unknown } } };
  return body.result.data.json;
}

describe('the server over HTTP', () => {
  let api: TestApi;
  let server: RunningServer;
  let admin: SessionUser;
  let agent: SessionUser;

  beforeAll(async () => {
    api = await createTestApi();
    admin = await api.user('admin');
    agent = await api.user('agent');
    server = await startServer(api.services);
  });
  afterAll(async () => {
    await server?.close();
    await api?.dispose();
  });

  it('GET /healthz is 200 { status: ok } with a reachable database', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: api.database.kind });
  });

  it('an unknown route is a 404 with a JSON body', async () => {
    for (const [method, path] of [['GET', '/no/such/route'], ['POST', '/nope']] as const) {
      const res = await fetch(`${server.url}${path}`, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: `No route for ${method} ${path}.` } });
    }
  });

  describe('signing in', () => {
    it('the right password: 200 and an httpOnly session cookie that signs the user in', async () => {
      const res = await signInRequest(server.url, agent.email, TEST_PASSWORD);
      expect(res.status).toBe(200);
      const cookie = findCookie(res, SESSION_COOKIE);
      expect(cookie).not.toBeNull();
      expect(cookie!.attributes.map((a) => a.toLowerCase())).toContain('httponly');
      expect(await me(server, cookie!.pair)).toEqual({ id: agent.id, name: agent.name, email: agent.email, role: 'agent', locale: 'en' });
      expect(await me(server)).toBeNull();
    });

    it('a wrong password: 401 and no session cookie', async () => {
      const res = await signInRequest(server.url, agent.email, 'wrong-password-1');
      expect(res.status).toBe(401);
      expect(findCookie(res, SESSION_COOKIE)).toBeNull();
      const unknown = await signInRequest(server.url, 'nobody@example.com', TEST_PASSWORD);
      expect(unknown.status).toBe(401);
      expect(findCookie(unknown, SESSION_COOKIE)).toBeNull();
    });

    it('an inactive user is refused (403) with the right password, and their open session ends', async () => {
      const leaving = await api.user('agent', 'leaving');
      const cookie = await signIn(server, leaving.email);
      expect(await me(server, cookie)).toMatchObject({ id: leaving.id });

      await api.as(admin).users.update({ id: leaving.id, active: false });

      const res = await signInRequest(server.url, leaving.email, TEST_PASSWORD);
      expect(res.status).toBe(403);
      expect(findCookie(res, SESSION_COOKIE)).toBeNull();
      expect(await me(server, cookie)).toBeNull();
      expect((await trpcGet(server, 'leads.list', { limit: 1 }, { cookie })).status).toBe(401);

      // Reactivated, they can sign in again.
      await api.as(admin).users.update({ id: leaving.id, active: true });
      expect(await me(server, await signIn(server, leaving.email))).toMatchObject({ id: leaving.id });
    });
  });

  describe('tRPC with the session cookie', () => {
    let cookie: string;
    beforeAll(async () => {
      cookie = await signIn(server, agent.email);
    });

    it('leads.create is 200 and returns the normalized lead, owned by the caller', async () => {
      const res = await trpcPost(server, 'leads.create', { firstName: 'Sara', mobile: '۰۹۱۲ ۱۲۳ ۴۵۶۷' }, { cookie });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { result: { data: { json: { id: string; mobile: string; ownerId: string } } } };
      expect(body.result.data.json).toMatchObject({ mobile: '+989121234567', ownerId: agent.id });

      const list = await trpcGet(server, 'leads.list', { limit: 10 }, { cookie });
      expect(list.status).toBe(200);
      const page = (await list.json()) as { result: { data: { json: { items: { id: string }[] } } } };
      expect(page.result.data.json.items.map((l) => l.id)).toContain(body.result.data.json.id);
    });

    it('a bad mobile is HTTP 400 with error.data.fields, worded in the Accept-Language', async () => {
      const res = await trpcPost(server, 'leads.create', { firstName: 'Sara', mobile: '0912' }, { cookie, 'accept-language': 'ar' });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { json: { data: { code: string; fields: unknown[]; requestId: string } } } };
      expect(body.error.json.data.code).toBe('BAD_REQUEST');
      expect(body.error.json.data.fields).toEqual([{ field: 'mobile', code: 'invalid_phone', message: fieldErrorMessage('invalid_phone', 'ar') }]);
      expect(fieldErrorMessage('invalid_phone', 'ar')).toMatch(/[\u0600-\u06FF]/);
      expect(body.error.json.data.requestId).toEqual(expect.any(String));

      const en = await trpcPost(server, 'leads.create', { firstName: 'Sara', mobile: '0912' }, { cookie });
      const enBody = (await en.json()) as { error: { json: { data: { fields: { message: string }[] } } } };
      expect(enBody.error.json.data.fields[0]!.message).toBe(fieldErrorMessage('invalid_phone', 'en'));
    });

    it('an input-shape error has fields too', async () => {
      const res = await trpcPost(server, 'leads.create', { firstName: 'Sara', shoeSize: 42 }, { cookie, 'accept-language': 'fa' });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { json: { data: { fields: unknown[] } } } };
      expect(body.error.json.data.fields).toEqual([{ field: 'shoeSize', code: 'unknown_field', message: fieldErrorMessage('unknown_field', 'fa') }]);
    });

    it('without a cookie leads.list is 401', async () => {
      const res = await trpcGet(server, 'leads.list', { limit: 5 });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { json: { data: { code: string } } } };
      expect(body.error.json.data.code).toBe('UNAUTHORIZED');
      expect((await trpcGet(server, 'leads.list', { limit: 5 }, { cookie: `${SESSION_COOKIE}=forged.value` })).status).toBe(401);
    });
  });
});

describe('configuration', () => {
  it('accepts an empty environment with defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, admin: null, demo: false, publicUrl: 'http://localhost:3000' });
  });

  it('rejects PORT=abc, naming PORT', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['PORT']);
    expect((error as ConfigError).message).toContain('PORT');
  });

  it('rejects an admin email without a password, naming the missing variable', () => {
    let error: unknown;
    try {
      loadConfig({ SARNAKH_ADMIN_EMAIL: 'admin@example.com' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable)).toEqual(['SARNAKH_ADMIN_PASSWORD']);
    expect(problems[0]!.message).toContain('SARNAKH_ADMIN_EMAIL');
    // And the other way round.
    expect(() => loadConfig({ SARNAKH_ADMIN_PASSWORD: 'long-enough-password' })).toThrow(/SARNAKH_ADMIN_EMAIL/);
    expect(loadConfig({ SARNAKH_ADMIN_EMAIL: 'admin@example.com', SARNAKH_ADMIN_PASSWORD: 'long-enough-password' }).admin).toEqual({
      email: 'admin@example.com',
      password: 'long-enough-password',
    });
  });
});

describe('the one-time setup link', () => {
  let api: TestApi;
  let server: RunningServer;
  beforeAll(async () => {
    api = await createTestApi();
    server = await startServer(api.services);
  });
  afterAll(async () => {
    await server?.close();
    await api?.dispose();
  });

  const postSetup = (token: string, fields: Record<string, string>) =>
    fetch(`${server.url}/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, ...fields }).toString(),
    });

  // Regression: on Postgres the setup token's hash was stored as a JSON string and /setup failed.
  it('creates the first admin once, with the right token only', async () => {
    expect(await api.services.users.count()).toBe(0);
    const token = await issueSetupToken(api.services);
    expect(token.length).toBeGreaterThanOrEqual(20);

    expect((await fetch(`${server.url}/setup?token=wrong-${token}`)).status).toBe(410);
    expect((await fetch(`${server.url}/setup`)).status).toBe(410);

    const form = await fetch(`${server.url}/setup?token=${encodeURIComponent(token)}`);
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/text\/html/);
    const html = await form.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain(`value="${token}"`);

    const admin = { name: 'First Admin', email: 'first.admin@example.com', password: 'first-admin-password' };
    expect((await postSetup(`wrong-${token}`, admin)).status).toBe(410);
    expect(await api.services.users.count()).toBe(0);

    const created = await postSetup(token, admin);
    expect(created.status).toBe(200);
    const users = await api.services.users.list();
    expect(users).toEqual([expect.objectContaining({ email: admin.email, name: admin.name, role: 'admin', active: true })]);

    const signIn = await signInRequest(server.url, admin.email, admin.password);
    expect(signIn.status).toBe(200);
    const cookie = findCookie(signIn, SESSION_COOKIE)!.pair;
    expect(await me(server, cookie)).toMatchObject({ email: admin.email, role: 'admin' });

    // The link is spent.
    expect((await fetch(`${server.url}/setup?token=${encodeURIComponent(token)}`)).status).toBe(410);
    expect((await postSetup(token, { ...admin, email: 'second@example.com' })).status).toBe(410);
    expect(await api.services.users.count()).toBe(1);
  });

  it('lets only one of two simultaneous submissions create an admin', async () => {
    const fresh = await createTestApi();
    const other = await startServer(fresh.services);
    try {
      const token = await issueSetupToken(fresh.services);
      const post = (email: string) =>
        fetch(`${other.url}/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, name: 'Racer', email, password: 'racer-password' }).toString(),
        });
      const statuses = (await Promise.all([post('one@example.com'), post('two@example.com')])).map((r) => r.status).sort();
      expect(statuses).toEqual([200, 410]);
      expect(await fresh.services.users.count()).toBe(1);
    } finally {
      await other.close();
      await fresh.dispose();
    }
  });
});

describe('bootstrap', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api?.dispose());

  const counts = async () => {
    const { db } = api.database;
    const n = async (table: 'users' | 'leads' | 'leadActivities') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    return { users: await n('users'), leads: await n('leads'), activities: await n('leadActivities') };
  };

  it('creates the admin, 6 agents and ~400 demo leads on an empty database, and nothing the second time', async () => {
    const config = loadConfig({ SARNAKH_ADMIN_EMAIL: 'boot@example.com', SARNAKH_ADMIN_PASSWORD: 'boot-password-1', SARNAKH_DEMO: '1' });
    const logger = pino({ level: 'silent' });
    await bootstrap(api.services, config, logger);

    const users = await api.services.users.list();
    expect(users.filter((u) => u.role === 'admin').map((u) => u.email)).toEqual(['boot@example.com']);
    // Six demo users: the generator makes the first of them a manager, the rest agents.
    const demoUsers = users.filter((u) => u.role !== 'admin');
    expect(demoUsers).toHaveLength(6);
    expect(demoUsers.filter((u) => u.role === 'agent').length).toBeGreaterThanOrEqual(5);
    expect(users).toHaveLength(7);

    const leads = await api.database.db.selectFrom('leads').select(['mobile', 'stage', 'source', 'ownerId']).execute();
    // loadDemoData asks for 400 and only logs the ones the lead service rejects: every one must pass.
    expect(leads).toHaveLength(400);
    expect(new Set(leads.map((l) => l.stage)).size).toBeGreaterThan(3);
    expect(new Set(leads.map((l) => l.source)).size).toBeGreaterThan(3);
    const mobiles = leads.map((l) => l.mobile).filter((m): m is string => m !== null);
    expect(mobiles.length).toBeGreaterThan(leads.length / 2);
    for (const m of mobiles) expect(m).toMatch(/^\+\d{8,15}$/);
    const agentIds = new Set(demoUsers.map((u) => u.id));
    expect(leads.every((l) => l.ownerId === null || agentIds.has(l.ownerId))).toBe(true);

    // An agent's day to open the app to: overdue, today's and upcoming follow-ups, calls and notes.
    const owners = [...new Set(leads.map((l) => l.ownerId).filter((o): o is string => o !== null))];
    const scopes = { overdue: 0, today: 0, upcoming: 0 };
    for (const ownerId of owners) {
      const role = demoUsers.find((u) => u.id === ownerId)!.role;
      for (const scope of ['overdue', 'today', 'upcoming'] as const) {
        scopes[scope] += (await api.services.followUps.tasks.list({ userId: ownerId, role }, { scope, limit: 200 })).items.length;
      }
    }
    expect(scopes.overdue).toBeGreaterThan(0);
    expect(scopes.today + scopes.upcoming).toBeGreaterThan(0);
    // Only the newest few demo leads run a response-time clock; the rest are history.
    const clocks = await api.database.db.selectFrom('leads').select('slaState').where('slaState', '=', 'pending').execute();
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks.length).toBeLessThanOrEqual(5);
    const types = await api.database.db.selectFrom('leadActivities').select('type').where('type', 'in', ['call', 'note']).execute();
    expect(types.some((t) => t.type === 'call') && types.some((t) => t.type === 'note')).toBe(true);

    // The admin from the environment can sign in.
    const res = await api.services.auth.handler(
      new Request(`${TRUSTED_ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TRUSTED_ORIGIN },
        body: JSON.stringify({ email: 'boot@example.com', password: 'boot-password-1' }),
      }),
    );
    expect(res.status).toBe(200);

    const before = await counts();
    await bootstrap(api.services, config, logger);
    expect(await counts()).toEqual(before);
  });
});
