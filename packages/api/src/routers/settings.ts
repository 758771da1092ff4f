import { orgSettingsPatchSchema } from '@sarnakh/core';
import { createOrgSettingsRepository } from '@sarnakh/db';
import { adminProcedure, authedProcedure, router } from '../trpc.js';

export const settingsRouter = router({
  /**
   * The organization's settings (calendar, default language, default currency), or the defaults
   * before an admin saves any: every signed-in screen formats with them.
   */
  get: authedProcedure.query(({ ctx }) => createOrgSettingsRepository(ctx.services.database.db).get()),

  /**
   * Change any of the settings; the others keep their values. A bad value is refused by its field
   * (`calendar`, `defaultLocale`, `defaultCurrency`). Returns the settings as saved.
   */
  update: adminProcedure
    .input(orgSettingsPatchSchema)
    .mutation(({ ctx, input }) => createOrgSettingsRepository(ctx.services.database.db).update(input, ctx.user.id)),
});
