import { DEFAULT_TIME_ZONE, isTimeZone, localTime, weekdays, type LocalTime, type Weekday } from '@sarnakh/core';
import { z } from 'zod';

// Core's business calendar (the SLA's) names the week, reads wall clocks and checks time zones the same way.
export { DEFAULT_TIME_ZONE, isTimeZone, localTime, weekdays, type LocalTime, type Weekday };

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 00:00 to 23:59');
const endTime = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 00:01 to 24:00');

/**
 * One working window on a weekday, in the member's time zone. A window that ends before it starts
 * runs past midnight (`22:00`–`06:00` on `thu` covers Thursday night into Friday morning).
 */
export const workingWindowSchema = z
  .strictObject({ day: z.enum(weekdays), from: time, to: endTime })
  .refine((w) => w.from !== w.to, { path: ['to'], message: 'A window needs a length.' });
export type WorkingWindow = z.output<typeof workingWindowSchema>;

/** Days off, in the member's calendar: both ends included. */
export const leaveSchema = z
  .strictObject({ from: z.iso.date(), to: z.iso.date() })
  .refine((l) => l.from <= l.to, { path: ['to'], message: 'Leave ends on or after it starts.' });
export type Leave = z.output<typeof leaveSchema>;

/** When someone may be given leads. */
export interface Availability {
  /** IANA time zone of the hours and leave dates. */
  timeZone: string;
  /** Null: any time. An empty list: never. */
  workingHours: readonly WorkingWindow[] | null;
  leave: readonly Leave[];
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Why someone cannot take a lead now, or null when they can. */
export type Unavailable = 'leave' | 'off_hours' | null;

export function unavailability(availability: Availability, at: Date): Unavailable {
  const now = localTime(at, availability.timeZone);
  if (availability.leave.some((l) => l.from <= now.day && now.day <= l.to)) return 'leave';
  if (availability.workingHours === null) return null;
  const today = weekdays.indexOf(now.weekday);
  const yesterday = weekdays[(today + 6) % 7]!;
  const open = availability.workingHours.some((w) => {
    const from = toMinutes(w.from);
    const to = toMinutes(w.to);
    if (from < to) return w.day === now.weekday && from <= now.minutes && now.minutes < to;
    // Past midnight: the evening part today, the morning part the day after.
    return (w.day === now.weekday && now.minutes >= from) || (w.day === yesterday && now.minutes < to);
  });
  return open ? null : 'off_hours';
}
