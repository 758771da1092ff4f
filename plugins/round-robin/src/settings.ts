import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './availability.js';

export const roundRobinSettings = z.object({
  /** The time zone of members' working hours, leave and daily caps, unless a member has their own. */
  defaultTimeZone: z.string().refine(isTimeZone, 'Give an IANA time zone such as Asia/Tehran.').default(DEFAULT_TIME_ZONE),
});

export type RoundRobinSettings = z.output<typeof roundRobinSettings>;
