/**
 * Persian (U+06F0–U+06F9) and Arabic-Indic (U+0660–U+0669) digits look alike but are different
 * code points, and Iranian users type either depending on their keyboard layout (the standard
 * Persian layout gives ۰–۹, many Windows "Arabic" layouts and phones give ٠–٩). Storing and
 * comparing numbers only works once both are ASCII.
 */
const EASTERN_DIGITS = /[\u06F0-\u06F9\u0660-\u0669]/g;

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const ASCII_ZERO = 0x30;

/** Replace Persian and Arabic-Indic digits with ASCII 0–9; every other character is kept as is. */
export function toAsciiDigits(text: string): string {
  return text.replace(EASTERN_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    // Both ranges are exactly ten consecutive code points, so the offset from the
    // block's zero is the digit's value.
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(ASCII_ZERO + (code - zero));
  });
}
