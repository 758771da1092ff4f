const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Persian and Arabic-Indic digits to ASCII: what people type in fa/ar before it goes to a date parser. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (d) => {
    const p = PERSIAN.indexOf(d);
    return String(p >= 0 ? p : ARABIC_INDIC.indexOf(d));
  });
}

export function toPersianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => PERSIAN[Number(d)]!);
}

export function toArabicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]!);
}
