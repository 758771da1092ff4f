import { pluginKey, type AnyPlugin, type PluginKey } from '@sarnakh/core';
import type { AnyTRPCRouter } from '@trpc/server';
import { activitiesRouter } from './routers/activities.js';
import { apiKeysRouter } from './routers/api-keys.js';
import { authRouter } from './routers/auth.js';
import { contactsRouter } from './routers/contacts.js';
import { conversionRouter } from './routers/conversion.js';
import { distributionRouter } from './routers/distribution.js';
import { fieldsRouter } from './routers/fields.js';
import { layoutsRouter } from './routers/layouts.js';
import { leadsRouter } from './routers/leads.js';
import { notificationsRouter } from './routers/notifications.js';
import { opportunitiesRouter } from './routers/opportunities.js';
import { organizationsRouter } from './routers/organizations.js';
import { picklistsRouter } from './routers/picklists.js';
import { pluginsRouter } from './routers/plugins.js';
import { scoringRouter } from './routers/scoring.js';
import { settingsRouter } from './routers/settings.js';
import { slaRouter } from './routers/sla.js';
import { tasksRouter } from './routers/tasks.js';
import { templatesRouter } from './routers/templates.js';
import { usersRouter } from './routers/users.js';
import { router } from './trpc.js';

/** Core's areas, one line each. */
const coreRouters = {
  auth: authRouter,
  users: usersRouter,
  leads: leadsRouter,
  activities: activitiesRouter,
  picklists: picklistsRouter,
  fields: fieldsRouter,
  layouts: layoutsRouter,
  plugins: pluginsRouter,
  apiKeys: apiKeysRouter,
  scoring: scoringRouter,
  distribution: distributionRouter,
  tasks: tasksRouter,
  notifications: notificationsRouter,
  sla: slaRouter,
  templates: templatesRouter,
  conversion: conversionRouter,
  organizations: organizationsRouter,
  contacts: contactsRouter,
  opportunities: opportunitiesRouter,
  settings: settingsRouter,
};

/** The root router without plugins. */
export const appRouter = router(coreRouters);
export type CoreRouter = typeof appRouter;

/** Each plugin's router under its camelCased id: `round-robin` → `roundRobin`. */
export type PluginRouters<P extends readonly AnyPlugin[]> = {
  [Plugin in P[number] as NonNullable<Plugin['router']> extends AnyTRPCRouter ? PluginKey<Plugin['id']> : never]: NonNullable<Plugin['router']>;
};

/**
 * The root router with the plugins' routers nested under their keys (a key that clashes with a
 * core area is refused). The type keeps each plugin's procedures, so clients are typed end to end.
 */
export function createAppRouter<const P extends readonly AnyPlugin[]>(plugins: P) {
  const all: Record<string, unknown> = { ...coreRouters };
  for (const plugin of plugins) {
    if (plugin.router === undefined) continue;
    const key = pluginKey(plugin.id);
    if (key in all) throw new Error(`plugin "${plugin.id}" cannot mount its router at "${key}": the name is taken`);
    all[key] = plugin.router;
  }
  return router(all as typeof coreRouters & PluginRouters<P>);
}

export type AppRouter<P extends readonly AnyPlugin[] = []> = ReturnType<typeof createAppRouter<P>>;
