/** The shapes the SMS procedures answer, as these screens read them (dates arrive as ISO strings). */

export interface InboxMessage {
  id: string;
  lineId: string;
  from: string;
  to: string;
  text: string;
  receivedAt: string;
  handled: boolean;
  handling: 'created' | 'attached' | 'activity' | 'dismissed' | null;
  leadId: string | null;
  lastError: string | null;
}

export interface KeywordRule {
  keyword: string;
  source?: string;
  campaign?: string;
  tag?: string;
}

export type Provider = 'generic' | 'kavenegar' | 'melipayamak' | 'twilio';

export interface LineView {
  id: string;
  name: string;
  number: string;
  provider: Provider;
  credentials: Record<string, string>;
  autoCreate: boolean;
  keywordRules: KeywordRule[];
  webhookUrl: string;
  polling: boolean;
  lastPolledAt: string | null;
  lastPollError: string | null;
}

export interface SmsEntry {
  id: string;
  type: 'sms_received' | 'sms_sent';
  at: string;
  data: { lineId: string; from: string; to: string; text: string; status?: string | null };
}

/** Credential fields each provider's form asks for (optional ones last). */
export const credentialFields: Record<Provider, readonly string[]> = {
  generic: ['sendUrl'],
  kavenegar: ['apiKey', 'baseUrl'],
  melipayamak: ['username', 'password', 'fromParam', 'toParam', 'textParam', 'baseUrl'],
  twilio: ['accountSid', 'authToken', 'baseUrl'],
};

/** The webhook URL as the provider must be given it: absolute, on this server when no public base URL is set. */
export function absoluteUrl(url: string): string {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin ?? '';
  return url.startsWith('/') ? `${origin}${url}` : url;
}
