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

// --- calling the server from an admin half ------------------------------------------------------

/** The web app's language, from the page (`<html lang>`): for a plugin screen's own labels. */
export function pageLocale(): Locale {
  const lang = (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang ?? '';
  return lang.startsWith('fa') ? 'fa' : lang.startsWith('ar') ? 'ar' : 'en';
}

interface TrpcReply<T> {
  result?: { data?: { json: T } };
  error?: { json?: { message?: string; data?: { fields?: { field: string; message: string }[] } } };
}

/**
 * Call a tRPC procedure over HTTP as the signed-in user (the session cookie), with tRPC's superjson
 * envelope (`{ json }`: plain JSON values; dates come back as ISO strings). A failure throws an
 * Error whose message lists the field errors (`field: message`, one a line) or the server's message,
 * in the page's language.
 */
export async function callProcedure<T>(path: string, input?: unknown, kind: 'query' | 'mutation' = 'query'): Promise<T> {
  const envelope = JSON.stringify({ json: input ?? null });
  const headers = { 'x-sarnakh-locale': pageLocale() };
  const res =
    kind === 'query'
      ? await fetch(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(envelope)}`}`, { credentials: 'same-origin', headers })
      : await fetch(`/trpc/${path}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: envelope,
        });
  const reply = (await res.json()) as TrpcReply<T>;
  const data = reply.result?.data;
  if (res.ok && data !== undefined) return data.json;
  const fields = reply.error?.json?.data?.fields ?? [];
  throw new Error(fields.length > 0 ? fields.map((f) => `${f.field}: ${f.message}`).join('\n') : (reply.error?.json?.message ?? `HTTP ${res.status}`));
}
