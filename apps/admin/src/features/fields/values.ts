import type { currencyCodes as coreCurrencyCodes, LocalizedText } from '@sarnakh/core';
import type { LeadView, RouterOutputs } from '../../api/trpc.js';
import type { Locale } from '../../i18n/index.js';

/** An admin-defined field as `fields.list` returns it. */
export type FieldDefinitionView = RouterOutputs['fields']['list'][number];
/** A stored custom value, as `leads.get` returns it in `customFields`. */
export type CustomValue = LeadView['customFields'][string];

/**
 * The codes core's `currency` type accepts. Only its type is imported: the app does not bundle
 * core, and the annotation keeps this list within core's.
 */
export const currencyCodes: readonly (typeof coreCurrencyCodes)[number][] = ['IRR', 'IRT', 'USD', 'EUR', 'AED', 'SAR', 'GBP', 'TRY', 'IQD', 'KWD', 'QAR', 'OMR', 'BHD', 'CNY'];

/** Types whose values are codes, numbers or addresses: typed and shown left to right in any language. */
const ltrTypes = new Set(['phone', 'email', 'url', 'national-code']);
export const isLtrType = (type: string) => ltrTypes.has(type);

export interface Money {
  amount: number;
  currency: string;
}

export const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Money).amount === 'number' && typeof (value as Money).currency === 'string';

/** An option's label in the language, its key when the option is gone from the definition. */
export function optionLabel(definition: Pick<FieldDefinitionView, 'options'>, key: string, locale: Locale): string {
  const option = definition.options.find((o) => o.key === key);
  return option ? option.label[locale] : key;
}

export const localized = (text: LocalizedText, locale: Locale) => text[locale] || text.en;

/** A `YYYY-MM-DD` day as local midnight, the way the app's date inputs and formatters read days. */
export function dayToDate(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local midnight back to the `YYYY-MM-DD` day the `date` type stores. */
export const dateToDay = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** What the screen needs to show values in the user's language, digits and calendar. */
export interface ValueFormatters {
  locale: Locale;
  number: (value: number) => string;
  money: (amount: number, currency: string) => string;
  date: (value: Date, withTime: boolean) => string;
  yes: string;
  no: string;
}

/**
 * A custom value as text for the user: numbers in the language's digits, amounts with the app's
 * money formatter, days and instants in the user's calendar, options by their labels. Multi
 * selects come back as a list of labels (shown as chips). Null for "no value".
 */
export function formatCustomValue(definition: Pick<FieldDefinitionView, 'type' | 'options'>, value: CustomValue | undefined, f: ValueFormatters): string | string[] | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  switch (definition.type) {
    case 'number':
      return typeof value === 'number' ? f.number(value) : String(value);
    case 'currency':
      return isMoney(value) ? f.money(value.amount, value.currency) : String(value);
    case 'date': {
      const day = typeof value === 'string' ? dayToDate(value) : null;
      return day ? f.date(day, false) : String(value);
    }
    case 'date-time': {
      const at = typeof value === 'string' ? new Date(value) : null;
      return at && !Number.isNaN(at.getTime()) ? f.date(at, true) : String(value);
    }
    case 'boolean':
      return value === true ? f.yes : value === false ? f.no : String(value);
    case 'single-select':
      return typeof value === 'string' ? optionLabel(definition, value, f.locale) : String(value);
    case 'multi-select':
      return Array.isArray(value) ? value.map((key) => optionLabel(definition, key, f.locale)) : [String(value)];
    default:
      // Text types and plugins' types we have no formatter for: the stored text.
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
