import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { matchKeywords } from './keywords.js';
import { providers, signBody, twilioSignature, type LineAccess, type PushRequest } from './providers/index.js';

const line: LineAccess = { id: 'line-1', number: '30001234', secret: 's3cret-value', credentials: { authToken: 'twilio-token', accountSid: 'AC1' } };

function push(init: { method?: string; url?: string; headers?: Record<string, string>; body?: string }): PushRequest {
  const url = init.url ?? 'https://crm.example.com/api/plugins/sms-capture/inbound/line-1';
  return {
    method: init.method ?? 'POST',
    url,
    headers: new Headers(init.headers ?? {}),
    body: init.body ?? '',
    query: new URL(url).searchParams,
  };
}

describe('generic', () => {
  const body = JSON.stringify({ messageId: 'm-1', from: '۰۹۱۲ ۱۲۳ ۴۵۶۷', to: '30001234', text: 'سلام، دمو می‌خواهم', receivedAt: '2026-11-22T10:00:00+03:30' });
  const signature = `sha256=${createHmac('sha256', line.secret).update(body).digest('hex')}`;

  it('accepts the HMAC-SHA256 of the raw body and refuses a tampered body or a missing or wrong signature', () => {
    expect(signBody(line.secret, body)).toBe(signature);
    expect(providers.generic.verify(push({ body, headers: { 'x-sarnakh-signature': signature } }), line)).toBeNull();
    expect(providers.generic.verify(push({ body: body.replace('m-1', 'm-2'), headers: { 'x-sarnakh-signature': signature } }), line)).toEqual({
      kind: 'unauthorized',
      reason: 'wrong signature',
    });
    expect(providers.generic.verify(push({ body }), line)).toEqual({ kind: 'unauthorized', reason: 'missing signature' });
    expect(providers.generic.verify(push({ body, headers: { 'x-sarnakh-signature': signBody('other', body) } }), line)?.kind).toBe('unauthorized');
  });

  it('parses the push with the sender in E.164, and answers JSON', () => {
    const parsed = providers.generic.parse(push({ body }), line);
    expect(parsed).toEqual({
      ok: true,
      messages: [
        {
          provider: 'generic',
          providerMessageId: 'm-1',
          from: '+989121234567',
          to: '30001234',
          text: 'سلام، دمو می‌خواهم',
          receivedAt: new Date('2026-11-22T06:30:00Z'),
          raw: JSON.parse(body),
        },
      ],
    });
    expect(providers.generic.acknowledge()).toEqual({ status: 200, contentType: 'application/json', body: '{"ok":true}' });
  });

  it('names the bad field of a push that is not a message', () => {
    expect(providers.generic.parse(push({ body: '{nope' }), line)).toMatchObject({ ok: false, failure: { field: 'body' } });
    expect(providers.generic.parse(push({ body: JSON.stringify({ messageId: 'x', to: '1', text: 'hi' }) }), line)).toMatchObject({
      ok: false,
      failure: { kind: 'invalid', field: 'from' },
    });
    expect(providers.generic.parse(push({ body: JSON.stringify({ messageId: 'x', from: 'hello', to: '1', text: 'hi' }) }), line)).toMatchObject({
      ok: false,
      failure: { field: 'from', reason: 'not a phone number' },
    });
  });
});

