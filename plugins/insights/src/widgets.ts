import type { PluginServices } from '@sarnakh/plugin-sdk';
import { z } from 'zod';
import { calendars, periods, type Locale } from './calendar.js';
import { filterShape, refineRange, resolveFilter, type Viewer } from './filter.js';
import { conversion, funnel, newLeads, owners, qualified, speedToLead, userNames } from './queries.js';
import { readState } from './rollup.js';
import type { InsightsSettings } from './settings.js';
import { syncQueue } from './sync-queue.js';

/** Each widget's input: the common filter, plus the period and calendar for the line chart. */
export const filterInput = z.strictObject(filterShape).superRefine(refineRange).optional();
export const newLeadsInput = z
  .strictObject({
    ...filterShape,
    period: z.enum(periods).default('day'),
    /** Default: the organization's calendar (setting `calendar`). */
    calendar: z.enum(calendars).optional(),
  })
  .superRefine(refineRange)
  .optional();

export const widgetIds = ['newLeads', 'funnel', 'conversion', 'qualified', 'speedToLead', 'owners'] as const;
export type WidgetId = (typeof widgetIds)[number];

export const widgetInputs = {
  newLeads: newLeadsInput,
  funnel: filterInput,
  conversion: filterInput,
  qualified: filterInput,
  speedToLead: filterInput,
  owners: filterInput,
} as const satisfies Record<WidgetId, z.ZodType>;

type FilterValue = z.output<typeof filterInput>;
type NewLeadsValue = z.output<typeof newLeadsInput>;

/**
 * Rollups built with another time zone or segment field than the settings now say (or never built)
 * are rebuilt in the background; until then readers get the last numbers and `rebuilding: true`.
 */
async function freshness(services: PluginServices): Promise<boolean> {
  // Leads this process was told about are in the rollups before it answers.
  await syncQueue(services.database).idle();
  const settings = services.settings<InsightsSettings>();
  const state = await readState(services.database.raw);
  const stale = state.builtAt === null || state.timeZone !== settings.timeZone || state.segmentField !== settings.segmentField;
  if (stale) await services.jobs.send('rebuild', {}, { singletonKey: 'rebuild' });
  return stale;
}

interface Run {
  services: PluginServices;
  settings: InsightsSettings;
  viewer: Viewer;
  locale: Locale;
}

const runners = {
  newLeads: (r: Run, input: NewLeadsValue) =>
    newLeads(r.services.database.raw, resolveFilter(input, r.viewer, r.settings.timeZone), input?.period ?? 'day', input?.calendar ?? r.settings.calendar, r.locale),
  funnel: (r: Run, input: FilterValue) => funnel(r.services.database.raw, resolveFilter(input, r.viewer, r.settings.timeZone), r.locale),
  conversion: (r: Run, input: FilterValue) => conversion(r.services.database.raw, resolveFilter(input, r.viewer, r.settings.timeZone), r.locale),
  qualified: (r: Run, input: FilterValue) =>
    qualified(r.services.database.raw, resolveFilter(input, r.viewer, r.settings.timeZone), r.locale, r.settings.segmentField),
  speedToLead: async (r: Run, input: FilterValue) =>
    speedToLead(r.services.database.raw, resolveFilter(input, r.viewer, r.settings.timeZone), r.locale, await userNames(r.services.database.raw)),
  owners: async (r: Run, input: FilterValue) =>
    owners(r.services.database.raw, resolveFilter(input, r.viewer, r.settings.timeZone), await userNames(r.services.database.raw)),
} satisfies Record<WidgetId, (r: Run, input: never) => Promise<unknown>>;

export type WidgetInput<W extends WidgetId> = Parameters<(typeof runners)[W]>[1];
export type WidgetAnswer<W extends WidgetId> = { rebuilding: boolean } & Awaited<ReturnType<(typeof runners)[W]>>;

/** Answer one widget for a viewer: what both the procedures and the .xlsx export serve. */
export async function answer<W extends WidgetId>(widget: W, input: WidgetInput<W>, viewer: Viewer, locale: Locale, services: PluginServices): Promise<WidgetAnswer<W>> {
  const rebuilding = await freshness(services);
  const run = runners[widget] as (r: Run, input: WidgetInput<W>) => ReturnType<(typeof runners)[W]>;
  const result = await run({ services, settings: services.settings<InsightsSettings>(), viewer, locale }, input);
  return { rebuilding, ...result } as WidgetAnswer<W>;
}
