import type { AdminNavEntry, AdminPluginEntry, AdminWidget, LeadPanel } from '@sarnakh/plugin-sdk/admin';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { api, type PluginView } from '../../api/trpc.js';
import { mergePluginMessages } from '../../i18n/index.js';
import { installedAdminPlugins } from './installed.js';

export interface LoadedPlugin {
  id: string;
  key: string;
  view: PluginView;
  entry: AdminPluginEntry;
}

/** `{ entry: '@sarnakh/plugin-round-robin/admin' }` from `plugins.list`'s `admin`, when the plugin has a web half. */
function declaresAdmin(view: PluginView): boolean {
  const admin = view.admin as { entry?: unknown } | null;
  return typeof admin?.entry === 'string';
}

/**
 * Enabled plugins' admin halves. The bundled list says what can be loaded; `plugins.list` says what
 * is on now, so a disabled plugin's pages, nav entries, widgets and panels disappear.
 */
export const usePlugins = defineStore('plugins', () => {
  const views = ref<PluginView[]>([]);
  const loaded = shallowRef<LoadedPlugin[]>([]);
  const failures = ref<{ id: string; message: string }[]>([]);

  async function load(): Promise<LoadedPlugin[]> {
    views.value = await api.plugins.list.query();
    const wanted = views.value.filter((v) => v.enabled && declaresAdmin(v) && installedAdminPlugins[v.id]);
    const results = await Promise.allSettled(wanted.map(async (view) => ({ id: view.id, key: view.key, view, entry: (await installedAdminPlugins[view.id]!()).default })));
    const ok: LoadedPlugin[] = [];
    failures.value = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') ok.push(r.value);
      else failures.value.push({ id: wanted[i]!.id, message: String(r.reason) });
    });
    for (const p of ok) if (p.entry.messages) mergePluginMessages(p.key, p.entry.messages);
    loaded.value = ok;
    return ok;
  }

  const byId = (id: string) => loaded.value.find((p) => p.id === id);
  const nav = computed(() => loaded.value.flatMap((p) => (p.entry.nav ?? []).map((n: AdminNavEntry) => ({ plugin: p, ...n, to: `/plugins/${p.id}/${n.to}` }))));
  const widgets = computed(() => loaded.value.flatMap((p) => (p.entry.widgets ?? []).map((w: AdminWidget) => ({ plugin: p, ...w }))));
  const leadPanels = computed(() => loaded.value.flatMap((p) => (p.entry.leadPanels ?? []).map((panel: LeadPanel) => ({ plugin: p, ...panel }))));

  return { views, loaded, failures, load, byId, nav, widgets, leadPanels };
});
