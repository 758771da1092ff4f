import { roles } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { createUserAccount, newUserSchema } from '../accounts.js';
import { FieldErrors } from '../errors.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

export const usersRouter = router({
  /** Everyone signed in may list users: owners are shown and chosen by name. */
  list: authedProcedure.query(({ ctx }) => ctx.services.users.list()),

  create: adminProcedure.input(newUserSchema).mutation(async ({ ctx, input }) => {
    const created = await createUserAccount(ctx.services, input, ctx.locale);
    if (!created.ok) {
      throw new TRPCError({ code: 'CONFLICT', message: created.error.fields[0]!.message, cause: new FieldErrors(created.error.fields) });
    }
    return created.value;
  }),

  update: adminProcedure
    .input(
      z.strictObject({
        id: z.string().min(1).max(100),
        name: z.string().trim().min(1).max(100).optional(),
        role: z.enum(roles).optional(),
        /** An inactive user cannot sign in (their sessions end) and cannot be given leads. */
        active: z.boolean().optional(),
        password: z.string().min(8).max(128).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { id, password, ...changes } = input;
      const updated = await ctx.services.users.update(id, changes, password === undefined ? undefined : await hashPassword(password));
      if (updated === 'not_found') throw new TRPCError({ code: 'NOT_FOUND', message: `User ${id} was not found.` });
      if (updated === 'last_admin') {
        throw new TRPCError({ code: 'CONFLICT', message: 'The last active admin cannot be deactivated or demoted.' });
      }
      return updated;
    }),
});
