import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import {
  channelKeys,
  contactResultKeys,
  demoAgents,
  demoLeads,
  industryKeys,
  isValidNationalCode,
  nationalCodeCheckDigit,
  priorityKeys,
  sourceKeys,
  stageKeys,
  type DemoLead,
} from './generate.js';
import { Random } from './random.js';

const DAY = 86_400_000;
const now = new Date('2025-06-01T09:30:00Z');
const take = (count: number, seed = 42, agentCount = 8, days?: number): DemoLead[] =>
  Array.from(demoLeads({ count, seed, agentCount, now, ...(days === undefined ? {} : { days }) }));

const sample = take(10_000);

/** Strips spaces and dashes and turns Persian (۰–۹) and Arabic-Indic (٠–٩) digits into ASCII. */
const normalize = (raw: string): string =>
  raw
    .replace(/[\s-]/g, '')
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));

const iranianOperatorPrefixes = new Set([
  ...['910', '911', '912', '913', '914', '915', '916', '917', '918', '919'],
  ...['990', '991', '992', '993', '994', '930', '933', '935', '936', '937', '938', '939'],
  ...['901', '902', '903', '904', '905', '920', '921', '922'],
]);

function isPlausibleMobile(raw: string): boolean {
  const n = normalize(raw);
  const iran = /^(?:\+98|0098|0)?(9\d{9})$/.exec(n);
  if (iran) return iranianOperatorPrefixes.has(iran[1]!.slice(0, 3));
  return (
    /^(?:\+971|00971)5[024568]\d{7}$/.test(n) || // UAE
    /^(?:\+966|00966)5\d{8}$/.test(n) || // Saudi Arabia
    /^(?:\+974|00974)[3567]\d{7}$/.test(n) || // Qatar
    /^(?:\+965|00965)[569]\d{7}$/.test(n) // Kuwait
  );
}

const regions: CountryCode[] = ['IR', 'AE', 'SA', 'QA', 'KW'];
/** The number's type according to libphonenumber (full metadata), trying each region for national formats. */
function phoneType(raw: string): string | undefined {
  const n = normalize(raw);
  for (const region of regions) {
    const parsed = parsePhoneNumberFromString(n, region);
    if (parsed?.isValid()) return parsed.getType();
  }
  return undefined;
}

