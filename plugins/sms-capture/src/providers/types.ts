/**
 * What the plugin needs from an SMS gateway, one adapter per provider. Adapters are pure over the
 * request they are given and an injectable `fetch`: no database, no Hono, so each is tested alone.
 */

export const providerIds = ['generic', 'kavenegar', 'melipayamak', 'twilio'] as const;
export type ProviderId = (typeof providerIds)[number];

/** One received SMS as every adapter reports it. `from` is E.164; `to` is the line's number as the provider wrote it. */
export interface InboundSms {
  provider: ProviderId;
  /**
   * The provider's id of the message. Providers that give none (Melipayamak's push) get a
   * fingerprint prefixed `fp:`, which polling later reconciles with the real id.
   */
  providerMessageId: string;
  from: string;
  to: string;
  text: string;
  receivedAt: Date;
  raw: Record<string, unknown>;
}

/** A push as it reached us, before anything parsed it. Signatures are checked on these bytes. */
export interface PushRequest {
  method: string;
  /** The URL the provider called, as it sees it (public base URL + path + query). */
  url: string;
  headers: Headers;
  /** The raw body ('' for GET). */
  body: string;
  /** The URL's query parameters. */
  query: URLSearchParams;
}

/** The line an adapter works for: its number, secret and provider credentials. */
export interface LineAccess {
  id: string;
  number: string;
  secret: string;
  credentials: Record<string, string>;
}

/** Why a push was refused: `unauthorized` → 401, nothing stored; `invalid` → 400. */
export type PushFailure = { kind: 'unauthorized'; reason: string } | { kind: 'invalid'; field: string; reason: string };

export type ParseResult = { ok: true; messages: InboundSms[] } | { ok: false; failure: PushFailure };

/** The HTTP answer a provider expects once its push is stored. */
export interface Acknowledgement {
  status: number;
  contentType: string;
  body: string;
}

export interface SentSms {
  providerMessageId: string | null;
  /** The provider's status word for the message (`queued`, `sent`, Kavenegar's `statustext`…), when it gives one. */
  status: string | null;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ProviderAdapter {
  id: ProviderId;
  /** Credential keys the line must carry (`apiKey`), checked when a line is created or updated. */
  requiredCredentials: readonly string[];
  /** Whether pushes carry the line's secret in the URL (`?secret=`) because the provider signs nothing. */
  secretInUrl: boolean;
  /** Check who sent the push, on the raw request, before anything parses it. */
  verify(request: PushRequest, line: LineAccess): PushFailure | null;
  /** The push's messages (one or more). Only called on a verified push. */
  parse(request: PushRequest, line: LineAccess): ParseResult;
  /** What to answer once the messages are stored (or were already). */
  acknowledge(): Acknowledgement;
  /** Messages received on the line that a push may have missed, newest first as the provider lists them. */
  poll?(line: LineAccess, fetch: Fetch): Promise<InboundSms[]>;
  send(line: LineAccess, to: string, text: string, fetch: Fetch): Promise<SentSms>;
}

/** A provider's HTTP API answered with an error: named so the caller can log and show it. */
export class ProviderError extends Error {
  constructor(
    readonly provider: ProviderId,
    message: string,
    readonly status?: number,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderError';
  }
}
