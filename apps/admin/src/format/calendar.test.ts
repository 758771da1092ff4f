import { describe, expect, it } from 'vitest';
import { calendarFor } from './calendar.js';

describe('calendarFor', () => {
  it('follows the language under the organization default: Jalali for fa, Gregorian for ar and en', () => {
    expect(calendarFor('fa', 'auto', 'byLocale')).toBe('jalali');
    expect(calendarFor('ar', 'auto', 'byLocale')).toBe('gregorian');
    expect(calendarFor('en', 'auto', 'byLocale')).toBe('gregorian');
  });

  it('takes the organization calendar for every language when the user left it on auto', () => {
    for (const locale of ['fa', 'ar', 'en'] as const) {
      expect(calendarFor(locale, 'auto', 'gregorian')).toBe('gregorian');
      expect(calendarFor(locale, 'auto', 'jalali')).toBe('jalali');
    }
  });

  it("keeps the user's own choice over the organization's", () => {
    expect(calendarFor('fa', 'gregorian', 'jalali')).toBe('gregorian');
    expect(calendarFor('en', 'jalali', 'gregorian')).toBe('jalali');
  });
});
