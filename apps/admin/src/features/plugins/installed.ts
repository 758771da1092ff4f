import type { AdminPluginEntry } from '@sarnakh/plugin-sdk/admin';

/**
 * The admin halves of the plugins apps/server installs (apps/server/src/plugins.ts), by plugin id,
 * bundled into this app so they share its single vue, vue-router, pinia and vue-i18n. Each loads
 * lazily, and only when `plugins.list` says the plugin is enabled. Installing a plugin with an
 * admin half means one line here.
 */
export const installedAdminPlugins: Readonly<Record<string, () => Promise<{ default: AdminPluginEntry }>>> = {
  'round-robin': () => import('@sarnakh/plugin-round-robin/admin'),
  'sms-capture': () => import('@sarnakh/plugin-sms-capture/admin'),
  'excel-import': () => import('@sarnakh/plugin-excel-import/admin'),
  insights: () => import('@sarnakh/plugin-insights/admin'),
};
