import type { FieldErrorCode } from '../errors.js';
import { isValidEmail, normalizeEmail, normalizeNationalCode, normalizePhone, toAsciiDigits } from '../normalize/index.js';

/**
 * Scalar parsers shared by built-in lead fields, custom field types and `where` filters, so a
 * value typed into a form, a spreadsheet or a filter reads the same everywhere.
 */

/** Bidi and zero-width marks that people paste around handles, codes and numbers. */
export const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A number from a number or text (Persian/Arabic digits, thousands separators); null when empty. */
export function parseNumber(raw: unknown): number | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 'invalid';
  if (typeof raw !== 'string') return 'invalid';
  const text = toAsciiDigits(raw)
    .replace(INVISIBLE, '')
    // Thousands separators people type: comma, Arabic comma/thousands mark, spaces, apostrophes.
    .replace(/[\s,\u060c\u066c'’_]/g, '')
    // The Arabic decimal separator.
    .replace(/\u066b/g, '.')
    .trim();
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return 'invalid';
  return Number(text);
}

/** An http(s) address with a dotted host; a bare `example.com` gets `https://`. */
export function parseUrl(text: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.toString();
  } catch {
    return null;
  }
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on', 'بله', 'آری', 'نعم']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off', 'خیر', 'نه', 'لا']);

/** A boolean from a boolean or the words forms and spreadsheets send (`on`, `1`, `بله`). */
export function parseBoolean(raw: unknown): boolean | 'invalid' {
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw === 1 ? true : raw === 0 ? false : 'invalid';
  if (typeof raw !== 'string') return 'invalid';
  const word = toAsciiDigits(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return 'invalid';
}

/** A calendar day (Gregorian) as `YYYY-MM-DD`, from that text (any digits) or a Date. */
export function parseDay(raw: unknown): string | 'invalid' {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'invalid' : raw.toISOString().slice(0, 10);
  if (typeof raw !== 'string') return 'invalid';
  const text = toAsciiDigits(raw).replace(INVISIBLE, '').trim().replace(/\//g, '-');
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (!match) return 'invalid';
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  // Rejects 2024-02-30, which Date would roll over into March.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : 'invalid';
}

/**
 * An instant as an ISO-8601 UTC string (`2024-05-01T08:30:00.000Z`). Stored as text in JSONB: one
 * fixed format sorts chronologically as text, which an index can use (a cast to timestamptz
 * depends on the session's time zone, so Postgres refuses it in an index).
 */
export function parseInstant(raw: unknown): string | 'invalid' {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'invalid' : raw.toISOString();
  if (typeof raw !== 'string' && typeof raw !== 'number') return 'invalid';
  const text = typeof raw === 'number' ? raw : toAsciiDigits(raw).replace(INVISIBLE, '').trim();
  if (text === '') return 'invalid';
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return 'invalid';
  const year = date.getUTCFullYear();
  return year < 1 || year > 9999 ? 'invalid' : date.toISOString();
}

/** The identifiers that have one canonical form: phones in E.164, emails, national codes. */
export type IdentifierKind = 'phone' | 'email' | 'national-code';

/** An identifier in its canonical form, or the error that names what is wrong with it. */
export function parseIdentifier(kind: IdentifierKind, text: string): { value: string } | { error: FieldErrorCode } {
  switch (kind) {
    case 'phone': {
      const phone = normalizePhone(text);
      return phone.ok ? { value: phone.e164 } : { error: phone.code };
    }
    case 'email': {
      const email = normalizeEmail(text);
      return isValidEmail(email) ? { value: email } : { error: 'invalid_email' };
    }
    case 'national-code': {
      const code = normalizeNationalCode(toAsciiDigits(text).replace(INVISIBLE, ''));
      return code.ok ? { value: code.value } : { error: code.code };
    }
  }
}
