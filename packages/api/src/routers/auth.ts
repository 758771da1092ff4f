import { publicProcedure, router } from '../trpc.js';

export const authRouter = router({
  /** The signed-in user, or null: the web app asks this first to decide between sign-in and home. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.user ? { id: ctx.user.id, name: ctx.user.name, email: ctx.user.email, role: ctx.user.role, locale: ctx.locale } : null,
  ),
});
