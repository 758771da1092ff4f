import { slaSettingsSchema } from '@sarnakh/core';
import { badRequest } from '../errors.js';
import { adminProcedure, roleProcedure, router } from '../trpc.js';

export const slaRouter = router({
  /** The response targets, the business calendar and the organization's time zone (none saved: the defaults). */
  getSettings: roleProcedure('manager', 'admin').query(({ ctx }) => ctx.services.followUps.sla.getSettings()),

  /**
   * Replace the settings. Errors name the field (`targets.0.source`, `businessHours.2.to`,
   * `timeZone`). Deadlines already set stay; new leads get the new ones.
   */
  setSettings: adminProcedure.input(slaSettingsSchema).mutation(async ({ ctx, input }) => {
    const saved = await ctx.services.followUps.sla.setSettings(input, ctx.locale);
    if (!saved.ok) throw badRequest(saved.error);
    return saved.value;
  }),
});
