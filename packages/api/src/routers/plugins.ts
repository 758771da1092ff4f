import { pluginKey, type AnyPlugin, type EnableFailure, type SettingsFailure } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

const pluginId = z.string().min(1).max(64);

/** A settings schema as JSON Schema, for the admin app's generic settings form; null if it has none. */
function settingsJsonSchema(plugin: AnyPlugin): unknown {
  if (!plugin.settings) return null;
  try {
    return z.toJSONSchema(plugin.settings, { io: 'input', unrepresentable: 'any' });
  } catch {
    return null;
  }
}

function enableError(failure: EnableFailure): TRPCError {
  switch (failure.code) {
    case 'UNKNOWN_PLUGIN':
      return new TRPCError({ code: 'NOT_FOUND', message: `No plugin "${failure.pluginId}" is installed.` });
    case 'REQUIRED_BY':
      return new TRPCError({
        code: 'CONFLICT',
        message: `Plugin "${failure.pluginId}" is needed by ${failure.dependents.map((d) => `"${d}"`).join(', ')}: disable those first.`,
      });
    case 'DEPENDENCY_DISABLED':
      return new TRPCError({
        code: 'CONFLICT',
        message: `Plugin "${failure.pluginId}" needs ${failure.dependencies.map((d) => `"${d}"`).join(', ')}: enable those first.`,
      });
  }
}

function settingsError(failure: SettingsFailure): TRPCError {
  switch (failure.code) {
    case 'UNKNOWN_PLUGIN':
      return new TRPCError({ code: 'NOT_FOUND', message: `No plugin "${failure.pluginId}" is installed.` });
    case 'NOT_RUNNING':
      return new TRPCError({ code: 'PRECONDITION_FAILED', message: `Plugins are ${failure.state}; try again shortly.` });
    case 'VALIDATION':
      return badRequest(failure.fields);
  }
}

export const pluginsRouter = router({
  /** Installed plugins in boot order. Everyone sees what is on (the web app loads enabled admin halves); admins also see settings. */
  list: authedProcedure.query(({ ctx }) => {
    const { host } = ctx.services.plugins;
    const isAdmin = ctx.actor.role === 'admin';
    return host.plugins.map((plugin) => ({
      id: plugin.id,
      key: pluginKey(plugin.id),
      version: plugin.version,
      compatibility: plugin.compatibility,
      dependsOn: [...(plugin.dependsOn ?? [])],
      enabled: host.isEnabled(plugin.id),
      hasRouter: plugin.router !== undefined,
      admin: (plugin.admin ?? null) as unknown,
      settings: isAdmin ? (host.settingsOf(plugin.id) ?? null) : null,
      settingsSchema: isAdmin ? settingsJsonSchema(plugin) : null,
    }));
  }),

  setEnabled: adminProcedure
    .input(z.strictObject({ id: pluginId, enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.plugins.setEnabled(input.id, input.enabled, ctx.actor.userId);
      if (!result.ok) throw enableError(result.error);
      return { id: input.id, enabled: input.enabled };
    }),

  /** Errors name the setting: `settings.roundsPerDay`. */
  updateSettings: adminProcedure
    .input(z.strictObject({ id: pluginId, settings: z.record(z.string(), z.unknown()) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.plugins.updateSettings(input.id, input.settings, ctx.actor.userId, ctx.locale);
      if (!result.ok) throw settingsError(result.error);
      return { id: input.id, settings: result.value ?? null };
    }),
});
