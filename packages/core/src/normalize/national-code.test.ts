import { describe, expect, it } from 'vitest';

import { normalizeNationalCode } from './national-code.js';

/** The check digit by the official algorithm, written independently of the implementation. */
function checkDigit(firstNine: string): number {
  const sum = [...firstNine].reduce((acc, digit, i) => acc + Number(digit) * (10 - i), 0);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}

function withCheckDigit(firstNine: string): string {
  return `${firstNine}${checkDigit(firstNine)}`;
}

/** Same code with a wrong last digit. */
function withWrongCheckDigit(firstNine: string): string {
  return `${firstNine}${(checkDigit(firstNine) + 1) % 10}`;
}

const valid = (value: string) => ({ ok: true, value });
const invalid = { ok: false, code: 'invalid_national_code' };

describe('normalizeNationalCode', () => {
  // Verified by hand:
  // 0499370899: S = 0·10+4·9+9·8+9·7+3·6+7·5+0·4+8·3+9·2 = 266, r = 2, check = 9.
  // 1234567891: S = 210, r = 1, check = 1 (the r < 2 branch).
  // 0001234560: S = 77, r = 0, check = 0.
  // 0087654326: S = 203, r = 5, check = 6.
  // 9876543210: S = 330, r = 0, check = 0.
  // 0013542419: S = 101, r = 2, check = 9.
  // 0061234567: S = 125, r = 4, check = 7.
  // 0000000019: S = 2, r = 2, check = 9.
  it.each([
    ['0499370899', '0499370899'],
    ['1234567891', '1234567891'],
    ['0001234560', '0001234560'],
    ['0087654326', '0087654326'],
    ['9876543210', '9876543210'],
    ['0013542419', '0013542419'],
    ['0061234567', '0061234567'],
    ['0000000019', '0000000019'],
    ['3334445550', '3334445550'],
    ['0102030405', '0102030405'],
  ])('accepts the known valid code %s', (input, expected) => {
    expect(normalizeNationalCode(input)).toEqual(valid(expected));
  });

  it.each([
    ['Persian digits', '۰۴۹۹۳۷۰۸۹۹', '0499370899'],
    ['Arabic-Indic digits', '٠٤٩٩٣٧٠٨٩٩', '0499370899'],
    ['mixed scripts', '۰۴۹9٣٧0۸۹٩', '0499370899'],
    ['card-style dashes', '049-937089-9', '0499370899'],
    ['spaces', '049 937 089 9', '0499370899'],
    ['NBSP', '049\u00A0937089\u00A09', '0499370899'],
    ['surrounding whitespace', '  1234567891\t', '1234567891'],
    ['RTL paste marks around the code', '\u200F۱۲۳۴۵۶۷۸۹۱\u200E', '1234567891'],
    ['embedding controls', '\u202B1234567891\u202C', '1234567891'],
    ['isolate controls', '\u20681234567891\u2069', '1234567891'],
    ['ZWNJ and BOM', '\uFEFF12345\u200C67891', '1234567891'],
    ['en dash and minus sign', '049–937089−9', '0499370899'],
    ['9 digits: one leading zero lost', '499370899', '0499370899'],
    ['8 digits: two leading zeros lost', '87654326', '0087654326'],
    ['8 digits in Persian', '۸۷۶۵۴۳۲۶', '0087654326'],
    ['9 digits with separators', '499-370-899', '0499370899'],
    ['8 digits, r = 0 branch', '01234560', '0001234560'],
    ['8 digits, r = 2 branch', '13542419', '0013542419'],
  ])('normalizes %s', (_name, input, expected) => {
    expect(normalizeNationalCode(input)).toEqual(valid(expected));
  });

  it.each([
    ['empty', ''],
    ['whitespace only', '   '],
    ['marks only', '\u200E\u200F'],
    ['7 digits', '1234567'],
    ['7 digits that would pass after padding', '1234560'],
    ['11 digits', '04993708990'],
    ['12 digits', '049937089900'],
    ['letters', '049937089X'],
    ['a dot separator', '049.937089.9'],
    ['a slash', '049/937089/9'],
    ['leading plus', '+0499370899'],
    ['wrong check digit', '0499370898'],
    ['wrong check digit (r < 2 branch)', '1234567890'],
    ['transposed digits', '0499730899'],
    ['one digit changed', '0499370889'],
    ['9 digits whose padded form fails the checksum', '499370898'],
    ['8 digits whose padded form fails the checksum', '87654327'],
    ['decimal point from a spreadsheet', '499370899.0'],
    ['scientific notation from a spreadsheet', '4.99370899E8'],
  ])('rejects %s', (_name, input) => {
    expect(normalizeNationalCode(input)).toEqual(invalid);
  });

  // Every all-equal code satisfies the checksum (d·54 ≡ d·10 mod 11 gives check digit d), so
  // each one must be rejected explicitly.
  it.each(['0000000000', '1111111111', '2222222222', '3333333333', '4444444444',
    '5555555555', '6666666666', '7777777777', '8888888888', '9999999999'])(
    'rejects the all-equal code %s although its checksum is right',
    (code) => {
      expect(checkDigit(code.slice(0, 9))).toBe(Number(code[9]));
      expect(normalizeNationalCode(code)).toEqual(invalid);
    },
  );

  it.each(['۱۱۱۱۱۱۱۱۱۱', '00000000', '000000000', '11111111'])(
    'rejects %s, all-equal once padded or converted',
    (input) => {
      expect(normalizeNationalCode(input)).toEqual(invalid);
    },
  );

  // Codes generated with the helper cover every remainder (0..10) of the checksum.
  const generated = [
    '000000012', '001000000', '006123456', '008765432', '010203040', '111111112',
    '123123123', '200300400', '314159265', '271828182', '161803398', '999999998',
    '500000000', '050000000', '005000000', '424242424', '712345683', '812345604', '000000013',
  ];

  it.each(generated)('accepts %s plus its computed check digit', (firstNine) => {
    const code = withCheckDigit(firstNine);
    expect(normalizeNationalCode(code)).toEqual(valid(code));
  });

  it.each(generated)('rejects %s plus a wrong check digit', (firstNine) => {
    expect(normalizeNationalCode(withWrongCheckDigit(firstNine))).toEqual(invalid);
  });

  it('sees every checksum remainder in the generated cases', () => {
    const remainders = new Set(
      generated.map((firstNine) =>
        [...firstNine].reduce((acc, digit, i) => acc + Number(digit) * (10 - i), 0) % 11,
      ),
    );
    expect(remainders.size).toBe(11);
  });

  it('accepts codes that lost leading zeros whenever the padded code is valid', () => {
    for (const firstNine of generated.filter((p) => p.startsWith('0'))) {
      const code = withCheckDigit(firstNine);
      expect(normalizeNationalCode(code.replace(/^0+/, ''))).toEqual(
        code.replace(/^0+/, '').length >= 8 ? valid(code) : invalid,
      );
    }
  });
});
