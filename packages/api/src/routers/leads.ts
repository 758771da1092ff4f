import {
  duplicatePolicies,
  fieldError,
  leadInputSchema,
  leadListInputSchema,
  leadPatchSchema,
  type Lead,
  type LeadFailure,
  type Result,
} from '@sarnakh/core';
import { InvalidCursorError } from '@sarnakh/db';
import { z } from 'zod';
import { badRequest, leadFailureToError } from '../errors.js';
import { authedProcedure, router } from '../trpc.js';
import { convertProcedures } from './conversion.js';
import { mergeProcedures } from './merge-procedures.js';

const id = z.string().min(1).max(100);
const ids = z.array(id).min(1).max(1_000);

function unwrap<T>(result: Result<T, LeadFailure>): T {
  if (!result.ok) throw leadFailureToError(result.error);
  return result.value;
}

export const leadsRouter = router({
  /**
   * A new lead through the ingest pipeline. A lead sharing a mobile, phone or email with an existing
   * one is refused (`CONFLICT`, `data.duplicateOf`) unless `duplicatePolicy` says `create` (keep
   * both) or `attach` (log the submission on the existing lead and return it, `duplicateOf` set).
   */
  create: authedProcedure
    .input(leadInputSchema.extend({ duplicatePolicy: z.enum(duplicatePolicies).default('reject') }))
    .mutation(async ({ ctx, input: { duplicatePolicy, ...input } }) => {
      const outcome = unwrap(
        await ctx.services.leads.ingest({ input, actor: ctx.actor, duplicatePolicy, origin: { channel: 'web' }, locale: ctx.locale }),
      );
      const created: Lead & { duplicateOf?: string } =
        outcome.duplicateOf === null ? outcome.lead : { ...outcome.lead, duplicateOf: outcome.duplicateOf };
      return created;
    }),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) =>
    unwrap(await ctx.services.leads.get(ctx.actor, input.id)),
  ),

  update: authedProcedure
    .input(z.strictObject({ id, version: z.number().int().min(1), patch: leadPatchSchema }))
    .mutation(async ({ ctx, input }) =>
      unwrap(await ctx.services.leads.update(ctx.actor, input.id, input.version, input.patch, ctx.locale)),
    ),

  list: authedProcedure.input(leadListInputSchema.default({ limit: 50 })).query(async ({ ctx, input }) => {
    try {
      return unwrap(await ctx.services.leads.list(ctx.actor, input, ctx.locale));
    } catch (error) {
      if (error instanceof InvalidCursorError) throw badRequest([fieldError('cursor', 'invalid_value', ctx.locale)]);
      throw error;
    }
  }),

  assign: authedProcedure
    .input(z.strictObject({ ids, ownerId: id.nullable() }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.leads.assign(ctx.actor, input.ids, input.ownerId, ctx.locale))),

  archive: authedProcedure
    .input(z.strictObject({ ids }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.leads.archive(ctx.actor, input.ids))),

  unarchive: authedProcedure
    .input(z.strictObject({ ids }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.leads.unarchive(ctx.actor, input.ids))),

  setStage: authedProcedure
    .input(z.strictObject({ id, stage: z.string().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.leads.setStage(ctx.actor, input.id, input.stage, ctx.locale))),

  /**
   * Why the lead scores what it does: each fit, behavior and plugin reason with its points, the total
   * and qualification scoring it now gives, and whether the stored score still equals it.
   */
  explainScore: authedProcedure
    .input(z.strictObject({ id }))
    .query(async ({ ctx, input }) => unwrap(await ctx.services.scoring.explain(ctx.actor, input.id))),

  ...mergeProcedures,
  ...convertProcedures,
});
