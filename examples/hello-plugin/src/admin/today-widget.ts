import { defineComponent, h, onMounted, ref } from 'vue';

interface Count {
  source: string;
  leads: number;
}

/**
 * Today's counts from `GET /api/plugins/hello/today` (the session cookie signs the request in).
 * A render function rather than an SFC, so the example builds with `tsc` alone.
 */
export default defineComponent({
  name: 'HelloTodayWidget',
  setup() {
    const counts = ref<Count[]>([]);
    const failed = ref(false);
    onMounted(async () => {
      try {
        const res = await fetch('/api/plugins/hello/today', { credentials: 'same-origin' });
        if (!res.ok) throw new Error(String(res.status));
        counts.value = ((await res.json()) as { counts: Count[] }).counts;
      } catch {
        failed.value = true;
      }
    });
    return () =>
      failed.value
        ? h('p', { class: 'text-error' }, '—')
        : h(
            'ul',
            { class: 'hello-today' },
            counts.value.map((c) => h('li', { key: c.source }, [h('bdi', c.source), ': ', c.leads.toLocaleString()])),
          );
  },
});
