import { fieldError } from '@sarnakh/core';
import { InvalidCursorError } from '@sarnakh/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import { unwrapFollowUp } from '../follow-ups.js';
import { authedProcedure, router } from '../trpc.js';

const leadId = z.string().min(1).max(100);

export const activitiesRouter = router({
  /**
   * A lead's timeline, newest first, a page at a time (`{ items, nextCursor }`): notes, calls, SMS,
   * tasks, stage changes, assignments, field changes (`updated`: old → new, by whom), conversions.
   */
  list: authedProcedure
    .input(
      z.strictObject({
        leadId,
        cursor: z.string().max(500).nullish(),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const lead = await ctx.services.leads.get(ctx.actor, input.leadId);
      if (!lead.ok) throw new TRPCError({ code: 'NOT_FOUND', message: `Lead ${input.leadId} was not found.` });
      try {
        return await ctx.services.activities.page(ctx.actor, input.leadId, { cursor: input.cursor, limit: input.limit });
      } catch (error) {
        if (error instanceof InvalidCursorError) throw badRequest([fieldError('cursor', 'invalid_value', ctx.locale)]);
        throw error;
      }
    }),

  /** A note on the lead's timeline; the first one (or call, or message) is the lead's first response. */
  addNote: authedProcedure
    .input(z.strictObject({ leadId, body: z.string().trim().min(1).max(10_000) }))
    .mutation(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.contacts.addNote(ctx.actor, input)).activity),

  /**
   * A call and its result (a `lastContactResult` key): the lead's last contact date and result
   * (version bumped, `lead.updated`), its timeline (`activity.logged`), and its first response.
   * Returns the lead and the activity.
   */
  logCall: authedProcedure
    .input(
      z.strictObject({
        leadId,
        result: z.string().trim().min(1).max(100),
        note: z.string().trim().max(10_000).nullish(),
        at: z.coerce.date().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.contacts.logCall(ctx.actor, input, ctx.locale))),
});
