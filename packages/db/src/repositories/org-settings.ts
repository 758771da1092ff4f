import { defaultOrgSettings, orgSettingsSchema, type OrgSettings, type OrgSettingsPatch } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';

/** The organization's settings row: `get` gives the defaults until an admin first saves. */
export function createOrgSettingsRepository(db: Kysely<SarnakhDatabase>) {
  return {
    async get(): Promise<OrgSettings> {
      const row = await db.selectFrom('orgSettings').select(['calendar', 'defaultLocale', 'defaultCurrency']).executeTakeFirst();
      if (!row) return { ...defaultOrgSettings };
      // A value this version does not know (saved by a newer one) reads as its default.
      const { shape } = orgSettingsSchema;
      return {
        calendar: shape.calendar.safeParse(row.calendar).data ?? defaultOrgSettings.calendar,
        defaultLocale: shape.defaultLocale.safeParse(row.defaultLocale).data ?? defaultOrgSettings.defaultLocale,
        defaultCurrency: shape.defaultCurrency.safeParse(row.defaultCurrency).data ?? defaultOrgSettings.defaultCurrency,
      };
    },

    /**
     * Change the settings the patch names, in one statement: two admins saving different settings
     * at once both keep their change. The first save fills the others with the defaults.
     */
    async update(patch: OrgSettingsPatch, updatedBy: string | null): Promise<OrgSettings> {
      const changed = { ...patch, updatedBy, updatedAt: new Date() };
      await db
        .insertInto('orgSettings')
        .values({ ...defaultOrgSettings, ...changed })
        .onConflict((oc) => oc.column('singleton').doUpdateSet(changed))
        .execute();
      return this.get();
    },
  };
}

export type OrgSettingsRepository = ReturnType<typeof createOrgSettingsRepository>;
