import { activitiesRouter } from './routers/activities.js';
import { authRouter } from './routers/auth.js';
import { leadsRouter } from './routers/leads.js';
import { picklistsRouter } from './routers/picklists.js';
import { usersRouter } from './routers/users.js';
import { router } from './trpc.js';

/** The root router: one line per area. Plugins' routers join under their camelCased ids. */
export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  leads: leadsRouter,
  activities: activitiesRouter,
  picklists: picklistsRouter,
});

export type AppRouter = typeof appRouter;
