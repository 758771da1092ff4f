import { z } from 'zod';
import { currencyCodes } from '../fields/builtin-types.js';
import { locales } from '../i18n/locales.js';

/**
 * The organization's settings: what every user of the installation sees unless they chose
 * otherwise for themselves (a user's own language or calendar still wins in their browser).
 */

/** `byLocale`: the calendar follows the language (Jalali for fa, Gregorian for ar and en). */
export const orgCalendars = ['byLocale', 'jalali', 'gregorian'] as const;
export type OrgCalendar = (typeof orgCalendars)[number];

export const orgSettingsSchema = z.strictObject({
  calendar: z.enum(orgCalendars),
  /** The language of a user who has not chosen one. */
  defaultLocale: z.enum(locales),
  /** Money inputs start in this currency: rial, toman (`IRT`) or an ISO code. */
  defaultCurrency: z.enum(currencyCodes),
});

export type OrgSettings = z.output<typeof orgSettingsSchema>;

/** What `settings.update` takes: any of the settings; the others keep their saved values. */
export const orgSettingsPatchSchema = orgSettingsSchema.partial();
export type OrgSettingsPatch = z.output<typeof orgSettingsPatchSchema>;

export const defaultOrgSettings: Readonly<OrgSettings> = Object.freeze({
  calendar: 'byLocale',
  defaultLocale: 'fa',
  defaultCurrency: 'IRR',
});

