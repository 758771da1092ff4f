import { callProcedure, errorMessage, fieldErrors, formatNumber, localDigits, toAsciiDigits } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, onMounted, ref } from 'vue';
import { VAlert, VBtn, VChip, VProgressLinear, VTable, VTextField } from 'vuetify/components';
import { locale, text } from './labels.js';
import type { MemberView } from './types.js';

type Editable = 'weight' | 'dailyCap';

const statusColor: Record<NonNullable<MemberView['unavailable']> | 'ok', string> = {
  ok: 'success',
  inactive: 'default',
  leave: 'warning',
  off_hours: 'info',
  capped: 'error',
};

/** A typed number in any digits; '' is no number, anything else unparseable is NaN. */
const parseCount = (typed: string): number | null => (typed.trim() === '' ? null : Number(toAsciiDigits(typed.trim())));

/**
 * Members of distribution: weight and daily cap per person, who can take a lead now and how many
 * they got today. Working hours and leave are edited through `roundRobin.members.update` as well;
 * this page keeps to the two numbers managers change most. A value saves when its input loses
 * focus or Enter is pressed; the server's objection lands on that input.
 */
export default defineComponent({
  name: 'RoundRobinMembersPage',
  setup() {
    const members = ref<MemberView[]>([]);
    const loading = ref(false);
    const error = ref<string | null>(null);
    /** What is typed, per `userId:field`, until it is saved. */
    const drafts = ref<Record<string, string>>({});
    const problems = ref<Record<string, string[]>>({});
    const savedKey = ref<string | null>(null);

    const load = async () => {
      loading.value = true;
      try {
        members.value = await callProcedure<MemberView[]>('roundRobin.members.list');
        drafts.value = {};
        error.value = null;
      } catch (e) {
        error.value = errorMessage(e);
      } finally {
        loading.value = false;
      }
    };

    const shown = (m: MemberView, field: Editable) => {
      const key = `${m.userId}:${field}`;
      if (key in drafts.value) return drafts.value[key]!;
      const value = m[field];
      return value === null ? '' : localDigits(String(value), locale.value);
    };

    const save = async (m: MemberView, field: Editable) => {
      const key = `${m.userId}:${field}`;
      if (!(key in drafts.value)) return;
      const value = parseCount(drafts.value[key]!);
      if (field === 'weight' && value === null) {
        problems.value = { ...problems.value, [key]: [`${text().weight}: 1–100`] };
        return;
      }
      try {
        await callProcedure('roundRobin.members.update', { userId: m.userId, [field]: value }, 'mutation');
        problems.value = { ...problems.value, [key]: [] };
        savedKey.value = key;
        await load();
      } catch (e) {
        const { byField, rest } = fieldErrors(e, [field]);
        problems.value = { ...problems.value, [key]: [...(byField[field] ?? []), ...rest] };
      }
    };

    onMounted(load);

    const numberInput = (m: MemberView, field: Editable, label: string) => {
      const key = `${m.userId}:${field}`;
      return h(VTextField, {
        modelValue: shown(m, field),
        'onUpdate:modelValue': (v: string) => {
          drafts.value = { ...drafts.value, [key]: v ?? '' };
          if (savedKey.value === key) savedKey.value = null;
        },
        onBlur: () => save(m, field),
        onKeydown: (e: { key: string }) => e.key === 'Enter' && save(m, field),
        'aria-label': `${label}: ${m.name}`,
        placeholder: field === 'dailyCap' ? text().noCap : undefined,
        inputmode: 'numeric',
        dir: 'ltr',
        density: 'compact',
        variant: 'outlined',
        hideDetails: 'auto',
        errorMessages: problems.value[key] ?? [],
        messages: savedKey.value === key ? [text().saved] : [],
        style: 'min-width: 96px; max-width: 140px',
        'data-testid': `rr-${field}-${m.userId}`,
      });
    };

    const availability = (m: MemberView) => {
      const status = m.unavailable ?? 'ok';
      return h(VChip, { size: 'small', color: statusColor[status], variant: 'tonal' }, () => text()[status]);
    };

    const today = (m: MemberView) =>
      m.dailyCap === null
        ? formatNumber(m.assignedToday, locale.value)
        : h('div', { style: 'min-width: 96px' }, [
            h('span', `${formatNumber(m.assignedToday, locale.value)} / ${formatNumber(m.dailyCap, locale.value)}`),
            h(VProgressLinear, {
              modelValue: m.dailyCap === 0 ? 100 : Math.min(100, (100 * m.assignedToday) / m.dailyCap),
              color: m.assignedToday >= m.dailyCap ? 'error' : 'primary',
              height: 4,
              rounded: true,
              'aria-hidden': 'true',
            }),
          ]);

    return () => {
      const t = text();
      return h('section', { class: 'round-robin-members' }, [
        h('div', { class: 'd-flex flex-wrap align-center ga-2 mb-3' }, [
          h('p', { class: 'text-body-2 text-medium-emphasis me-auto mb-0' }, t.hint),
          h(VBtn, { variant: 'text', prependIcon: 'mdi-refresh', loading: loading.value, onClick: load }, () => t.reload),
        ]),
        error.value ? h(VAlert, { type: 'error', variant: 'tonal', class: 'mb-3', role: 'alert', style: 'white-space: pre-line' }, () => error.value) : null,
        !loading.value && members.value.length === 0 && !error.value ? h(VAlert, { type: 'info', variant: 'tonal' }, () => t.none) : null,
        members.value.length > 0
          ? h(VTable, { density: 'comfortable', class: 'overflow-x-auto', 'data-testid': 'round-robin-members' }, () => [
              h('thead', h('tr', [t.name, t.weight, t.cap, t.zone, t.now, t.today].map((label) => h('th', { scope: 'col' }, label)))),
              h(
                'tbody',
                members.value.map((m) =>
                  h('tr', { key: m.userId, class: m.active ? '' : 'text-disabled' }, [
                    h('th', { scope: 'row', class: 'font-weight-regular' }, h('bdi', m.name)),
                    h('td', numberInput(m, 'weight', t.weight)),
                    h('td', numberInput(m, 'dailyCap', t.cap)),
                    h('td', h('bdi', { dir: 'ltr' }, m.effectiveTimeZone)),
                    h('td', availability(m)),
                    h('td', today(m)),
                  ]),
                ),
              ),
            ])
          : null,
      ]);
    };
  },
});
