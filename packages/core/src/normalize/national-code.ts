import { BIDI_CONTROLS, BIDI_MARKS, DASHES, WHITESPACE, ZERO_WIDTH } from './chars.js';
import { toAsciiDigits } from './digits.js';

export type NationalCodeResult =
  | { ok: true; value: string }
  | { ok: false; code: 'invalid_national_code' };

const INVALID: NationalCodeResult = { ok: false, code: 'invalid_national_code' };

/** Grouping people add when copying the code off a card ("049-937089-9") and RTL paste debris. */
const SEPARATORS = new RegExp(
  `[${WHITESPACE}${DASHES}${BIDI_CONTROLS}${BIDI_MARKS}${ZERO_WIDTH}]`,
  'gu',
);

/**
 * Normalize and validate an Iranian national code (کد ملی): ten digits, the last a check digit.
 */
export function normalizeNationalCode(raw: string): NationalCodeResult {
  const digits = toAsciiDigits(raw).replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return INVALID;

  // Codes from the first issuing offices start with zeros, and spreadsheets that store the code
  // as a number drop them ("0499370899" becomes 499370899). Eight or nine digits are therefore
  // taken as a code that lost its leading zeros; fewer than that is too much to guess.
  if (digits.length !== 8 && digits.length !== 9 && digits.length !== 10) return INVALID;
  const code = digits.padStart(10, '0');

  // 0000000000, 1111111111, … pass the checksum, so forms filled in to get past a required
  // field would otherwise be accepted.
  if (/^(\d)\1{9}$/.test(code)) return INVALID;

  return hasValidCheckDigit(code) ? { ok: true, value: code } : INVALID;
}

/**
 * The official check: S = Σ d[i]·(10 − i) for the first nine digits, r = S mod 11; the check digit
 * is r when r < 2 and 11 − r otherwise (so it is always a single digit).
 */
function hasValidCheckDigit(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code[i]) * (10 - i);
  const r = sum % 11;
  const expected = r < 2 ? r : 11 - r;
  return Number(code[9]) === expected;
}
