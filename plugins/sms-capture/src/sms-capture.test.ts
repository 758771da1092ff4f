import { zodIssuesToFieldErrors, type FieldError } from '@sarnakh/core';
import { failure, startTestPlatform, type TestPlatform } from '@sarnakh/plugin-testing';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { signBody, smsCapturePlugin, twilioSignature } from './index.js';

const BASE = 'https://crm.example.com';
const plugins = [smsCapturePlugin] as const;
type SessionUser = Awaited<ReturnType<TestPlatform<typeof plugins>['user']>>;
let t: TestPlatform<typeof plugins>;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;

beforeAll(async () => {
  t = await startTestPlatform({ plugins, settings: { 'sms-capture': { publicBaseUrl: BASE } } });
  admin = await t.user('admin');
  manager = await t.user('manager');
  agent = await t.user('agent');
});
afterAll(() => t.dispose());

/** A lead's whole timeline (newest first), as the user may see it. */
const timeline = async (user: SessionUser, leadId: string) => (await t.as(user).activities.list({ leadId, limit: 200 })).items;

/** The per-field errors of a failed call, as the error formatter renders them (domain checks or input shape). */
const fieldsOf = (error: TRPCError) =>
  error.cause instanceof ZodError ? zodIssuesToFieldErrors(error.cause.issues, 'en') : (error.cause as { fields?: FieldError[] } | undefined)?.fields;

interface LineCreated {
  id: string;
  secret: string;
  webhookUrl: string;
}

let n = 0;
/** A generic line (auto mode unless told), with a unique number. */
async function genericLine(options: { autoCreate?: boolean; keywordRules?: { keyword: string; source?: string; campaign?: string; tag?: string }[] } = {}) {
  return t.as(admin).smsCapture.lines.create({
    name: `Line ${++n}`,
    number: `3000${1000 + n}`,
    provider: 'generic',
    autoCreate: options.autoCreate ?? true,
    keywordRules: options.keywordRules ?? [],
  });
}

const pathOf = (line: Pick<LineCreated, 'id'>) => `/api/plugins/sms-capture/inbound/${line.id}`;

/** A generic push, signed with `secret` (the line's unless told; null: unsigned). */
function pushGeneric(line: LineCreated, message: Record<string, unknown>, options: { secret?: string | null; tamper?: boolean } = {}) {
  const body = JSON.stringify(message);
  const secret = options.secret === undefined ? line.secret : options.secret;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-sarnakh-signature'] = signBody(secret, body);
  return t.request(pathOf(line), { method: 'POST', headers, body: options.tamper ? body.replace('"text":"', '"text":"X') : body });
}

async function messagesOf(lineId: string) {
  const { rows } = await t.database.executeSql(
    `select provider_message_id as "providerMessageId", handled, lead_id as "leadId", attempts, last_error as "lastError"
     from sms_capture_messages where line_id = $1 order by created_at, provider_message_id`,
    [lineId],
  );
  return rows as { providerMessageId: string; handled: string | null; leadId: string | null; attempts: number; lastError: string | null }[];
}

let mobiles = 0;
/** A fresh Iranian mobile in local form and E.164. */
function mobile() {
  const digits = String(1_000_000 + ++mobiles).slice(-7);
  return { local: `0912${digits.slice(0, 3)}${digits.slice(3)}`, e164: `+98912${digits}` };
}

