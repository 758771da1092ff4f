import { baseUrl, credential, form, isLineNumber, messageFrom, plainNumber, providerJson, pushFields, senderE164, verifySecretInUrl } from './shared.js';
import type { InboundSms, ProviderAdapter } from './types.js';
import { ProviderError } from './types.js';

const API = 'https://api.kavenegar.com';

/** Kavenegar's answers: `{ return: { status, message }, entries }`; status 200 is success. */
interface Answer<T> {
  return?: { status?: number; message?: string };
  entries?: T;
}

function entriesOf<T>(answer: unknown): T {
  const a = answer as Answer<T> | null;
  if (a?.return?.status !== 200) throw new ProviderError('kavenegar', `returned ${a?.return?.status ?? '?'}: ${a?.return?.message ?? 'no message'}`);
  return a.entries as T;
}

interface ReceivedEntry {
  messageid: number | string;
  message: string;
  sender: string;
  receptor: string;
  /** Unix seconds. */
  date: number;
}

/**
 * Kavenegar: the line's receive URL (panel → line settings) gets `messageid`, `from`, `to`,
 * `message` by GET or POST and is protected by the line's secret in the URL; `sms/receive`
 * polls the unread inbox of the line number. Sending is `sms/send`.
 */
export const kavenegarProvider: ProviderAdapter = {
  id: 'kavenegar',
  requiredCredentials: ['apiKey'],
  secretInUrl: true,
  verify: verifySecretInUrl,

  parse(request) {
    return messageFrom('kavenegar', pushFields(request), { id: 'messageid', from: 'from', to: 'to', text: 'message' }, new Date());
  },

  acknowledge: () => ({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' }),

  async poll(line, fetch) {
    const key = encodeURIComponent(credential('kavenegar', line, 'apiKey'));
    const query = new URLSearchParams({ linenumber: line.number, isread: '0' });
    const entries = entriesOf<ReceivedEntry[] | null>(await providerJson('kavenegar', fetch, `${baseUrl(line, API)}/v1/${key}/sms/receive.json?${query}`)) ?? [];
    const out: InboundSms[] = [];
    for (const entry of entries) {
      const from = senderE164(String(entry.sender));
      if (!from || !isLineNumber(line, String(entry.receptor))) continue;
      out.push({
        provider: 'kavenegar',
        providerMessageId: String(entry.messageid),
        from,
        to: plainNumber(String(entry.receptor)),
        text: entry.message,
        receivedAt: new Date(Number(entry.date) * 1000),
        raw: entry as unknown as Record<string, unknown>,
      });
    }
    return out;
  },

  async send(line, to, text, fetch) {
    const key = encodeURIComponent(credential('kavenegar', line, 'apiKey'));
    const entries = entriesOf<{ messageid: number | string; status: number; statustext?: string }[]>(
      await providerJson('kavenegar', fetch, `${baseUrl(line, API)}/v1/${key}/sms/send.json`, form({ receptor: to, sender: line.number, message: text })),
    );
    const entry = entries[0];
    return { providerMessageId: entry ? String(entry.messageid) : null, status: entry?.statustext ?? (entry ? String(entry.status) : null) };
  },
};
