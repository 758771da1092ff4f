import { locales, templateChannels, type TemplateFailure, type Result } from '@sarnakh/core';
import { z } from 'zod';
import { entityFailureToError } from '../errors.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';

const id = z.string().min(1).max(100);
const localized = (max: number) => z.strictObject(Object.fromEntries(locales.map((l) => [l, z.string().max(max).optional()])) as Record<(typeof locales)[number], z.ZodOptional<z.ZodString>>);
const body = localized(20_000);
const subject = localized(1_000);
const channel = z.enum(templateChannels);
const manage = roleProcedure('manager', 'admin');

function unwrap<T>(result: Result<T, TemplateFailure>): T {
  if (!result.ok) throw entityFailureToError(result.error);
  return result.value;
}

/**
 * Message templates for SMS, WhatsApp and email with `{{placeholders}}`. Managers and admins write
 * them; everyone signed in lists them and renders them for leads they can read.
 */
export const templatesRouter = router({
  list: authedProcedure
    .input(z.strictObject({ includeArchived: z.boolean().optional(), channel: channel.optional() }).default({}))
    .query(({ ctx, input }) => ctx.services.templates.list(input)),

  get: authedProcedure.input(z.strictObject({ id })).query(async ({ ctx, input }) => unwrap(await ctx.services.templates.get(input.id))),

  create: manage
    .input(z.strictObject({ name: z.string().max(1_000), channel, body, subject: subject.nullish() }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.services.templates.create(ctx.actor, input, ctx.locale))),

  /** Only the parts given change; `body` and `subject` are replaced whole. */
  update: manage
    .input(z.strictObject({ id, name: z.string().max(1_000).optional(), channel: channel.optional(), body: body.optional(), subject: subject.nullish() }))
    .mutation(async ({ ctx, input: { id: templateId, ...patch } }) =>
      unwrap(await ctx.services.templates.update(ctx.actor, templateId, patch, ctx.locale)),
    ),

  archive: manage.input(z.strictObject({ id })).mutation(async ({ ctx, input }) => unwrap(await ctx.services.templates.archive(ctx.actor, input.id))),

  /**
   * The template filled in for a lead: `{ channel, locale, subject?, body, missing }`. `locale`
   * defaults to the caller's language; a template without text in it falls back to another.
   */
  render: authedProcedure
    .input(z.strictObject({ id, leadId: id, locale: z.enum(locales).optional() }))
    .query(async ({ ctx, input }) =>
      unwrap(await ctx.services.templates.render(ctx.actor, { templateId: input.id, leadId: input.leadId, locale: input.locale ?? ctx.locale })),
    ),
});
