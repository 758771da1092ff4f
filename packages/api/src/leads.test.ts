import { fieldErrorMessage, type FieldError, type Lead, type LeadListInput } from '@sarnakh/core';
import { openDatabase, migrate } from '@sarnakh/db';
import type { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createContext, type SessionUser } from './context.js';
import { zodIssuesToFieldErrors } from '@sarnakh/core';
import { FieldErrors } from './errors.js';
import { appRouter } from './router.js';
import { createTestApi, createTestServices, failure, TEST_PASSWORD, type TestApi } from './test-support/index.js';

let api: TestApi;
let manager: SessionUser;
let agent: SessionUser;

beforeAll(async () => {
  api = await createTestApi();
  manager = await api.user('manager');
  agent = await api.user('agent');
});
afterAll(() => api.dispose());

type Caller = ReturnType<TestApi['as']>;


/** The per-field list of a domain validation error (FieldErrors cause). */
function domainFields(error: TRPCError): FieldError[] {
  expect(error.cause).toBeInstanceOf(FieldErrors);
  return (error.cause as FieldErrors).fields;
}

/** The per-field list of an input-shape error (ZodError cause), as the formatter renders it. */
function shapeFields(error: TRPCError): FieldError[] {
  expect(error.cause).toBeInstanceOf(ZodError);
  return zodIssuesToFieldErrors((error.cause as ZodError).issues, 'en');
}

const codes = (fields: FieldError[]) => fields.map((f) => ({ field: f.field, code: f.code }));

