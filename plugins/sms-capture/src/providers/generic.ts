import { z } from 'zod';
import { hmacHex, plainNumber, providerJson, safeEqual, senderE164 } from './shared.js';
import type { Acknowledgement, ProviderAdapter } from './types.js';
import { ProviderError } from './types.js';

/** `X-Sarnakh-Signature: sha256=<hex HMAC-SHA256 of the raw body with the line's secret>`. */
export const SIGNATURE_HEADER = 'x-sarnakh-signature';

export const signBody = (secret: string, body: string): string => `sha256=${hmacHex('sha256', secret, body)}`;

const pushSchema = z.object({
  messageId: z.union([z.string().trim().min(1).max(200), z.number().int()]).transform(String),
  from: z.string().trim().min(1).max(100),
  to: z.string().trim().min(1).max(100),
  text: z.string().max(5_000),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

const ok: Acknowledgement = { status: 200, contentType: 'application/json', body: '{"ok":true}' };

/**
 * Any gateway or script that can POST JSON: `{ messageId, from, to, text, receivedAt? }`, signed
 * with the line's secret. Outbound goes to the line's `sendUrl`, signed the same way.
 */
export const genericProvider: ProviderAdapter = {
  id: 'generic',
  requiredCredentials: [],
  secretInUrl: false,

  verify(request, line) {
    const given = request.headers.get(SIGNATURE_HEADER);
    if (!given) return { kind: 'unauthorized', reason: 'missing signature' };
    return safeEqual(given, signBody(line.secret, request.body)) ? null : { kind: 'unauthorized', reason: 'wrong signature' };
  },

  parse(request) {
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return { ok: false, failure: { kind: 'invalid', field: 'body', reason: 'not JSON' } };
    }
    const parsed = pushSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, failure: { kind: 'invalid', field: issue.path.join('.') || 'body', reason: issue.message } };
    }
    const push = parsed.data;
    const from = senderE164(push.from);
    if (!from) return { ok: false, failure: { kind: 'invalid', field: 'from', reason: 'not a phone number' } };
    return {
      ok: true,
      messages: [
        {
          provider: 'generic',
          providerMessageId: push.messageId,
          from,
          to: plainNumber(push.to),
          text: push.text,
          receivedAt: push.receivedAt ? new Date(push.receivedAt) : new Date(),
          raw: json as Record<string, unknown>,
        },
      ],
    };
  },

  acknowledge: () => ok,

  async send(line, to, text, fetch) {
    const url = line.credentials.sendUrl;
    if (!url) throw new ProviderError('generic', 'the line has no "sendUrl" to send through');
    const body = JSON.stringify({ from: line.number, to, text });
    const answer = (await providerJson('generic', fetch, url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(line.secret, body) },
      body,
    })) as { messageId?: unknown; status?: unknown } | null;
    return {
      providerMessageId: answer?.messageId === undefined || answer.messageId === null ? null : String(answer.messageId),
      status: typeof answer?.status === 'string' ? answer.status : null,
    };
  },
};
