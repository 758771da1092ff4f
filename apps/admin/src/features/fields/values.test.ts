import { describe, expect, it } from 'vitest';
import { dateToDay, dayToDate, formatCustomValue, type FieldDefinitionView, type ValueFormatters } from './values.js';

const f: ValueFormatters = {
  locale: 'fa',
  number: (n) => `n${n}`,
  money: (amount, currency) => `${amount} ${currency}`,
  date: (d, withTime) => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}${withTime ? ' t' : ''}`,
  yes: 'بله',
  no: 'خیر',
};
const options = [{ key: 'a', label: { fa: 'الف', ar: 'أ', en: 'A' } }, { key: 'b', label: { fa: 'ب', ar: 'ب', en: 'B' } }];
const def = (type: string) => ({ type, options }) as unknown as FieldDefinitionView;

describe('custom values for display', () => {
  it('formats each type through the app\'s formatters, labels in the language', () => {
    expect(formatCustomValue(def('number'), 12, f)).toBe('n12');
    expect(formatCustomValue(def('currency'), { amount: 5, currency: 'IRT' }, f)).toBe('5 IRT');
    expect(formatCustomValue(def('date'), '2025-03-04', f)).toBe('2025-3-4');
    expect(formatCustomValue(def('boolean'), false, f)).toBe('خیر');
    expect(formatCustomValue(def('single-select'), 'b', f)).toBe('ب');
    expect(formatCustomValue(def('multi-select'), ['a', 'gone'], f)).toEqual(['الف', 'gone']);
    expect(formatCustomValue(def('text'), '', f)).toBeNull();
    expect(formatCustomValue(def('multi-select'), [], f)).toBeNull();
  });

  it('keeps a day the same day both ways, whatever the time zone', () => {
    expect(dateToDay(dayToDate('2025-12-31')!)).toBe('2025-12-31');
    expect(dayToDate('31/12/2025')).toBeNull();
  });
});
