import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { normalizePhone, toAsciiDigits } from '@sarnakh/core';
import type { Fetch, LineAccess, ParseResult, PushFailure, PushRequest, ProviderId } from './types.js';
import { ProviderError } from './types.js';

/** Equal strings in time that does not depend on where they differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const hmacHex = (algorithm: 'sha256' | 'sha1', key: string, data: string): string =>
  createHmac(algorithm, key).update(data, 'utf8').digest('hex');

export const hmacBase64 = (algorithm: 'sha256' | 'sha1', key: string, data: string): string =>
  createHmac(algorithm, key).update(data, 'utf8').digest('base64');

/** For providers that sign nothing: the line's secret must be in the URL the provider was given. */
export function verifySecretInUrl(request: PushRequest, line: LineAccess): PushFailure | null {
  const given = request.query.get('secret');
  if (!given) return { kind: 'unauthorized', reason: 'missing secret' };
  return safeEqual(given, line.secret) ? null : { kind: 'unauthorized', reason: 'wrong secret' };
}

/** The sender as E.164, or null when it is not a phone number (a short code, an alphanumeric id). */
export function senderE164(raw: string): string | null {
  const result = normalizePhone(raw);
  return result.ok ? result.e164 : null;
}

/** A line or short-code number as written, with Persian/Arabic digits made ASCII. */
export const plainNumber = (raw: string): string => toAsciiDigits(raw.trim());

/** The key/value pairs of a form body or query, last value winning. */
export function formFields(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) out[key] = value;
  return out;
}

/** The fields of a push: the query for GET, the form body (or query) for POST. */
export function pushFields(request: PushRequest): Record<string, string> {
  if (request.method === 'GET') return formFields(request.query);
  const contentType = request.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    try {
      const parsed = JSON.parse(request.body) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]));
      }
    } catch {
      return {};
    }
    return {};
  }
  return { ...formFields(request.query), ...formFields(new URLSearchParams(request.body)) };
}

const invalid = (field: string, reason: string): ParseResult => ({ ok: false, failure: { kind: 'invalid', field, reason } });

/** One message from named fields, or the first missing or bad field. */
export function messageFrom(
  provider: ProviderId,
  fields: Record<string, string>,
  names: { id?: string; from: string; to: string; text: string },
  receivedAt: Date,
): ParseResult {
  const from = fields[names.from]?.trim();
  if (!from) return invalid(names.from, 'required');
  const e164 = senderE164(from);
  if (!e164) return invalid(names.from, 'not a phone number');
  const to = fields[names.to]?.trim();
  if (!to) return invalid(names.to, 'required');
  const text = fields[names.text];
  if (text === undefined) return invalid(names.text, 'required');
  const id = names.id ? fields[names.id]?.trim() : undefined;
  if (names.id && !id) return invalid(names.id, 'required');
  return {
    ok: true,
    messages: [
      {
        provider,
        providerMessageId: id ?? fingerprintId(e164, plainNumber(to), text, receivedAt),
        from: e164,
        to: plainNumber(to),
        text,
        receivedAt,
        raw: fields,
      },
    ],
  };
}

/**
 * An id for a message whose provider gives none: the same sender, line and text within the same
 * minute are one message (a provider's retried push), later ones are new.
 */
export function fingerprintId(from: string, to: string, text: string, at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  return `fp:${createHash('sha256').update(`${from}\n${to}\n${text}\n${minute}`).digest('hex').slice(0, 40)}`;
}

/** JSON from a provider's API, or a ProviderError naming the status. */
export async function providerJson(provider: ProviderId, fetch: Fetch, url: string, init?: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (error) {
    throw new ProviderError(provider, `could not reach ${new URL(url).host}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    throw new ProviderError(provider, `answered ${res.status} with a body that is not JSON`, res.status);
  }
  if (!res.ok) throw new ProviderError(provider, `answered ${res.status}: ${text.slice(0, 200)}`, res.status);
  return body;
}

/** A credential the line must have (checked at save time, so a missing one here is a bug in the data). */
export function credential(provider: ProviderId, line: LineAccess, key: string): string {
  const value = line.credentials[key];
  if (!value) throw new ProviderError(provider, `the line has no "${key}" credential`);
  return value;
}

/** A provider's base URL: the line's override (a test stub, a regional endpoint) or the public one. */
export const baseUrl = (line: LineAccess, fallback: string): string => (line.credentials.baseUrl || fallback).replace(/\/+$/, '');

export const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/**
 * Whether a number a provider reports is the line's. Providers write the same number with or
 * without the country prefix (`98` + `30001234`), so a suffix of at least five digits matches.
 */
export function isLineNumber(line: LineAccess, reported: string): boolean {
  const ours = plainNumber(line.number).replace(/^\+/, '');
  const theirs = plainNumber(reported).replace(/^\+/, '');
  if (ours === theirs) return true;
  const [short, long] = ours.length < theirs.length ? [ours, theirs] : [theirs, ours];
  return short.length >= 5 && long.endsWith(short);
}