describe('lines', () => {
  it('creates a line with its secret and webhook URL, and checks the provider’s credentials by name', async () => {
    const missing = await failure(t.as(admin).smsCapture.lines.create({ name: 'KN', number: '10008566', provider: 'kavenegar' }));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(fieldsOf(missing)).toEqual([{ field: 'credentials.apiKey', code: 'required', message: 'This field is required.' }]);
    const badNumber = await failure(t.as(admin).smsCapture.lines.create({ name: 'x', number: 'abc', provider: 'generic' }));
    expect(fieldsOf(badNumber)?.map((f) => f.field)).toEqual(['number']);
    expect((await failure(t.as(manager).smsCapture.lines.create({ name: 'x', number: '3000', provider: 'generic' }))).code).toBe('FORBIDDEN');

    const kn = await t.as(admin).smsCapture.lines.create({
      name: 'Kavenegar',
      number: '۱۰۰۰۸۵۶۶',
      provider: 'kavenegar',
      credentials: { apiKey: 'kv-key-1' },
    });
    expect(kn.secret).toMatch(/^[\w-]{32}$/);
    expect(kn.webhookUrl).toBe(`${BASE}/api/plugins/sms-capture/inbound/${kn.id}?secret=${kn.secret}`);
    const generic = await genericLine();
    expect(generic.webhookUrl).toBe(`${BASE}/api/plugins/sms-capture/inbound/${generic.id}`);

    const listed = await t.as(manager).smsCapture.lines.list();
    const knView = listed.find((l) => l.id === kn.id)!;
    expect(knView).toMatchObject({ number: '10008566', provider: 'kavenegar', credentials: { apiKey: '••••' }, polling: true, autoCreate: false });
    expect(JSON.stringify(listed)).not.toContain('kv-key-1');
    // The secret in a Kavenegar URL is for admins' eyes.
    expect(knView.webhookUrl).toBe(`${BASE}/api/plugins/sms-capture/inbound/${kn.id}?secret=${encodeURIComponent('••••')}`);
    expect((await t.as(admin).smsCapture.lines.list()).find((l) => l.id === kn.id)?.webhookUrl).toBe(kn.webhookUrl);

    const updated = await t.as(admin).smsCapture.lines.update({ id: kn.id, autoCreate: true, keywordRules: [{ keyword: 'دمو', source: 'campaign' }] });
    expect(updated).toMatchObject({ autoCreate: true, keywordRules: [{ keyword: 'دمو', source: 'campaign' }], credentials: { apiKey: '••••' } });
    const noKey = await failure(t.as(admin).smsCapture.lines.update({ id: kn.id, credentials: { apiKey: '' } }));
    expect(fieldsOf(noKey)?.map((f) => f.field)).toEqual(['credentials.apiKey']);
    const badRule = await failure(t.as(admin).smsCapture.lines.update({ id: kn.id, keywordRules: [{ keyword: 'x' }] }));
    expect(badRule.code).toBe('BAD_REQUEST');
  });

  it('rotating the secret refuses pushes signed with the old one; a deleted line answers 404', async () => {
    const line = await genericLine({ autoCreate: false });
    const { e164 } = mobile();
    expect((await pushGeneric(line, { messageId: 'r-1', from: e164, to: '3000', text: 'a' })).status).toBe(200);
    const rotated = await t.as(admin).smsCapture.lines.rotateSecret({ id: line.id });
    expect(rotated.secret).not.toBe(line.secret);
    expect((await pushGeneric(line, { messageId: 'r-2', from: e164, to: '3000', text: 'b' })).status).toBe(401);
    expect((await pushGeneric({ ...line, secret: rotated.secret }, { messageId: 'r-3', from: e164, to: '3000', text: 'c' })).status).toBe(200);
    expect((await messagesOf(line.id)).map((m) => m.providerMessageId)).toEqual(['r-1', 'r-3']);

    await t.as(admin).smsCapture.lines.delete({ id: line.id });
    expect((await pushGeneric({ ...line, secret: rotated.secret }, { messageId: 'r-4', from: e164, to: '3000', text: 'd' })).status).toBe(404);
    expect((await t.as(manager).smsCapture.lines.list()).some((l) => l.id === line.id)).toBe(false);
    // Its messages stay in the inbox.
    expect((await t.as(agent).smsCapture.inbox.list({ lineId: line.id })).items).toHaveLength(2);
  });
});

