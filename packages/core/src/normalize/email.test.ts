import { describe, expect, it } from 'vitest';

import { isValidEmail, normalizeEmail } from './email.js';

describe('normalizeEmail', () => {
  it.each([
    ['already normal', 'ali@example.com', 'ali@example.com'],
    ['upper case', 'Ali.Rezaei@Example.COM', 'ali.rezaei@example.com'],
    ['surrounding spaces', '  ali@example.com  ', 'ali@example.com'],
    ['tabs and newlines', '\tali@example.com\n', 'ali@example.com'],
    ['NBSP at the ends', '\u00A0ali@example.com\u00A0', 'ali@example.com'],
    ['LRM/RLM at the ends', '\u200Eali@example.com\u200F', 'ali@example.com'],
    ['ZWNJ and ZWSP at the ends', '\u200Cali@example.com\u200B', 'ali@example.com'],
    ['BOM at the start', '\uFEFFali@example.com', 'ali@example.com'],
    ['isolates around', '\u2068ali@example.com\u2069', 'ali@example.com'],
    ['RLM before the @', 'ali\u200F@example.com', 'ali@example.com'],
    ['embedding inside', 'ali@\u202Bexample\u202C.com', 'ali@example.com'],
    ['Persian digits', 'ali۱۳۶۸@example.com', 'ali1368@example.com'],
    ['Arabic-Indic digits', 'ali٢٠٢٤@example.com', 'ali2024@example.com'],
    ['mixed marks and upper case', ' \u200F  ALI@GMAIL.COM \u200E', 'ali@gmail.com'],
    ['internal space kept (so it can be rejected)', 'ali @example.com', 'ali @example.com'],
    ['ZWNJ inside a Persian domain kept', 'ali@می\u200Cخواهم.ir', 'ali@می\u200Cخواهم.ir'],
    ['Persian domain untouched', 'Ali@مثال.ایران', 'ali@مثال.ایران'],
    ['empty', '', ''],
    ['whitespace only', '  \u200F ', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeEmail(input)).toBe(expected);
  });
});

describe('isValidEmail', () => {
  it.each([
    'ali@example.com',
    'ali.rezaei@example.com',
    'ali+leads@example.com',
    'ali_rezaei@example.co.uk',
    "o'brien@example.ie",
    'a@b.io',
    '1368@example.com',
    'ali@sub.domain.example.com',
    'ali@my-company.ir',
    'ali@123.ir',
    'ali@مثال.ایران',
    'ali@شرکت.ir',
    'ali@xn--mgbh0fb.xn--mgba3a4f16a',
    'ali@bücher.de',
    'ali@例え.jp',
    'علی@example.com',
    'ali@می\u200Cخواهم.ir',
    `${'a'.repeat(64)}@example.com`,
  ])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['no @', 'ali.example.com'],
    ['two @', 'ali@rezaei@example.com'],
    ['empty local part', '@example.com'],
    ['empty domain', 'ali@'],
    ['local part over 64 octets', `${'a'.repeat(65)}@example.com`],
    ['non-ASCII local part over 64 octets', `${'ع'.repeat(33)}@example.com`],
    ['domain without a dot', 'ali@localhost'],
    ['one-letter TLD', 'ali@example.c'],
    ['numeric TLD', 'ali@example.123'],
    ['IP address', 'ali@192.168.0.1'],
    ['IP literal', 'ali@[192.168.0.1]'],
    ['trailing dot in domain', 'ali@example.com.'],
    ['leading dot in domain', 'ali@.example.com'],
    ['empty label', 'ali@example..com'],
    ['label starting with hyphen', 'ali@-example.com'],
    ['label ending with hyphen', 'ali@example-.com'],
    ['underscore in domain', 'ali@ex_ample.com'],
    ['space in local part', 'ali rezaei@example.com'],
    ['space before @', 'ali @example.com'],
    ['space in domain', 'ali@exa mple.com'],
    ['NBSP inside', 'ali\u00A0@example.com'],
    ['ZWNJ in local part', 'al\u200Ci@example.com'],
    ['leading dot in local part', '.ali@example.com'],
    ['trailing dot in local part', 'ali.@example.com'],
    ['double dot in local part', 'ali..rezaei@example.com'],
    ['quoted local part', '"ali"@example.com'],
    ['comma', 'ali,reza@example.com'],
    ['angle brackets', '<ali@example.com>'],
    ['display name', 'Ali <ali@example.com>'],
    ['two addresses', 'ali@example.com;reza@example.com'],
    ['label over 63 characters', `ali@${'a'.repeat(64)}.com`],
    ['over 254 octets (each label valid)', `ali@${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.${'d'.repeat(62)}.com`],
    ['not normalized: surrounding space', ' ali@example.com'],
  ])('rejects %s: %s', (_name, email) => {
    expect(isValidEmail(email)).toBe(false);
  });

  it.each([
    '  Ali.Rezaei@Example.COM  ',
    '\u200FALI@GMAIL.COM\u200E',
    'ali۱۳۶۸@Example.com',
    'ALI\u200F@EXAMPLE.COM',
  ])('accepts %j once normalized', (raw) => {
    expect(isValidEmail(normalizeEmail(raw))).toBe(true);
  });
});
