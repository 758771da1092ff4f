import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { failure, startTestPlatform, type TestPlatform } from '@sarnakh/plugin-testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signBody, smsCapturePlugin } from './index.js';

/**
 * A stand-in for the gateways' HTTP APIs on 127.0.0.1: it answers as each provider documents and
 * records what it was asked, so these tests prove the requests we send and how we read the answers.
 */
interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  form: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: string;
}

const requests: Recorded[] = [];
/** What the stub's inbox endpoints list, per provider. */
const inbox = { kavenegar: [] as unknown[], melipayamak: [] as unknown[], twilio: [] as unknown[] };

function reply(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const gateway: Server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const form = req.headers['content-type']?.includes('form') ? Object.fromEntries(new URLSearchParams(body)) : {};
    requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), form, headers: req.headers, body });

    // Kavenegar: the API key is in the path; a wrong one is refused the way Kavenegar does.
    const kv = /^\/v1\/([^/]+)\/sms\/(send|receive)\.json$/.exec(url.pathname);
    if (kv) {
      if (kv[1] !== 'kv-key') return reply(res, 403, { return: { status: 403, message: 'apikey invalid' }, entries: null });
      if (kv[2] === 'send') {
        return reply(res, 200, {
          return: { status: 200, message: 'تایید شد' },
          entries: [{ messageid: 8792343, message: form.message, status: 1, statustext: 'در صف ارسال', sender: form.sender, receptor: form.receptor, date: 1700000000, cost: 120 }],
        });
      }
      return reply(res, 200, { return: { status: 200, message: 'تایید شد' }, entries: inbox.kavenegar });
    }
    if (url.pathname === '/api/SendSMS/SendSMS') return reply(res, 200, { Value: '5121876534', RetStatus: 1, StrRetStatus: 'Ok' });
    if (url.pathname === '/api/SendSMS/GetMessages') return reply(res, 200, { Data: inbox.melipayamak, RetStatus: 1, StrRetStatus: 'Ok' });
    if (url.pathname === '/2010-04-01/Accounts/AC1/Messages.json') {
      if (req.headers.authorization !== `Basic ${Buffer.from('AC1:tw-token').toString('base64')}`) return reply(res, 401, { code: 20003, message: 'Authenticate' });
      if (req.method === 'POST') return reply(res, 201, { sid: 'SM900', status: 'queued', to: form.To, from: form.From, body: form.Body });
      return reply(res, 200, { messages: inbox.twilio });
    }
    if (url.pathname === '/generic/send') return reply(res, 200, { messageId: 'g-77', status: 'accepted' });
    reply(res, 404, { error: 'no such endpoint' });
  });
});

const plugins = [smsCapturePlugin] as const;
type SessionUser = Awaited<ReturnType<TestPlatform<typeof plugins>['user']>>;
let t: TestPlatform<typeof plugins>;
let admin: SessionUser;
let agent: SessionUser;
let stub: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  stub = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
  t = await startTestPlatform({ plugins });
  admin = await t.user('admin');
  agent = await t.user('agent');
});
afterAll(async () => {
  await t.dispose();
  await new Promise((resolve) => gateway.close(resolve));
});
beforeEach(() => {
  requests.splice(0);
});

/** A lead's whole timeline (newest first), as the user may see it. */
const timeline = async (user: SessionUser, leadId: string) => (await t.as(user).activities.list({ leadId, limit: 200 })).items;

/** Credentials of each provider's line on the stub (Kavenegar's key is overridable, to be refused). */
const stubCredentials = (apiKey: string) => ({
  kavenegar: { apiKey, baseUrl: stub },
  melipayamak: { username: 'u1', password: 'p1', baseUrl: stub },
  twilio: { accountSid: 'AC1', authToken: 'tw-token', baseUrl: stub },
  generic: { sendUrl: `${stub}/generic/send` },
});

