import { authedProcedure, router } from '../trpc.js';

export const picklistsRouter = router({
  /** Every picklist (stages, sources, channels, priorities, industries, contact results) with labels in fa, ar and en. */
  list: authedProcedure.query(({ ctx }) => ctx.services.picklists.load()),
});