describe('demoLeads', () => {
  it('is deterministic per seed', () => {
    expect(take(100, 7)).toEqual(take(100, 7));
    expect(take(100, 8)).not.toEqual(take(100, 7));
    const a = take(100, 8).map((l) => l.mobile);
    const b = take(100, 7).map((l) => l.mobile);
    expect(a.filter((m, i) => m === b[i]).length).toBeLessThan(10);
  });

  it('gives the same first leads whatever the count, and agentCount only changes ownerIndex', () => {
    expect(take(1_000, 7).slice(0, 100)).toEqual(take(100, 7));
    const strip = (leads: DemoLead[]) => leads.map(({ ownerIndex: _owner, ...rest }) => rest);
    expect(strip(take(200, 7, 0))).toEqual(strip(take(200, 7, 30)));
  });

  it('mixes about 65% Persian, 20% Arabic and 15% English leads', () => {
    const share = (script: DemoLead['script']) => sample.filter((l) => l.script === script).length / sample.length;
    expect(share('fa')).toBeGreaterThan(0.62);
    expect(share('fa')).toBeLessThan(0.68);
    expect(share('ar')).toBeGreaterThan(0.17);
    expect(share('ar')).toBeLessThan(0.23);
    expect(share('en')).toBeGreaterThan(0.12);
    expect(share('en')).toBeLessThan(0.18);
  });

  it('only produces valid Iranian national codes', () => {
    const codes = sample.flatMap((l) => (l.nationalCode ? [l.nationalCode] : []));
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) {
      expect(code).toMatch(/^\d{10}$/);
      expect(code).not.toMatch(/^(\d)\1{9}$/);
      const s = [...code.slice(0, 9)].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0) % 11;
      expect(Number(code[9])).toBe(s < 2 ? s : 11 - s);
      expect(isValidNationalCode(code)).toBe(true);
    }
    expect(sample.filter((l) => l.nationalCode && l.script !== 'fa')).toEqual([]);
  });

  it('produces plausible Iranian and Gulf mobiles in varied raw formats', () => {
    const mobiles = sample.flatMap((l) => (l.mobile ? [l.mobile] : []));
    expect(mobiles.length).toBeGreaterThan(8_500);
    const implausible = mobiles.filter((m) => !isPlausibleMobile(m));
    expect(implausible).toEqual([]);
    const notMobile = mobiles.filter((m) => !['MOBILE', 'FIXED_LINE_OR_MOBILE'].includes(phoneType(m) ?? ''));
    expect(notMobile).toEqual([]);
    // The variety the normalizers have to cope with.
    expect(mobiles.some((m) => /^09\d{9}$/.test(m))).toBe(true);
    expect(mobiles.some((m) => /^09\d\d \d{3} \d{4}$/.test(m))).toBe(true);
    expect(mobiles.some((m) => /^\+989\d{9}$/.test(m))).toBe(true);
    expect(mobiles.some((m) => /^۰۹[۰-۹]{9}$/.test(m))).toBe(true);
    expect(mobiles.some((m) => /^\+9715[024568]\d{7}$/.test(m))).toBe(true);
    expect(mobiles.some((m) => /^\+9665\d{8}$/.test(m))).toBe(true);
    expect(mobiles.some((m) => m.startsWith('+965'))).toBe(true);
  });

  it('produces valid landlines', () => {
    const phones = sample.flatMap((l) => (l.phone ? [l.phone] : []));
    expect(phones.length).toBeGreaterThan(500);
    expect(phones.filter((p) => phoneType(p) !== 'FIXED_LINE')).toEqual([]);
    expect(phones.some((p) => /^021-?\d{8}$/.test(p))).toBe(true);
  });

  it('gives every lead a way to reach them and well-formed e-mails', () => {
    expect(sample.filter((l) => !l.mobile && !l.phone && !l.email)).toEqual([]);
    for (const l of sample) if (l.email) expect(l.email).toMatch(/^[A-Za-z0-9._]+@[a-z0-9.]+\.[a-z]{2,}$/);
  });

  it('creates leads within the window, contacts after creation', () => {
    const days = 30;
    const leads = take(5_000, 3, 4, days);
    const start = now.getTime() - days * DAY;
    for (const l of leads) {
      expect(l.createdAt.getTime()).toBeGreaterThanOrEqual(start);
      expect(l.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (l.lastContactAt) {
        expect(l.lastContactAt.getTime()).toBeGreaterThanOrEqual(l.createdAt.getTime());
        expect(l.lastContactAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(l.lastContactResult).not.toBeNull();
      } else {
        expect(l.lastContactResult).toBeNull();
      }
    }
    for (const l of sample) {
      expect(l.createdAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 90 * DAY);
      expect(l.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
      if (l.lastContactAt) expect(l.lastContactAt.getTime()).toBeGreaterThanOrEqual(l.createdAt.getTime());
    }
    // Weighted towards recent days.
    const lastWeek = sample.filter((l) => now.getTime() - l.createdAt.getTime() < 7 * DAY).length;
    expect(lastWeek / sample.length).toBeGreaterThan(7 / 90 + 0.03);
  });

  it('uses only the picklist keys, channels consistent with sources', () => {
    const within = <T extends string>(allowed: readonly T[], value: string | null) =>
      value === null || (allowed as readonly string[]).includes(value);
    for (const l of sample) {
      expect(within(stageKeys, l.stage)).toBe(true);
      expect(within(sourceKeys, l.source)).toBe(true);
      expect(within(channelKeys, l.channel)).toBe(true);
      expect(within(priorityKeys, l.priority)).toBe(true);
      expect(within(industryKeys, l.industry)).toBe(true);
      expect(within(contactResultKeys, l.lastContactResult)).toBe(true);
      if (l.source === 'instagram' || l.source === 'telegram' || l.source === 'whatsapp' || l.source === 'sms') {
        expect(l.channel).toBe(l.source);
      }
      if (l.source === 'web_form') expect(l.channel).toBe('web');
      if (l.source === 'exhibition') expect(l.channel).toBe('in_person');
    }
    for (const key of stageKeys) expect(sample.some((l) => l.stage === key)).toBe(true);
    for (const key of sourceKeys) expect(sample.some((l) => l.source === key)).toBe(true);
  });

  it('follows a sales funnel', () => {
    const count = (stage: string) => sample.filter((l) => l.stage === stage).length;
    expect(count('open') + count('contacted')).toBeGreaterThan(0.35 * sample.length);
    expect(count('customer')).toBeLessThan(0.1 * sample.length);
    expect(count('customer')).toBeGreaterThan(0);
  });

  it('keeps numbers in range and owners within the agents', () => {
    for (const l of sample) {
      if (l.annualRevenue !== null) {
        expect(Number.isSafeInteger(l.annualRevenue)).toBe(true);
        expect(l.annualRevenue).toBeGreaterThan(0);
        expect(l.annualRevenue).toBeLessThanOrEqual(1e13);
      }
      if (l.employees !== null) {
        expect(Number.isInteger(l.employees)).toBe(true);
        expect(l.employees).toBeGreaterThanOrEqual(1);
        expect(l.employees).toBeLessThanOrEqual(5000);
      }
      if (l.ownerIndex !== null) {
        expect(l.ownerIndex).toBeGreaterThanOrEqual(0);
        expect(l.ownerIndex).toBeLessThan(8);
      }
    }
    expect(new Set(sample.map((l) => l.ownerIndex)).size).toBe(9); // 8 agents and unassigned
    expect(take(200, 1, 0).every((l) => l.ownerIndex === null)).toBe(true);
  });

  it('writes Persian with Persian letters and Arabic with Arabic letters', () => {
    const texts = (l: DemoLead) => [l.firstName, l.lastName, l.company, l.jobTitle, l.city, l.province, l.country, l.description];
    for (const l of sample) {
      const text = texts(l).join(' ');
      if (l.script === 'fa') expect(text).not.toMatch(/[\u064A\u0643\u0629]/);
      if (l.script === 'ar') expect(text).not.toMatch(/[\u06CC\u06A9]/);
      if (l.script === 'en') expect(text).toMatch(/^[\x20-\x7E]*$/);
    }
    expect(sample.some((l) => l.lastName?.includes('\u200C'))).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => take(-1)).toThrow(RangeError);
    expect(() => Array.from(demoLeads({ count: 1, agentCount: 1, days: 0 }))).toThrow(RangeError);
  });
});