describe('inbound pushes', () => {
  let line: LineCreated;
  beforeEach(async () => {
    line = await genericLine({ autoCreate: false });
  });

  it('a valid signature stores the message; a tampered body, a wrong or a missing signature is 401 and stores nothing', async () => {
    const { local, e164 } = mobile();
    const message = { messageId: 'sig-1', from: local, to: '30001234', text: 'سلام' };
    expect((await pushGeneric(line, message, { tamper: true })).status).toBe(401);
    expect((await pushGeneric(line, message, { secret: 'not-the-secret' })).status).toBe(401);
    const unsigned = await pushGeneric(line, message, { secret: null });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect(await messagesOf(line.id)).toEqual([]);

    const res = await pushGeneric(line, message);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const page = await t.as(agent).smsCapture.inbox.list({ lineId: line.id });
    expect(page.items).toMatchObject([{ providerMessageId: 'sig-1', from: e164, to: '30001234', text: 'سلام', handled: false, provider: 'generic' }]);
  });

  it('a push that is not a message is 400 naming the field, and stores nothing', async () => {
    const res = await pushGeneric(line, { messageId: 'bad-1', from: 'not a phone', to: '3000', text: 'x' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: [{ field: 'from', code: 'invalid_value' }] } });
    expect(await messagesOf(line.id)).toEqual([]);
  });

  it('the same push twice stores one message', async () => {
    const { e164 } = mobile();
    const message = { messageId: 'twice', from: e164, to: '3000', text: 'again' };
    const [a, b] = await Promise.all([pushGeneric(line, message), pushGeneric(line, message)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await pushGeneric(line, message)).status).toBe(200);
    expect(await messagesOf(line.id)).toHaveLength(1);
  });

  it('a burst of 1,000 pushes with repeats stores each distinct message exactly once', async () => {
    const senders = Array.from({ length: 20 }, () => mobile().e164);
    // 400 distinct messages; each sent 2 or 3 times, interleaved.
    const pushes = Array.from({ length: 1000 }, (_, i) => {
      const k = (i * 7) % 400;
      return { messageId: `burst-${k}`, from: senders[k % 20]!, to: '3000', text: `message ${k}` };
    });
    const statuses = await Promise.all(pushes.map((m) => pushGeneric(line, m).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const { rows } = await t.database.executeSql(
      `select count(*)::int as stored, count(distinct provider_message_id)::int as distinct_ids from sms_capture_messages where line_id = $1`,
      [line.id],
    );
    expect(rows[0]).toEqual({ stored: 400, distinct_ids: 400 });
  });

  it('Kavenegar calls with GET and the secret in the URL; a generic line refuses GET', async () => {
    const kn = await t.as(admin).smsCapture.lines.create({ name: 'KN push', number: '10004346', provider: 'kavenegar', credentials: { apiKey: 'k' } });
    const { local, e164 } = mobile();
    const query = `messageid=445566&from=${local}&to=10004346&message=${encodeURIComponent('قیمت محصول؟')}`;
    expect((await t.request(`${pathOf(kn)}?${query}`)).status).toBe(401);
    const res = await t.request(`${pathOf(kn)}?secret=${kn.secret}&${query}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('OK');
    expect((await t.request(`${pathOf(kn)}?secret=${kn.secret}&${query}`)).status).toBe(200);
    expect(await messagesOf(kn.id)).toMatchObject([{ providerMessageId: '445566' }]);
    expect((await t.as(agent).smsCapture.inbox.list({ lineId: kn.id })).items[0]).toMatchObject({ from: e164, text: 'قیمت محصول؟' });
    expect((await t.request(pathOf(line))).status).toBe(405);
  });

  it('Twilio: signed over the public URL and the sorted form, answered with empty TwiML', async () => {
    const tw = await t.as(admin).smsCapture.lines.create({
      name: 'Twilio',
      number: '+441234567890',
      provider: 'twilio',
      credentials: { accountSid: 'AC123', authToken: 'tw-token' },
    });
    const params = { MessageSid: 'SMabc', AccountSid: 'AC123', From: '+447911123456', To: '+441234567890', Body: 'Hello' };
    const body = new URLSearchParams(params).toString();
    const headers = (signature: string) => ({ 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature });
    const good = twilioSignature('tw-token', `${BASE}${pathOf(tw)}`, params);
    expect((await t.request(pathOf(tw), { method: 'POST', headers: headers(twilioSignature('other', `${BASE}${pathOf(tw)}`, params)), body })).status).toBe(401);
    const res = await t.request(pathOf(tw), { method: 'POST', headers: headers(good), body });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await messagesOf(tw.id)).toMatchObject([{ providerMessageId: 'SMabc' }]);
  });
});

describe('auto mode', () => {
  it('an unknown sender becomes a lead through the pipeline, with the SMS as its first activity', async () => {
    const line = await genericLine();
    const { local, e164 } = mobile();
    t.events.clear();
    expect((await pushGeneric(line, { messageId: 'auto-1', from: local, to: '3000', text: 'سلام، قیمت؟' })).status).toBe(200);
    // Stored and acknowledged before any lead work.
    expect(await messagesOf(line.id)).toMatchObject([{ handled: null, leadId: null }]);
    expect(await t.runJobs('sms-capture.process')).toBe(1);

    const [message] = await messagesOf(line.id);
    expect(message).toMatchObject({ handled: 'created', attempts: 1, lastError: null });
    const lead = await t.as(admin).leads.get({ id: message!.leadId! });
    expect(lead).toMatchObject({ mobile: e164, source: 'sms', channel: 'sms', channelIdentifier: `3000${1000 + n}` });
    const entries = await timeline(admin, lead.id);
    expect(entries.map((a) => a.type).sort()).toEqual(['created', 'sms_received']);
    expect(entries.find((a) => a.type === 'created')?.data).toMatchObject({ origin: { channel: 'sms', detail: { lineId: line.id, text: 'سلام، قیمت؟' } } });
    expect(entries.find((a) => a.type === 'sms_received')?.data).toEqual({
      lineId: line.id,
      from: e164,
      to: '3000',
      text: 'سلام، قیمت؟',
      provider: 'generic',
      providerMessageId: 'auto-1',
    });
    expect(t.events.of('lead.created').map((e) => e.lead.id)).toEqual([lead.id]);
    // A job that runs again changes nothing.
    await t.platform.jobs.send('sms-capture.process', { messageId: (await t.as(admin).smsCapture.inbox.list({ lineId: line.id })).items[0]!.id });
    await t.runJobs('sms-capture.process');
    expect((await timeline(admin, lead.id)).length).toBe(2);
  });

  it('a known sender gets an SMS activity on their lead (scored as a reply), not a new lead', async () => {
    await t.as(admin).scoring.setRules({
      fit: [],
      behavior: [{ id: 'sms-reply', label: { fa: 'پاسخ پیامکی', ar: 'رد برسالة', en: 'Replied by SMS' }, activityType: 'sms_received', points: 40 }],
      thresholds: { mql: 30, sql: 60 },
      urgentTaskOnSql: false,
    });
    try {
      const line = await genericLine();
      const { local, e164 } = mobile();
      const known = await t.as(agent).leads.create({ lastName: 'Karimi', mobile: local });
      expect(known.score).toBe(0);
      t.events.clear();
      await pushGeneric(line, { messageId: 'known-1', from: e164, to: '3000', text: 'بله، تماس بگیرید' });
      await t.runJobs('sms-capture.process');

      const { rows } = await t.database.executeSql(`select count(*)::int as n from leads where mobile = $1`, [e164]);
      expect(rows[0]).toEqual({ n: 1 });
      expect(await messagesOf(line.id)).toMatchObject([{ handled: 'activity', leadId: known.id }]);
      const after = await t.as(agent).leads.get({ id: known.id });
      expect(after.score).toBe(40);
      expect(after.qualification).toBe('mql');
      expect((await timeline(agent, known.id)).filter((a) => a.type === 'sms_received')).toHaveLength(1);
      expect(t.events.of('activity.logged').map((e) => [e.lead.id, e.activity.type])).toEqual([[known.id, 'sms_received']]);
      expect(t.events.of('lead.qualified')).toMatchObject([{ from: 'cold', to: 'mql' }]);
      expect(t.events.of('lead.created')).toEqual([]);
      expect(await t.as(agent).smsCapture.thread({ leadId: known.id })).toMatchObject([{ type: 'sms_received', data: { text: 'بله، تماس بگیرید' } }]);
    } finally {
      await t.as(admin).scoring.setRules({ fit: [], behavior: [], thresholds: { mql: 40, sql: 70 }, urgentTaskOnSql: false });
    }
  });

  it('an agent sees unclaimed messages and their own leads’ messages, not another agent’s conversations', async () => {
    const other = await t.user('agent', 'Other agent');
    const auto = await genericLine({ autoCreate: true });
    const manual = await genericLine({ autoCreate: false });
    const mine = mobile();
    const theirs = mobile();
    const stranger = mobile();
    const myLead = await t.as(agent).leads.create({ lastName: 'Mine', mobile: mine.local });
    const theirLead = await t.as(other).leads.create({ lastName: 'Theirs', mobile: theirs.local });
    await pushGeneric(auto, { messageId: 'scope-1', from: mine.e164, to: '3000', text: 'mine' });
    await pushGeneric(auto, { messageId: 'scope-2', from: theirs.e164, to: '3000', text: 'theirs' });
    await pushGeneric(manual, { messageId: 'scope-3', from: stranger.e164, to: '3000', text: 'who?' });
    await t.runJobs('sms-capture.process');
    expect((await messagesOf(auto.id)).map((m) => m.leadId)).toEqual([myLead.id, theirLead.id]);
    expect((await messagesOf(manual.id)).map((m) => m.leadId)).toEqual([null]);

    const texts = async (user: SessionUser) =>
      (await Promise.all([auto, manual].map((line) => t.as(user).smsCapture.inbox.list({ lineId: line.id })))).flatMap((p) => p.items.map((m) => m.text)).sort();
    expect(await texts(agent)).toEqual(['mine', 'who?']);
    expect(await texts(other)).toEqual(['theirs', 'who?']);
    expect(await texts(manager)).toEqual(['mine', 'theirs', 'who?']);
  });

  it('keyword rules set the source, campaign and tags of the new lead', async () => {
    const line = await genericLine({
      keywordRules: [
        { keyword: 'دمو', source: 'campaign', campaign: 'autumn-demo', tag: 'demo' },
        { keyword: 'قیمت', tag: 'price' },
      ],
    });
    const a = mobile();
    const b = mobile();
    await pushGeneric(line, { messageId: 'kw-1', from: a.e164, to: '3000', text: 'لطفا دموي محصول و قيمت' });
    await pushGeneric(line, { messageId: 'kw-2', from: b.e164, to: '3000', text: 'سلام' });
    await t.runJobs('sms-capture.process');
    const [first, second] = await messagesOf(line.id);
    const demo = await t.as(admin).leads.get({ id: first!.leadId! });
    expect(demo.source).toBe('campaign');
    const created = (await timeline(admin, demo.id)).find((x) => x.type === 'created');
    expect(created?.data).toMatchObject({ origin: { detail: { campaign: 'autumn-demo', tags: 'demo,price' } } });
    expect((await t.as(admin).leads.get({ id: second!.leadId! })).source).toBe('sms');
  });

  it('a failing lead step leaves the message stored, and it is retried until it works', async () => {
    const line = await genericLine();
    const { e164 } = mobile();
    await t.database.executeSql(`create function sms_test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'leads are read-only for this test'; end $$`);
    await t.database.executeSql(`create trigger sms_test_refuse before insert on leads for each row execute function sms_test_refuse()`);
    try {
      expect((await pushGeneric(line, { messageId: 'fail-1', from: e164, to: '3000', text: 'hello' })).status).toBe(200);
      expect(await t.runJobs('sms-capture.process')).toBe(1);
      const [failed] = await messagesOf(line.id);
      expect(failed).toMatchObject({ handled: null, leadId: null, attempts: 1 });
      expect(failed!.lastError).toContain('leads are read-only for this test');
      expect((await t.as(agent).smsCapture.inbox.list({ lineId: line.id, handled: false })).items).toHaveLength(1);
    } finally {
      await t.database.executeSql(`drop trigger sms_test_refuse on leads`);
      await t.database.executeSql(`drop function sms_test_refuse()`);
    }
    // The sweep (every few minutes) takes up messages whose lead step has not succeeded.
    await t.platform.jobs.send('sms-capture.sweep', { olderThanSeconds: 0 });
    expect(await t.runJobs('sms-capture.sweep')).toBe(1);
    const [retried] = await messagesOf(line.id);
    expect(retried).toMatchObject({ handled: 'created', attempts: 2, lastError: null });
    expect((await t.as(admin).leads.get({ id: retried!.leadId! })).mobile).toBe(e164);
  });
});

describe('the inbox', () => {
  it('lists with filters, creates a lead in one click (once), dismisses, and creates in bulk', async () => {
    const line = await genericLine({ autoCreate: false });
    const a = mobile();
    const b = mobile();
    const c = mobile();
    await pushGeneric(line, { messageId: 'in-1', from: a.e164, to: '3000', text: 'Need a quote', receivedAt: '2026-11-01T10:00:00Z' });
    await pushGeneric(line, { messageId: 'in-2', from: b.e164, to: '3000', text: 'Spam spam', receivedAt: '2026-11-01T11:00:00Z' });
    await pushGeneric(line, { messageId: 'in-3', from: c.e164, to: '3000', text: 'Call me', receivedAt: '2026-11-01T12:00:00Z' });
    expect(await t.runJobs('sms-capture.process')).toBe(0);

    const all = await t.as(agent).smsCapture.inbox.list({ lineId: line.id });
    expect(all.items.map((m) => m.providerMessageId)).toEqual(['in-3', 'in-2', 'in-1']);
    const paged = await t.as(agent).smsCapture.inbox.list({ lineId: line.id, limit: 2 });
    expect(paged.items).toHaveLength(2);
    const rest = await t.as(agent).smsCapture.inbox.list({ lineId: line.id, limit: 2, cursor: paged.nextCursor });
    expect(rest).toMatchObject({ items: [{ providerMessageId: 'in-1' }], nextCursor: null });
    expect((await t.as(agent).smsCapture.inbox.list({ from: a.local })).items.map((m) => m.providerMessageId)).toEqual(['in-1']);
    expect((await t.as(agent).smsCapture.inbox.list({ lineId: line.id, search: 'QUOTE' })).items.map((m) => m.providerMessageId)).toEqual(['in-1']);
    const byId = Object.fromEntries(all.items.map((m) => [m.providerMessageId, m.id]));

    const { leadId } = await t.as(agent).smsCapture.inbox.createLead({ messageId: byId['in-1']! });
    const lead = await t.as(agent).leads.get({ id: leadId });
    expect(lead).toMatchObject({ mobile: a.e164, source: 'sms', channel: 'sms', ownerId: agent.id });
    expect((await timeline(agent, leadId)).map((x) => x.type).sort()).toEqual(['assigned', 'created', 'sms_received']);
    // A second click answers the same lead and creates nothing.
    expect(await t.as(agent).smsCapture.inbox.createLead({ messageId: byId['in-1']! })).toEqual({ leadId });
    expect((await timeline(agent, leadId)).length).toBe(3);

    const dismissed = await t.as(agent).smsCapture.inbox.dismiss({ messageId: byId['in-2']! });
    expect(dismissed).toMatchObject({ handled: true, handling: 'dismissed', handledBy: agent.id });
    expect((await failure(t.as(agent).smsCapture.inbox.createLead({ messageId: byId['in-2']! }))).code).toBe('CONFLICT');
    expect((await failure(t.as(agent).smsCapture.inbox.createLead({ messageId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
    expect((await t.as(agent).smsCapture.inbox.list({ lineId: line.id, handled: false })).items.map((m) => m.providerMessageId)).toEqual(['in-3']);

    const bulk = await t.as(manager).smsCapture.inbox.createLeads({ messageIds: [byId['in-3']!, byId['in-2']!] });
    expect(bulk.results).toMatchObject([
      { messageId: byId['in-3'], leadId: expect.any(String), error: null },
      { messageId: byId['in-2'], leadId: null, error: expect.stringContaining('dismissed') },
    ]);
    expect((await t.as(agent).smsCapture.inbox.list({ lineId: line.id, handled: false })).items).toEqual([]);
  });

  it('an SMS from someone who is already a lead joins that lead when created from the inbox', async () => {
    const line = await genericLine({ autoCreate: false });
    const a = mobile();
    const existing = await t.as(manager).leads.create({ lastName: 'Existing', mobile: a.local });
    await pushGeneric(line, { messageId: 'dup-1', from: a.e164, to: '3000', text: 'hi again' });
    const [message] = (await t.as(manager).smsCapture.inbox.list({ lineId: line.id })).items;
    expect(await t.as(manager).smsCapture.inbox.createLead({ messageId: message!.id })).toEqual({ leadId: existing.id });
    expect((await messagesOf(line.id))[0]).toMatchObject({ handled: 'attached', leadId: existing.id });
  });

  it('is closed while the plugin is disabled', async () => {
    const line = await genericLine();
    await t.as(admin).plugins.setEnabled({ id: 'sms-capture', enabled: false });
    try {
      expect((await pushGeneric(line, { messageId: 'off-1', from: mobile().e164, to: '3000', text: 'x' })).status).toBe(404);
      expect((await failure(t.as(agent).smsCapture.inbox.list({}))).code).toBe('NOT_FOUND');
    } finally {
      await t.as(admin).plugins.setEnabled({ id: 'sms-capture', enabled: true });
    }
  });
});
