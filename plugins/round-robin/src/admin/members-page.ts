import { defineComponent, h, onMounted, ref } from 'vue';
import { mutate, pageLocale, query, type MemberView } from './trpc.js';

const labels = {
  en: { name: 'Name', weight: 'Weight', cap: 'Daily cap', zone: 'Time zone', now: 'Now', today: 'Today', inactive: 'inactive', leave: 'on leave', off_hours: 'off hours', capped: 'at cap', ok: 'available' },
  fa: { name: 'نام', weight: 'وزن', cap: 'سقف روزانه', zone: 'منطقه زمانی', now: 'اکنون', today: 'امروز', inactive: 'غیرفعال', leave: 'مرخصی', off_hours: 'خارج از ساعت کاری', capped: 'به سقف رسیده', ok: 'در دسترس' },
  ar: { name: 'الاسم', weight: 'الوزن', cap: 'الحد اليومي', zone: 'المنطقة الزمنية', now: 'الآن', today: 'اليوم', inactive: 'غير نشط', leave: 'في إجازة', off_hours: 'خارج ساعات العمل', capped: 'بلغ الحد', ok: 'متاح' },
} as const;

const valueOf = (event: Event) => (event.target as unknown as { value: string }).value;

/**
 * Members of distribution: weight and daily cap per person, who can take a lead now and how many
 * they got today. Working hours and leave are edited through `roundRobin.members.update` as well;
 * this page keeps to the two numbers managers change most.
 */
export default defineComponent({
  name: 'RoundRobinMembersPage',
  setup() {
    const members = ref<MemberView[]>([]);
    const error = ref<string | null>(null);
    const load = async () => {
      try {
        members.value = await query<MemberView[]>('roundRobin.members.list');
        error.value = null;
      } catch (e) {
        error.value = e instanceof Error ? e.message : String(e);
      }
    };
    const save = async (userId: string, patch: { weight?: number; dailyCap?: number | null }) => {
      try {
        await mutate('roundRobin.members.update', { userId, ...patch });
        await load();
      } catch (e) {
        error.value = e instanceof Error ? e.message : String(e);
      }
    };
    onMounted(load);
    const cell = (children: ReturnType<typeof h> | string) => h('td', children);
    const text = labels[pageLocale()];
    return () =>
      h('section', { class: 'round-robin-members' }, [
        error.value ? h('p', { class: 'text-error', role: 'alert' }, error.value) : null,
        h('table', [
          h('thead', h('tr', [text.name, text.weight, text.cap, text.zone, text.now, text.today].map((label) => h('th', label)))),
          h(
            'tbody',
            members.value.map((m) =>
              h('tr', { key: m.userId, class: m.active ? '' : 'inactive' }, [
                cell(h('bdi', m.name)),
                cell(
                  h('input', {
                    type: 'number',
                    min: 1,
                    max: 100,
                    value: m.weight,
                    onChange: (e: Event) => save(m.userId, { weight: Number(valueOf(e)) }),
                  }),
                ),
                cell(
                  h('input', {
                    type: 'number',
                    min: 0,
                    value: m.dailyCap ?? '',
                    placeholder: '∞',
                    onChange: (e: Event) => save(m.userId, { dailyCap: valueOf(e) === '' ? null : Number(valueOf(e)) }),
                  }),
                ),
                cell(h('bdi', { dir: 'ltr' }, m.effectiveTimeZone)),
                cell(text[m.unavailable ?? 'ok']),
                cell(m.assignedToday.toLocaleString()),
              ]),
            ),
          ),
        ]),
      ]);
  },
});