describe('demoAgents', () => {
  it('is deterministic, with unique names and e-mails and managers among them', () => {
    const agents = demoAgents(40, 5);
    expect(agents).toEqual(demoAgents(40, 5));
    expect(agents).not.toEqual(demoAgents(40, 6));
    expect(new Set(agents.map((a) => a.email)).size).toBe(40);
    expect(new Set(agents.map((a) => a.name)).size).toBe(40);
    expect(agents[0]!.role).toBe('manager');
    expect(agents.filter((a) => a.role === 'manager').length).toBe(5);
    for (const a of agents) expect(a.email).toMatch(/^[a-z]+\.[a-z]+\d*@example\.com$/);
  });
});

describe('national codes and Random', () => {
  it('computes the check digit', () => {
    expect(nationalCodeCheckDigit('001234567')).toBe(9); // S = 112, r = 2 -> 11 - 2
    expect(nationalCodeCheckDigit('000000014')).toBe(0); // S = 1·3 + 4·2 = 11, r = 0 -> 0
    expect(nationalCodeCheckDigit('100000001')).toBe(1); // S = 10 + 2 = 12, r = 1 -> 1
  });

  it('validates national codes', () => {
    expect(isValidNationalCode('0499370899')).toBe(true);
    expect(isValidNationalCode('0499370898')).toBe(false);
    expect(isValidNationalCode('1111111111')).toBe(false);
    expect(isValidNationalCode('049937089')).toBe(false);
  });

  it('draws within bounds and by weight', () => {
    const rng = new Random(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      counts[rng.weightedPick([['a', 3], ['b', 1]] as const)]++;
    }
    expect(counts.a / 10_000).toBeGreaterThan(0.72);
    expect(counts.a / 10_000).toBeLessThan(0.78);
    const d = rng.dateBetween(new Date(0), new Date(1000));
    expect(d.getTime()).toBeGreaterThanOrEqual(0);
    expect(d.getTime()).toBeLessThan(1000);
  });
});
