import { BIDI_CONTROLS, BIDI_MARKS, WHITESPACE, ZERO_WIDTH } from './chars.js';
import { toAsciiDigits } from './digits.js';

/** Invisible characters an address picks up at its ends when copied out of RTL text. */
const EDGE_JUNK = new RegExp(
  `^[${WHITESPACE}${BIDI_CONTROLS}${BIDI_MARKS}${ZERO_WIDTH}]+|[${WHITESPACE}${BIDI_CONTROLS}${BIDI_MARKS}${ZERO_WIDTH}]+$`,
  'gu',
);

/**
 * Directional controls and marks are removed everywhere, not only at the ends: IDNA disallows them
 * in domain names and no mail system accepts them in a local part, so they are always paste
 * debris (an RLM right before the "@" is a classic). ZWNJ/ZWJ are not removed inside: IDNA allows
 * them in some Persian/Arabic labels, so dropping them could change the domain.
 */
const BIDI_ANYWHERE = new RegExp(`[${BIDI_CONTROLS}${BIDI_MARKS}]`, 'gu');

/**
 * Canonical stored form of an email address. Lower-casing the local part is technically lossy
 * (RFC 5321 lets servers treat it case-sensitively) but no real provider does, and without it
 * "Ali@x.com" and "ali@x.com" would be two leads.
 */
export function normalizeEmail(raw: string): string {
  return toAsciiDigits(raw.replace(EDGE_JUNK, '').replace(BIDI_ANYWHERE, '')).toLowerCase();
}

/**
 * Local part: no whitespace, control or invisible format characters (a ZWNJ in a mailbox name
 * can only be a mistake or a spoof), nor the characters that need quoting in RFC 5322 (quoted
 * local parts exist on paper only). Unicode letters are allowed (RFC 6531).
 */
const LOCAL_CHAR = /^[^\s\p{Cc}\p{Cf}"(),:;<>@[\\\]]+$/u;

/**
 * Domain label: letters (any script), combining marks, digits and hyphens, plus ZWNJ/ZWJ which
 * IDNA allows in Persian/Arabic labels. Hyphen not at either end.
 */
// ZWJ is listed as a character of its own here, not as part of a joined sequence.
// eslint-disable-next-line no-misleading-character-class
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{Nd}\u200C\u200D](?:[\p{L}\p{M}\p{Nd}\u200C\u200D-]*[\p{L}\p{M}\p{Nd}\u200C\u200D])?$/u;

/**
 * Top-level domain: at least two letters in any script (`.com`, `.ایران`), or the punycode
 * spelling of an internationalized TLD (`.xn--mgba3a4f16a`), which has digits and hyphens.
 */
const TLD = /^(?:\p{L}\p{M}*){2,}$|^xn--[a-z0-9-]+$/u;

const utf8 = new TextEncoder();

/**
 * A practical validity check for an already normalized address: what a sales team can actually
 * send mail to, not everything RFC 5322 allows. zod's `z.email()` is not used because it refuses
 * internationalized domains (`ali@مثال.ایران`) and punycode TLDs, and its Unicode variant checks
 * almost nothing (not even a dot in the domain).
 */
export function isValidEmail(normalized: string): boolean {
  // 254 is the longest address that fits in SMTP's 256-octet path including the angle brackets.
  if (utf8.encode(normalized).length > 254) return false;

  const parts = normalized.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;

  // 64 octets is SMTP's limit for the local part; counted in UTF-8 bytes because that is how
  // servers count it once the address is non-ASCII.
  const localBytes = utf8.encode(local).length;
  if (localBytes === 0 || localBytes > 64) return false;
  if (!LOCAL_CHAR.test(local)) return false;
  // Dots may separate atoms but not start, end or repeat; providers reject such addresses.
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;

  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label))) return false;
  return TLD.test(labels[labels.length - 1] ?? '');
}
