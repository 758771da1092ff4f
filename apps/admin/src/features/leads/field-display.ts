import { useI18n } from 'vue-i18n';
import type { LeadView } from '../../api/trpc.js';
import { usePrefs } from '../../stores/prefs.js';
import { useReference } from '../../stores/reference.js';
import type { FormFieldKind } from './form-fields.js';

/**
 * How a built-in field's value reads on the detail page and in the list: picklist labels, the
 * owner's name, yes/no, money and numbers in the language's digits, instants in the user's calendar.
 */
export function useBuiltinDisplay() {
  const { t } = useI18n();
  const prefs = usePrefs();
  const reference = useReference();
  return (lead: LeadView, name: string, kind: FormFieldKind): string => {
    const value = (lead as unknown as Record<string, unknown>)[name];
    if (value === null || value === undefined || value === '') return '—';
    if (typeof kind === 'object') return reference.label(kind.picklist, value as string);
    switch (kind) {
      case 'owner':
        return reference.userName(value as string) ?? '—';
      case 'boolean':
        return value ? t('common.yes') : t('common.no');
      case 'money':
        return prefs.money(value as number, 'IRR');
      case 'number':
        return prefs.number(value as number);
      case 'dateTime':
        return prefs.date(value as Date | string, true);
      case 'qualification':
        return t(`lead.qualification.${value as string}`);
      default:
        return String(value);
    }
  };
}

/** A field's label in the UI language: the catalog's for built-ins, the admin's for custom fields. */
export function useFieldLabel() {
  const { t, te } = useI18n();
  const prefs = usePrefs();
  return (field: { custom: true; definition: { label: Record<string, string> } } | { custom: false; name: string }): string => {
    if (field.custom) return field.definition.label[prefs.locale] || field.definition.label.en || '';
    return te(`lead.fields.${field.name}`) ? t(`lead.fields.${field.name}`) : t(`layouts.systemFields.${field.name}`);
  };
}