/** A line on the stub gateway, added by the admin. */
function stubLine(provider: 'kavenegar' | 'melipayamak' | 'twilio' | 'generic', number: string, options: { apiKey?: string; autoCreate?: boolean } = {}) {
  return t.as(admin).smsCapture.lines.create({
    name: `${provider} ${number}`,
    number,
    provider,
    credentials: stubCredentials(options.apiKey ?? 'kv-key')[provider],
    autoCreate: options.autoCreate ?? false,
  });
}

async function storedIds(lineId: string) {
  const { rows } = await t.database.executeSql(`select provider_message_id as id from sms_capture_messages where line_id = $1 order by provider_message_id`, [lineId]);
  return rows.map((r) => r.id);
}

describe('sending through a provider', () => {
  it('Kavenegar: sms/send with the line as sender; logged on the timeline with the delivery status', async () => {
    const line = await stubLine('kavenegar', '10008566');
    const lead = await t.as(agent).leads.create({ lastName: 'Rahimi', mobile: '09121234567' });
    const sent = await t.as(agent).smsCapture.send({ leadId: lead.id, lineId: line.id, text: 'سلام، کاتالوگ ارسال شد' });
    expect(sent).toEqual({ activityId: expect.any(String), to: '+989121234567', providerMessageId: '8792343', status: 'در صف ارسال' });
    expect(requests).toMatchObject([{ method: 'POST', path: '/v1/kv-key/sms/send.json', form: { receptor: '+989121234567', sender: '10008566', message: 'سلام، کاتالوگ ارسال شد' } }]);
    const activity = (await timeline(agent, lead.id)).find((a) => a.type === 'sms_sent');
    expect(activity).toMatchObject({
      id: sent.activityId,
      actorId: agent.id,
      data: { lineId: line.id, from: '10008566', to: '+989121234567', text: 'سلام، کاتالوگ ارسال شد', provider: 'kavenegar', providerMessageId: '8792343', status: 'در صف ارسال' },
    });
  });

  it('from a message template, rendered for the lead in the caller’s language', async () => {
    const line = await stubLine('kavenegar', '10008568');
    const template = await t.as(admin).templates.create({ name: 'Welcome', channel: 'sms', body: { fa: 'سلام {{firstName}}، خوش آمدید', en: 'Hello {{firstName}}' } });
    const lead = await t.as(agent).leads.create({ firstName: 'Sara', lastName: 'Ahmadi', mobile: '09121234570' });
    const sent = await t.as(agent, 'fa').smsCapture.send({ leadId: lead.id, lineId: line.id, templateId: template.id });
    expect(requests.at(-1)?.form).toMatchObject({ receptor: '+989121234570', message: 'سلام Sara، خوش آمدید' });
    expect((await timeline(agent, lead.id)).find((a) => a.id === sent.activityId)?.data).toMatchObject({ text: 'سلام Sara، خوش آمدید' });

    const email = await t.as(admin).templates.create({ name: 'Mail', channel: 'email', subject: { en: 'Hi' }, body: { en: 'Hi' } });
    const wrongChannel = await failure(t.as(agent).smsCapture.send({ leadId: lead.id, lineId: line.id, templateId: email.id }));
    expect(wrongChannel.code).toBe('BAD_REQUEST');
    const both = await failure(t.as(agent).smsCapture.send({ leadId: lead.id, lineId: line.id, templateId: template.id, text: 'x' }));
    expect(both.code).toBe('BAD_REQUEST');
    expect((await failure(t.as(agent).smsCapture.send({ leadId: lead.id, lineId: line.id }))).code).toBe('BAD_REQUEST');
  });

  it('a provider that refuses is a BAD_GATEWAY naming it, and nothing is logged', async () => {
    const line = await stubLine('kavenegar', '10008567', { apiKey: 'wrong' });
    const lead = await t.as(agent).leads.create({ lastName: 'Refused', mobile: '09121234568' });
    const error = await failure(t.as(agent).smsCapture.send({ leadId: lead.id, lineId: line.id, text: 'x' }));
    expect(error.code).toBe('BAD_GATEWAY');
    expect(error.message).toContain('kavenegar');
    expect((await timeline(agent, lead.id)).some((a) => a.type === 'sms_sent')).toBe(false);

    const noNumber = await t.as(agent).leads.create({ lastName: 'NoPhone', email: 'np@example.com' });
    expect((await failure(t.as(agent).smsCapture.send({ leadId: noNumber.id, lineId: line.id, text: 'x' }))).code).toBe('BAD_REQUEST');
    const someoneElses = await t.as(admin).leads.create({ lastName: 'Not yours', mobile: '09121234569' });
    expect((await failure(t.as(agent).smsCapture.send({ leadId: someoneElses.id, lineId: line.id, text: 'x' }))).code).toBe('NOT_FOUND');
    expect(requests.filter((r) => r.path.includes('send'))).toHaveLength(1);
  });

  it('Melipayamak, Twilio and a generic gateway each get their own request', async () => {
    const lead = await t.as(agent).leads.create({ lastName: 'Multi', mobile: '+447911123456' });
    const mp = await stubLine('melipayamak', '50004001');
    const tw = await stubLine('twilio', '+441234567890');
    const gen = await stubLine('generic', '3000');

    expect(await t.as(agent).smsCapture.send({ leadId: lead.id, lineId: mp.id, text: 'one' })).toMatchObject({ providerMessageId: '5121876534', status: 'Ok' });
    expect(await t.as(agent).smsCapture.send({ leadId: lead.id, lineId: tw.id, text: 'two' })).toMatchObject({ providerMessageId: 'SM900', status: 'queued' });
    expect(await t.as(agent).smsCapture.send({ leadId: lead.id, lineId: gen.id, text: 'three' })).toMatchObject({ providerMessageId: 'g-77', status: 'accepted' });

    expect(requests[0]).toMatchObject({ path: '/api/SendSMS/SendSMS', form: { username: 'u1', password: 'p1', to: '+447911123456', from: '50004001', text: 'one', isFlash: 'false' } });
    expect(requests[1]).toMatchObject({ path: '/2010-04-01/Accounts/AC1/Messages.json', form: { To: '+447911123456', From: '+441234567890', Body: 'two' } });
    expect(requests[2]).toMatchObject({ path: '/generic/send', headers: { 'x-sarnakh-signature': signBody(gen.secret, requests[2]!.body) } });
    expect(JSON.parse(requests[2]!.body)).toEqual({ from: '3000', to: '+447911123456', text: 'three' });
    expect((await t.as(agent).smsCapture.thread({ leadId: lead.id })).map((m) => [m.type, m.data.text, m.data.status])).toEqual([
      ['sms_sent', 'one', 'Ok'],
      ['sms_sent', 'two', 'queued'],
      ['sms_sent', 'three', 'accepted'],
    ]);
  });
});

