import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { calendarFor, calendars, formatDate, localDigits, type CalendarChoice } from '../format/calendar.js';
import { formatMoney, formatNumber } from '../format/numbers.js';
import { currentLocale, i18n, type Locale } from '../i18n/index.js';
import { useOrgSettings } from './org-settings.js';

const CALENDAR_KEY = 'sarnakh.calendar';

function storedCalendar(): CalendarChoice {
  try {
    const value = localStorage.getItem(CALENDAR_KEY);
    return (calendars as readonly string[]).includes(value ?? '') ? (value as CalendarChoice) : 'auto';
  } catch {
    return 'auto';
  }
}

/** Display preferences and the formatters that follow them: language, calendar (the user's, else the organization's), digits. */
export const usePrefs = defineStore('prefs', () => {
  const org = useOrgSettings();
  const calendarChoice = ref<CalendarChoice>(storedCalendar());
  watch(calendarChoice, (value) => {
    try {
      localStorage.setItem(CALENDAR_KEY, value);
    } catch {
      // Not stored: the choice lasts for this page.
    }
  });
  const locale = computed<Locale>(() => i18n.global.locale.value as Locale);
  const calendar = computed(() => calendarFor(locale.value, calendarChoice.value, org.settings.calendar));
  // Plugins' admin halves read the calendar in force from the page (`pageCalendar` in the SDK).
  watch(calendar, (value) => document.documentElement.setAttribute('data-calendar', value), { immediate: true });

  const date = (value: Date | string | null | undefined, withTime = false): string => {
    if (value === null || value === undefined) return '—';
    const d = value instanceof Date ? value : new Date(value);
    return Number.isNaN(d.getTime()) ? '—' : formatDate(d, currentLocale(), calendar.value, withTime);
  };
  const number = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : formatNumber(value, locale.value));
  const money = (value: number | null | undefined, currency: string = org.settings.defaultCurrency): string =>
    value === null || value === undefined
      ? '—'
      : formatMoney(value, currency, locale.value, { IRR: i18n.global.t('lead.currency.IRR'), IRT: i18n.global.t('lead.currency.IRT') });
  const digits = (text: string): string => localDigits(text, locale.value);

  return { calendarChoice, calendar, locale, date, number, money, digits };
});
