import { convertInputSchema, removeMappingInputSchema, updateMappingInputSchema, type ConversionFailure } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import { leadFailureToError } from '../errors.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

export function conversionFailureToError(failure: ConversionFailure): TRPCError {
  if (failure.code === 'ALREADY_CONVERTED') {
    return new TRPCError({ code: 'CONFLICT', message: `Lead ${failure.id} was already converted on ${failure.convertedAt.toISOString()}.` });
  }
  if (failure.code === 'MERGED') {
    return new TRPCError({ code: 'CONFLICT', message: `Lead ${failure.id} was merged into lead ${failure.into}; convert that one.` });
  }
  return leadFailureToError(failure);
}

export const conversionRouter = router({
  /** The mapping in force (`{ from, target, to }` rows) and every target with the fields it takes. */
  getMapping: authedProcedure.query(({ ctx }) => ctx.services.conversion.getMapping()),

  /**
   * Insert or replace rows by `(target, to)`. Errors name the row's part (`mappings.0.from`): an
   * unknown lead field or target field, or a value kind the target field does not take.
   */
  updateMapping: adminProcedure.input(updateMappingInputSchema).mutation(async ({ ctx, input }) => {
    const saved = await ctx.services.conversion.updateMapping(input.mappings, ctx.locale);
    if (!saved.ok) throw conversionFailureToError(saved.error);
    return saved.value;
  }),

  /** Remove rows by `(target, to)`: that target field is then left empty on conversion. */
  removeMapping: adminProcedure
    .input(removeMappingInputSchema)
    .mutation(({ ctx, input }) => ctx.services.conversion.removeMapping(input.mappings)),
});

/** `leads.convert`, spread into the leads router. */
export const convertProcedures = {
  /**
   * Turn a lead into an organization, a contact and/or an opportunity, in one transaction; an
   * existing organization (same normalized name) or contact (same mobile or email) is linked, not
   * duplicated. A second conversion of the lead is `CONFLICT`.
   */
  convert: authedProcedure.input(convertInputSchema).mutation(async ({ ctx, input }) => {
    const converted = await ctx.services.conversion.convert(ctx.actor, input, ctx.locale);
    if (!converted.ok) throw conversionFailureToError(converted.error);
    return converted.value;
  }),
};
