import { describe, expect, it } from 'vitest';
import { localTime, unavailability, type Availability } from './availability.js';
import { weightedCycle } from './cycle.js';

// 2025-01-04 was a Saturday. Tehran is UTC+03:30 (no daylight saving since 2022).
const tehran = (iso: string) => new Date(`${iso}+03:30`);
const office: Availability = {
  timeZone: 'Asia/Tehran',
  // Saturday to Wednesday 09:00–17:00, Thursday mornings, and a Thursday-night shift into Friday.
  workingHours: [
    ...(['sat', 'sun', 'mon', 'tue', 'wed'] as const).map((day) => ({ day, from: '09:00', to: '17:00' })),
    { day: 'thu', from: '09:00', to: '13:00' },
    { day: 'thu', from: '22:00', to: '06:00' },
  ],
  leave: [{ from: '2025-01-12', to: '2025-01-13' }],
};

describe('availability', () => {
  it('reads the wall clock in the member’s time zone, Saturday-first', () => {
    expect(localTime(tehran('2025-01-04T08:59'), 'Asia/Tehran')).toEqual({ day: '2025-01-04', weekday: 'sat', minutes: 8 * 60 + 59 });
    // 22:00 UTC on Friday is already Saturday 01:30 in Tehran: caps count Tehran's day.
    expect(localTime(new Date('2025-01-03T22:00Z'), 'Asia/Tehran')).toMatchObject({ day: '2025-01-04', weekday: 'sat' });
    expect(localTime(new Date('2025-01-03T22:00Z'), 'UTC')).toMatchObject({ day: '2025-01-03', weekday: 'fri' });
  });

  it('working hours, half-open, including windows past midnight', () => {
    expect(unavailability(office, tehran('2025-01-04T08:59'))).toBe('off_hours');
    expect(unavailability(office, tehran('2025-01-04T09:00'))).toBeNull();
    expect(unavailability(office, tehran('2025-01-04T16:59'))).toBeNull();
    expect(unavailability(office, tehran('2025-01-04T17:00'))).toBe('off_hours');
    expect(unavailability(office, tehran('2025-01-09T12:00'))).toBeNull(); // Thursday morning
    expect(unavailability(office, tehran('2025-01-09T15:00'))).toBe('off_hours');
    expect(unavailability(office, tehran('2025-01-09T23:00'))).toBeNull(); // Thursday night
    expect(unavailability(office, tehran('2025-01-10T05:59'))).toBeNull(); // …into Friday morning
    expect(unavailability(office, tehran('2025-01-10T06:00'))).toBe('off_hours');
    expect(unavailability({ ...office, workingHours: null }, tehran('2025-01-10T03:00'))).toBeNull();
    expect(unavailability({ ...office, workingHours: [] }, tehran('2025-01-04T10:00'))).toBe('off_hours');
  });

  it('leave days, both ends included, win over working hours', () => {
    expect(unavailability(office, tehran('2025-01-11T10:00'))).toBeNull();
    expect(unavailability(office, tehran('2025-01-12T10:00'))).toBe('leave');
    expect(unavailability(office, tehran('2025-01-13T23:59'))).toBe('leave');
    expect(unavailability(office, tehran('2025-01-14T10:00'))).toBeNull();
  });
});

describe('weightedCycle', () => {
  it('gives each member weight turns per cycle, spread out', () => {
    const cycle = weightedCycle([{ id: 'a', weight: 3 }, { id: 'b', weight: 2 }, { id: 'c', weight: 1 }]);
    expect(cycle).toEqual(['a', 'b', 'a', 'c', 'b', 'a']);
    expect(weightedCycle([{ id: 'x', weight: 1 }, { id: 'y', weight: 1 }, { id: 'z', weight: 1 }])).toEqual(['x', 'y', 'z']);
  });

  it('keeps every prefix within one turn of the proportional share', () => {
    const members = [{ id: 'a', weight: 5 }, { id: 'b', weight: 3 }, { id: 'c', weight: 1 }, { id: 'd', weight: 1 }];
    const cycle = weightedCycle(members);
    const counts = new Map<string, number>();
    cycle.forEach((id, index) => {
      counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const m of members) expect(Math.abs((counts.get(m.id) ?? 0) - ((index + 1) * m.weight) / 10)).toBeLessThan(1);
    });
  });
});