async function countLeads(): Promise<number> {
  const { n } = await api.database.db.selectFrom('leads').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

async function countActivities(leadId: string): Promise<number> {
  const { n } = await api.database.db
    .selectFrom('leadActivities')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('leadId', '=', leadId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Every page of a list, following nextCursor. */
async function listAll(caller: Caller, input: LeadListInput): Promise<Lead[]> {
  const out: Lead[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await caller.leads.list({ ...input, cursor, limit: input.limit ?? 200 });
    out.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) return out;
  }
  throw new Error('paging did not end');
}

// ---------------------------------------------------------------------------------------------
// HTTP: the same router through tRPC's fetch adapter, with a real better-auth session cookie and
// the real context (cookie → user, Accept-Language → locale), so the error formatter's output is
// what a browser sees.

async function signIn(email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await api.services.auth.handler(
    new Request('http://localhost:3000/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sarnakh.session_token='));
  expect(cookie).toBeDefined();
  return cookie!.split(';')[0]!;
}

interface HttpError {
  message: string;
  code: number;
  data: { code: string; httpStatus: number; fields?: FieldError[]; requestId?: string };
}

async function httpMutation(path: string, input: unknown, headers: Record<string, string>) {
  const req = new Request(`http://localhost:3000/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req,
    router: appRouter,
    createContext: () => createContext(api.services, req.headers, 'req-http'),
  });
  const body = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: HttpError } };
  return { status: res.status, body };
}

// ---------------------------------------------------------------------------------------------

describe('per-field validation errors', () => {
  const bad = { firstName: 'Reza', mobile: '0912123', nationalCode: '0499370898', email: 'not-an-email', stage: 'no_such_stage' };
  const expected = [
    { field: 'mobile', code: 'invalid_phone' },
    { field: 'nationalCode', code: 'invalid_national_code' },
    { field: 'email', code: 'invalid_email' },
    { field: 'stage', code: 'unknown_value' },
  ];

  it('names every failing field in one BAD_REQUEST and writes nothing', async () => {
    const writer = await api.user('agent', 'validator');
    const before = await countLeads();
    const error = await failure(api.as(writer).leads.create(bad));
    expect(error.code).toBe('BAD_REQUEST');
    const fields = domainFields(error);
    expect(codes(fields)).toHaveLength(4);
    expect(codes(fields)).toEqual(expect.arrayContaining(expected));
    for (const f of fields) expect(f.message).toBe(fieldErrorMessage(f.code, 'en'));
    expect(await countLeads()).toBe(before);
    expect((await api.as(writer).leads.list()).items).toEqual([]);
  });

  it('words the messages in the caller’s language', async () => {
    const error = await failure(api.as(agent, 'fa').leads.create(bad));
    const fields = domainFields(error);
    expect(codes(fields)).toEqual(expect.arrayContaining(expected));
    for (const f of fields) {
      expect(f.message).toBe(fieldErrorMessage(f.code, 'fa'));
      expect(f.message).not.toBe(fieldErrorMessage(f.code, 'en'));
    }
  });

  it('over HTTP: error.data.fields lists the fields, in the Accept-Language', async () => {
    const cookie = await signIn(agent.email);
    const before = await countLeads();
    const { status, body } = await httpMutation('leads.create', bad, { cookie, 'accept-language': 'fa-IR,fa;q=0.9,en;q=0.5' });
    expect(status).toBe(400);
    const data = body.error!.json.data;
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.requestId).toBe('req-http');
    expect(data.fields).toHaveLength(4);
    expect(data.fields).toEqual(
      expect.arrayContaining(expected.map((e) => ({ ...e, message: fieldErrorMessage(e.code as FieldError['code'], 'fa') }))),
    );
    expect(await countLeads()).toBe(before);
  });

  it('asks for an identity (on lastName) when there is no name, company, phone or email', async () => {
    const error = await failure(api.as(agent).leads.create({ stage: 'open', jobTitle: 'CEO', city: 'Tehran' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(codes(domainFields(error))).toEqual([{ field: 'lastName', code: 'identity_required' }]);
  });

  it('rejects an unknown input key as unknown_field (caller and HTTP)', async () => {
    const input = { lastName: 'Karimi', favouriteColour: 'blue' };
    const error = await failure(api.as(agent).leads.create(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(codes(shapeFields(error))).toEqual([{ field: 'favouriteColour', code: 'unknown_field' }]);

    const cookie = await signIn(agent.email);
    const { status, body } = await httpMutation('leads.create', input, { cookie, 'accept-language': 'ar' });
    expect(status).toBe(400);
    expect(body.error!.json.message).toBe('Some fields are not valid.');
    expect(body.error!.json.data.fields).toEqual([
      { field: 'favouriteColour', code: 'unknown_field', message: fieldErrorMessage('unknown_field', 'ar') },
    ]);
  });

  it('rejects a custom field that is not defined', async () => {
    const before = await countLeads();
    const error = await failure(api.as(agent).leads.create({ lastName: 'Karimi', customFields: { budget: 5 } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(codes(domainFields(error))).toEqual([{ field: 'customFields.budget', code: 'unknown_field' }]);
    expect(await countLeads()).toBe(before);
  });
});

describe('normalization visible through the API', () => {
  it('stores phones in E.164, emails lower-cased and national codes in ASCII digits', async () => {
    const lead = await api.as(agent).leads.create({
      firstName: 'سارا',
      mobile: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
      email: '  Sara.Karimi@Example.COM ',
      nationalCode: '۰۴۹۹۳۷۰۸۹۹',
    });
    expect(lead).toMatchObject({ mobile: '+989121234567', email: 'sara.karimi@example.com', nationalCode: '0499370899' });
    // As stored, not only as returned by create.
    const stored = await api.as(agent).leads.get({ id: lead.id });
    expect(stored).toMatchObject({ mobile: '+989121234567', email: 'sara.karimi@example.com', nationalCode: '0499370899' });
    const row = await api.database.db.selectFrom('leads').select(['mobile', 'email', 'nationalCode']).where('id', '=', lead.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ mobile: '+989121234567', email: 'sara.karimi@example.com', nationalCode: '0499370899' });
  });
});

// Regression: postgres.js once double-encoded jsonb written as JSON text (a JSON string, not an object).
it('stores custom fields and activity data as JSON objects', async () => {
  const lead = await api.as(manager).leads.create({ lastName: 'Jsonb' });
  const { rows } = await sql<{ fields: string; activity: string; label: string }>`
    select jsonb_typeof(custom_fields) as fields,
           (select jsonb_typeof(data) from lead_activities where lead_id = leads.id limit 1) as activity,
           (select jsonb_typeof(label) from picklist_values limit 1) as label
    from leads where id = ${lead.id}`.execute(api.database.raw);
  expect(rows[0]).toEqual({ fields: 'object', activity: 'object', label: 'object' });
});

describe('optimistic locking', () => {
  it('bumps the version on a change and refuses a stale version', async () => {
    const caller = api.as(manager);
    const lead = await caller.leads.create({ firstName: 'Nima', lastName: 'Ahmadi' });
    expect(lead.version).toBe(1);

    const updated = await caller.leads.update({ id: lead.id, version: 1, patch: { firstName: 'Nima2', city: 'Shiraz' } });
    expect(updated).toMatchObject({ version: 2, firstName: 'Nima2', city: 'Shiraz' });

    const stale = await failure(caller.leads.update({ id: lead.id, version: 1, patch: { firstName: 'Overwritten', city: 'Qom' } }));
    expect(stale.code).toBe('CONFLICT');
    expect(await caller.leads.get({ id: lead.id })).toEqual(updated);
  });

  it('does not bump the version (nor write an activity) for an update that changes nothing', async () => {
    const caller = api.as(manager);
    const lead = await caller.leads.create({ firstName: 'Hadi', mobile: '09121112233', email: 'hadi@example.com' });
    const activities = await countActivities(lead.id);
    // Same values in other spellings: they normalize to what is stored.
    const same = await caller.leads.update({
      id: lead.id,
      version: 1,
      patch: { firstName: ' Hadi ', mobile: '+98 912 111 2233', email: 'HADI@example.com' },
    });
    expect(same.version).toBe(1);
    const stored = await caller.leads.get({ id: lead.id });
    expect(stored).toEqual(lead);
    expect(await countActivities(lead.id)).toBe(activities);
  });
});

describe('activities', () => {
  it('records created, updated, stage_changed, assigned and archived with the actor', async () => {
    const caller = api.as(manager);
    const lead = await caller.leads.create({ firstName: 'Omid', source: 'instagram', channel: 'instagram' });
    const v2 = await caller.leads.update({ id: lead.id, version: lead.version, patch: { firstName: 'Omid R.' } });
    await caller.leads.setStage({ id: lead.id, stage: 'contacted' });
    await caller.leads.assign({ ids: [lead.id], ownerId: agent.id });
    await caller.leads.archive({ ids: [lead.id] });
    expect(v2.version).toBe(2);

    const timeline = (await caller.activities.list({ leadId: lead.id })).items;
    expect(timeline.map((a) => a.type).sort()).toEqual(['archived', 'assigned', 'created', 'stage_changed', 'updated']);
    for (const a of timeline) {
      expect(a.actorId).toBe(manager.id);
      expect(a.leadId).toBe(lead.id);
    }
    const byType = Object.fromEntries(timeline.map((a) => [a.type, a.data]));
    expect(byType.created).toEqual({ source: 'instagram', channel: 'instagram', origin: { channel: 'web' } });
    expect(byType.updated).toEqual({ changes: { firstName: { from: 'Omid', to: 'Omid R.' } } });
    expect(byType.stage_changed).toEqual({ from: 'open', to: 'contacted' });
    expect(byType.assigned).toEqual({ from: null, to: agent.id });

    // The new owner (an agent) sees the same timeline.
    expect((await api.as(agent).activities.list({ leadId: lead.id })).items.map((a) => a.id).sort()).toEqual(timeline.map((a) => a.id).sort());
  });

  it('a failed update adds no activity and changes no field', async () => {
    const caller = api.as(manager);
    const lead = await caller.leads.create({ firstName: 'Leila', email: 'leila@example.com' });
    const activities = await countActivities(lead.id);
    const error = await failure(
      caller.leads.update({ id: lead.id, version: 1, patch: { firstName: 'Changed', city: 'Tabriz', email: 'broken@' } }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(codes(domainFields(error))).toEqual([{ field: 'email', code: 'invalid_email' }]);
    expect(await caller.leads.get({ id: lead.id })).toEqual(lead);
    expect(await countActivities(lead.id)).toBe(activities);
  });
});

describe('keyset paging through leads.list', () => {
  let pager: SessionUser;
  let originals: Lead[];

  beforeAll(async () => {
    pager = await api.user('agent', 'pager');
    const caller = api.as(pager);
    const names = ['karimi', 'ahmadi', 'rezaei', 'ahmadi', 'moradi', 'bagheri'];
    const created: Lead[] = [];
    for (let i = 0; i < 30; i++) {
      const noLastName = i % 7 === 3;
      const lead = await caller.leads.create({
        ...(noLastName ? { firstName: `first${i}` } : { lastName: `${names[i % names.length]}${i % 4 === 0 ? '' : 'x'}` }),
        // Every third lead has never been contacted; the others share a few contact moments.
        lastContactAt: i % 3 === 0 ? null : new Date(Date.UTC(2024, 0, 1 + (i % 5), 10, 30)),
      });
      created.push(lead);
    }
    // Score is system-owned (no API writes it): set a spread with ties directly.
    for (const [i, lead] of created.entries()) {
      await api.database.db.updateTable('leads').set({ score: (i * 7) % 5 }).where('id', '=', lead.id).execute();
    }
    originals = [];
    for (const lead of created) originals.push(await caller.leads.get({ id: lead.id }));
    expect(new Set(originals.map((l) => l.score)).size).toBeGreaterThan(2);
    expect(originals.some((l) => l.lastName === null)).toBe(true);
    expect(originals.some((l) => l.lastContactAt === null)).toBe(true);
  });

  const byId = (a: Lead, b: Lead) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const time = (d: Date | null) => (d === null ? -Infinity : d.getTime());
  const orders = {
    'createdAt desc': (a: Lead, b: Lead) => time(b.createdAt) - time(a.createdAt) || byId(b, a),
    'lastName asc': (a: Lead, b: Lead) => {
      const x = a.lastName ?? '';
      const y = b.lastName ?? '';
      return x < y ? -1 : x > y ? 1 : byId(a, b);
    },
    'score desc': (a: Lead, b: Lead) => b.score - a.score || byId(b, a),
    'lastContactAt desc': (a: Lead, b: Lead) => {
      const x = time(a.lastContactAt);
      const y = time(b.lastContactAt);
      return x === y ? byId(b, a) : x > y ? -1 : 1;
    },
  } as const;

  for (const [name, compare] of Object.entries(orders)) {
    it(`pages of 8 by ${name}: every lead once, in order, while leads are added between pages`, async () => {
      const [field, direction] = name.split(' ') as ['createdAt' | 'lastName' | 'score' | 'lastContactAt', 'asc' | 'desc'];
      const caller = api.as(pager);
      const originalIds = new Set(originals.map((l) => l.id));
      const seen: Lead[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<Caller['leads']['list']>> = await caller.leads.list({
          filter: { ownerId: pager.id },
          sort: { field, direction },
          cursor,
          limit: 8,
        });
        expect(page.items.length).toBeLessThanOrEqual(8);
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
        // Someone adds leads while the list is being read: with sort keys on both sides of the cursor.
        await caller.leads.create({ lastName: `aaa${pages}`, lastContactAt: new Date() });
        await caller.leads.create({ lastName: `zzz${pages}` });
      } while (cursor !== null && pages < 20);
      expect(pages).toBeGreaterThanOrEqual(4);

      const ids = seen.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      const seenOriginals = seen.filter((l) => originalIds.has(l.id));
      expect(seenOriginals.map((l) => l.id)).toEqual([...originals].sort(compare).map((l) => l.id));
      // And the whole sequence (new leads included) is in the sort order.
      for (let i = 1; i < seen.length; i++) expect(compare(seen[i - 1]!, seen[i]!)).toBeLessThan(0);
    });
  }

  // Regression: a '-infinity' cursor value bound as timestamptz made postgres.js throw.
  it('pages by lastContactAt past leads that were never contacted', async () => {
    const owner = await api.user('agent', 'never-contacted');
    const caller = api.as(owner);
    const contacted = await caller.leads.create({ lastName: 'contacted', lastContactAt: new Date('2024-05-01T08:00:00Z') });
    const never = [await caller.leads.create({ lastName: 'never1' }), await caller.leads.create({ lastName: 'never2' })];
    const sort = { field: 'lastContactAt', direction: 'desc' } as const;
    const first = await caller.leads.list({ sort, limit: 2 });
    expect(first.items[0]!.id).toBe(contacted.id);
    expect(first.items[1]!.lastContactAt).toBeNull();
    const second = await caller.leads.list({ sort, limit: 2, cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((l) => l.id);
    expect(ids.sort()).toEqual([contacted.id, ...never.map((l) => l.id)].sort());
    expect(second.nextCursor).toBeNull();
  });

  it('without interference, the pages of 8 are exactly the sorted list cut in 8s', async () => {
    const caller = api.as(manager);
    const all = await listAll(caller, { filter: { ownerId: pager.id }, sort: { field: 'score', direction: 'desc' } });
    const first = await caller.leads.list({ filter: { ownerId: pager.id }, sort: { field: 'score', direction: 'desc' }, limit: 8 });
    expect(first.items.map((l) => l.id)).toEqual(all.slice(0, 8).map((l) => l.id));
    const second = await caller.leads.list({
      filter: { ownerId: pager.id },
      sort: { field: 'score', direction: 'desc' },
      limit: 8,
      cursor: first.nextCursor,
    });
    expect(second.items.map((l) => l.id)).toEqual(all.slice(8, 16).map((l) => l.id));
  });

  it('rejects a cursor that is not one (field cursor) and a cursor of another sort order', async () => {
    const caller = api.as(pager);
    const error = await failure(caller.leads.list({ cursor: 'not-a-cursor' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(codes(domainFields(error))).toEqual([{ field: 'cursor', code: 'invalid_value' }]);

    const page = await caller.leads.list({ sort: { field: 'score', direction: 'desc' }, limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    const replayed = await failure(caller.leads.list({ sort: { field: 'lastName', direction: 'asc' }, cursor: page.nextCursor }));
    expect(replayed.code).toBe('BAD_REQUEST');
    expect(codes(domainFields(replayed))).toEqual([{ field: 'cursor', code: 'invalid_value' }]);
  });

  // Regression: a well-formed cursor with a value of the wrong type reached Postgres' cast (500).
  it('rejects a tampered cursor (right shape, value of the wrong type) as BAD_REQUEST on cursor', async () => {
    const forged = Buffer.from(JSON.stringify(['createdAt', 'desc', 'garbage', crypto.randomUUID()])).toString('base64url');
    const error = await failure(api.as(pager).leads.list({ cursor: forged }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(codes(domainFields(error))).toEqual([{ field: 'cursor', code: 'invalid_value' }]);
  });

  it('refuses limit 201 (max 200) and limit 0', async () => {
    const tooMany = await failure(api.as(pager).leads.list({ limit: 201 }));
    expect(tooMany.code).toBe('BAD_REQUEST');
    expect(codes(shapeFields(tooMany))).toEqual([{ field: 'limit', code: 'out_of_range' }]);
    expect((await failure(api.as(pager).leads.list({ limit: 0 }))).code).toBe('BAD_REQUEST');
    expect((await api.as(pager).leads.list({ limit: 200 })).items.length).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  let owner: SessionUser;
  let other: SessionUser;
  const f: Record<string, Lead> = {};

  beforeAll(async () => {
    owner = await api.user('agent', 'filtered');
    other = await api.user('agent', 'filtered-other');
    const m = api.as(manager);
    f.a = await m.leads.create({ lastName: 'fa', stage: 'qualified', priority: 'high', source: 'instagram', channel: 'instagram', ownerId: owner.id });
    f.b = await m.leads.create({ lastName: 'fb', stage: 'open', priority: 'low', source: 'website', channel: 'web', ownerId: owner.id });
    f.c = await m.leads.create({ lastName: 'fc', stage: 'contacted', priority: 'urgent', source: 'referral', channel: 'phone', ownerId: other.id });
    f.d = await m.leads.create({ lastName: 'fd', stage: 'qualified', priority: 'low', source: 'sms', channel: 'sms' });
    f.e = await m.leads.create({ lastName: 'fe', stage: 'open', priority: 'normal', source: 'instagram', channel: 'telegram' });
    f.x = await m.leads.create({ lastName: 'fx', stage: 'qualified', priority: 'high', source: 'instagram', channel: 'instagram', ownerId: owner.id });
    await m.leads.archive({ ids: [f.x.id] });
    // createdAt is system-owned: move the fixtures to known days for the date filters.
    const days: Record<string, string> = { a: '2020-01-01', b: '2020-01-02', c: '2020-01-03', d: '2020-01-04', e: '2020-01-05', x: '2020-01-03' };
    for (const [k, day] of Object.entries(days)) {
      await api.database.db.updateTable('leads').set({ createdAt: new Date(`${day}T12:00:00Z`) }).where('id', '=', f[k]!.id).execute();
    }
  });

  const mine = (leads: Lead[]) => {
    const ids = new Map(Object.entries(f).map(([k, l]) => [l.id, k]));
    return leads.flatMap((l) => (ids.has(l.id) ? [ids.get(l.id)!] : [])).sort();
  };

  it('by stage, priority, source and channel (one value or several)', async () => {
    const m = api.as(manager);
    const qualified = await listAll(m, { filter: { stage: 'qualified' } });
    expect(qualified.every((l) => l.stage === 'qualified')).toBe(true);
    expect(mine(qualified)).toEqual(['a', 'd']);
    const openOrContacted = await listAll(m, { filter: { stage: ['open', 'contacted'] } });
    expect(openOrContacted.every((l) => ['open', 'contacted'].includes(l.stage))).toBe(true);
    expect(mine(openOrContacted)).toEqual(['b', 'c', 'e']);

    const low = await listAll(m, { filter: { priority: 'low' } });
    expect(low.every((l) => l.priority === 'low')).toBe(true);
    expect(mine(low)).toEqual(['b', 'd']);

    const insta = await listAll(m, { filter: { source: 'instagram' } });
    expect(insta.every((l) => l.source === 'instagram')).toBe(true);
    expect(mine(insta)).toEqual(['a', 'e']);

    const chat = await listAll(m, { filter: { channel: ['telegram', 'sms'] } });
    expect(chat.every((l) => l.channel === 'telegram' || l.channel === 'sms')).toBe(true);
    expect(mine(chat)).toEqual(['d', 'e']);

    const combined = await listAll(m, { filter: { stage: 'qualified', source: 'instagram' } });
    expect(mine(combined)).toEqual(['a']);
  });

  it('by owner, and ownerId null for unassigned leads', async () => {
    const m = api.as(manager);
    const owned = await listAll(m, { filter: { ownerId: owner.id } });
    expect(owned.every((l) => l.ownerId === owner.id)).toBe(true);
    expect(mine(owned)).toEqual(['a', 'b']);
    const unassigned = await listAll(m, { filter: { ownerId: null } });
    expect(unassigned.length).toBeGreaterThan(0);
    expect(unassigned.every((l) => l.ownerId === null)).toBe(true);
    expect(mine(unassigned)).toEqual(['d', 'e']);
  });

  it('by creation date, both ends inclusive', async () => {
    const m = api.as(manager);
    const range = await listAll(m, { filter: { createdFrom: new Date('2020-01-02T12:00:00Z'), createdTo: new Date('2020-01-04T12:00:00Z') } });
    expect(mine(range)).toEqual(['b', 'c', 'd']);
    expect(range).toHaveLength(3);
    const from = await listAll(m, { filter: { createdFrom: new Date('2020-01-04T00:00:00Z') } });
    expect(mine(from)).toEqual(['d', 'e']);
    expect(from.every((l) => l.createdAt.getTime() >= Date.parse('2020-01-04T00:00:00Z'))).toBe(true);
    const to = await listAll(m, { filter: { createdTo: new Date('2020-01-02T00:00:00Z') } });
    expect(mine(to)).toEqual(['a']);
    expect(to).toHaveLength(1);
  });

  it('archived: active only by default and with false; archived only with true', async () => {
    const m = api.as(manager);
    const byDefault = await listAll(m, { filter: { ownerId: owner.id } });
    expect(mine(byDefault)).toEqual(['a', 'b']);
    const active = await listAll(m, { filter: { ownerId: owner.id, archived: false } });
    expect(mine(active)).toEqual(['a', 'b']);
    const archived = await listAll(m, { filter: { archived: true } });
    expect(archived.every((l) => l.archivedAt !== null)).toBe(true);
    expect(mine(archived)).toEqual(['x']);
  });
});

describe('search', () => {
  let owner: SessionUser;
  const s: Record<string, Lead> = {};

  beforeAll(async () => {
    owner = await api.user('agent', 'searcher');
    const c = api.as(owner);
    // Arabic yeh (U+064A) and kaf (U+0643).
    s.arabic = await c.leads.create({
      firstName: '\u0639\u0644\u064A',
      lastName: '\u0643\u0631\u064A\u0645\u064A',
      mobile: '09121234567',
      company: 'Parsian Trading',
      email: 'a.karimi@parsian-example.com',
      // The normalization suite above has a lead with this mobile already.
      duplicatePolicy: 'create',
    });
    // Persian yeh (U+06CC) and keheh (U+06A9).
    s.persian = await c.leads.create({ firstName: 'علی', lastName: 'کریمی', mobile: '09351112233' });
    s.maryam = await c.leads.create({ firstName: 'مریم', lastName: 'احمدی', mobile: '09367778899' });
    s.omrani = await c.leads.create({ firstName: 'حسن', lastName: 'عمرانی' });
    s.other = await c.leads.create({ firstName: 'John', lastName: 'Smith', company: 'Acme', email: 'john@acme.example' });
    expect(s.arabic.lastName).not.toBe(s.persian.lastName);
  });

  const find = async (search: string) => {
    const found = await listAll(api.as(manager), { filter: { ownerId: owner.id, search } });
    const ids = new Map(Object.entries(s).map(([k, l]) => [l.id, k]));
    return found.map((l) => ids.get(l.id) ?? l.id).sort();
  };

  it('folds Arabic and Persian letters: either spelling finds both', async () => {
    expect(await find('علی کریمی')).toEqual(['arabic', 'persian']);
    expect(await find('\u0639\u0644\u064A \u0643\u0631\u064A\u0645\u064A')).toEqual(['arabic', 'persian']);
    expect(await find('کریمی')).toEqual(['arabic', 'persian']);
    expect(await find('\u0643\u0631\u064A\u0645\u064A')).toEqual(['arabic', 'persian']);
  });

  it('finds by phone fragments in any digits and prefix', async () => {
    for (const q of ['0912123', '۰۹۱۲۱۲۳', '+98912123', '989121234567', '0912 123 4567', '+98 912 123 4567']) {
      expect(await find(q), q).toEqual(['arabic']);
    }
    expect(await find('09351112233')).toEqual(['persian']);
  });

  it('finds by company and by email fragment, case-insensitively', async () => {
    expect(await find('parsian trad')).toEqual(['arabic']);
    expect(await find('PARSIAN')).toEqual(['arabic']);
    expect(await find('karimi@pars')).toEqual(['arabic']);
    expect(await find('acme.example')).toEqual(['other']);
  });

  it('a two-character query matches by prefix only', async () => {
    // «مر» starts «مریم» (first name) and sits inside «عمرانی» (last name).
    expect(await find('مر')).toEqual(['maryam']);
    // Three characters match inside too.
    expect(await find('عمر')).toEqual(['omrani']);
    expect(await find('مرا')).toEqual(['omrani']);
  });

  it('a query that matches nothing returns nothing', async () => {
    expect(await find('کریمیان')).toEqual([]);
    expect(await find('0999999')).toEqual([]);
  });
});

describe('bulk assign, archive, unarchive', () => {
  async function threeLeads(): Promise<Lead[]> {
    const m = api.as(manager);
    return [
      await m.leads.create({ lastName: 'bulk1' }),
      await m.leads.create({ lastName: 'bulk2' }),
      await m.leads.create({ lastName: 'bulk3' }),
    ];
  }
  const reload = (leads: Lead[]) => Promise.all(leads.map((l) => api.as(manager).leads.get({ id: l.id })));

  it('assign changes every lead', async () => {
    const leads = await threeLeads();
    const result = await api.as(manager).leads.assign({ ids: leads.map((l) => l.id), ownerId: agent.id });
    expect(result).toHaveLength(3);
    for (const l of await reload(leads)) expect(l).toMatchObject({ ownerId: agent.id, version: 2 });
    const back = await api.as(manager).leads.assign({ ids: leads.map((l) => l.id), ownerId: null });
    expect(back.every((l) => l.ownerId === null)).toBe(true);
  });

  it('archive and unarchive change every lead', async () => {
    const leads = await threeLeads();
    const ids = leads.map((l) => l.id);
    await api.as(manager).leads.archive({ ids });
    for (const l of await reload(leads)) {
      expect(l.archivedAt).toBeInstanceOf(Date);
      expect(l.version).toBe(2);
    }
    await api.as(manager).leads.unarchive({ ids });
    for (const l of await reload(leads)) {
      expect(l.archivedAt).toBeNull();
      expect(l.version).toBe(3);
    }
  });

  it('with one id that does not exist: NOT_FOUND and none of the others changes', async () => {
    const m = api.as(manager);
    const leads = await threeLeads();
    const ids = [leads[0]!.id, leads[1]!.id, crypto.randomUUID(), leads[2]!.id];

    expect((await failure(m.leads.assign({ ids, ownerId: agent.id }))).code).toBe('NOT_FOUND');
    expect(await reload(leads)).toEqual(leads);

    expect((await failure(m.leads.archive({ ids }))).code).toBe('NOT_FOUND');
    expect(await reload(leads)).toEqual(leads);

    await m.leads.archive({ ids: leads.map((l) => l.id) });
    const archived = await reload(leads);
    expect(archived.every((l) => l.archivedAt !== null && l.version === 2)).toBe(true);
    expect((await failure(m.leads.unarchive({ ids }))).code).toBe('NOT_FOUND');
    expect(await reload(leads)).toEqual(archived);
    for (const l of leads) expect(await countActivities(l.id)).toBe(2); // created + archived
  });

  it('an id that is not a uuid is NOT_FOUND too, not a server error', async () => {
    const leads = await threeLeads();
    const error = await failure(api.as(manager).leads.archive({ ids: [leads[0]!.id, 'not-a-uuid'] }));
    expect(error.code).toBe('NOT_FOUND');
    expect(await reload(leads)).toEqual(leads);
  });
});

// Regression: checking the new owner inside the transaction deadlocked PGlite's single connection.
it('embedded database: leads.update can change the owner', async () => {
  const database = await openDatabase({});
  await migrate(database);
  const services = await createTestServices(database);
  const users = [];
  for (const role of ['manager', 'agent'] as const) {
    const id = crypto.randomUUID();
    users.push(await services.users.create({ id, name: role, email: `${id}@example.com`, role, passwordHash: 'x' }));
  }
  const [boss, worker] = users as [NonNullable<(typeof users)[0]>, NonNullable<(typeof users)[0]>];
  const caller = appRouter.createCaller({ services, user: boss, locale: 'en', requestId: 't' });
  const lead = await caller.leads.create({ lastName: 'Deadlock' });
  const outcome = await Promise.race([
    caller.leads.update({ id: lead.id, version: 1, patch: { ownerId: worker.id } }),
    new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 1_500)),
  ]);
  if (outcome !== 'timed out') void database.close();
  expect(outcome).toMatchObject({ ownerId: worker.id, version: 2 });
});

