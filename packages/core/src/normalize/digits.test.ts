import { describe, expect, it } from 'vitest';

import { toAsciiDigits } from './digits.js';

describe('toAsciiDigits', () => {
  it.each([
    ['Persian digits', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['Arabic-Indic digits', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['ASCII digits untouched', '0123456789', '0123456789'],
    ['empty string', '', ''],
    ['mixed scripts in one number', '۰۹12١٢٣4567', '09121234567'],
    ['digits inside Persian text', 'پلاک ۱۲ واحد ۳', 'پلاک 12 واحد 3'],
    ['digits inside Arabic text', 'شارع ٢٣ مبنى ٤', 'شارع 23 مبنى 4'],
    ['separators kept', '۰۲۱-۸۸۷۷ ۶۶۵۵', '021-8877 6655'],
    ['plus and parentheses kept', '+۹۸ (۰)۹۱۲', '+98 (0)912'],
    ['bidi marks kept', '\u200E۱۲\u200F', '\u200E12\u200F'],
    ['Persian decimal separator kept', '۳٫۵', '3٫5'],
    ['Arabic thousands separator kept', '١٬٠٠٠', '1٬000'],
    ['full-width digits are not this function’s job', '０１２', '０１２'],
    ['Devanagari digits are not this function’s job', '१२३', '१२३'],
    ['superscript digits untouched', 'x²', 'x²'],
    ['letters untouched', 'Sarnakh سرنخ', 'Sarnakh سرنخ'],
    ['Persian letters that neighbour the digit block untouched', 'ۺۻۼ', 'ۺۻۼ'],
    ['Arabic letters that neighbour the digit block untouched', '٪٫', '٪٫'],
    ['astral characters survive', '😀۷', '😀7'],
  ])('%s', (_name, input, expected) => {
    expect(toAsciiDigits(input)).toBe(expected);
  });

  it('maps every Persian and Arabic-Indic digit to its value', () => {
    for (let value = 0; value <= 9; value++) {
      expect(toAsciiDigits(String.fromCharCode(0x06f0 + value))).toBe(String(value));
      expect(toAsciiDigits(String.fromCharCode(0x0660 + value))).toBe(String(value));
    }
  });
});
