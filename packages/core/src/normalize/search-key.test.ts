import { describe, expect, it } from 'vitest';

import { phoneSearchForms } from './phone.js';
import { searchKey, searchTerms } from './search-key.js';

const ZWNJ = '\u200C';

describe('searchKey: spellings that must meet', () => {
  it.each([
    ['Arabic yeh', 'علي', 'علی'],
    ['alef maksura', 'على', 'علی'],
    ['Arabic kaf and yeh', 'كريم', 'کریم'],
    ['Arabic kaf and yeh in a full name', 'علي كريمي', 'علی کریمی'],
    ['ZWNJ', `مي${ZWNJ}خواهم`, 'میخواهم'],
    ['ZWNJ with Persian letters', `می${ZWNJ}خواهم`, 'میخواهم'],
    ['shadda', 'محمّد', 'محمد'],
    ['full harakat', 'مُحَمَّد', 'محمد'],
    ['tanwin', 'شكراً', 'شکرا'],
    ['tatweel', 'ـــعلی', 'علی'],
    ['tatweel inside', 'محـــمد', 'محمد'],
    ['alef with hamza above', 'أحمد', 'احمد'],
    ['alef with hamza below', 'إسلام', 'اسلام'],
    ['alef with madda', 'آرش', 'ارش'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['waw with hamza', 'مسؤول', 'مسوول'],
    ['yeh with hamza', 'پائیز', 'پاییز'],
    ['heh with yeh above (ezafe)', 'خانۀ', 'خانه'],
    ['heh plus combining hamza', 'خانهٔ', 'خانه'],
    ['teh marbuta', 'فاطمة', 'فاطمه'],
    ['superscript alef', 'رحمٰن', 'رحمن'],
    ['Quranic annotation marks', 'الرحيمۖ', 'الرحیم'],
    ['Arabic presentation forms (from PDFs)', 'ﻋﻠﻲ', 'علی'],
    ['lam-alef ligature', 'ﻻله', 'لاله'],
    ['Persian vs Arabic-Indic digits', 'پلاک ۱۲', 'پلاک ١٢'],
    ['Persian vs ASCII digits', 'واحد ۳', 'واحد 3'],
    ['upper vs lower case', 'Ali REZAEI', 'ali rezaei'],
    ['full-width Latin', 'ＡＬＩ', 'ali'],
    ['extra whitespace', '  علی    رضایی ', 'علی رضایی'],
    ['NBSP', 'علی\u00A0رضایی', 'علی رضایی'],
    ['bidi marks', '\u200Fعلی\u200E \u202Bرضایی\u202C', 'علی رضایی'],
    ['isolates', '\u2067علی\u2069', 'علی'],
    ['BOM and ZWSP', '\uFEFFعلی\u200B', 'علی'],
    ['soft hyphen', 'Sar\u00ADnakh', 'sarnakh'],
    ['everything at once', ` \u200Fمُحَمَّـــد ${'ك'}ريمي${ZWNJ}ها ۱۲ `, 'محمد کریمیها 12'],
  ])('%s: «%s» = «%s»', (_name, a, b) => {
    expect(searchKey(a)).toBe(searchKey(b));
  });
});

describe('searchKey: exact output', () => {
  it.each([
    ['علي', 'علی'],
    ['كريم', 'کریم'],
    ['أحمد', 'احمد'],
    ['مُحَمَّد', 'محمد'],
    ['ـــعلی', 'علی'],
    [`می${ZWNJ}خواهم`, 'میخواهم'],
    ['فاطمة', 'فاطمه'],
    ['خانۀ', 'خانه'],
    ['مسؤول', 'مسوول'],
    ['پائیز', 'پاییز'],
    ['۰۹۱۲ ۱۲۳ ۴۵۶۷', '0912 123 4567'],
    ['  Ali   REZAEI ', 'ali rezaei'],
    ['', ''],
    ['  \u200F\u200C ', ''],
    ['ﺷﺮﻛﺖ', 'شرکت'],
    ['Straße', 'straße'],
  ])('«%s» → «%s»', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });

  it.each([
    ['hamza on its own is a letter', 'ماء', 'ما'],
    ['different names stay different', 'علی', 'عالی'],
    ['different letters stay different', 'کریم', 'گریم'],
    ['space vs no space is a different key', 'می خواهم', 'میخواهم'],
    ['ه and ة fold, but not into ت', 'فاطمة', 'فاطمت'],
  ])('%s: «%s» ≠ «%s»', (_name, a, b) => {
    expect(searchKey(a)).not.toBe(searchKey(b));
  });

  it('is idempotent', () => {
    for (const input of ['مُحَمَّد كريمي', ' ALI\u00A0رضا ', 'ﻋﻠﻲ ۱۲', 'أإآٱؤئۀة']) {
      const once = searchKey(input);
      expect(searchKey(once)).toBe(once);
    }
  });
});

describe('searchTerms', () => {
  it.each([
    ['one word', 'علی', ['علی']],
    ['two words', 'علی کریمی', ['علی', 'کریمی']],
    ['words are folded', 'علي كريمي', ['علی', 'کریمی']],
    ['extra whitespace', '  علی   کریمی  ', ['علی', 'کریمی']],
    ['case folded', 'Ali REZAEI', ['ali', 'rezaei']],
    ['repeated word once', 'علی علي', ['علی']],
    ['empty', '', []],
    ['whitespace only', '  \t ', []],
    ['marks only', '\u200F\u200C', []],
    ['local mobile', '09121234567', ['09121234567']],
    ['mobile with spaces stays one token', '0912 123 4567', ['09121234567']],
    ['mobile with parentheses and dash', '(0912) 123-4567', ['09121234567']],
    ['Persian digits with spaces', '۰۹۱۲ ۱۲۳ ۴۵۶۷', ['09121234567']],
    ['Arabic-Indic digits', '٠٩١٢١٢٣', ['0912123']],
    ['bidi marks around a number', '\u200E0912 123\u200F', ['0912123']],
    ['leading plus dropped', '+98912', ['98912']],
    ['leading 00 dropped', '0098912', ['98912']],
    ['full E.164', '+98 912 123 4567', ['989121234567']],
    ['00 with spaces', '00 98 912', ['98912']],
    ['full-width plus', '＋98912', ['98912']],
    ['Persian digits with plus', '+۹۸۹۱۲', ['98912']],
    ['a lone 00 stays', '00', ['00']],
    ['a single leading 0 stays', '0912', ['0912']],
    ['short number', '123', ['123']],
    ['en dash between groups', '0912–123', ['0912123']],
    ['digits and a word are separate tokens', '0912 علی', ['0912', 'علی']],
    ['dotted number is not a phone query', '0912.123', ['0912.123']],
    ['a word with digits', 'واحد ۱۲', ['واحد', '12']],
  ])('%s: %j', (_name, query, expected) => {
    expect(searchTerms(query)).toEqual(expected);
  });

  it.each([
    ['+98 912 123 4567', '+989121234567'],
    ['0912 123 4567', '+989121234567'],
    ['۰۹۱۲۱۲۳', '+989121234567'],
    ['0098 912', '+989121234567'],
    ['021-8877', '+982188776655'],
    ['+44 20 7946', '+442079460958'],
  ])('phone query %s is a prefix of a search form of %s', (query, e164) => {
    const [term] = searchTerms(query);
    expect(term).toBeDefined();
    expect(phoneSearchForms(e164).some((form) => form.startsWith(term ?? '\u0000'))).toBe(true);
  });
});
