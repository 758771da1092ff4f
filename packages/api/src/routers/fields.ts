import { fieldCreateInputSchema, fieldTypes, fieldUpdateInputSchema, builtInFieldTypes, type Result } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import { createFieldAdmin, type FieldAdminFailure } from '../fields.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

function unwrap<T>(result: Result<T, FieldAdminFailure>): T {
  if (result.ok) return result.value;
  const failure = result.error;
  switch (failure.code) {
    case 'VALIDATION':
      throw badRequest(failure.fields);
    case 'NOT_FOUND':
      throw new TRPCError({ code: 'NOT_FOUND', message: `There is no custom field "${failure.key}".` });
    case 'CONFLICT':
      throw new TRPCError({ code: 'CONFLICT', message: `A custom field "${failure.key}" already exists (archived fields keep their keys).` });
  }
}

const keyInput = z.strictObject({ key: z.string().min(1).max(63) });

export const fieldsRouter = router({
  /** Custom field definitions in position order; archived ones only with `includeArchived`. */
  list: authedProcedure
    .input(z.strictObject({ includeArchived: z.boolean().default(false) }).default({ includeArchived: false }))
    .query(({ ctx, input }) => createFieldAdmin(ctx.services).list(input.includeArchived)),

  /** The field types a custom field can have: core's and enabled plugins'. */
  types: authedProcedure.query(({ ctx }) => {
    const { host } = ctx.services.plugins;
    const plugins = host.registry.contributions(fieldTypes, { enabledOnly: host.isEnabled });
    return [
      ...builtInFieldTypes.map((t) => ({ type: t, pluginId: null as string | null })),
      ...plugins.map(({ value, pluginId }) => ({ type: value, pluginId })),
    ].map(({ type, pluginId }) => ({
      id: type.id,
      label: type.label,
      storage: type.storage,
      input: type.input ?? null,
      usesOptions: type.usesOptions ?? false,
      indexable: type.storage !== 'list',
      pluginId,
    }));
  }),

  /** A new field: `{ key, type, label: { fa, ar, en }, required?, default?, options?, validation?, indexed? }`. */
  create: adminProcedure
    .input(fieldCreateInputSchema)
    .mutation(async ({ ctx, input }) => unwrap(await createFieldAdmin(ctx.services).create(input, ctx.locale))),

  /** Change a field's label, required flag, default, options, validation, indexing or position; key and type stay. */
  update: adminProcedure
    .input(fieldUpdateInputSchema)
    .mutation(async ({ ctx, input }) => unwrap(await createFieldAdmin(ctx.services).update(input, ctx.locale))),

  /** Hide a field: unknown for new input and unlisted, its values kept on the leads. */
  archive: adminProcedure
    .input(keyInput)
    .mutation(async ({ ctx, input }) => unwrap(await createFieldAdmin(ctx.services).setArchived(input.key, true))),

  /** Bring an archived field back, with the values leads still have. */
  restore: adminProcedure
    .input(keyInput)
    .mutation(async ({ ctx, input }) => unwrap(await createFieldAdmin(ctx.services).setArchived(input.key, false))),
});
