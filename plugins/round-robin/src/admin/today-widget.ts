import { callProcedure, errorMessage, formatNumber } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref } from 'vue';
import { VAlert, VList, VListItem, VProgressLinear } from 'vuetify/components';
import { locale, text } from './labels.js';
import type { TodayCount } from './types.js';

/** Today's automatic assignments per person, against their daily cap (`roundRobin.today`). */
export default defineComponent({
  name: 'RoundRobinTodayWidget',
  setup() {
    const counts = ref<TodayCount[]>([]);
    const error = ref<string | null>(null);
    onMounted(async () => {
      try {
        counts.value = await callProcedure<TodayCount[]>('roundRobin.today');
      } catch (e) {
        error.value = errorMessage(e);
      }
    });
    return () => {
      if (error.value) return h(VAlert, { type: 'error', variant: 'tonal', density: 'compact', role: 'alert' }, () => error.value);
      if (counts.value.length === 0) return h('p', { class: 'text-medium-emphasis' }, text().none);
      return h(VList, { density: 'compact', class: 'round-robin-today pa-0' }, () =>
        counts.value.map((c) =>
          h(VListItem, { key: c.userId, class: 'px-0' }, {
            title: () => h('bdi', c.name),
            append: () =>
              h('span', { class: 'text-body-2' }, c.dailyCap === null ? formatNumber(c.assigned, locale.value) : `${formatNumber(c.assigned, locale.value)} / ${formatNumber(c.dailyCap, locale.value)}`),
            default: () =>
              c.dailyCap === null
                ? null
                : h(VProgressLinear, {
                    modelValue: c.dailyCap === 0 ? 100 : Math.min(100, (100 * c.assigned) / c.dailyCap),
                    color: c.assigned >= c.dailyCap ? 'error' : 'primary',
                    height: 4,
                    rounded: true,
                    class: 'mt-1',
                    'aria-hidden': 'true',
                  }),
          }),
        ),
      );
    };
  },
});
