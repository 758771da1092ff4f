import { BIDI_CONTROLS, BIDI_MARKS, WHITESPACE, ZERO_WIDTH } from './chars.js';

/**
 * Embeddings/overrides/isolates, and the BOM: never meaningful inside stored text (they only
 * steer or break rendering), so they go wherever they are. BOMs appear mid-text when CSV files
 * are concatenated.
 */
const ALWAYS_DROP = new RegExp(`[${BIDI_CONTROLS}\\uFEFF]`, 'gu');

/**
 * A run of whitespace, together with any zero-width characters stuck to it. A ZWNJ or ZWJ next to
 * a space joins nothing, so it is dropped with the run; ZWNJ between two letters (می‌خواهم)
 * is not touched.
 */
const ZW = '\\u200B\\u200C\\u200D\\u2060\\u00AD';
const SPACE_RUN = new RegExp(`[${ZW}]*[${WHITESPACE}][${WHITESPACE}${ZW}]*`, 'gu');

/** Repeated ZWNJs inside a word render exactly like one, so they are merged. */
const ZWNJ_RUN = /\u200C{2,}/g;

/** Invisible characters at the ends of a value: nothing they could attach to. */
const EDGES = new RegExp(
  `^[${WHITESPACE}${BIDI_MARKS}${ZERO_WIDTH}]+|[${WHITESPACE}${BIDI_MARKS}${ZERO_WIDTH}]+$`,
  'gu',
);

/**
 * Clean a free-text value (a name, a company, a city) for storage while keeping it as the user
 * wrote it. Letter variants (Arabic ي/ك vs Persian ی/ک) are deliberately not folded here: the
 * spelling a person chose for their own name is data, and folding belongs to the search key.
 *
 * Whitespace, including line breaks, becomes a single space, so this is for single-line fields;
 * multi-line notes need their own treatment.
 */
export function normalizeText(raw: string): string {
  return raw
    .replace(ALWAYS_DROP, '')
    .replace(SPACE_RUN, ' ')
    .replace(ZWNJ_RUN, '\u200C')
    .replace(EDGES, '');
}

/**
 * Clean a multi-line value (a description, a note): each line as `normalizeText` would, line
 * breaks kept (at most one blank line in a row), Windows and old Mac line ends unified.
 */
export function normalizeMultilineText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => normalizeText(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
