import { describe, expect, it } from 'vitest';
import { defaultPicklists } from '../picklists/defaults.js';
import { addBusinessMinutes, businessSecondsBetween, localDayBounds, type BusinessCalendar } from './calendar.js';
import { isResponse } from './first-response.js';
import { calendarOf, defaultSlaSettings, slaTargetFor, validateSlaSettings } from './settings.js';

/** Tehran is UTC+03:30 all year (no daylight saving since 2022). */
const tehran = (local: string) => new Date(`${local}+03:30`);
const calendar: BusinessCalendar = calendarOf(defaultSlaSettings);

describe('business time (default calendar: Sat–Wed 09–17, Thu 09–13, Tehran)', () => {
  it('counts minutes inside a working window as they are', () => {
    // 2026-11-21 is a Saturday.
    expect(addBusinessMinutes(tehran('2026-11-21T10:00:00'), 5, calendar)).toEqual(tehran('2026-11-21T10:05:00'));
  });

  it('moves a lead captured on Friday to Saturday 09:05', () => {
    expect(addBusinessMinutes(tehran('2026-11-20T11:00:00'), 5, calendar)).toEqual(tehran('2026-11-21T09:05:00'));
    expect(addBusinessMinutes(tehran('2026-11-20T23:59:00'), 5, calendar)).toEqual(tehran('2026-11-21T09:05:00'));
  });

  it('carries what is left of Thursday (closing at 13:00) into Saturday', () => {
    expect(addBusinessMinutes(tehran('2026-11-19T12:58:00'), 5, calendar)).toEqual(tehran('2026-11-21T09:03:00'));
  });

  it('starts before opening at opening time, and skips holidays', () => {
    expect(addBusinessMinutes(tehran('2026-11-22T07:00:00'), 5, calendar)).toEqual(tehran('2026-11-22T09:05:00'));
    const withHoliday = { ...calendar, holidays: ['2026-11-21'] };
    expect(addBusinessMinutes(tehran('2026-11-20T11:00:00'), 5, withHoliday)).toEqual(tehran('2026-11-22T09:05:00'));
  });

  it('answers null for a calendar without working time', () => {
    expect(addBusinessMinutes(tehran('2026-11-20T11:00:00'), 5, { ...calendar, windows: [] })).toBeNull();
  });

  it('measures business seconds between two moments', () => {
    expect(businessSecondsBetween(tehran('2026-11-21T10:00:00'), tehran('2026-11-21T10:03:20'), calendar)).toBe(200);
    // Friday evening to Saturday 09:02: only Saturday's two minutes count.
    expect(businessSecondsBetween(tehran('2026-11-20T18:00:00'), tehran('2026-11-21T09:02:00'), calendar)).toBe(120);
    // Wednesday 16:00 to Saturday 09:30: 1 h Wednesday, 4 h Thursday, 30 min Saturday.
    expect(businessSecondsBetween(tehran('2026-11-18T16:00:00'), tehran('2026-11-21T09:30:00'), calendar)).toBe((60 + 240 + 30) * 60);
    expect(businessSecondsBetween(tehran('2026-11-21T10:00:00'), tehran('2026-11-21T09:00:00'), calendar)).toBe(0);
  });

  it('gives a Tehran calendar day as instants', () => {
    const { start, end } = localDayBounds(new Date('2026-11-21T21:00:00Z'), 'Asia/Tehran');
    // 21:00 UTC is 00:30 on the 22nd in Tehran.
    expect(start).toEqual(tehran('2026-11-22T00:00:00'));
    expect(end).toEqual(tehran('2026-11-23T00:00:00'));
  });
});

describe('SLA settings', () => {
  it('defaults to five business minutes in Tehran', () => {
    expect(defaultSlaSettings).toMatchObject({ enabled: true, timeZone: 'Asia/Tehran', defaultMinutes: 5, targets: [], holidays: [] });
    expect(slaTargetFor({ source: 'website', priority: 'normal' }, defaultSlaSettings)).toEqual({ policy: 'default', minutes: 5 });
  });

  it('picks the first target whose source and priority match', () => {
    const settings = validateSlaSettings(
      {
        targets: [
          { name: 'urgent-web', source: 'website', priority: 'urgent', minutes: 2 },
          { name: 'web', source: 'website', minutes: 15 },
        ],
      },
      defaultPicklists,
    );
    if (!settings.ok) throw new Error('fixture');
    expect(slaTargetFor({ source: 'website', priority: 'urgent' }, settings.value)).toEqual({ policy: 'urgent-web', minutes: 2 });
    expect(slaTargetFor({ source: 'website', priority: 'low' }, settings.value)).toEqual({ policy: 'web', minutes: 15 });
    expect(slaTargetFor({ source: 'sms', priority: 'urgent' }, settings.value)).toEqual({ policy: 'default', minutes: 5 });
  });

  it('names each bad field', () => {
    const result = validateSlaSettings(
      {
        timeZone: 'Mars/Olympus',
        targets: [{ name: 'x', source: 'carrier-pigeon', minutes: 5 }],
        businessHours: [{ day: 'sat', from: '17:00', to: '09:00' }],
      },
      defaultPicklists,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((e) => e.field).sort()).toEqual(['businessHours.0.to', 'timeZone']);
    const picklist = validateSlaSettings({ targets: [{ name: 'x', source: 'carrier-pigeon', minutes: 5 }] }, defaultPicklists, 'fa');
    expect(picklist.ok ? [] : picklist.error).toEqual([{ field: 'targets.0.source', code: 'unknown_value', message: 'این مقدار در فهرست نیست.' }]);
  });

  it('counts calls, notes and SMS sent as responses, and plugin activities that say so', () => {
    expect(isResponse({ type: 'call', data: { result: 'answered', note: null } })).toBe(true);
    expect(isResponse({ type: 'note', data: { body: 'x' } })).toBe(true);
    expect(isResponse({ type: 'sms_received', data: {} as never })).toBe(false);
    expect(isResponse({ type: 'whatsapp.sent', data: { response: true } })).toBe(true);
    expect(isResponse({ type: 'whatsapp.read', data: {} })).toBe(false);
  });
});
