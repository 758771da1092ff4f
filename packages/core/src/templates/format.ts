import type { Locale } from '../i18n/locales.js';

/**
 * Numbers in the reader's digits: Persian for fa, Arabic-Indic for ar (ICU's plain `ar` would
 * give Latin digits, which read as foreign in an Arabic message), Latin for en.
 */
const numberLocales: Record<Locale, string> = { fa: 'fa-IR', ar: 'ar-u-nu-arab', en: 'en-US' };
/** Dates in the reader's calendar: Jalali for fa, Gregorian for ar and en. */
const dateLocales: Record<Locale, string> = { fa: 'fa-IR-u-ca-persian', ar: 'ar-u-ca-gregory-nu-arab', en: 'en-US' };

const yesNo: Record<Locale, [string, string]> = { fa: ['بله', 'خیر'], ar: ['نعم', 'لا'], en: ['Yes', 'No'] };
const listSeparator: Record<Locale, string> = { fa: '، ', ar: '، ', en: ', ' };

export interface FormatOptions {
  locale: Locale;
  /** Dates are shown in this zone (IANA), the team's, since a lead's own is rarely known. */
  timeZone: string;
}

export const formatNumber = (n: number, { locale }: FormatOptions): string =>
  new Intl.NumberFormat(numberLocales[locale], { maximumFractionDigits: 2 }).format(n);

/** A moment with its time of day. */
export const formatDateTime = (d: Date, { locale, timeZone }: FormatOptions): string =>
  new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);

/** A calendar day (`YYYY-MM-DD`), which has no time zone: formatted as that day, wherever we are. */
export const formatDay = (day: string, { locale }: FormatOptions): string =>
  new Intl.DateTimeFormat(dateLocales[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Any stored value as text for a message. Custom fields are formatted by the shape of their
 * value (a number, a `YYYY-MM-DD` day, a money amount, a list), so this needs no field catalog.
 */
export function formatValue(value: unknown, options: FormatOptions): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value, options);
  if (typeof value === 'boolean') return yesNo[options.locale][value ? 0 : 1];
  if (value instanceof Date) return formatDateTime(value, options);
  if (typeof value === 'string') return DAY.test(value) ? formatDay(value, options) : value;
  if (Array.isArray(value)) return value.map((v) => formatValue(v, options)).filter((s) => s !== '').join(listSeparator[options.locale]);
  if (typeof value === 'object' && 'amount' in value && 'currency' in value) {
    const { amount, currency } = value as { amount: unknown; currency: unknown };
    if (typeof amount === 'number' && typeof currency === 'string') return `${formatNumber(amount, options)} ${currency}`;
  }
  return '';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
