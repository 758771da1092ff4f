import { z } from 'zod';

/**
 * Business time: a weekly calendar of working windows and a list of holidays, in one IANA time
 * zone. Response deadlines are counted in it, so five minutes after a lead that arrives on a Friday
 * (the Iranian weekend) is five minutes into Saturday morning.
 */

/** Days of the week, Saturday first, as Iranian (and many Arab) weeks run. */
export const weekdays = ['sat', 'sun', 'mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof weekdays)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Tehran';

/** Whether the runtime knows this IANA time zone. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const hhmm = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const hhmmEnd = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const toMinutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

/** One working window on a weekday, within the day (`to` may be `24:00`). */
export const businessWindowSchema = z
  .strictObject({
    day: z.enum(weekdays),
    from: z.string().regex(hhmm, 'HH:MM, 00:00 to 23:59'),
    to: z.string().regex(hhmmEnd, 'HH:MM, 00:01 to 24:00'),
  })
  .refine((w) => toMinutes(w.from) < toMinutes(w.to), { path: ['to'], message: 'A window ends after it starts.' });
export type BusinessWindow = z.output<typeof businessWindowSchema>;

export interface BusinessCalendar {
  timeZone: string;
  windows: readonly BusinessWindow[];
  /** `YYYY-MM-DD` days in the calendar's time zone with no working time. */
  holidays: readonly string[];
}

/** Saturday to Wednesday 09:00–17:00 and Thursday 09:00–13:00, Tehran time. */
export const defaultBusinessWindows: BusinessWindow[] = [
  ...(['sat', 'sun', 'mon', 'tue', 'wed'] as const).map((day) => ({ day, from: '09:00', to: '17:00' })),
  { day: 'thu', from: '09:00', to: '13:00' },
];

/** A local calendar day. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall clock of `at` in `timeZone`, as if it were UTC (milliseconds). */
function wallClock(at: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) parts[part.type] = Number(part.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The local day `at` falls on in `timeZone`. */
function localDayOf(at: Date, timeZone: string): LocalDay {
  const wall = new Date(wallClock(at, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: LocalDay) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

function nextDay(d: LocalDay): LocalDay {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** `Date.getUTCDay()` (Sunday 0) to our Saturday-first names. */
const jsDayNames: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const weekdayOf = (d: LocalDay): Weekday => jsDayNames[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;

/** A moment as a wall clock in `timeZone` reads it. */
export interface LocalTime {
  /** `YYYY-MM-DD` in the time zone. */
  day: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export function localTime(at: Date, timeZone: string): LocalTime {
  const wall = new Date(wallClock(at, timeZone));
  const day = { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  return { day: dayKey(day), weekday: weekdayOf(day), minutes: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

/**
 * The instant a local wall-clock time happens in `timeZone`. Offsets are read at a first guess and
 * corrected once, which is exact wherever the offset does not change within the hour around it.
 */
export function zonedInstant(day: LocalDay, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(day.year, day.month - 1, day.day) + minutes * 60_000;
  const guess = wall - (wallClock(new Date(wall), timeZone) - wall);
  return new Date(wall - (wallClock(new Date(guess), timeZone) - guess));
}

/** The first instant of the local day `at` falls on, and of the next one. */
export function localDayBounds(at: Date, timeZone: string): { start: Date; end: Date } {
  const today = localDayOf(at, timeZone);
  return { start: zonedInstant(today, 0, timeZone), end: zonedInstant(nextDay(today), 0, timeZone) };
}

/** The working intervals of one local day, as instants, in order. */
function workingIntervals(d: LocalDay, calendar: BusinessCalendar): { start: number; end: number }[] {
  if (calendar.holidays.includes(dayKey(d))) return [];
  const weekday = weekdayOf(d);
  return calendar.windows
    .filter((w) => w.day === weekday)
    .map((w) => ({
      start: zonedInstant(d, toMinutes(w.from), calendar.timeZone).getTime(),
      end: zonedInstant(d, toMinutes(w.to), calendar.timeZone).getTime(),
    }))
    .sort((a, b) => a.start - b.start);
}

/** How far ahead a calendar is searched for working time: a calendar with none answers null. */
const SEARCH_DAYS = 400;

/**
 * The moment `minutes` of working time have passed since `start`. Null when the calendar has no
 * working time in the next year (no windows, or every day a holiday).
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date | null {
  let remaining = minutes * 60_000;
  let cursor = start.getTime();
  let day = localDayOf(start, calendar.timeZone);
  for (let i = 0; i < SEARCH_DAYS; i++, day = nextDay(day)) {
    for (const { start: from, end } of workingIntervals(day, calendar)) {
      const begin = Math.max(from, cursor);
      if (begin >= end) continue;
      if (remaining <= end - begin) return new Date(begin + remaining);
      remaining -= end - begin;
      cursor = end;
    }
  }
  return null;
}

/** Working seconds between two moments (zero when `end` is not after `start`), rounded down. */
export function businessSecondsBetween(start: Date, end: Date, calendar: BusinessCalendar): number {
  const to = end.getTime();
  let total = 0;
  let day = localDayOf(start, calendar.timeZone);
  for (let i = 0; i < SEARCH_DAYS * 10; i++, day = nextDay(day)) {
    const intervals = workingIntervals(day, calendar);
    if (zonedInstant(day, 0, calendar.timeZone).getTime() >= to) break;
    for (const { start: from, end: until } of intervals) {
      const overlap = Math.min(until, to) - Math.max(from, start.getTime());
      if (overlap > 0) total += overlap;
    }
  }
  return Math.floor(total / 1000);
}
