import { pluginTrpc } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { createExportLink } from './export.js';
import { readState } from './rollup.js';
import { syncQueue } from './sync-queue.js';
import type { InsightsSettings } from './settings.js';
import { answer, filterInput, newLeadsInput, widgetIds, type WidgetId } from './widgets.js';

const t = pluginTrpc('insights');

/** Which widget to export, with that widget's own input (checked now: errors name `input.to`). */
const exportInput = z.discriminatedUnion(
  'widget',
  widgetIds.map((widget: WidgetId) =>
    z.strictObject({ widget: z.literal(widget), input: widget === 'newLeads' ? newLeadsInput : filterInput }),
  ) as unknown as [z.ZodObject<{ widget: z.ZodLiteral<WidgetId>; input: typeof filterInput | typeof newLeadsInput }>],
);

/** Every insight: signed in; agents get their own leads' numbers, managers and admins everyone's. */
export const insightsRouter = t.router({
  /** Leads captured per day, week, month or quarter of the organization's calendar, with conversions. */
  newLeads: t.authedProcedure.input(newLeadsInput).query(({ ctx, input }) => answer('newLeads', input, ctx.user, ctx.locale, ctx.plugin)),
  /** Leads per stage now, how many got to each stage, stage-to-stage conversion and time in each stage. */
  funnel: t.authedProcedure.input(filterInput).query(({ ctx, input }) => answer('funnel', input, ctx.user, ctx.locale, ctx.plugin)),
  /** Conversion and win rates and the sales cycle, overall, per source and per channel. */
  conversion: t.authedProcedure.input(filterInput).query(({ ctx, input }) => answer('conversion', input, ctx.user, ctx.locale, ctx.plugin)),
  /** MQL and SQL leads per segment (the `segmentField` custom field) and per source. */
  qualified: t.authedProcedure.input(filterInput).query(({ ctx, input }) => answer('qualified', input, ctx.user, ctx.locale, ctx.plugin)),
  /** First-response time (median, 90th percentile) and the share answered within the SLA, per owner and source. */
  speedToLead: t.authedProcedure.input(filterInput).query(({ ctx, input }) => answer('speedToLead', input, ctx.user, ctx.locale, ctx.plugin)),
  /** Per owner: leads assigned, contacted, converted, and open tasks past due. */
  owners: t.authedProcedure.input(filterInput).query(({ ctx, input }) => answer('owners', input, ctx.user, ctx.locale, ctx.plugin)),

  /** A link (valid 5 minutes) to one widget's data as .xlsx, for the signed-in user: `GET` it to download. */
  exportLink: t.authedProcedure
    .input(exportInput)
    .mutation(({ ctx, input }) => createExportLink(ctx.plugin, ctx.user, input.widget, input.input, ctx.locale)),

  /** The calendar, time zone and when the rollups were last rebuilt (after this process's pending syncs). */
  status: t.authedProcedure.query(async ({ ctx }) => {
    const settings = ctx.plugin.settings<InsightsSettings>();
    await syncQueue(ctx.plugin.database).idle();
    const state = await readState(ctx.plugin.database.raw);
    return { calendar: settings.calendar, timeZone: settings.timeZone, segmentField: settings.segmentField, builtAt: state.builtAt };
  }),

  /** Recount every rollup from the leads in the background (job `insights.rebuild`). */
  rebuild: t.adminProcedure.mutation(async ({ ctx }) => ({ jobId: await ctx.plugin.jobs.send('rebuild', {}, { singletonKey: 'rebuild' }) })),
});
