import { formatDateInput, isoDay, localDigits, pageCalendar, parseDateInput } from '@sarnakh/plugin-sdk/admin';
import { defineComponent, h, ref, watch } from 'vue';
import { VTextField } from 'vuetify/components';
import { locale, say } from './state.js';

/** `YYYY-MM-DD` (the API's day) to that local day. */
const fromIso = (day: string): Date | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
};

/**
 * A day typed as `yyyy/mm/dd` in the web app's calendar (Jalali in fa unless the user chose
 * otherwise), in any digits; shown back in that calendar and the page's digits. The model is the
 * API's Gregorian `YYYY-MM-DD`, or '' for none. An impossible day is flagged on the input.
 */
export const DateField = defineComponent({
  name: 'InsightsDateField',
  props: {
    modelValue: { type: String, required: true },
    label: { type: String, required: true },
  },
  emits: { 'update:modelValue': (day: string) => typeof day === 'string' },
  setup(props, { emit }) {
    const typed = ref('');
    const invalid = ref(false);
    const show = () => {
      const date = fromIso(props.modelValue);
      typed.value = date ? localDigits(formatDateInput(date, pageCalendar(locale.value)), locale.value) : '';
    };
    watch([() => props.modelValue, locale], show, { immediate: true });

    const commit = () => {
      if (typed.value.trim() === '') {
        invalid.value = false;
        if (props.modelValue !== '') emit('update:modelValue', '');
        return;
      }
      const date = parseDateInput(typed.value, pageCalendar(locale.value));
      invalid.value = date === null;
      if (!date) return;
      const day = isoDay(date);
      if (day !== props.modelValue) emit('update:modelValue', day);
      show();
    };

    return () =>
      h(VTextField, {
        modelValue: typed.value,
        'onUpdate:modelValue': (v: string | null) => (typed.value = v ?? ''),
        label: props.label,
        placeholder: localDigits(pageCalendar(locale.value) === 'jalali' ? '1404/01/15' : '2025/04/04', locale.value),
        errorMessages: invalid.value ? [say(locale.value, 'badDate')] : [],
        prependInnerIcon: 'mdi-calendar',
        inputmode: 'numeric',
        clearable: true,
        density: 'compact',
        hideDetails: 'auto',
        onBlur: commit,
        onKeydown: (e: { key: string }) => e.key === 'Enter' && commit(),
        'onClick:clear': () => ((typed.value = ''), commit()),
      });
  },
});
