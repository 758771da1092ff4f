import { pluginTrpc } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { countsFor, utcDay } from './counts.js';

const t = pluginTrpc('hello');

export const helloRouter = t.router({
  /** Leads per source on a day (default today, UTC): `trpc.hello.today`. */
  today: t.authedProcedure
    .input(z.strictObject({ day: z.iso.date().optional() }).optional())
    .query(({ ctx, input }) => countsFor(ctx.plugin.database, input?.day ?? utcDay(new Date()))),

  /** Rebuild a day's counts in the background (managers and admins). */
  recount: t.roleProcedure('manager', 'admin')
    .input(z.strictObject({ day: z.iso.date() }))
    .mutation(async ({ ctx, input }) => ({ jobId: await ctx.plugin.jobs.send('recount', { day: input.day }, { singletonKey: input.day }) })),
});
