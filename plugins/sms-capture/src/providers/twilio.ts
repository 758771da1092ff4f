import { baseUrl, credential, form, formFields, hmacBase64, isLineNumber, messageFrom, plainNumber, providerJson, safeEqual, senderE164 } from './shared.js';
import type { InboundSms, LineAccess, ProviderAdapter } from './types.js';

const API = 'https://api.twilio.com';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed by the account's auth token, of the full URL
 * followed by each POST parameter's name and value, sorted by name.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return hmacBase64('sha1', authToken, data);
}

const basicAuth = (line: LineAccess) =>
  `Basic ${Buffer.from(`${credential('twilio', line, 'accountSid')}:${credential('twilio', line, 'authToken')}`).toString('base64')}`;

interface TwilioMessage {
  sid: string;
  from: string;
  to: string;
  body: string;
  status: string;
  direction: string;
  date_sent?: string | null;
  date_created?: string | null;
}

/**
 * Twilio: a form POST signed with `X-Twilio-Signature`, answered with an empty TwiML response so
 * Twilio sends no reply; polling lists the number's inbound messages; sending is `Messages.json`.
 */
export const twilioProvider: ProviderAdapter = {
  id: 'twilio',
  requiredCredentials: ['accountSid', 'authToken'],
  secretInUrl: false,

  verify(request, line) {
    const given = request.headers.get(TWILIO_SIGNATURE_HEADER);
    if (!given) return { kind: 'unauthorized', reason: 'missing signature' };
    const params = request.method === 'POST' ? formFields(new URLSearchParams(request.body)) : {};
    const expected = twilioSignature(line.credentials.authToken ?? '', request.url, params);
    return line.credentials.authToken && safeEqual(given, expected) ? null : { kind: 'unauthorized', reason: 'wrong signature' };
  },

  parse(request) {
    const fields = formFields(new URLSearchParams(request.method === 'POST' ? request.body : request.query));
    return messageFrom('twilio', fields, { id: 'MessageSid', from: 'From', to: 'To', text: 'Body' }, new Date());
  },

  acknowledge: () => ({
    status: 200,
    contentType: 'text/xml; charset=utf-8',
    body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>',
  }),

  async poll(line, fetch) {
    const sid = encodeURIComponent(credential('twilio', line, 'accountSid'));
    const query = new URLSearchParams({ To: line.number, PageSize: '100' });
    const answer = (await providerJson('twilio', fetch, `${baseUrl(line, API)}/2010-04-01/Accounts/${sid}/Messages.json?${query}`, {
      headers: { authorization: basicAuth(line) },
    })) as { messages?: TwilioMessage[] } | null;
    const out: InboundSms[] = [];
    for (const m of answer?.messages ?? []) {
      const from = senderE164(m.from);
      if (m.direction !== 'inbound' || !from || !isLineNumber(line, m.to)) continue;
      out.push({
        provider: 'twilio',
        providerMessageId: m.sid,
        from,
        to: plainNumber(m.to),
        text: m.body,
        receivedAt: new Date(m.date_sent ?? m.date_created ?? Date.now()),
        raw: m as unknown as Record<string, unknown>,
      });
    }
    return out;
  },

  async send(line, to, text, fetch) {
    const sid = encodeURIComponent(credential('twilio', line, 'accountSid'));
    const request = form({ To: to, From: line.number, Body: text });
    const answer = (await providerJson('twilio', fetch, `${baseUrl(line, API)}/2010-04-01/Accounts/${sid}/Messages.json`, {
      ...request,
      headers: { ...request.headers, authorization: basicAuth(line) },
    })) as Partial<TwilioMessage> | null;
    return { providerMessageId: answer?.sid ?? null, status: answer?.status ?? null };
  },
};
