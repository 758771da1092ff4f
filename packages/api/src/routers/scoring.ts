import { scoringRulesSchema } from '@sarnakh/core';
import { TRPCError } from '@trpc/server';
import { badRequest } from '../errors.js';
import { SCORING_RECOMPUTE_JOB } from '../scoring.js';
import { adminProcedure, roleProcedure, router } from '../trpc.js';

export const scoringRouter = router({
  /** The fit and behavior rules, thresholds and the urgent-task switch. */
  getRules: roleProcedure('manager', 'admin').query(({ ctx }) => ctx.services.scoring.getRules()),

  /**
   * Replace the rules. Errors name their place (`fit.0.field`, `behavior.1.decayPerDay`,
   * `thresholds.sql`). New and changed leads are scored with the new rules at once; run
   * `recomputeAll` to rescore the others.
   */
  setRules: adminProcedure.input(scoringRulesSchema).mutation(async ({ ctx, input }) => {
    const saved = await ctx.services.scoring.setRules(input, ctx.locale);
    if (!saved.ok) throw badRequest(saved.error);
    return saved.value;
  }),

  /** Rescore every lead in the background (job `core.scoring-recompute`); follow it by its id. */
  recomputeAll: adminProcedure.mutation(async ({ ctx }) => {
    const jobs = ctx.services.plugins.jobs;
    if (!jobs) {
      throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Background jobs are not running in this server process.' });
    }
    const jobId = await jobs.send(SCORING_RECOMPUTE_JOB, {});
    if (jobId === null) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'The recompute job was not queued.' });
    return { jobId };
  }),
});
