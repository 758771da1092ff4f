/**
 * Character classes shared by the normalizers (internal; not part of the public API).
 *
 * Text pasted from right-to-left interfaces, spreadsheets and messengers carries invisible
 * characters that users never typed on purpose. Each normalizer decides which of them to drop
 * and where, so the classes are kept apart here instead of as one "junk" set.
 *
 * The constants are bodies of a regex character class (no brackets) so they can be combined.
 */

/**
 * Explicit embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI).
 * They only matter while rendering, and an unbalanced one left in stored text can reorder
 * whatever is displayed after it (the "Trojan Source" class of problems), so nobody keeps them.
 */
export const BIDI_CONTROLS = '\\u202A-\\u202E\\u2066-\\u2069';

/**
 * Directional marks: LRM, RLM and the Arabic letter mark. Unlike the controls above they are
 * harmless inside text (a user may need one so that "(0912)" renders correctly in Persian),
 * but they are noise at the edges of a value and inside anything that is really a number.
 */
export const BIDI_MARKS = '\\u200E\\u200F\\u061C';

/**
 * Zero-width characters: ZWSP, ZWNJ, ZWJ, word joiner, BOM/ZWNBSP and the soft hyphen.
 * ZWNJ is meaningful inside Persian words («می‌خواهم»), so only the search key and the
 * number-like normalizers remove it everywhere.
 */
export const ZERO_WIDTH = '\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD';

/**
 * Everything JavaScript's `\s` matches except U+FEFF (which `\s` oddly includes although it is
 * invisible and not a space), plus NEL (U+0085), which `\s` misses but old Windows exports use.
 * NBSP (U+00A0) and the narrow NBSP (U+202F) are here: Persian keyboards and Word produce them.
 */
export const WHITESPACE =
  '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';

/**
 * Hyphens and dashes people put between digit groups: ASCII hyphen-minus, the Unicode hyphens and
 * dashes (U+2010–U+2015), the minus sign and the small/full-width hyphen-minus forms that
 * autocorrect and CJK/Arabic keyboards produce.
 */
export const DASHES = '\\-\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D';
