import { DEFAULT_TIME_ZONE, isTimeZone } from '@sarnakh/core';
import { z } from 'zod';
import { calendars } from './calendar.js';

export const insightsSettings = z.object({
  /** How periods are drawn: Solar Hijri months and quarters with Saturday weeks, or Gregorian with ISO weeks. */
  calendar: z.enum(calendars).default('jalali'),
  /** Where a day begins and ends: leads are counted on their capture day in this zone. */
  timeZone: z.string().refine(isTimeZone, 'Give an IANA time zone such as Asia/Tehran.').default(DEFAULT_TIME_ZONE),
  /** The custom field (its key) that names a lead's product interest or segment, for the qualified-leads widget. */
  segmentField: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9_]{0,62}$/, 'A custom field key: a lower-case letter, then letters, digits or _.')
    .nullable()
    .default(null),
});

export type InsightsSettings = z.output<typeof insightsSettings>;
