import { defineComponent, h, onMounted, ref } from 'vue';
import { query, type TodayCount } from './trpc.js';

/** Today's automatic assignments per person, against their daily cap (`roundRobin.today`). */
export default defineComponent({
  name: 'RoundRobinTodayWidget',
  setup() {
    const counts = ref<TodayCount[]>([]);
    const failed = ref(false);
    onMounted(async () => {
      try {
        counts.value = await query<TodayCount[]>('roundRobin.today');
      } catch {
        failed.value = true;
      }
    });
    return () =>
      failed.value
        ? h('p', { class: 'text-error' }, '—')
        : h(
            'ul',
            { class: 'round-robin-today' },
            counts.value.map((c) =>
              h('li', { key: c.userId }, [
                h('bdi', c.name),
                ': ',
                c.assigned.toLocaleString(),
                c.dailyCap === null ? '' : ` / ${c.dailyCap.toLocaleString()}`,
              ]),
            ),
          );
  },
});
