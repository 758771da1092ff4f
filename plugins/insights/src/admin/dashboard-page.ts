import { callProcedure } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref } from 'vue';
import { VBtn, VCard, VCardText, VCardTitle, VCol, VRow, VSelect } from 'vuetify/components';
import { DateField } from './date-field.js';
import { dashboardFilter, locale, say, type Period, type Word } from './state.js';
import { widgetTitles } from './titles.js';
import { ConversionWidget, FunnelWidget, NewLeadsWidget, OwnersWidget, QualifiedWidget, SpeedToLeadWidget } from './widgets.js';

const periodChoices: Period[] = ['day', 'week', 'month', 'quarter'];
const listFilters = ['source', 'channel', 'stage'] as const;

interface Choice {
  key: string;
  label: Record<'fa' | 'ar' | 'en', string>;
  retired: boolean;
}

const cards = [
  ['newLeads', NewLeadsWidget, 12],
  ['funnel', FunnelWidget, 6],
  ['conversion', ConversionWidget, 6],
  ['qualified', QualifiedWidget, 6],
  ['speedToLead', SpeedToLeadWidget, 6],
  ['owners', OwnersWidget, 12],
] as const;

/**
 * The insights dashboard: the range, period and filters on top, every widget below, each reloading
 * when a control changes. Days are typed in the web app's calendar (Jalali in fa); the charts
 * label periods in the organization's calendar.
 */
export default defineComponent({
  name: 'InsightsDashboardPage',
  setup() {
    const lists = ref<Partial<Record<(typeof listFilters)[number], Choice[]>>>({});
    const owners = ref<{ id: string; name: string }[]>([]);
    onMounted(async () => {
      // Both are optional comforts: without them the filters offer no choices, the numbers still load.
      lists.value = await callProcedure<typeof lists.value>('picklists.list').catch(() => ({}));
      owners.value = await callProcedure<{ id: string; name: string }[]>('users.list').catch(() => []);
    });

    const select = (word: Word, value: string, items: { title: string; value: string }[], set: (v: string) => void) =>
      h(VSelect, {
        modelValue: value || null,
        'onUpdate:modelValue': (v: string | null) => set(v ?? ''),
        items,
        label: say(locale.value, word),
        placeholder: say(locale.value, 'all'),
        persistentPlaceholder: true,
        clearable: true,
        density: 'compact',
        hideDetails: true,
      });
    const col = (child: ReturnType<typeof h>) => h(VCol, { cols: 12, sm: 6, md: 3 }, () => child);
    const clear = () => Object.assign(dashboardFilter, { from: '', to: '', ownerId: '', source: '', channel: '', stage: '' });

    const filters = () => {
      const l = locale.value;
      const choices = (list: Choice[] | undefined) => (list ?? []).filter((c) => !c.retired).map((c) => ({ title: c.label[l] || c.key, value: c.key }));
      return h(VCard, { variant: 'outlined', class: 'mb-4' }, () => [
        h(VCardTitle, { tag: 'h2', class: 'text-title-medium d-flex align-center' }, () => [
          h('span', { class: 'me-auto' }, say(l, 'filters')),
          h(VBtn, { size: 'small', variant: 'text', prependIcon: 'mdi-filter-off', onClick: clear }, () => say(l, 'reset')),
        ]),
        h(VCardText, () =>
          h('form', { class: 'insights-filters', onSubmit: (e: Event) => e.preventDefault() }, [
            h(VRow, { dense: true }, () => [
              col(h(DateField, { modelValue: dashboardFilter.from, 'onUpdate:modelValue': (v: string) => (dashboardFilter.from = v), label: say(l, 'from') })),
              col(h(DateField, { modelValue: dashboardFilter.to, 'onUpdate:modelValue': (v: string) => (dashboardFilter.to = v), label: say(l, 'to') })),
              col(
                h(VSelect, {
                  modelValue: dashboardFilter.period,
                  'onUpdate:modelValue': (v: Period) => (dashboardFilter.period = v),
                  items: periodChoices.map((p) => ({ title: say(l, p), value: p })),
                  label: say(l, 'period'),
                  density: 'compact',
                  hideDetails: true,
                }),
              ),
              owners.value.length > 0
                ? col(select('owner', dashboardFilter.ownerId, owners.value.map((o) => ({ title: o.name, value: o.id })), (v) => (dashboardFilter.ownerId = v)))
                : null,
              ...listFilters.map((field) => col(select(field, dashboardFilter[field], choices(lists.value[field]), (v) => (dashboardFilter[field] = v)))),
            ]),
          ]),
        ),
      ]);
    };

    return () =>
      h('section', { class: 'insights-dashboard' }, [
        filters(),
        h(VRow, () =>
          cards.map(([id, widget, md]) =>
            h(VCol, { key: id, cols: 12, md }, () =>
              h(VCard, { class: 'insights-card', height: '100%' }, () => [
                h(VCardTitle, { tag: 'h2', class: 'text-title-medium' }, () => widgetTitles[id][locale.value]),
                h(VCardText, () => h(widget)),
              ]),
            ),
          ),
        ),
      ]);
  },
});
