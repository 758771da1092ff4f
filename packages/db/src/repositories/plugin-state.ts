import type { Kysely } from 'kysely';
import { jsonb, readJson } from '../json.js';
import type { SarnakhDatabase } from '../schema.js';

/** What an installation decided about a plugin; a plugin with no row is enabled with default settings. */
export interface StoredPluginState {
  enabled: boolean;
  /** Raw settings as last saved (validated again at boot against the plugin's current schema). */
  settings: Record<string, unknown> | null;
  updatedAt: Date;
}

/** Each plugin's enabled flag and settings, shared by every server process. */
export function createPluginStateStore(db: Kysely<SarnakhDatabase>) {
  return {
    async all(): Promise<Map<string, StoredPluginState>> {
      const rows = await db.selectFrom('pluginState').select(['pluginId', 'enabled', 'settings', 'updatedAt']).execute();
      return new Map(
        rows.map((r) => [
          r.pluginId,
          { enabled: r.enabled, settings: r.settings === null ? null : readJson<Record<string, unknown>>(r.settings), updatedAt: r.updatedAt },
        ]),
      );
    },

    async setEnabled(pluginId: string, enabled: boolean, updatedBy: string | null): Promise<void> {
      await db
        .insertInto('pluginState')
        .values({ pluginId, enabled, updatedBy })
        .onConflict((oc) => oc.column('pluginId').doUpdateSet({ enabled, updatedBy, updatedAt: new Date() }))
        .execute();
    },

    async setSettings(pluginId: string, settings: Record<string, unknown> | undefined, updatedBy: string | null): Promise<void> {
      const value = settings === undefined ? null : jsonb(settings);
      await db
        .insertInto('pluginState')
        .values({ pluginId, settings: value, updatedBy })
        .onConflict((oc) => oc.column('pluginId').doUpdateSet({ settings: value, updatedBy, updatedAt: new Date() }))
        .execute();
    },
  };
}

export type PluginStateStore = ReturnType<typeof createPluginStateStore>;
