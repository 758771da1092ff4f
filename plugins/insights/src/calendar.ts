/**
 * Periods of the organization's calendar, built from calendar days (`YYYY-MM-DD`, Gregorian, as
 * PostgreSQL stores a `date`). Rollups are kept per day; weeks, months and quarters are derived
 * here, so switching the calendar needs no rebuild.
 *
 * The Solar Hijri date of a day comes from the platform's ICU (`Intl`, calendar `persian`), which
 * Node and every browser ship; the rest is arithmetic on the fixed month lengths (months 1–6 have
 * 31 days, 7–11 have 30, Esfand 29 or 30), so no conversion back to Gregorian is needed.
 */

export const calendars = ['jalali', 'gregorian'] as const;
export type Calendar = (typeof calendars)[number];

export const periods = ['day', 'week', 'month', 'quarter'] as const;
export type Period = (typeof periods)[number];

export type Locale = 'fa' | 'ar' | 'en';

const DAY_MS = 86_400_000;

const toDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date): string => date.toISOString().slice(0, 10);

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return toDay(new Date(toDate(day).getTime() + n * DAY_MS));
}

/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string): number => Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const persianParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });

/** The day's date in `calendar`: `2025-03-21` is Farvardin 1, 1404 in the Jalali calendar. */
export function calendarDate(day: string, calendar: Calendar): CalendarDate {
  if (calendar === 'gregorian') {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    return { year, month, day: date };
  }
  const parts = persianParts.formatToParts(toDate(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Days in the months before `month` within its quarter. */
function daysBeforeInQuarter(month: number, calendar: Calendar, year: number): number {
  let days = 0;
  for (let m = month - ((month - 1) % 3); m < month; m++) days += monthLength(year, m, calendar);
  return days;
}

/** Length of a month; Esfand (12) needs the year's leap flag, but it never precedes another month of its quarter. */
function monthLength(year: number, month: number, calendar: Calendar): number {
  if (calendar === 'jalali') return month <= 6 ? 31 : month <= 11 ? 30 : 29;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the period `day` falls in. Jalali weeks start on Saturday, Gregorian (ISO) weeks on Monday. */
export function periodStart(day: string, period: Period, calendar: Calendar): string {
  switch (period) {
    case 'day':
      return day;
    case 'week': {
      const weekday = toDate(day).getUTCDay(); // 0 Sunday … 6 Saturday
      const back = calendar === 'jalali' ? (weekday + 1) % 7 : (weekday + 6) % 7;
      return addDays(day, -back);
    }
    case 'month':
      return addDays(day, -(calendarDate(day, calendar).day - 1));
    case 'quarter': {
      const date = calendarDate(day, calendar);
      return addDays(day, -(date.day - 1) - daysBeforeInQuarter(date.month, calendar, date.year));
    }
  }
}

/**
 * The first day of the next period. A month is at most 31 days and a quarter at most 93, and the
 * next one is longer than the slack, so the day that far on lies in the next period.
 */
function nextStart(start: string, period: Period, calendar: Calendar): string {
  switch (period) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return periodStart(addDays(start, 31), 'month', calendar);
    case 'quarter':
      return periodStart(addDays(start, 93), 'quarter', calendar);
  }
}

export interface PeriodSpan {
  /** Stable id in the calendar's own numbering: `1404-01-01`, `1403-12-25` (a week by its first day), `1404-01`, `1404-Q1`. */
  key: string;
  /** First and last day, Gregorian `YYYY-MM-DD`, both included. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function periodKey(start: string, period: Period, calendar: Calendar): string {
  const d = calendarDate(start, calendar);
  if (period === 'month') return `${d.year}-${pad(d.month)}`;
  if (period === 'quarter') return `${d.year}-Q${Math.ceil(d.month / 3)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** The period `day` falls in. */
export function periodOf(day: string, period: Period, calendar: Calendar): PeriodSpan {
  const start = periodStart(day, period, calendar);
  return { key: periodKey(start, period, calendar), start, end: addDays(nextStart(start, period, calendar), -1) };
}

/** Every period that overlaps `from`…`to` (both included), in order; the first and last may reach outside. */
export function periodsBetween(from: string, to: string, period: Period, calendar: Calendar): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  for (let start = periodStart(from, period, calendar); start <= to; start = nextStart(start, period, calendar)) {
    out.push({ key: periodKey(start, period, calendar), start, end: addDays(nextStart(start, period, calendar), -1) });
  }
  return out;
}

/** Sum daily values into the periods of `from`…`to`, every period present (zero when empty). */
export function bucketDays<T extends string>(
  days: readonly ({ day: string } & Record<T, number>)[],
  measures: readonly T[],
  range: { from: string; to: string },
  period: Period,
  calendar: Calendar,
): (PeriodSpan & Record<T, number>)[] {
  const spans = periodsBetween(range.from, range.to, period, calendar).map((span) => {
    const zero = Object.fromEntries(measures.map((m) => [m, 0])) as Record<T, number>;
    return { ...span, ...zero };
  });
  const byStart = new Map(spans.map((span) => [span.start, span]));
  for (const row of days) {
    const span = byStart.get(periodStart(row.day, period, calendar));
    if (!span) continue;
    for (const m of measures) (span as Record<T, number>)[m] += row[m];
  }
  return spans;
}

const intlLocale = (locale: Locale, calendar: Calendar) =>
  `${locale === 'fa' ? 'fa-IR' : locale}-u-ca-${calendar === 'jalali' ? 'persian' : 'gregory'}`;

const quarterWord: Record<Locale, string> = { fa: 'فصل', ar: 'الربع', en: 'Q' };
const weekWord: Record<Locale, string> = { fa: 'هفتهٔ', ar: 'أسبوع', en: 'Week of' };

/**
 * A period's label in the reader's language and calendar: `فروردین ۱۴۰۴`, `Farvardin 1404`,
 * `فصل ۱ ۱۴۰۴`, `Week of Esfand 25, 1403`. Digits follow the locale (Persian digits in fa).
 */
export function periodLabel(span: PeriodSpan, period: Period, calendar: Calendar, locale: Locale): string {
  const tag = intlLocale(locale, calendar);
  const date = toDate(span.start);
  const fmt = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options }).format(date);
  const number = new Intl.NumberFormat(tag, { useGrouping: false });
  const { year, month } = calendarDate(span.start, calendar);
  switch (period) {
    case 'day':
      return fmt({ year: 'numeric', month: 'short', day: 'numeric' });
    case 'week':
      return `${weekWord[locale]} ${fmt({ year: 'numeric', month: 'short', day: 'numeric' })}`;
    case 'month':
      // Composed by hand: ICU puts the year first in Persian (`۱۴۰۴ فروردین`), readers expect `فروردین ۱۴۰۴`.
      return `${fmt({ month: 'long' })} ${number.format(year)}`;
    case 'quarter': {
      const q = number.format(Math.ceil(month / 3));
      return locale === 'en' ? `Q${q} ${number.format(year)}` : `${quarterWord[locale]} ${q} ${number.format(year)}`;
    }
  }
}

/** Today's date in `timeZone`, `YYYY-MM-DD`. */
export function today(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