describe('polling for missed messages', () => {
  it('Kavenegar: sms/receive for the line; each message stored once however often it is polled', async () => {
    const line = await stubLine('kavenegar', '10004000');
    // One message arrived by push too; polling must not store it again.
    await t.request(`/api/plugins/sms-capture/inbound/${line.id}?secret=${line.secret}&messageid=501&from=09121110001&to=10004000&message=pushed`);
    inbox.kavenegar = [
      { messageid: 501, message: 'pushed', sender: '09121110001', receptor: '10004000', date: 1763800000 },
      { messageid: 502, message: 'missed', sender: '+989121110002', receptor: '10004000', date: 1763800060 },
    ];
    expect(await t.as(admin).smsCapture.lines.poll({ id: line.id })).toEqual({ stored: 1 });
    expect(requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/kv-key/sms/receive.json', query: { linenumber: '10004000', isread: '0' } });
    expect(await t.as(admin).smsCapture.lines.poll({ id: line.id })).toEqual({ stored: 0 });
    expect(await storedIds(line.id)).toEqual(['501', '502']);
    const missed = (await t.as(agent).smsCapture.inbox.list({ lineId: line.id })).items.find((m) => m.providerMessageId === '502');
    expect(missed).toMatchObject({ from: '+989121110002', text: 'missed', receivedAt: new Date(1763800060_000) });
    expect((await t.as(admin).smsCapture.lines.list()).find((l) => l.id === line.id)).toMatchObject({ lastPolledAt: expect.any(Date), lastPollError: null });
  });

  it('Melipayamak: a pushed message (no id) and the same message polled (with its id) are one message', async () => {
    const line = await stubLine('melipayamak', '50004002');
    const push = `/api/plugins/sms-capture/inbound/${line.id}?secret=${line.secret}&to=50004002&body=${encodeURIComponent('دمو')}&from=09121110003`;
    expect(await (await t.request(push)).text()).toBe('OK');
    expect((await storedIds(line.id))[0]).toMatch(/^fp:/);
    const tehranWallTime = new Date(Date.now() + 3.5 * 3_600_000).toISOString().slice(0, 19);
    inbox.melipayamak = [
      { MsgID: 9001, Body: 'دمو', SendDate: tehranWallTime, Sender: '09121110003', Receiver: '50004002' },
      { MsgID: 9002, Body: 'other line', SendDate: tehranWallTime, Sender: '09121110004', Receiver: '50009999' },
      { MsgID: 9003, Body: 'missed', SendDate: tehranWallTime, Sender: '09121110005', Receiver: '50004002' },
    ];
    expect(await t.as(admin).smsCapture.lines.poll({ id: line.id })).toEqual({ stored: 1 });
    expect(requests.at(-1)).toMatchObject({ path: '/api/SendSMS/GetMessages', form: { username: 'u1', password: 'p1', location: '1', index: '0' } });
    expect(await storedIds(line.id)).toEqual(['9001', '9003']);
  });

  it('Twilio: lists the number’s messages and keeps the inbound ones; a failing poll is recorded on the line', async () => {
    const line = await stubLine('twilio', '+441234567891');
    inbox.twilio = [
      { sid: 'SMin1', from: '+447911123457', to: '+441234567891', body: 'in', status: 'received', direction: 'inbound', date_sent: 'Sat, 22 Nov 2026 10:00:00 +0000' },
      { sid: 'SMout1', from: '+441234567891', to: '+447911123457', body: 'out', status: 'delivered', direction: 'outbound-api', date_sent: 'Sat, 22 Nov 2026 10:01:00 +0000' },
    ];
    expect(await t.as(admin).smsCapture.lines.poll({ id: line.id })).toEqual({ stored: 1 });
    expect(requests.at(-1)).toMatchObject({ method: 'GET', path: '/2010-04-01/Accounts/AC1/Messages.json', query: { To: '+441234567891' } });
    expect(await storedIds(line.id)).toEqual(['SMin1']);

    await t.as(admin).smsCapture.lines.update({ id: line.id, credentials: { authToken: 'revoked' } });
    expect((await failure(t.as(admin).smsCapture.lines.poll({ id: line.id }))).code).toBe('BAD_GATEWAY');
    expect((await t.as(admin).smsCapture.lines.list()).find((l) => l.id === line.id)?.lastPollError).toContain('401');
  });

  it('the poll cron queues one poll per pollable line, and auto-mode messages it finds become leads', async () => {
    const line = await stubLine('kavenegar', '10004001', { autoCreate: true });
    inbox.kavenegar = [{ messageid: 601, message: 'from the cron', sender: '09121110006', receptor: '10004001', date: 1763800000 }];
    await t.platform.jobs.send('sms-capture.poll', {});
    expect(await t.runJobs('sms-capture.poll')).toBe(1);
    // Every pollable line gets a job (the other tests' lines too); their inboxes hold nothing new for them.
    expect(await t.runJobs('sms-capture.poll-line')).toBeGreaterThanOrEqual(1);
    expect(await storedIds(line.id)).toEqual(['601']);
    expect(await t.runJobs('sms-capture.process')).toBeGreaterThanOrEqual(1);
    const [message] = (await t.as(admin).smsCapture.inbox.list({ lineId: line.id })).items;
    expect(message).toMatchObject({ handled: true, handling: 'created' });
    expect((await t.as(admin).leads.get({ id: message!.leadId! })).mobile).toBe('+989121110006');
  });
});
