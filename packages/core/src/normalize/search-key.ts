import { BIDI_CONTROLS, BIDI_MARKS, DASHES, WHITESPACE, ZERO_WIDTH } from './chars.js';
import { toAsciiDigits } from './digits.js';

/**
 * Letter folding for search. Persian and Arabic share a script but not every code point, and
 * which one ends up in the database depends on the keyboard layout, the phone, or the system the
 * lead was imported from. Each pair below is a spelling difference people do not see or do not
 * mean, so both sides must produce the same key.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  // Arabic yeh → Persian yeh: the most common mismatch; Arabic layouts and many Windows setups
  // type U+064A for the key Persian users think of as «ی».
  '\u064A': '\u06CC', // ي → ی
  // Alef maksura: Arabic writes final ى where Persian writes ی; Egyptian usage even mixes ى/ي.
  '\u0649': '\u06CC', // ى → ی
  // Arabic kaf → Persian keheh: the same letter on a different layout.
  '\u0643': '\u06A9', // ك → ک
  // Hamza and madda on alef are often omitted in everyday writing (احمد/أحمد, اسلام/إسلام),
  // and alef wasla only appears in Quranic or carefully vocalized text.
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  // Waw with hamza: «مسؤول» is also written «مسئول» or «مسوول»; the seat letter is what stays.
  '\u0624': '\u0648', // ؤ → و
  // Yeh with hamza: Persian spells the same word both ways («پائیز»/«پاییز», «آئین»/«آیین»).
  '\u0626': '\u06CC', // ئ → ی
  // Heh with yeh above marks the ezafe («خانۀ»); many people write a bare ه instead.
  '\u06C0': '\u0647', // ۀ → ه
  // Teh marbuta: Arabic names and loanwords end in ة or ه depending on the writer
  // («فاطمة»/«فاطمه»), and Persian normally writes ه for it.
  '\u0629': '\u0647', // ة → ه
};

const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Removed from search keys:
 * - tatweel (U+0640), the kashida used to stretch words for looks («ـــعلی»);
 * - harakat and other Arabic combining marks (U+064B–U+065F, superscript alef U+0670, Quranic
 *   annotation marks U+06D6–U+06ED), which are optional and usually left out («محمّد»/«محمد»);
 *   hamza above/below (U+0654/U+0655) is in this range too, so a decomposed «هٔ» becomes «ه»;
 * - zero-width and bidi characters, ZWNJ included: «می‌خواهم» is also typed «میخواهم».
 */
const STRIPPED = new RegExp(
  `[\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06ED${ZERO_WIDTH}${BIDI_CONTROLS}${BIDI_MARKS}]`,
  'gu',
);

const SPACES = new RegExp(`[${WHITESPACE}]+`, 'gu');

/**
 * The key a value is indexed and searched by: two spellings a person would consider the same
 * give the same key. Never shown to users and never stored as the value itself.
 */
export function searchKey(text: string): string {
  // NFKC maps Arabic presentation forms (copied out of PDFs) to the base letters, full-width
  // Latin and digits to ASCII, ligatures like ﻻ to their letters, and odd spaces to a space.
  // It must run first so that the folds below see base letters.
  return toAsciiDigits(
    text
      .normalize('NFKC')
      .replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter)
      .replace(STRIPPED, ''),
  )
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/** What is removed before deciding whether a query is a phone number: its usual punctuation. */
const PHONE_PUNCTUATION = new RegExp(`[\\s${DASHES}()+]`, 'gu');

/**
 * Split a search query into keys that must all match. A query that is a phone number in any
 * common layout («۰۹۱۲ ۱۲۳ ۴۵۶۷», "(0912) 123-4567", "+98 912…") becomes one token of digits,
 * matching the forms from `phoneSearchForms`; splitting it at the spaces would find anything
 * that contains "0912" and "123" somewhere.
 */
export function searchTerms(query: string): string[] {
  const key = searchKey(query);

  const digits = key.replace(PHONE_PUNCTUATION, '');
  if (/^\d+$/.test(digits)) {
    // The plus was removed with the punctuation; 00 is the other way to write it. Stored forms
    // carry neither (see phoneSearchForms), so "+98912" and "0098912" both search for "98912".
    // A query of only "00" stays as it is rather than becoming empty.
    const withoutPrefix = digits.startsWith('00') && digits.length > 2 ? digits.slice(2) : digits;
    return [withoutPrefix];
  }

  // Set: a repeated word adds nothing to an all-must-match query.
  return [...new Set(key.split(' ').filter((token) => token !== ''))];
}
