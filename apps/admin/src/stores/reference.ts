import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, type PicklistEntry, type Picklists, type UserView } from '../api/trpc.js';
import { currentLocale } from '../i18n/index.js';

export type PicklistName = keyof Picklists;

/** Picklists and users: loaded once per sign-in, shared by every screen that shows labels or owners. */
export const useReference = defineStore('reference', () => {
  const picklists = ref<Picklists | null>(null);
  const users = ref<UserView[]>([]);
  let loading: Promise<void> | null = null;

  function load(force = false): Promise<void> {
    if (loading && !force) return loading;
    loading = Promise.all([api.picklists.list.query(), api.users.list.query()]).then(([p, u]) => {
      picklists.value = p;
      users.value = u;
    });
    loading.catch(() => (loading = null));
    return loading;
  }

  /** The values people may pick now: retired ones stay readable on old leads but are not offered. */
  const options = (list: PicklistName) =>
    [...(picklists.value?.[list] ?? [])]
      .filter((v: PicklistEntry) => !v.retired)
      .sort((a, b) => a.position - b.position)
      .map((v) => ({ value: v.key, title: v.label[currentLocale()] }));

  const entry = (list: PicklistName, key: string | null | undefined): PicklistEntry | undefined =>
    key ? picklists.value?.[list]?.find((v) => v.key === key) : undefined;
  const label = (list: PicklistName, key: string | null | undefined): string => {
    if (!key) return '—';
    return entry(list, key)?.label[currentLocale()] ?? key;
  };

  const userName = (id: string | null | undefined): string | null => (id ? (users.value.find((u) => u.id === id)?.name ?? id) : null);
  const activeUsers = computed(() => users.value.filter((u) => u.active));
  /** Who can be given a lead now, as select options. */
  const userOptions = computed(() => activeUsers.value.map((u) => ({ value: u.id, title: u.name })));

  return { picklists, users, activeUsers, userOptions, load, options, entry, label, userName };
});
