import { zodIssuesToFieldErrors, type Actor, type Role } from '@sarnakh/core';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context.js';
import { DuplicateLead, FieldErrors } from './errors.js';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? 'en';
    const fields =
      error.cause instanceof FieldErrors
        ? error.cause.fields
        : error.cause instanceof ZodError
          ? zodIssuesToFieldErrors(error.cause.issues, locale)
          : undefined;
    // Internal errors keep their details in the server log, not in the response.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on the server.'
        : error.cause instanceof ZodError
          ? 'Some fields are not valid.'
          : shape.message;
    const duplicate =
      error.cause instanceof DuplicateLead ? { duplicateOf: error.cause.duplicateOf, matchedOn: error.cause.matchedOn } : {};
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, ...(fields ? { fields } : {}), ...duplicate, requestId: ctx?.requestId } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

/** A signed-in, active user; `ctx.actor` is who the data layer authorizes. */
export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  const actor: Actor = { userId: ctx.user.id, role: ctx.user.role };
  return next({ ctx: { ...ctx, user: ctx.user, actor } });
});

export function roleProcedure(...allowed: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.actor.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${allowed.join(' or ')} users may do this.` });
    }
    return next();
  });
}

export const adminProcedure = roleProcedure('admin');

/**
 * Procedures for a plugin's router: each answers `NOT_FOUND` while the plugin is disabled, and
 * finds the plugin's services on `ctx.plugin`. Build the router with the returned `router`, so it
 * nests under the plugin's camelCased id in the app's router.
 *
 *     const t = pluginTrpc('hello');
 *     export const helloRouter = t.router({ greet: t.authedProcedure.query(({ ctx }) => ctx.plugin.pluginId) });
 */
export function pluginTrpc(pluginId: string) {
  const enabledOnly = t.middleware(({ ctx, next }) => {
    if (!ctx.services.plugins.host.isEnabled(pluginId)) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `Plugin "${pluginId}" is not enabled.` });
    }
    return next({ ctx: { plugin: ctx.services.plugins.servicesFor(pluginId) } });
  });
  return {
    router,
    publicProcedure: publicProcedure.use(enabledOnly),
    authedProcedure: authedProcedure.use(enabledOnly),
    roleProcedure: (...allowed: Role[]) => roleProcedure(...allowed).use(enabledOnly),
    adminProcedure: adminProcedure.use(enabledOnly),
  };
}
