import { useI18n } from 'vue-i18n';
import { usePrefs } from '../../stores/prefs.js';
import type { ValueFormatters } from './values.js';

/** The formatters `formatCustomValue` needs, following the user's language and calendar. */
export function useValueFormatters(): () => ValueFormatters {
  const prefs = usePrefs();
  const { t } = useI18n();
  return () => ({
    locale: prefs.locale,
    number: (n) => prefs.number(n),
    money: (amount, currency) => prefs.money(amount, currency),
    date: (d, withTime) => prefs.date(d, withTime),
    yes: t('common.yes'),
    no: t('common.no'),
  });
}
