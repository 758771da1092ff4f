import { describe, expect, it } from 'vitest';
import { dateToDay, dayToDate } from './days.js';

describe('calendar days', () => {
  it('turns a day into local midnight and back without shifting it', () => {
    const date = dayToDate('2026-03-20');
    expect(date?.getFullYear()).toBe(2026);
    expect(date?.getMonth()).toBe(2);
    expect(date?.getDate()).toBe(20);
    expect(date?.getHours()).toBe(0);
    expect(dateToDay(date!)).toBe('2026-03-20');
  });

  it('reads anything but a YYYY-MM-DD day as no date', () => {
    expect(dayToDate('2026-3-20')).toBeNull();
    expect(dayToDate('')).toBeNull();
    expect(dayToDate(null)).toBeNull();
  });
});
