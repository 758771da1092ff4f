import type { MergeFailure, Result } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { leadFailureToError } from '../errors.js';
import { authedProcedure, roleProcedure } from '../trpc.js';

const id = z.string().min(1).max(100);
const manage = roleProcedure('manager', 'admin');

/** A value a merge may set explicitly: what a lead field or custom field can hold. */
const explicitValue = z.union([
  z.string().max(20_000),
  z.number(),
  z.boolean(),
  z.date(),
  z.null(),
  z.array(z.string().max(1_000)).max(200),
  z.strictObject({ amount: z.number(), currency: z.string().max(10) }),
]);
const choice = z.union([z.strictObject({ leadId: id }), z.strictObject({ value: explicitValue })]);

function toError(failure: MergeFailure): TRPCError {
  switch (failure.code) {
    case 'MERGE_NOT_FOUND':
      return new TRPCError({ code: 'NOT_FOUND', message: `Merge ${failure.id} was not found.` });
    case 'MERGE_CONFLICT':
      return new TRPCError({ code: 'CONFLICT', message: `This cannot be done now: ${failure.reason}.` });
    default:
      return leadFailureToError(failure);
  }
}

function unwrap<T>(result: Result<T, MergeFailure>): T {
  if (!result.ok) throw toError(result.error);
  return result.value;
}

/** `leads.duplicates`, `duplicateGroups`, `merge`, `unmerge` and `merges`, spread into the leads router. */
export const mergeProcedures = {
  /** Live leads that look like this one, each with `matchedOn` (`mobile`, `phone`, `email`, `name`) and `strength`. */
  duplicates: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => unwrap(await ctx.services.merges.duplicates(ctx.actor, input.id))),

  /** Groups of live leads sharing a number (`by: 'phone'`, either column) or an email, in key order. */
  duplicateGroups: manage
    .input(
      z
        .strictObject({
          by: z.enum(['phone', 'email']).default('phone'),
          cursor: z.string().max(400).nullish(),
          limit: z.number().int().min(1).max(100).default(20),
        })
        .default({ by: 'phone', limit: 20 }),
    )
    .query(async ({ ctx, input }) =>
      unwrap(await ctx.services.merges.duplicateGroups(ctx.actor, { by: input.by, cursor: input.cursor ?? null, limit: input.limit })),
    ),

  /**
   * Merge `mergedIds` into `survivorId`. `values`: per field (`email`, `custom.budget`) `{ leadId }`
   * (keep that lead's value) or `{ value }`; other fields keep the survivor's. `versions`: every
   * lead's version as the caller saw it. Returns `{ merge, survivor }`.
   */
  merge: manage
    .input(
      z.strictObject({
        survivorId: id,
        mergedIds: z.array(id).min(1).max(50),
        versions: z.record(id, z.number().int().min(1)),
        values: z.record(z.string().max(120), choice).default({}),
      }),
    )
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.merges.merge(ctx.actor, input, ctx.locale))),

  /** Undo a merge; `CONFLICT` when the survivor changed in a way the undo would lose (see docs/duplicates-and-templates.md). */
  unmerge: manage
    .input(z.strictObject({ mergeId: id }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.merges.unmerge(ctx.actor, input.mergeId))),

  /** The merges a lead took part in (as survivor or merged), newest first. */
  merges: authedProcedure.input(z.strictObject({ leadId: id })).query(async ({ ctx, input }) => unwrap(await ctx.services.merges.history(ctx.actor, input.leadId))),
};
