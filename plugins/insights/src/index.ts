import { definePlugin, type LeadEvents } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { createExportLink, workbook } from './export.js';
import { migrations } from './migrations.js';
import { readState, rebuild } from './rollup.js';
import { insightsRouter } from './router.js';
import { insightsRoutes } from './routes.js';
import { insightsSettings } from './settings.js';
import { syncQueue } from './sync-queue.js';

export { insightsSettings, type InsightsSettings } from './settings.js';
export * from './calendar.js';
export { conversion, funnel, newLeads, owners, percentile, qualified, speedToLead, userNames } from './queries.js';
export { resolveFilter, type ResolvedFilter, type FilterInput, type Viewer } from './filter.js';
export { rebuild, syncLeads, readState } from './rollup.js';
export { syncQueue, type SyncQueue } from './sync-queue.js';
export { bucketOf, rollupTables } from './tables.js';
export { answer, widgetIds, type WidgetId, type WidgetAnswer } from './widgets.js';
export { createExportLink, workbook };

/** The lead events after which a lead's contribution to the rollups may have changed. */
const leadEvents = [
  'lead.created',
  'lead.updated',
  'lead.stageChanged',
  'lead.assigned',
  'lead.converted',
  'lead.archived',
  'lead.qualified',
  'activity.logged',
] as const satisfies readonly (keyof LeadEvents)[];

/**
 * Insights: new leads per period in the Jalali or Gregorian calendar, the funnel, conversion by
 * source, qualified leads, speed to lead and a per-owner table, all answered from daily rollups
 * that lead events keep current and a nightly job recounts from scratch.
 */
export const insightsPlugin = definePlugin({
  id: 'insights',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: insightsSettings,
  migrations,

  async init(ctx) {
    const { database, logger } = ctx.services;
    // A first start counts the leads already there; from then on events keep the rollups current.
    if ((await readState(database.raw)).builtAt === null) {
      const { leads } = await rebuild(database, { timeZone: ctx.settings.timeZone, segmentField: ctx.settings.segmentField });
      logger.info('insights rollups built', { leads });
    }
    const queue = syncQueue(database, (error, leadIds) => logger.error('insights sync failed; the nightly rebuild will recount', { error: String(error), leadIds }));
    for (const event of leadEvents) ctx.hooks.on(event, ({ lead }) => queue.add(lead.id));
  },

  router: insightsRouter,

  routes(app, { services }) {
    insightsRoutes(app, services);
  },

  jobs: {
    /** Recount every rollup from core's tables; nightly, and whenever settings change what a day or a segment is. */
    rebuild: {
      data: z.object({}).passthrough(),
      async handler(_job, { services, settings }) {
        const { timeZone, segmentField } = settings();
        const { leads } = await rebuild(services.database, { timeZone, segmentField });
        services.logger.info('insights rollups rebuilt', { leads });
      },
      schedule: { cron: '30 22 * * *', data: {} }, // 02:00 in Tehran
      retryLimit: 2,
      retryDelaySeconds: 60,
      expireInSeconds: 3600,
    },
  },

  admin: { entry: '@sarnakh/plugin-insights/admin' },
});

export default insightsPlugin;
