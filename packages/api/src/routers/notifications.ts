import { fieldError, markReadSchema, notificationListSchema } from '@sarnakh/core';
import { InvalidCursorError } from '@sarnakh/db';
import { badRequest } from '../errors.js';
import { authedProcedure, router } from '../trpc.js';

/** The signed-in user's in-app notifications (reminders, missed response deadlines, tasks given). */
export const notificationsRouter = router({
  list: authedProcedure.input(notificationListSchema.default({ unreadOnly: false, limit: 50 })).query(async ({ ctx, input }) => {
    try {
      return await ctx.services.followUps.notifications.list(ctx.actor.userId, {
        unreadOnly: input.unreadOnly,
        cursor: input.cursor ?? null,
        limit: input.limit,
      });
    } catch (error) {
      if (error instanceof InvalidCursorError) throw badRequest([fieldError('cursor', 'invalid_value', ctx.locale)]);
      throw error;
    }
  }),

  unreadCount: authedProcedure.query(({ ctx }) => ctx.services.followUps.notifications.unreadCount(ctx.actor.userId)),

  /** `{ ids }` or `{ all: true }`; only the caller's own notifications change. Returns how many did. */
  markRead: authedProcedure.input(markReadSchema).mutation(async ({ ctx, input }) => ({
    updated: await ctx.services.followUps.notifications.markRead(ctx.actor.userId, input, ctx.services.now()),
  })),
});
