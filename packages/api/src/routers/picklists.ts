import { fieldError, localizedTextSchema, picklistKeys, type FieldError, type Locale, type PicklistKey } from '@sarnakh/core';
import { createPicklistRepository } from '@sarnakh/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import type { Services } from '../services.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

const list = z.enum(picklistKeys);
const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, _ and -');
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour such as #22c55e').nullable();
const valueRef = z.strictObject({ list, key: z.string().min(1).max(63) });

/** Lists a lead must always have a value in: the last active value cannot be retired. */
const requiredLists: readonly PicklistKey[] = ['stage', 'priority'];

/** `won`/`lost` mark stages only, and a stage is not both. */
function checkMarkers(listKey: PicklistKey, marks: { won?: boolean | undefined; lost?: boolean | undefined }, locale: Locale): FieldError[] {
  const errors: FieldError[] = [];
  if (listKey !== 'stage') {
    if (marks.won) errors.push(fieldError('won', 'invalid_value', locale));
    if (marks.lost) errors.push(fieldError('lost', 'invalid_value', locale));
  } else if (marks.won && marks.lost) {
    errors.push(fieldError('lost', 'invalid_value', locale));
  }
  return errors;
}

function notFound(listKey: string, valueKey: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `The ${listKey} list has no value "${valueKey}".` });
}

async function findValue(services: Services, listKey: PicklistKey, valueKey: string) {
  const lists = await services.picklists.load();
  return { values: lists[listKey], value: lists[listKey].find((v) => v.key === valueKey) };
}

export const picklistsRouter = router({
  /** Every picklist (stages, sources, channels, priorities, industries, contact results) with labels in fa, ar and en. */
  list: authedProcedure.query(({ ctx }) => ctx.services.picklists.load()),

  /** A new value at the end of its list. Its key never changes; `won`/`lost` mark stages only. */
  create: adminProcedure
    .input(z.strictObject({ list, key, label: localizedTextSchema, color: color.optional(), won: z.boolean().optional(), lost: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const problems = checkMarkers(input.list, input, ctx.locale);
      if (problems.length > 0) throw badRequest(problems);
      const created = await createPicklistRepository(ctx.services.database.db).create(input.list, input.key, {
        label: input.label,
        color: input.color ?? null,
        won: input.won ?? false,
        lost: input.lost ?? false,
      });
      if (!created) throw new TRPCError({ code: 'CONFLICT', message: `The ${input.list} list already has "${input.key}" (retired values keep their keys).` });
      return (await findValue(ctx.services, input.list, input.key)).value!;
    }),

  /** Change a value's label, colour or (stages) won/lost marker. */
  update: adminProcedure
    .input(
      z.strictObject({
        list,
        key: z.string().min(1).max(63),
        patch: z.strictObject({ label: localizedTextSchema.optional(), color: color.optional(), won: z.boolean().optional(), lost: z.boolean().optional() }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { value } = await findValue(ctx.services, input.list, input.key);
      if (!value) throw notFound(input.list, input.key);
      const problems = checkMarkers(input.list, { won: input.patch.won ?? value.won, lost: input.patch.lost ?? value.lost }, ctx.locale);
      if (problems.length > 0) throw badRequest(problems);
      const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined));
      await createPicklistRepository(ctx.services.database.db).update(input.list, input.key, patch);
      return (await findValue(ctx.services, input.list, input.key)).value!;
    }),

  /** Put a list in this order (`keys`: every value at most once; values left out follow, in their order). */
  reorder: adminProcedure
    .input(z.strictObject({ list, keys: z.array(z.string().min(1).max(63)).min(1).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const { values } = await findValue(ctx.services, input.list, '');
      const problems: FieldError[] = [];
      input.keys.forEach((k, i) => {
        if (!values.some((v) => v.key === k)) problems.push(fieldError(`keys.${i}`, 'unknown_value', ctx.locale));
        else if (input.keys.indexOf(k) !== i) problems.push(fieldError(`keys.${i}`, 'invalid_value', ctx.locale));
      });
      if (problems.length > 0) throw badRequest(problems);
      await createPicklistRepository(ctx.services.database.db).reorder(input.list, input.keys);
      return (await ctx.services.picklists.load())[input.list];
    }),

  /**
   * Retire a value: leads that have it keep it (and stay valid), new input cannot choose it. The
   * last active stage or priority cannot be retired: every lead needs one.
   */
  retire: adminProcedure.input(valueRef).mutation(async ({ ctx, input }) => {
    const { values, value } = await findValue(ctx.services, input.list, input.key);
    if (!value) throw notFound(input.list, input.key);
    if (requiredLists.includes(input.list) && !value.retired && values.filter((v) => !v.retired).length === 1) {
      throw badRequest([fieldError('key', 'invalid_value', ctx.locale)]);
    }
    // Retiring twice keeps the first date.
    if (!value.retired) await createPicklistRepository(ctx.services.database.db).setRetired(input.list, input.key, ctx.services.now());
    return (await findValue(ctx.services, input.list, input.key)).value!;
  }),

  /** Make a retired value choosable again. */
  restore: adminProcedure.input(valueRef).mutation(async ({ ctx, input }) => {
    const { value } = await findValue(ctx.services, input.list, input.key);
    if (!value) throw notFound(input.list, input.key);
    await createPicklistRepository(ctx.services.database.db).setRetired(input.list, input.key, null);
    return (await findValue(ctx.services, input.list, input.key)).value!;
  }),

  /**
   * Delete a value no lead has (archived leads included), such as a mistyped one. A value in use
   * answers `CONFLICT`: retire it instead. Timeline entries that named it keep showing its key.
   */
  delete: adminProcedure.input(valueRef).mutation(async ({ ctx, input }) => {
    const outcome = await createPicklistRepository(ctx.services.database.db).deleteUnused(input.list, input.key);
    if (outcome === 'not_found') throw notFound(input.list, input.key);
    if (outcome === 'in_use') {
      throw new TRPCError({ code: 'CONFLICT', message: `Leads have "${input.key}" in ${input.list}: retire it instead of deleting it.` });
    }
    return { deleted: true };
  }),
});
