import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { Lead } from '../lead/lead.js';
import type { Picklists } from '../picklists/picklist.js';
import { err, ok, type Result } from '../result.js';
import { zodIssuesToFieldErrors } from '../zod-errors.js';
import { businessWindowSchema, DEFAULT_TIME_ZONE, defaultBusinessWindows, isTimeZone, type BusinessCalendar } from './calendar.js';

/** The policy name of the target a lead gets when no other target matches it. */
export const DEFAULT_SLA_POLICY = 'default';

const minutes = z.number().int().min(1).max(7 * 24 * 60);

/** A response target for leads of a source and/or priority; the first matching target wins. */
const targetSchema = z
  .strictObject({
    /** Names the policy in `lead.slaBreached` and on the timeline. */
    name: z.string().trim().min(1).max(100),
    source: z.string().trim().min(1).max(100).optional(),
    priority: z.string().trim().min(1).max(100).optional(),
    minutes,
  })
  .refine((t) => t.source !== undefined || t.priority !== undefined, { path: ['source'], message: 'Give a source, a priority or both.' });

/**
 * The response-time SLA and the organization's business calendar: its time zone also decides what
 * "today" means for tasks.
 */
export const slaSettingsSchema = z
  .strictObject({
    /** Off: new leads get no response deadline (the clock still records first responses). */
    enabled: z.boolean().default(true),
    timeZone: z.string().refine(isTimeZone, 'An IANA time zone such as Asia/Tehran.').default(DEFAULT_TIME_ZONE),
    /** Business minutes from capture to the first response, for leads no target matches. */
    defaultMinutes: minutes.default(5),
    targets: z.array(targetSchema).max(100).default([]),
    businessHours: z.array(businessWindowSchema).max(70).default(defaultBusinessWindows),
    holidays: z.array(z.iso.date()).max(1000).default([]),
  })
  .superRefine((value, ctx) => {
    const names = new Set<string>();
    value.targets.forEach((target, index) => {
      const key = target.name.toLowerCase();
      if (key === DEFAULT_SLA_POLICY || names.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['targets', index, 'name'], message: `The name "${target.name}" is taken.` });
      }
      names.add(key);
    });
  });

export type SlaSettingsInput = z.input<typeof slaSettingsSchema>;
export type SlaSettings = z.output<typeof slaSettingsSchema>;

export const defaultSlaSettings: SlaSettings = slaSettingsSchema.parse({});

/** Stored settings read back; a shape that no longer fits reads as the defaults. */
export function parseStoredSlaSettings(stored: unknown): SlaSettings {
  if (stored === undefined || stored === null) return structuredClone(defaultSlaSettings);
  const parsed = slaSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : structuredClone(defaultSlaSettings);
}

/** Check settings as an admin gave them: shape, then that sources and priorities are picklist keys. */
export function validateSlaSettings(raw: unknown, picklists: Picklists, locale: Locale = 'en'): Result<SlaSettings, FieldError[]> {
  const parsed = slaSettingsSchema.safeParse(raw);
  if (!parsed.success) return err(zodIssuesToFieldErrors(parsed.error.issues, locale));
  const errors: FieldError[] = [];
  parsed.data.targets.forEach((target, index) => {
    if (target.source !== undefined && !picklists.source.some((v) => v.key === target.source)) {
      errors.push(fieldError(`targets.${index}.source`, 'unknown_value', locale));
    }
    if (target.priority !== undefined && !picklists.priority.some((v) => v.key === target.priority)) {
      errors.push(fieldError(`targets.${index}.priority`, 'unknown_value', locale));
    }
  });
  return errors.length > 0 ? err(errors) : ok(parsed.data);
}

export const calendarOf = (settings: SlaSettings): BusinessCalendar => ({
  timeZone: settings.timeZone,
  windows: settings.businessHours,
  holidays: settings.holidays,
});

/** The target a lead answers to: the first whose source and priority (those given) match. */
export function slaTargetFor(lead: Pick<Lead, 'source' | 'priority'>, settings: SlaSettings): { policy: string; minutes: number } {
  const target = settings.targets.find(
    (t) => (t.source === undefined || t.source === lead.source) && (t.priority === undefined || t.priority === lead.priority),
  );
  return target ? { policy: target.name, minutes: target.minutes } : { policy: DEFAULT_SLA_POLICY, minutes: settings.defaultMinutes };
}
