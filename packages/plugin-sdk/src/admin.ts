/**
 * The admin (Vue) half of a plugin: what its `admin.entry` module default-exports. The web app
 * loads it for enabled plugins with its own single copy of vue, vue-router, pinia and vue-i18n, so
 * plugins list those as peer dependencies. Components are lazy (`() => import('./Widget.vue')`),
 * typed loosely here so this package needs no Vue.
 */
import type { Locale, LocalizedText, Role } from '@sarnakh/core';

/** A lazily loaded Vue component. */
export type LazyComponent = () => Promise<unknown>;

export interface AdminRoute {
  /** Under `/plugins/<id>/`: `inbox` → `/plugins/sms-capture/inbox`. */
  path: string;
  title: LocalizedText;
  component: LazyComponent;
  /** Roles that may open it; every signed-in user when absent. */
  roles?: readonly Role[];
}

export interface AdminNavEntry {
  label: LocalizedText;
  /** A path of one of the plugin's routes. */
  to: string;
  /** An mdi icon name: `mdi-message-text`. */
  icon?: string;
  roles?: readonly Role[];
}

export interface AdminWidget {
  id: string;
  title: LocalizedText;
  component: LazyComponent;
  /** Grid width on the dashboard. */
  size?: 'small' | 'medium' | 'large';
  roles?: readonly Role[];
}

export interface LeadPanel {
  id: string;
  title: LocalizedText;
  /** Gets the lead as its `lead` prop. */
  component: LazyComponent;
}

export interface AdminPluginEntry {
  routes?: readonly AdminRoute[];
  nav?: readonly AdminNavEntry[];
  /** Replaces the generic form built from the settings schema. */
  settingsPage?: LazyComponent;
  widgets?: readonly AdminWidget[];
  leadPanels?: readonly LeadPanel[];
  /** Inputs for the plugin's field types, by field type id. */
  fieldInputs?: Readonly<Record<string, LazyComponent>>;
  /** The plugin's UI strings per locale, merged into vue-i18n under `plugins.<key>`. */
  messages?: Partial<Record<Locale, Record<string, string>>>;
}

/** Identity, for types: `export default defineAdminPlugin({ widgets: [...] })`. */
export function defineAdminPlugin(entry: AdminPluginEntry): AdminPluginEntry {
  return entry;
}
