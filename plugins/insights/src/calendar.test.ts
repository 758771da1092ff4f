import { describe, expect, it } from 'vitest';
import { bucketDays, calendarDate, periodLabel, periodOf, periodsBetween, periodStart, today } from './calendar.js';

describe('the Jalali calendar', () => {
  it('reads Solar Hijri dates across Esfand → Farvardin, in a leap year and a common one', () => {
    // 1403 is leap: Esfand 30 exists; 1402 is not.
    expect(calendarDate('2025-03-20', 'jalali')).toEqual({ year: 1403, month: 12, day: 30 });
    expect(calendarDate('2025-03-21', 'jalali')).toEqual({ year: 1404, month: 1, day: 1 });
    expect(calendarDate('2024-03-19', 'jalali')).toEqual({ year: 1402, month: 12, day: 29 });
    expect(calendarDate('2024-03-20', 'jalali')).toEqual({ year: 1403, month: 1, day: 1 });
  });

  it('months and quarters follow the Solar Hijri calendar, Esfand ending on its 29th or 30th', () => {
    expect(periodOf('2025-03-20', 'month', 'jalali')).toEqual({ key: '1403-12', start: '2025-02-19', end: '2025-03-20' });
    expect(periodOf('2025-03-21', 'month', 'jalali')).toEqual({ key: '1404-01', start: '2025-03-21', end: '2025-04-20' });
    expect(periodOf('2024-03-19', 'month', 'jalali')).toEqual({ key: '1402-12', start: '2024-02-20', end: '2024-03-19' });
    // Q4 of leap 1403 has 30 + 30 + 30 days; of 1402, 30 + 30 + 29.
    expect(periodOf('2025-01-15', 'quarter', 'jalali')).toEqual({ key: '1403-Q4', start: '2024-12-21', end: '2025-03-20' });
    expect(periodOf('2024-03-19', 'quarter', 'jalali')).toEqual({ key: '1402-Q4', start: '2023-12-22', end: '2024-03-19' });
    expect(periodOf('2025-06-21', 'quarter', 'jalali')).toEqual({ key: '1404-Q1', start: '2025-03-21', end: '2025-06-21' });
    expect(periodOf('2025-06-22', 'quarter', 'jalali')).toEqual({ key: '1404-Q2', start: '2025-06-22', end: '2025-09-22' });
  });

  it('weeks start on Saturday, even across the new year', () => {
    // 2025-03-20 (Esfand 30) is a Thursday; its week runs Saturday 15 to Friday 21 March (Farvardin 1).
    expect(periodOf('2025-03-20', 'week', 'jalali')).toEqual({ key: '1403-12-25', start: '2025-03-15', end: '2025-03-21' });
    expect(periodStart('2025-03-21', 'week', 'jalali')).toBe('2025-03-15');
    expect(periodStart('2025-03-22', 'week', 'jalali')).toBe('2025-03-22');
  });

  it('buckets daily counts into periods across the year boundary, every period present', () => {
    const days = [
      { day: '2025-03-19', leads: 2 },
      { day: '2025-03-20', leads: 3 },
      { day: '2025-03-21', leads: 5 },
      { day: '2025-04-21', leads: 7 },
    ];
    const months = bucketDays(days, ['leads'], { from: '2025-03-01', to: '2025-05-25' }, 'month', 'jalali');
    expect(months.map((m) => [m.key, m.leads])).toEqual([
      ['1403-12', 5],
      ['1404-01', 5],
      ['1404-02', 7],
      ['1404-03', 0],
    ]);
    const quarters = bucketDays(days, ['leads'], { from: '2025-03-19', to: '2025-04-21' }, 'quarter', 'jalali');
    expect(quarters.map((q) => [q.key, q.leads])).toEqual([
      ['1403-Q4', 5],
      ['1404-Q1', 12],
    ]);
    const weeks = bucketDays(days, ['leads'], { from: '2025-03-19', to: '2025-03-22' }, 'week', 'jalali');
    expect(weeks.map((w) => [w.start, w.leads])).toEqual([
      ['2025-03-15', 10],
      ['2025-03-22', 0],
    ]);
  });

  it('labels periods in Persian with Persian digits and in English', () => {
    const farvardin = periodOf('2025-03-21', 'month', 'jalali');
    expect(periodLabel(farvardin, 'month', 'jalali', 'fa')).toBe('فروردین ۱۴۰۴');
    expect(periodLabel(farvardin, 'month', 'jalali', 'en')).toMatch(/Farvardin 1404/);
    expect(periodLabel(periodOf('2025-01-15', 'quarter', 'jalali'), 'quarter', 'jalali', 'fa')).toBe('فصل ۴ ۱۴۰۳');
    expect(periodLabel(periodOf('2025-01-15', 'quarter', 'gregorian'), 'quarter', 'gregorian', 'en')).toBe('Q1 2025');
  });
});

describe('the Gregorian calendar', () => {
  it('has ISO weeks from Monday, calendar months and quarters, leap February', () => {
    expect(periodOf('2025-03-20', 'week', 'gregorian')).toEqual({ key: '2025-03-17', start: '2025-03-17', end: '2025-03-23' });
    expect(periodOf('2024-02-10', 'month', 'gregorian')).toEqual({ key: '2024-02', start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2025-02-10', 'month', 'gregorian')).toEqual({ key: '2025-02', start: '2025-02-01', end: '2025-02-28' });
    expect(periodOf('2024-12-31', 'quarter', 'gregorian')).toEqual({ key: '2024-Q4', start: '2024-10-01', end: '2024-12-31' });
    expect(periodsBetween('2024-12-30', '2025-01-02', 'day', 'gregorian').map((p) => p.key)).toEqual([
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
  });

  it("today is the organization's date, not UTC's", () => {
    // 21:00 UTC on 20 March is 00:30 on the 21st in Tehran.
    expect(today('Asia/Tehran', new Date('2025-03-20T21:00:00Z'))).toBe('2025-03-21');
    expect(today('UTC', new Date('2025-03-20T21:00:00Z'))).toBe('2025-03-20');
  });
});
