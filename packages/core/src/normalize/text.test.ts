import { describe, expect, it } from 'vitest';

import { normalizeMultilineText, normalizeText } from './text.js';

const ZWNJ = '\u200C';

describe('normalizeText', () => {
  it.each([
    ['plain text', 'Ali Rezaei', 'Ali Rezaei'],
    ['empty', '', ''],
    ['whitespace only', ' \t\n ', ''],
    ['marks only', '\u200E\u200F\u200C\uFEFF', ''],
    ['trims spaces', '  علی رضایی  ', 'علی رضایی'],
    ['collapses inner spaces', 'علی    رضایی', 'علی رضایی'],
    ['tabs and newlines become one space', 'شرکت\tنمونه\r\n\nتهران', 'شرکت نمونه تهران'],
    ['NBSP and narrow NBSP', 'علی\u00A0\u202Fرضایی', 'علی رضایی'],
    ['ideographic and em spaces', 'a\u3000b\u2003c', 'a b c'],
    ['trims LRM/RLM/ALM at the ends', '\u200F\u061Cعلی\u200E', 'علی'],
    ['keeps an RLM inside', 'علی\u200F (مدیر)', 'علی\u200F (مدیر)'],
    ['trims ZWNJ/ZWJ/ZWSP at the ends', '\u200Cعلی\u200D\u200B', 'علی'],
    ['keeps ZWNJ inside a word', `می${ZWNJ}خواهم`, `می${ZWNJ}خواهم`],
    ['keeps several ZWNJ words', `کتاب${ZWNJ}ها و دفتر${ZWNJ}ها`, `کتاب${ZWNJ}ها و دفتر${ZWNJ}ها`],
    ['merges repeated ZWNJ', `می${ZWNJ}${ZWNJ}${ZWNJ}خواهم`, `می${ZWNJ}خواهم`],
    ['drops ZWNJ stuck to a space', `می${ZWNJ} خواهم`, 'می خواهم'],
    ['drops ZWNJ on both sides of a space', `علی${ZWNJ} ${ZWNJ}رضا`, 'علی رضا'],
    ['keeps ZWJ inside an emoji sequence', '👨\u200D👩\u200D👧', '👨\u200D👩\u200D👧'],
    ['removes embeddings everywhere', 'Ali \u202Bعلی\u202C Rezaei', 'Ali علی Rezaei'],
    ['removes overrides everywhere', 'abc\u202Edef\u202C', 'abcdef'],
    ['removes isolates everywhere', 'شماره \u2066+98 912\u2069 است', 'شماره +98 912 است'],
    ['removes a BOM in the middle', 'Ali\uFEFFReza', 'AliReza'],
    ['keeps Arabic yeh and kaf as written', 'علي كريمي', 'علي كريمي'],
    ['keeps Persian yeh and keheh as written', 'علی کریمی', 'علی کریمی'],
    ['keeps harakat', 'مُحَمَّد', 'مُحَمَّد'],
    ['keeps tatweel', 'ـــعلی', 'ـــعلی'],
    ['keeps Persian digits', 'پلاک ۱۲', 'پلاک ۱۲'],
    ['keeps case', 'ALI rezaei', 'ALI rezaei'],
    ['keeps punctuation', 'شرکت «نمونه»، تهران.', 'شرکت «نمونه»، تهران.'],
    ['mixed scripts', '  Sarnakh  سرنخ\u00A0 ٣  ', 'Sarnakh سرنخ ٣'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const input of ['  a  b ', `\u200Fمی${ZWNJ}${ZWNJ}خواهم \u202B x\u202C`, '\uFEFF\t']) {
      const once = normalizeText(input);
      expect(normalizeText(once)).toBe(once);
    }
  });
});

describe('normalizeMultilineText', () => {
  it.each([
    ['line one\r\nline two', 'line one\nline two'],
    ['  سلام  \n\n\n\n  خداحافظ  ', 'سلام\n\nخداحافظ'],
    ['a\rb', 'a\nb'],
    ['\n\n  only  \n', 'only'],
    ['می\u200Cخواهم   بیایم\nفردا', 'می\u200Cخواهم بیایم\nفردا'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeMultilineText(raw)).toBe(expected);
  });
});
