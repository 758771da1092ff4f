import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../../api/trpc.js';
import type { FieldDefinitionView } from './values.js';

/**
 * The active custom fields, shared by the lead form, detail page, list and layouts screen. Screens
 * call `load(true)` when they open, so a field an admin just added shows without a reload.
 */
export const useCustomFields = defineStore('customFields', () => {
  const definitions = ref<FieldDefinitionView[]>([]);
  let loading: Promise<void> | null = null;

  function load(force = false): Promise<void> {
    if (loading && !force) return loading;
    const request = api.fields.list.query({ includeArchived: false }).then((list) => {
      definitions.value = list;
    });
    loading = request;
    request.catch(() => {
      if (loading === request) loading = null;
    });
    return request;
  }

  const byKey = computed(() => new Map(definitions.value.map((d) => [d.key, d])));
  return { definitions, byKey, load };
});
