import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { authedProcedure, router } from '../trpc.js';

export const activitiesRouter = router({
  /** A lead's timeline, newest first: who created, changed, assigned, moved or archived it, when. */
  list: authedProcedure.input(z.strictObject({ leadId: z.string().min(1).max(100) })).query(async ({ ctx, input }) => {
    const lead = await ctx.services.leads.get(ctx.actor, input.leadId);
    if (!lead.ok) throw new TRPCError({ code: 'NOT_FOUND', message: `Lead ${input.leadId} was not found.` });
    return ctx.services.activities.forLead(ctx.actor, input.leadId);
  }),
});
