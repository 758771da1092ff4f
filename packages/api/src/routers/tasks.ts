import { fieldError, taskCreateSchema, taskListSchema, taskPatchSchema } from '@sarnakh/core';
import { InvalidCursorError } from '@sarnakh/db';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import { unwrapFollowUp } from '../follow-ups.js';
import { authedProcedure, router } from '../trpc.js';

const id = z.string().min(1).max(100);

export const tasksRouter = router({
  /** A task on a lead; the assignee defaults to the lead's owner. Agents: on their leads, for themselves. */
  create: authedProcedure
    .input(taskCreateSchema)
    .mutation(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.tasks.create(ctx.actor, input, ctx.locale))),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.tasks.get(ctx.actor, input.id))),

  /** `today`, `upcoming`, `overdue` (by the organization's day) or `done`; agents see their own. */
  list: authedProcedure.input(taskListSchema).query(async ({ ctx, input }) => {
    try {
      return await ctx.services.followUps.tasks.list(ctx.actor, input);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw badRequest([fieldError('cursor', 'invalid_value', ctx.locale)]);
      throw error;
    }
  }),

  /** A lead's tasks for its page: open ones by due time, then done ones. */
  forLead: authedProcedure
    .input(z.strictObject({ leadId: id }))
    .query(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.tasks.forLead(ctx.actor, input.leadId))),

  /** Change a task; a new due or reminder time re-arms the reminder. */
  update: authedProcedure
    .input(z.strictObject({ id, patch: taskPatchSchema }))
    .mutation(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.tasks.update(ctx.actor, input.id, input.patch, ctx.locale))),

  complete: authedProcedure
    .input(z.strictObject({ id }))
    .mutation(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.tasks.complete(ctx.actor, input.id))),

  reopen: authedProcedure
    .input(z.strictObject({ id }))
    .mutation(async ({ ctx, input }) => unwrapFollowUp(await ctx.services.followUps.tasks.reopen(ctx.actor, input.id))),
});
