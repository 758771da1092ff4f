import { format as formatJalali, isValid, parse as parseJalali } from 'date-fns-jalali';
import type { Locale } from '../i18n/locale.js';
import { toArabicDigits, toAsciiDigits, toPersianDigits } from './digits.js';

export const calendars = ['auto', 'jalali', 'gregorian'] as const;
export type CalendarChoice = (typeof calendars)[number];
export type Calendar = 'jalali' | 'gregorian';

/** The organization's calendar setting: `byLocale` is Jalali for fa, Gregorian for ar and en. */
export type OrgCalendar = 'byLocale' | Calendar;

/**
 * The calendar dates are shown in: the user's own choice, else (`auto`) the organization's
 * setting, which by default follows the language: fa reads the Solar Hijri (Jalali) calendar, ar
 * and en the Gregorian one.
 */
export function calendarFor(locale: Locale, choice: CalendarChoice, organization: OrgCalendar): Calendar {
  if (choice !== 'auto') return choice;
  if (organization !== 'byLocale') return organization;
  return locale === 'fa' ? 'jalali' : 'gregorian';
}

/** Digits as the language writes them: Persian in fa, Arabic-Indic in ar. */
export function localDigits(text: string, locale: Locale): string {
  return locale === 'fa' ? toPersianDigits(text) : locale === 'ar' ? toArabicDigits(text) : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyy/MM/dd` in the calendar: the form date inputs show and accept. */
export function formatDateInput(date: Date, calendar: Calendar): string {
  if (calendar === 'jalali') return formatJalali(date, 'yyyy/MM/dd');
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())}`;
}

/**
 * A typed `yyyy/mm/dd` (any digits, `/`, `-` or `.` between) in the calendar to local midnight;
 * null when it is no real day.
 */
export function parseDateInput(text: string, calendar: Calendar): Date | null {
  const ascii = toAsciiDigits(text.trim()).replace(/[-.]/g, '/');
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(ascii);
  if (!match) return null;
  const [, y, m, d] = match;
  const normalized = `${y}/${pad(Number(m))}/${pad(Number(d))}`;
  if (calendar === 'jalali') {
    const date = parseJalali(normalized, 'yyyy/MM/dd', new Date(0));
    return isValid(date) ? date : null;
  }
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  return date.getMonth() === Number(m) - 1 && date.getDate() === Number(d) ? date : null;
}

/** A date (and time, when `withTime`) for display, in the calendar and the language's digits. */
export function formatDate(date: Date, locale: Locale, calendar: Calendar, withTime = false): string {
  if (calendar === 'jalali') {
    const text = formatJalali(date, withTime ? 'yyyy/MM/dd HH:mm' : 'yyyy/MM/dd');
    return localDigits(text, locale);
  }
  const tag = locale === 'fa' ? 'fa-IR-u-ca-gregory' : locale === 'ar' ? 'ar-u-ca-gregory' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { year: 'numeric', month: '2-digit', day: '2-digit', ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}) }).format(date);
}
