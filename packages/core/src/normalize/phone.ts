import type { CountryCode } from 'libphonenumber-js';
// The "max" metadata carries the per-type number patterns; the default "min" metadata only
// checks lengths, so `isValid()` would accept numbers that cannot exist.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

import { BIDI_CONTROLS, BIDI_MARKS, DASHES, WHITESPACE, ZERO_WIDTH } from './chars.js';
import { toAsciiDigits } from './digits.js';

export type PhoneResult = { ok: true; e164: string } | { ok: false; code: 'invalid_phone' };

const INVALID: PhoneResult = { ok: false, code: 'invalid_phone' };

/**
 * Everything people put between digit groups, plus the invisible marks that RTL interfaces wrap
 * around numbers (a number pasted from a Persian chat often arrives as "\u200E+98 912…\u200F").
 * Letters are deliberately not in here: "0912 123 4567 ext 12" or "tel: 0912…" is rejected
 * rather than guessed at.
 */
const SEPARATORS = new RegExp(
  `[${WHITESPACE}${DASHES}${BIDI_CONTROLS}${BIDI_MARKS}${ZERO_WIDTH}.()]`,
  'gu',
);

const IRAN_COUNTRY_CODE = '98';

/** Iranian mobile national number: 9 and nine more digits (operators keep adding 09xx prefixes). */
const IRAN_MOBILE_NSN = /^9\d{9}$/;

/**
 * Iranian landline national number: a two-digit provincial area code and an eight-digit
 * subscriber number. The area codes are listed rather than matched as any two digits so that a
 * mistyped mobile (e.g. a dropped 9) is not silently accepted as a landline. Same set as
 * libphonenumber's metadata: 11 13 17 | 21 23 24 25 26 28 | 31 34 35 38 | 41 44 45 |
 * 51 54 56 58 | 61 66 | 71 74 76 77 | 81 83 84 86 87.
 */
const IRAN_LANDLINE_NSN =
  /^(?:1[137]|2[13-68]|3[1458]|4[145]|5[1468]|6[16]|7[1467]|8[13467])\d{8}$/;

/**
 * Turn what a person typed into an E.164 number (`+989121234567`).
 *
 * Iranian numbers go through our own rules instead of libphonenumber: they are the bulk of the
 * traffic, the rules are two regular expressions, and they accept the forms Iranians actually
 * write (`+98 0912…`, `989121234567` without a plus) that a strict parser would refuse.
 * Everything else must be a valid number according to libphonenumber's full metadata.
 */
export function normalizePhone(raw: string, defaultCountry: CountryCode = 'IR'): PhoneResult {
  // NFKC first: it folds full-width digits, full-width/small/alternative plus signs and
  // full-width parentheses into ASCII, which toAsciiDigits does not cover.
  let text = toAsciiDigits(raw.normalize('NFKC')).replace(SEPARATORS, '');

  let international = false;
  if (text.startsWith('+')) {
    international = true;
    text = text.slice(1);
  } else if (text.endsWith('+')) {
    // Copied from a visually ordered RTL rendering, "+98 912…" can arrive as "…912 98+".
    // A trailing plus means nothing else, so it is read as the leading one.
    international = true;
    text = text.slice(0, -1);
  }

  // Rejects the empty string, letters, and a plus anywhere else.
  if (!/^\d+$/.test(text)) return INVALID;

  // 00 is the international prefix in Iran and most of the world. No Iranian national number
  // starts with 00 (area codes never start with 0), so this cannot swallow a local number.
  if (!international && text.startsWith('00')) {
    international = true;
    text = text.slice(2);
  }

  if (international) {
    if (text.startsWith(IRAN_COUNTRY_CODE)) return iranian(text.slice(IRAN_COUNTRY_CODE.length));
    return viaLibphonenumber(`+${text}`);
  }
  if (defaultCountry === 'IR') return iranianWithoutPlus(text);
  return viaLibphonenumber(text, defaultCountry);
}

/**
 * A number typed with no international prefix while the default country is Iran. Local forms are
 * 10 or 11 digits, so anything of 12 digits or more that starts with 98 can only be the country
 * code typed without "+" (`989121234567`), which is common in numbers copied from spreadsheets
 * where the plus got lost.
 */
function iranianWithoutPlus(digits: string): PhoneResult {
  if (digits.length >= 12 && digits.startsWith(IRAN_COUNTRY_CODE)) {
    return iranian(digits.slice(IRAN_COUNTRY_CODE.length));
  }
  return iranian(digits);
}

/**
 * Validate an Iranian national number. One leading trunk 0 is dropped: it is part of the local
 * form (`0912…`) and also shows up after the country code (`+98 (0)912…`, `+98 0912…`), a mistake
 * so common on Iranian business cards that refusing it would only annoy.
 */
function iranian(nationalDigits: string): PhoneResult {
  const nsn = nationalDigits.startsWith('0') ? nationalDigits.slice(1) : nationalDigits;
  return isIranianNsn(nsn) ? { ok: true, e164: `+${IRAN_COUNTRY_CODE}${nsn}` } : INVALID;
}

function isIranianNsn(nsn: string): boolean {
  return IRAN_MOBILE_NSN.test(nsn) || IRAN_LANDLINE_NSN.test(nsn);
}

function viaLibphonenumber(text: string, defaultCountry?: CountryCode): PhoneResult {
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed) return INVALID;
  // A foreign default country can still yield an Iranian number (e.g. "011 98 912…" with US as
  // default). Judge it by the Iranian rules so one number never gets two verdicts.
  if (parsed.countryCallingCode === IRAN_COUNTRY_CODE) return iranian(parsed.nationalNumber);
  return parsed.isValid() ? { ok: true, e164: parsed.number } : INVALID;
}

const IRAN_E164 = /^\+98(\d{10})$/;

/** True for an E.164 Iranian mobile (`+989XXXXXXXXX`); used to decide where an SMS can go. */
export function isIranianMobile(e164: string): boolean {
  return /^\+989\d{9}$/.test(e164);
}

/**
 * The form Iranians write and dial at home (`09121234567`, `02188776655`), for display and
 * for search. Null for anything that is not an Iranian number by our rules.
 */
export function toIranianLocal(e164: string): string | null {
  const nsn = IRAN_E164.exec(e164)?.[1];
  if (nsn === undefined || !isIranianNsn(nsn)) return null;
  return `0${nsn}`;
}

/**
 * The digit strings a user may type to find this number. Search tokens are digits only (see
 * `searchTerms`), so the plus is left out; for Iran the local form is added because hardly anyone
 * types a colleague's number with +98. Empty for something that is not E.164.
 */
export function phoneSearchForms(e164: string): string[] {
  if (!/^\+[1-9]\d{1,14}$/.test(e164)) return [];
  const forms = [e164.slice(1)];
  const local = toIranianLocal(e164);
  if (local !== null) forms.push(local);
  return forms;
}
