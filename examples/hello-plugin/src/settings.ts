import { z } from 'zod';

export const helloSettings = z.object({
  /** Points per source picklist key; unknown sources score nothing. */
  sourcePoints: z.record(z.string(), z.number().int().min(-100).max(100)).default({ referral: 30, website: 10 }),
  /** Points for a lead with an Iranian mobile number. */
  mobileBonus: z.number().int().min(0).max(100).default(10),
});

export type HelloSettings = z.output<typeof helloSettings>;