describe('kavenegar', () => {
  const url = (secret?: string) =>
    `https://crm.example.com/api/plugins/sms-capture/inbound/line-1?${secret === undefined ? '' : `secret=${secret}&`}messageid=887766&from=09351234567&to=30001234&message=${encodeURIComponent('قیمت؟')}`;

  it('is protected by the secret in the URL', () => {
    expect(providers.kavenegar.verify(push({ method: 'GET', url: url(line.secret) }), line)).toBeNull();
    expect(providers.kavenegar.verify(push({ method: 'GET', url: url('guess') }), line)).toEqual({ kind: 'unauthorized', reason: 'wrong secret' });
    expect(providers.kavenegar.verify(push({ method: 'GET', url: url() }), line)).toEqual({ kind: 'unauthorized', reason: 'missing secret' });
  });

  it('parses its GET and its form POST callback, and answers 200 OK', () => {
    const fromGet = providers.kavenegar.parse(push({ method: 'GET', url: url(line.secret) }), line);
    expect(fromGet).toMatchObject({ ok: true, messages: [{ provider: 'kavenegar', providerMessageId: '887766', from: '+989351234567', to: '30001234', text: 'قیمت؟' }] });
    const fromPost = providers.kavenegar.parse(
      push({
        url: `https://crm.example.com/x?secret=${line.secret}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'messageid=12&from=%2B989351234567&to=30001234&message=hi',
      }),
      line,
    );
    expect(fromPost).toMatchObject({ ok: true, messages: [{ providerMessageId: '12', from: '+989351234567', text: 'hi' }] });
    expect(providers.kavenegar.parse(push({ method: 'GET', url: `https://x/?secret=a&from=0935&to=1&message=a` }), line)).toMatchObject({
      ok: false,
      failure: { field: 'from' },
    });
    expect(providers.kavenegar.acknowledge()).toMatchObject({ status: 200, body: 'OK' });
  });
});

describe('melipayamak', () => {
  it('parses the GET callback with the panel’s parameters (or the ones configured), answers OK, and fingerprints the id', () => {
    const url = `https://crm.example.com/in?secret=${line.secret}&to=30001234&body=${encodeURIComponent('دمو')}&from=09121112233`;
    const parsed = providers.melipayamak.parse(push({ method: 'GET', url }), line);
    expect(parsed).toMatchObject({ ok: true, messages: [{ provider: 'melipayamak', from: '+989121112233', to: '30001234', text: 'دمو' }] });
    const id = parsed.ok ? parsed.messages[0]!.providerMessageId : '';
    expect(id).toMatch(/^fp:[0-9a-f]{40}$/);
    // The same push again (a provider's retry) has the same id.
    const again = providers.melipayamak.parse(push({ method: 'GET', url }), line);
    expect(again.ok && again.messages[0]!.providerMessageId).toBe(id);

    const custom = { ...line, credentials: { fromParam: 'sender', toParam: 'line', textParam: 'msg' } };
    const configured = providers.melipayamak.parse(push({ method: 'GET', url: `https://x/?secret=s&line=3000&msg=hi&sender=09121112233` }), custom);
    expect(configured).toMatchObject({ ok: true, messages: [{ from: '+989121112233', to: '3000', text: 'hi' }] });
    expect(providers.melipayamak.acknowledge()).toMatchObject({ status: 200, body: 'OK' });
    expect(providers.melipayamak.verify(push({ method: 'GET', url: 'https://x/?to=1' }), line)?.kind).toBe('unauthorized');
  });
});

describe('twilio', () => {
  const url = 'https://crm.example.com/api/plugins/sms-capture/inbound/line-1';
  const params = { MessageSid: 'SM123', From: '+447911123456', To: '+441234567890', Body: 'Demo please', AccountSid: 'AC1' };
  const body = new URLSearchParams(params).toString();

  it('checks X-Twilio-Signature: base64 HMAC-SHA1 of the URL and the sorted parameters', () => {
    const data = `${url}AccountSidAC1BodyDemo pleaseFrom+447911123456MessageSidSM123To+441234567890`;
    const expected = createHmac('sha1', 'twilio-token').update(data).digest('base64');
    expect(twilioSignature('twilio-token', url, params)).toBe(expected);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': expected };
    expect(providers.twilio.verify(push({ url, body, headers }), line)).toBeNull();
    expect(providers.twilio.verify(push({ url, body: body.replace('Demo', 'Spam'), headers }), line)).toEqual({ kind: 'unauthorized', reason: 'wrong signature' });
    expect(providers.twilio.verify(push({ url: `${url}?x=1`, body, headers }), line)?.kind).toBe('unauthorized');
    expect(providers.twilio.verify(push({ url, body }), line)).toEqual({ kind: 'unauthorized', reason: 'missing signature' });
  });

  it('parses the form and answers an empty TwiML response', () => {
    expect(providers.twilio.parse(push({ url, body }), line)).toMatchObject({
      ok: true,
      messages: [{ provider: 'twilio', providerMessageId: 'SM123', from: '+447911123456', to: '+441234567890', text: 'Demo please' }],
    });
    expect(providers.twilio.acknowledge()).toEqual({
      status: 200,
      contentType: 'text/xml; charset=utf-8',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
    });
  });
});

describe('keyword rules', () => {
  const rules = [
    { keyword: 'دمو', source: 'demo-request', tag: 'demo' },
    { keyword: 'قیمت', campaign: 'pricing', tag: 'price' },
    { keyword: 'DEMO', tag: 'demo' },
  ];

  it('match across letter variants and case; the first source and campaign win, tags collect', () => {
    expect(matchKeywords(rules, 'لطفا دموي محصول و قيمت را بفرستید')).toEqual({ source: 'demo-request', campaign: 'pricing', tags: ['demo', 'price'] });
    expect(matchKeywords(rules, 'need a demo')).toEqual({ source: null, campaign: null, tags: ['demo'] });
    expect(matchKeywords(rules, 'سلام')).toEqual({ source: null, campaign: null, tags: [] });
  });
});
