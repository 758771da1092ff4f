import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, type RouterInputs, type RouterOutputs } from '../api/trpc.js';
import { savedLocale } from '../i18n/locale.js';
import { setLocale } from '../i18n/index.js';

export type OrgSettings = RouterOutputs['settings']['get'];
export type OrgSettingsPatch = RouterInputs['settings']['update'];

/** The server's defaults, used until the saved settings arrive (and by signed-out pages). */
const fallback: OrgSettings = { calendar: 'byLocale', defaultLocale: 'fa', defaultCurrency: 'IRR' };

/**
 * The organization's settings, loaded once after sign-in: the calendar dates follow unless the
 * user chose one, the language of a user who never chose one, the currency money inputs start in.
 */
export const useOrgSettings = defineStore('org-settings', () => {
  const settings = ref<OrgSettings>({ ...fallback });
  const loaded = ref(false);

  function apply(next: OrgSettings): void {
    settings.value = next;
    loaded.value = true;
    // Someone who never picked a language (no `?lang`, nothing saved) reads the organization's.
    if (savedLocale() === null) setLocale(next.defaultLocale, false);
  }

  async function load(): Promise<void> {
    apply(await api.settings.get.query());
  }

  /** Save a change (admins); the server names a bad value's field. Every screen follows at once. */
  async function update(patch: OrgSettingsPatch): Promise<OrgSettings> {
    const saved = await api.settings.update.mutate(patch);
    apply(saved);
    return saved;
  }

  return { settings, loaded, load, update };
});
