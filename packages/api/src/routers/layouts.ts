import { checkLayout, defaultLayout, layoutKinds, layoutUpdateInputSchema, visibleLayout } from '@sarnakh/core';
import { createLayoutRepository } from '@sarnakh/db';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

export const layoutsRouter = router({
  /**
   * The layout of the create form, detail page or list columns: the saved one (fields that no
   * longer exist left out) or the default; `saved` tells which.
   */
  get: authedProcedure.input(z.strictObject({ kind: z.enum(layoutKinds) })).query(async ({ ctx, input }) => {
    const catalog = await ctx.services.leads.fieldCatalog();
    const stored = await createLayoutRepository(ctx.services.database.db).get(input.kind);
    return { ...(stored ? visibleLayout(stored, catalog) : defaultLayout(input.kind, catalog)), saved: stored !== null };
  }),

  /**
   * Replace a layout. Every field must exist (`sections.0.fields.2.field`), appear once, and be
   * writable on the create form; only the create form marks fields `required`, and new leads
   * people enter (the form, the API) must then have them.
   */
  update: adminProcedure.input(layoutUpdateInputSchema).mutation(async ({ ctx, input }) => {
    const catalog = await ctx.services.leads.fieldCatalog();
    const checked = checkLayout(input, catalog, ctx.locale);
    if (!checked.ok) throw badRequest(checked.error);
    await createLayoutRepository(ctx.services.database.db).save(checked.value, ctx.actor.userId, ctx.services.now());
    return { ...checked.value, saved: true };
  }),

  /** Forget the saved layout of a kind: screens (and required-on-create) go back to the default. */
  reset: adminProcedure.input(z.strictObject({ kind: z.enum(layoutKinds) })).mutation(async ({ ctx, input }) => {
    await createLayoutRepository(ctx.services.database.db).remove(input.kind);
    return { ...defaultLayout(input.kind, await ctx.services.leads.fieldCatalog()), saved: false };
  }),
});
