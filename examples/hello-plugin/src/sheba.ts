import { toAsciiDigits } from '@sarnakh/core';
import type { FieldType } from '@sarnakh/plugin-sdk';
import { z } from 'zod';

/** ISO 13616 check: move the country code and check digits to the end, read letters as 10..35, mod 97 must be 1. */
export function isValidSheba(value: string): boolean {
  if (!/^IR\d{24}$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** `IR06 0170 0000 0012 3456 7890 01`, Persian digits, lower case `ir`, or bare 24 digits → `IR060170000000123456789001`. */
export function normalizeSheba(raw: string): string {
  const compact = toAsciiDigits(raw).replace(/[\s\-\u200c\u200e\u200f]/g, '').toUpperCase();
  return /^\d{24}$/.test(compact) ? `IR${compact}` : compact;
}

/** An Iranian bank account number (Sheba, the Iranian IBAN): stored compact, shown in groups of four. */
export const shebaFieldType: FieldType = {
  id: 'sheba',
  label: { fa: 'شماره شبا', ar: 'رقم الآيبان (شبا)', en: 'Sheba (IBAN)' },
  storage: 'text',
  valueSchema: () =>
    z
      .string()
      .transform(normalizeSheba)
      .refine(isValidSheba, { message: 'not a valid Sheba number (IR followed by 24 digits, with a correct check)' }),
  format: (value) => (typeof value === 'string' ? value.replace(/(.{4})(?=.)/g, '$1 ') : ''),
  input: 'hello-sheba-input',
};
