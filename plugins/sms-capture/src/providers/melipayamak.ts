import { baseUrl, credential, form, isLineNumber, messageFrom, plainNumber, providerJson, pushFields, senderE164, verifySecretInUrl } from './shared.js';
import type { Fetch, InboundSms, LineAccess, ProviderAdapter } from './types.js';
import { ProviderError } from './types.js';

const API = 'https://rest.payamak-panel.com';

/** Melipayamak's REST answers: `{ Value, RetStatus, StrRetStatus, Data? }`; RetStatus 1 is success. */
interface Answer {
  Value?: string | number;
  RetStatus?: number;
  StrRetStatus?: string;
  Data?: { MsgID: number | string; Body: string; SendDate: string; Sender: string; Receiver: string }[] | null;
}

function checked(answer: unknown): Answer {
  const a = answer as Answer | null;
  if (a?.RetStatus !== 1) throw new ProviderError('melipayamak', `returned ${a?.RetStatus ?? '?'}: ${a?.StrRetStatus ?? 'no status'}`);
  return a;
}

/** One REST call (`api/SendSMS/<method>`), signed in with the panel's user name and password. */
async function rest(line: LineAccess, fetch: Fetch, method: 'GetMessages' | 'SendSMS', fields: Record<string, string>): Promise<Answer> {
  const account = { username: credential('melipayamak', line, 'username'), password: credential('melipayamak', line, 'password') };
  return checked(await providerJson('melipayamak', fetch, `${baseUrl(line, API)}/api/SendSMS/${method}`, form({ ...account, ...fields })));
}

/** The panel's URL placeholders ($FROM$, $TO$, $TEXT$) go into parameters the admin names; these are the documented ones. */
const paramNames = (credentials: Record<string, string>) => ({
  from: credentials.fromParam || 'from',
  to: credentials.toParam || 'to',
  text: credentials.textParam || 'body',
});

/**
 * Melipayamak (payamak-panel): the panel forwards each received SMS to the line's URL by GET
 * (`?to=$TO$&body=$TEXT$&from=$FROM$`) and expects `OK`. The push carries no message id, so a
 * fingerprint stands in for it; `GetMessages` polling (location 1: received) brings the real ids.
 */
export const melipayamakProvider: ProviderAdapter = {
  id: 'melipayamak',
  requiredCredentials: ['username', 'password'],
  secretInUrl: true,
  verify: verifySecretInUrl,

  parse(request, line) {
    return messageFrom('melipayamak', pushFields(request), paramNames(line.credentials), new Date());
  },

  acknowledge: () => ({ status: 200, contentType: 'text/plain; charset=utf-8', body: 'OK' }),

  async poll(line, fetch) {
    const answer = await rest(line, fetch, 'GetMessages', { location: '1', from: '', index: '0', count: '100' });
    const out: InboundSms[] = [];
    for (const row of answer.Data ?? []) {
      const from = senderE164(String(row.Sender));
      const to = plainNumber(String(row.Receiver));
      if (!from || !isLineNumber(line, to)) continue;
      out.push({
        provider: 'melipayamak',
        providerMessageId: String(row.MsgID),
        from,
        to,
        text: row.Body,
        // The panel reports Tehran wall time without an offset.
        receivedAt: new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(row.SendDate) ? row.SendDate : `${row.SendDate}+03:30`),
        raw: row as unknown as Record<string, unknown>,
      });
    }
    return out;
  },

  async send(line, to, text, fetch) {
    const answer = await rest(line, fetch, 'SendSMS', { to, from: line.number, text, isFlash: 'false' });
    return { providerMessageId: answer.Value === undefined ? null : String(answer.Value), status: answer.StrRetStatus ?? null };
  },
};
