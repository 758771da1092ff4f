import { describe, expect, it } from 'vitest';
import { fieldErrors, formatDate, formatDateInput, formatNumber, isoDay, localDigits, pageCalendar, parseDateInput, ProcedureError, toAsciiDigits } from './admin.js';

describe('the admin helpers', () => {
  it('writes digits as each language does and reads any of them back', () => {
    expect(localDigits('1404/01/15', 'fa')).toBe('۱۴۰۴/۰۱/۱۵');
    expect(localDigits('2025', 'ar')).toBe('٢٠٢٥');
    expect(localDigits('2025', 'en')).toBe('2025');
    expect(toAsciiDigits('۱۴۰۴/٠١/15')).toBe('1404/01/15');
    expect(formatNumber(1234, 'fa')).toBe('۱٬۲۳۴');
    expect(formatNumber(null, 'en')).toBe('—');
  });

  it('parses and shows days in the Jalali and Gregorian calendars', () => {
    const nowruz = parseDateInput('۱۴۰۴/۰۱/۰۱', 'jalali');
    expect(nowruz && isoDay(nowruz)).toBe('2025-03-21');
    expect(parseDateInput('1404-1-1', 'jalali')?.getTime()).toBe(nowruz?.getTime());
    expect(formatDateInput(new Date(2025, 2, 21), 'jalali')).toBe('1404/01/01');
    expect(parseDateInput('2025/02/29', 'gregorian')).toBeNull();
    expect(parseDateInput('1404/13/01', 'jalali')).toBeNull();
    expect(parseDateInput('yesterday', 'gregorian')).toBeNull();
    expect(formatDate(new Date(2025, 2, 21, 9, 5), { locale: 'fa', calendar: 'jalali', withTime: true })).toBe('۱۴۰۴/۰۱/۰۱ ۰۹:۰۵');
    expect(formatDate('2025-03-21T12:00:00', { locale: 'en', calendar: 'gregorian' })).toBe('2025/03/21');
    expect(formatDate('not a date')).toBe('—');
  });

  it('picks the calendar by language when the user chose none', () => {
    expect(pageCalendar('fa')).toBe('jalali');
    expect(pageCalendar('ar')).toBe('gregorian');
  });

  it('follows the calendar the web app marks on the page', () => {
    const attributes = new Map<string, string>([['data-calendar', 'gregorian']]);
    const page = globalThis as { document?: unknown };
    const before = page.document;
    page.document = { documentElement: { lang: 'fa', getAttribute: (name: string) => attributes.get(name) ?? null } };
    try {
      expect(pageCalendar('fa')).toBe('gregorian');
      attributes.set('data-calendar', 'jalali');
      expect(pageCalendar('en')).toBe('jalali');
    } finally {
      page.document = before;
    }
  });

  it('puts field problems on the inputs that exist and the rest in one list', () => {
    const error = new ProcedureError('BAD_REQUEST', 'Some fields are not valid.', [
      { field: 'name', message: 'Too long' },
      { field: 'secret', message: 'Missing' },
    ]);
    expect(error.message).toBe('name: Too long\nsecret: Missing');
    expect(fieldErrors(error, ['name'])).toEqual({ byField: { name: ['Too long'] }, rest: ['secret: Missing'] });
    expect(fieldErrors(new Error('offline'), ['name'])).toEqual({ byField: {}, rest: ['offline'] });
  });
});
