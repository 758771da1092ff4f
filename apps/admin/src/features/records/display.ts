import { useI18n } from 'vue-i18n';
import { usePrefs } from '../../stores/prefs.js';
import { useReference } from '../../stores/reference.js';
import { dayToDate } from './days.js';
import { recordTitle, type AnyRecord } from './kinds.js';

/** Fields shown left to right whatever the language: numbers and addresses. */
export const ltrFields = new Set(['phone', 'mobile', 'email', 'website']);

/**
 * A record field as text for lists and the detail page: amounts in the record's currency (rial and
 * toman by name), days in the user's calendar and digits, picklists and stages by label, owners by name.
 */
export function useRecordDisplay() {
  const { t } = useI18n();
  const prefs = usePrefs();
  const reference = useReference();

  function value(record: AnyRecord, name: string): string {
    const fields = record as unknown as Record<string, unknown>;
    const raw = fields[name];
    switch (name) {
      case 'name':
        return recordTitle(record);
      case 'amount':
        return typeof raw === 'number' ? prefs.money(raw, typeof fields.currency === 'string' ? fields.currency : 'IRR') : '—';
      case 'expectedCloseDate':
        return prefs.date(dayToDate(typeof raw === 'string' ? raw : null));
      case 'createdAt':
      case 'updatedAt':
        return prefs.date(raw as Date | string | null);
      case 'salesStage':
        return typeof raw === 'string' ? t(`records.salesStages.${raw}`) : '—';
      case 'industry':
        return reference.label('industry', raw as string | null);
      case 'ownerId':
        return reference.userName(raw as string | null) ?? t('common.unassigned');
      default:
        return raw === null || raw === undefined || raw === '' ? '—' : String(raw);
    }
  }

  return { value };
}
