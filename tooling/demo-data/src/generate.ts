/**
 * Deterministic generator of realistic demo leads and sales agents.
 *
 * `demoLeads()` is a generator: it holds no arrays of leads, so it streams a few hundred leads for
 * a demo database or millions for a benchmark at the same memory cost. The sequence depends only
 * on `seed`, `now` and `days`; `count` only says where to stop and `agentCount` only changes
 * `ownerIndex`, so the first N leads are the same whatever the count.
 */
import {
  arabCities,
  arabicCompanyCores,
  arabicCompanyTemplates,
  arabicFirstNames,
  arabicJobTitles,
  arabicKnownCompanies,
  arabicLastNames,
  arabicNotes,
  englishCompanyCores,
  englishCompanyTemplates,
  englishFirstNames,
  englishJobTitles,
  englishLastNames,
  englishNotes,
  iranInPersian,
  iranianProvinces,
  persianCompanyCores,
  persianCompanyTemplates,
  persianFirstNames,
  persianJobTitles,
  persianKnownCompanies,
  persianLastNames,
  persianNotes,
  type CountryCode,
  type Named,
} from './names.js';
import { Random, weighted, type WeightedEntries, type WeightedTable } from './random.js';

// ---------------------------------------------------------------------------------------------
// Picklist keys (the defaults of @sarnakh/core)
// ---------------------------------------------------------------------------------------------

export const scripts = ['fa', 'ar', 'en'] as const;
export type Script = (typeof scripts)[number];

export const stageKeys = [
  'open',
  'contacted',
  'nurturing',
  'qualified',
  'negotiation',
  'customer',
  'inactive',
  'disqualified',
] as const;
export type Stage = (typeof stageKeys)[number];

export const sourceKeys = [
  'website',
  'web_form',
  'phone_call',
  'sms',
  'instagram',
  'telegram',
  'whatsapp',
  'exhibition',
  'referral',
  'campaign',
  'cold_call',
  'import',
  'other',
] as const;
export type Source = (typeof sourceKeys)[number];

export const channelKeys = ['phone', 'sms', 'email', 'web', 'instagram', 'telegram', 'whatsapp', 'in_person', 'other'] as const;
export type Channel = (typeof channelKeys)[number];

export const priorityKeys = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof priorityKeys)[number];

export const industryKeys = [
  'manufacturing',
  'retail',
  'construction',
  'technology',
  'healthcare',
  'education',
  'finance',
  'food',
  'tourism',
  'logistics',
  'energy',
  'agriculture',
  'services',
  'other',
] as const;
export type Industry = (typeof industryKeys)[number];

export const contactResultKeys = [
  'answered',
  'no_answer',
  'busy',
  'wrong_number',
  'call_back',
  'interested',
  'not_interested',
] as const;
export type ContactResult = (typeof contactResultKeys)[number];

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

export interface DemoLead {
  firstName: string | null;
  lastName: string | null;
  /** As a person would type it: `09121234567`, `0912 123 4567`, `+989121234567`, `۰۹۱۲۱۲۳۴۵۶۷`, `+971 50 123 4567`… */
  mobile: string | null;
  /** A landline, typed as people do (`021-88776655`, `+971 4 335 1234`). */
  phone: string | null;
  email: string | null;
  company: string | null;
  jobTitle: string | null;
  website: string | null;
  /** A valid Iranian national code (کد ملی), for some Iranian leads. */
  nationalCode: string | null;
  source: Source;
  channel: Channel;
  stage: Stage;
  priority: Priority;
  industry: Industry | null;
  /** In Iranian rials (the demo organisation's currency), a whole number up to 10^13. */
  annualRevenue: number | null;
  employees: number | null;
  /** City, province and country names are written in the lead's script. */
  city: string | null;
  province: string | null;
  country: string | null;
  description: string | null;
  lastContactAt: Date | null;
  lastContactResult: ContactResult | null;
  createdAt: Date;
  /** Index into the agents array, or null (unassigned). */
  ownerIndex: number | null;
  /** The script the lead's texts are written in. */
  script: Script;
}

export interface DemoAgent {
  name: string;
  email: string;
  role: 'agent' | 'manager';
}

export interface DemoLeadOptions {
  /** How many leads to yield. */
  count: number;
  /** Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Size of the agents array `ownerIndex` points into; 0 leaves every lead unassigned. */
  agentCount: number;
  /** End of the creation window. Default: the current time (pass it for fully reproducible dates). */
  now?: Date;
  /** Length of the creation window in days before `now`. Default 90. */
  days?: number;
}

export const DEFAULT_SEED = 1404;

// ---------------------------------------------------------------------------------------------
// Digits and identifiers
// ---------------------------------------------------------------------------------------------

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** `0912` → `۰۹۱۲` */
export const toPersianDigits = (text: string): string =>
  text.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[d.charCodeAt(0) - 48] as string);

/** `0501` → `٠٥٠١` */
export const toArabicDigits = (text: string): string =>
  text.replace(/[0-9]/g, (d) => ARABIC_DIGITS[d.charCodeAt(0) - 48] as string);

/** The Iranian national-code check digit of the first nine digits. */
export function nationalCodeCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (firstNine.charCodeAt(i) - 48) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}

/** Ten ASCII digits, not all equal, with a correct check digit. */
export function isValidNationalCode(code: string): boolean {
  if (!/^\d{10}$/.test(code) || /^(\d)\1{9}$/.test(code)) return false;
  return nationalCodeCheckDigit(code) === code.charCodeAt(9) - 48;
}

function nationalCode(rng: Random): string {
  for (;;) {
    const firstNine = rng.digits(9);
    const code = firstNine + String(nationalCodeCheckDigit(firstNine));
    if (!/^(\d)\1{9}$/.test(code)) return code;
  }
}

// ---------------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------------

/** Iranian mobile prefixes (without the trunk 0) and their rough market shares. */
const iranMobilePrefix = weighted<string>([
  ['912', 20], ['919', 8], ['913', 4], ['911', 3], ['914', 3], ['915', 3], ['916', 3], ['917', 3],
  ['910', 4], ['918', 2], ['935', 8], ['936', 6], ['937', 5], ['938', 4], ['939', 5], ['930', 2],
  ['933', 2], ['901', 3], ['902', 2], ['903', 2], ['904', 1], ['905', 2], ['990', 3], ['991', 2],
  ['992', 1], ['993', 1], ['994', 1], ['920', 1], ['921', 1], ['922', 1],
]);

/** `9121234567`: ten digits, no trunk 0. */
function iranMobileNational(rng: Random): string {
  const prefix = iranMobilePrefix.pick(rng);
  // 0904 is only allocated in the 09044–09046 blocks.
  return prefix === '904' ? prefix + String(rng.int(4, 6)) + rng.digits(6) : prefix + rng.digits(7);
}

type MobileFormat =
  | 'plain' // 09121234567
  | 'spaced' // 0912 123 4567
  | 'split' // 0912 1234567
  | 'e164' // +989121234567
  | 'intlSpaced' // +98 912 123 4567
  | 'doubleZero' // 00989121234567
  | 'noTrunk' // 9121234567
  | 'persian' // ۰۹۱۲۱۲۳۴۵۶۷
  | 'persianSpaced'; // ۰۹۱۲ ۱۲۳ ۴۵۶۷

const persianMobileFormat = weighted<MobileFormat>([
  ['plain', 45], ['spaced', 14], ['split', 5], ['e164', 12], ['intlSpaced', 4], ['doubleZero', 3],
  ['noTrunk', 2], ['persian', 12], ['persianSpaced', 3],
]);
const latinMobileFormat = weighted<MobileFormat>([
  ['plain', 40], ['spaced', 15], ['split', 5], ['e164', 25], ['intlSpaced', 10], ['doubleZero', 5],
]);

function formatIranMobile(n: string, format: MobileFormat): string {
  switch (format) {
    case 'plain':
      return `0${n}`;
    case 'spaced':
      return `0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    case 'split':
      return `0${n.slice(0, 3)} ${n.slice(3)}`;
    case 'e164':
      return `+98${n}`;
    case 'intlSpaced':
      return `+98 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
    case 'doubleZero':
      return `0098${n}`;
    case 'noTrunk':
      return n;
    case 'persian':
      return toPersianDigits(`0${n}`);
    case 'persianSpaced':
      return toPersianDigits(`0${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`);
  }
}

const gulfCallingCode: Record<Exclude<CountryCode, 'IR'>, string> = { AE: '971', SA: '966', QA: '974', KW: '965' };
const kuwaitMobilePrefixes = ['50', '55', '66', '90', '94', '96', '97', '99'] as const;
const saudiSecondDigit = '0345689';
const uaeSecondDigit = '024568';
const qatarFirstDigit = '3567';

/** A Gulf mobile without the country code or trunk 0: UAE `501234567`, Saudi `551234567`, Qatar/Kuwait `55123456`. */
function gulfMobileNational(rng: Random, country: Exclude<CountryCode, 'IR'>): string {
  switch (country) {
    case 'AE':
      return `5${uaeSecondDigit[rng.int(0, uaeSecondDigit.length - 1)]}${rng.digits(7)}`;
    case 'SA':
      return `5${saudiSecondDigit[rng.int(0, saudiSecondDigit.length - 1)]}${rng.digits(7)}`;
    case 'QA':
      return `${qatarFirstDigit[rng.int(0, qatarFirstDigit.length - 1)]}${rng.digits(7)}`;
    case 'KW':
      return rng.pick(kuwaitMobilePrefixes) + rng.digits(6);
  }
}

/**
 * Gulf numbers are written in international form: Sarnakh reads a number without a country code
 * as Iranian (the default country), so `050 123 4567` would not load as a UAE mobile.
 */
type GulfFormat = 'e164' | 'intlSpaced' | 'doubleZero' | 'doubleZeroSpaced' | 'arabic';
const gulfFormat = weighted<GulfFormat>([
  ['e164', 38], ['intlSpaced', 32], ['doubleZero', 8], ['doubleZeroSpaced', 8], ['arabic', 14],
]);

function formatGulfMobile(n: string, country: Exclude<CountryCode, 'IR'>, format: GulfFormat): string {
  const cc = gulfCallingCode[country];
  // UAE and Saudi mobiles have nine digits (50 123 4567), Qatar and Kuwait eight (5512 3456).
  const grouped = n.length === 9 ? `${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5)}` : `${n.slice(0, 4)} ${n.slice(4)}`;
  switch (format) {
    case 'e164':
      return `+${cc}${n}`;
    case 'intlSpaced':
      return `+${cc} ${grouped}`;
    case 'doubleZero':
      return `00${cc}${n}`;
    case 'doubleZeroSpaced':
      return `00${cc} ${grouped}`;
    case 'arabic':
      return toArabicDigits(`+${cc}${n}`);
  }
}

/** Gulf landlines in international form, for the same reason as the mobiles. */
function landline(rng: Random, country: CountryCode, areaCode: string, persianDigits: boolean): string {
  switch (country) {
    case 'IR': {
      const local = String(rng.int(2, 8)) + rng.digits(7);
      const style = rng.int(0, 9);
      const text =
        style < 4
          ? `0${areaCode}${local}`
          : style < 7
            ? `0${areaCode}-${local}`
            : style < 9
              ? `0${areaCode} ${local.slice(0, 4)} ${local.slice(4)}`
              : `+98 ${areaCode} ${local.slice(0, 4)} ${local.slice(4)}`;
      return persianDigits && rng.chance(0.3) ? toPersianDigits(text) : text;
    }
    case 'AE': {
      const local = String(rng.int(2, 8)) + rng.digits(6);
      return rng.chance(0.6) ? `+971 ${areaCode} ${local.slice(0, 3)} ${local.slice(3)}` : `+971${areaCode}${local}`;
    }
    case 'SA': {
      // 5–8 is a valid first digit in Riyadh (11), Jeddah (12) and Dammam (13) alike.
      const local = String(rng.int(5, 8)) + rng.digits(6);
      return rng.chance(0.6) ? `+966 ${areaCode} ${local.slice(0, 3)} ${local.slice(3)}` : `+966${areaCode}${local}`;
    }
    case 'QA': {
      const local = `44${rng.digits(6)}`;
      return rng.chance(0.5) ? `+974 ${local.slice(0, 4)} ${local.slice(4)}` : `+974${local}`;
    }
    case 'KW': {
      const local = `22${rng.digits(6)}`;
      return rng.chance(0.5) ? `+965 ${local.slice(0, 4)} ${local.slice(4)}` : `+965${local}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Places and identities
// ---------------------------------------------------------------------------------------------

interface Place {
  city: string;
  province: string;
  country: string;
  countryCode: CountryCode;
  areaCode: string;
}

function iranianPlaces(latin: boolean, onlyCapitals: boolean): WeightedEntries<Place> {
  const out: [Place, number][] = [];
  for (const p of iranianProvinces) {
    const cities = onlyCapitals ? p.cities.slice(0, 1) : p.cities;
    cities.forEach(([fa, en], i) => {
      const weight = cities.length === 1 ? p.weight : i === 0 ? p.weight * 0.75 : (p.weight * 0.25) / (cities.length - 1);
      out.push([
        latin
          ? { city: en, province: p.latin, country: 'Iran', countryCode: 'IR', areaCode: p.areaCode }
          : { city: fa, province: p.province, country: iranInPersian, countryCode: 'IR', areaCode: p.areaCode },
        weight,
      ]);
    });
  }
  return out;
}

function gulfPlaces(language: 'ar' | 'fa' | 'en'): WeightedEntries<Place> {
  return arabCities.map((c) => {
    const names = language === 'ar' ? c : language === 'fa' ? c.persian : c.latin;
    const place: Place = { city: names.city, province: names.province, country: names.country, countryCode: c.countryCode, areaCode: c.areaCode };
    return [place, c.weight] as const;
  });
}

/** Scales each group of entries to the given share of the total. */
function mix<T>(...groups: [share: number, entries: WeightedEntries<T>][]): WeightedEntries<T> {
  const out: [T, number][] = [];
  for (const [share, entries] of groups) {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of entries) out.push([value, (share * w) / total]);
  }
  return out;
}

const placesByScript: Record<Script, WeightedTable<Place>> = {
  // Persian speakers: in Iran, and a few living in the Gulf (mostly Dubai).
  fa: weighted(mix([0.97, iranianPlaces(false, false)], [0.03, gulfPlaces('fa')])),
  ar: weighted(gulfPlaces('ar')),
  // English: expats and Gulf businesses, and Iranians filling in English web forms.
  en: weighted(mix([0.78, gulfPlaces('en')], [0.22, iranianPlaces(true, true)])),
};

const scriptTable = weighted<Script>([['fa', 65], ['ar', 20], ['en', 15]]);

// ---------------------------------------------------------------------------------------------
// Sources, channels, stages
// ---------------------------------------------------------------------------------------------

const sourceByScript: Record<Script, WeightedTable<Source>> = {
  fa: weighted<Source>([
    ['instagram', 18], ['website', 9], ['web_form', 11], ['phone_call', 12], ['telegram', 6], ['whatsapp', 8],
    ['sms', 5], ['exhibition', 6], ['referral', 10], ['campaign', 6], ['cold_call', 4], ['import', 4], ['other', 1],
  ]),
  ar: weighted<Source>([
    ['whatsapp', 24], ['instagram', 16], ['website', 11], ['web_form', 12], ['phone_call', 10], ['referral', 9],
    ['exhibition', 8], ['campaign', 5], ['cold_call', 2], ['import', 2], ['sms', 0.5], ['telegram', 0.5], ['other', 1],
  ]),
  en: weighted<Source>([
    ['website', 18], ['web_form', 22], ['campaign', 12], ['referral', 12], ['exhibition', 10], ['whatsapp', 8],
    ['instagram', 6], ['phone_call', 5], ['cold_call', 2], ['import', 4], ['other', 1],
  ]),
};

const only = (channel: Channel): WeightedTable<Channel> => weighted<Channel>([[channel, 1]]);
const channelBySource: Record<Source, WeightedTable<Channel>> = {
  website: weighted<Channel>([['web', 80], ['email', 10], ['phone', 10]]),
  web_form: only('web'),
  phone_call: only('phone'),
  sms: only('sms'),
  instagram: only('instagram'),
  telegram: only('telegram'),
  whatsapp: only('whatsapp'),
  exhibition: only('in_person'),
  referral: weighted<Channel>([['phone', 50], ['whatsapp', 20], ['in_person', 20], ['email', 10]]),
  campaign: weighted<Channel>([['sms', 35], ['email', 30], ['web', 25], ['instagram', 10]]),
  cold_call: only('phone'),
  import: weighted<Channel>([['phone', 40], ['email', 30], ['other', 30]]),
  other: weighted<Channel>([['other', 50], ['phone', 50]]),
};

/** How complete the data of a lead from this source usually is (0–1). */
const richness: Record<Source, number> = {
  website: 0.6,
  web_form: 0.8,
  phone_call: 0.5,
  sms: 0.3,
  instagram: 0.3,
  telegram: 0.3,
  whatsapp: 0.35,
  exhibition: 0.8,
  referral: 0.6,
  campaign: 0.5,
  cold_call: 0.7,
  import: 0.9,
  other: 0.4,
};

const socialSources: ReadonlySet<Source> = new Set(['instagram', 'telegram', 'whatsapp']);

// Hour-of-day weights in Tehran time: office hours, and evenings for social-media leads.
const officeHours = weighted<number>(
  [1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 3, 8, 12, 14, 14, 12, 9, 8, 10, 11, 10, 8, 6, 5, 4, 3, 2].map((w, h) => [h, w] as const),
);
const eveningHours = weighted<number>(
  [4, 2, 1, 0.5, 0.3, 0.3, 0.5, 1, 3, 5, 6, 6, 6, 6, 6, 6, 7, 8, 9, 10, 11, 12, 11, 8].map((w, h) => [h, w] as const),
);

const stageFresh = weighted<Stage>([['open', 75], ['contacted', 19], ['qualified', 2], ['disqualified', 4]]);
const stageWeek = weighted<Stage>([
  ['open', 40], ['contacted', 30], ['nurturing', 10], ['qualified', 8], ['negotiation', 3], ['customer', 1],
  ['inactive', 2], ['disqualified', 6],
]);
const stageOlder = weighted<Stage>([
  ['open', 18], ['contacted', 22], ['nurturing', 16], ['qualified', 12], ['negotiation', 7], ['customer', 7],
  ['inactive', 10], ['disqualified', 8],
]);

const resultByStage: Record<Stage, WeightedTable<ContactResult>> = {
  open: weighted<ContactResult>([['no_answer', 60], ['busy', 30], ['call_back', 10]]),
  contacted: weighted<ContactResult>([['answered', 30], ['call_back', 25], ['no_answer', 20], ['busy', 10], ['interested', 15]]),
  nurturing: weighted<ContactResult>([['answered', 30], ['call_back', 25], ['interested', 30], ['no_answer', 15]]),
  qualified: weighted<ContactResult>([['interested', 55], ['answered', 35], ['call_back', 10]]),
  negotiation: weighted<ContactResult>([['interested', 50], ['answered', 40], ['call_back', 10]]),
  customer: weighted<ContactResult>([['answered', 60], ['interested', 40]]),
  inactive: weighted<ContactResult>([['no_answer', 50], ['busy', 20], ['not_interested', 15], ['call_back', 15]]),
  disqualified: weighted<ContactResult>([['not_interested', 55], ['wrong_number', 30], ['answered', 15]]),
};

/** Exponent on a uniform draw: > 1 puts the last contact soon after creation, < 1 near now. */
const contactLag: Record<Stage, number> = {
  open: 3,
  contacted: 2.5,
  nurturing: 1.5,
  qualified: 1.2,
  negotiation: 0.8,
  customer: 1,
  inactive: 3,
  disqualified: 3,
};

const priorityDefault = weighted<Priority>([['low', 20], ['normal', 55], ['high', 20], ['urgent', 5]]);
const priorityHot = weighted<Priority>([['low', 5], ['normal', 40], ['high', 40], ['urgent', 15]]);
const priorityCold = weighted<Priority>([['low', 50], ['normal', 45], ['high', 5]]);
const priorityByStage: Record<Stage, WeightedTable<Priority>> = {
  open: priorityDefault,
  contacted: priorityDefault,
  nurturing: priorityDefault,
  qualified: priorityHot,
  negotiation: priorityHot,
  customer: priorityDefault,
  inactive: priorityCold,
  disqualified: priorityCold,
};

// ---------------------------------------------------------------------------------------------
// Companies, e-mails, websites
// ---------------------------------------------------------------------------------------------

const industryTable = weighted<Industry>([
  ['manufacturing', 14], ['retail', 14], ['construction', 9], ['technology', 11], ['healthcare', 7], ['education', 6],
  ['finance', 5], ['food', 9], ['tourism', 5], ['logistics', 6], ['energy', 4], ['agriculture', 4], ['services', 9],
  ['other', 3],
]);

const tldByCountry: Record<CountryCode, WeightedTable<string>> = {
  IR: weighted([['ir', 70], ['com', 25], ['co', 5]]),
  AE: weighted([['ae', 55], ['com', 45]]),
  SA: weighted([['com.sa', 40], ['sa', 20], ['com', 40]]),
  QA: weighted([['qa', 40], ['com.qa', 20], ['com', 40]]),
  KW: weighted([['com.kw', 50], ['com', 50]]),
};

const freeMailByCountry: Record<'IR' | 'GULF' | 'EN', WeightedTable<string>> = {
  IR: weighted([['gmail.com', 62], ['yahoo.com', 25], ['outlook.com', 6], ['hotmail.com', 5], ['chmail.ir', 2]]),
  GULF: weighted([['gmail.com', 45], ['hotmail.com', 25], ['outlook.com', 15], ['yahoo.com', 10], ['icloud.com', 5]]),
  EN: weighted([['gmail.com', 50], ['outlook.com', 15], ['hotmail.com', 10], ['yahoo.com', 10], ['icloud.com', 15]]),
};

interface Company {
  name: string;
  industry: Industry;
  /** `armansanat.ir`, or null for well-known companies. */
  domain: string | null;
  known: boolean;
}

function company(rng: Random, script: Script, country: CountryCode): Company {
  const known = script === 'fa' ? persianKnownCompanies : script === 'ar' ? arabicKnownCompanies : null;
  if (known && rng.chance(0.08)) {
    const [name, industry] = rng.pick(known);
    return { name, industry, domain: null, known: true };
  }
  const industry = industryTable.pick(rng);
  const tld = tldByCountry[country].pick(rng);
  if (script === 'en') {
    const core = rng.pick(englishCompanyCores);
    const [template, suffix] = rng.pick(englishCompanyTemplates[industry]);
    const slug = core.toLowerCase().replace(/[^a-z0-9]/g, '');
    return { name: template.replace('{}', core), industry, domain: `${slug}${suffix}.${tld}`, known: false };
  }
  const [core, coreLatin] = rng.pick(script === 'fa' ? persianCompanyCores : arabicCompanyCores);
  const [template, suffix] = rng.pick((script === 'fa' ? persianCompanyTemplates : arabicCompanyTemplates)[industry]);
  return { name: template.replace('{}', core), industry, domain: `${coreLatin}${suffix}.${tld}`, known: false };
}

function website(rng: Random, domain: string): string {
  const style = rng.int(0, 19);
  if (style < 8) return `www.${domain}`;
  if (style < 13) return domain;
  if (style < 17) return `https://${domain}`;
  if (style < 19) return `http://www.${domain}`;
  return `https://www.${domain}/`;
}

const asciiSlug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function emailLocalPart(rng: Random, first: string | null, last: string | null, iranian: boolean): string {
  const f = first ? asciiSlug(first) : '';
  const l = last ? asciiSlug(last) : '';
  const year = iranian && rng.chance(0.6) ? rng.int(1355, 1385) : rng.int(1975, 2004);
  if (f && l) {
    switch (rng.int(0, 9)) {
      case 0:
      case 1:
      case 2:
        return `${f}.${l}`;
      case 3:
        return `${f}${l}`;
      case 4:
        return `${f}_${l}`;
      case 5:
        return `${f[0]}.${l}`;
      case 6:
        return `${f}${rng.int(10, 99)}`;
      case 7:
        return `${f}${year}`;
      case 8:
        return `${l}.${f}`;
      default:
        return `${f[0]}${l}${rng.int(1, 99)}`;
    }
  }
  const one = f || l || (iranian ? rng.pick(persianFirstNames)[1] : asciiSlug(rng.pick(englishFirstNames)));
  return rng.chance(0.5) ? `${one}${year}` : `${one}${rng.int(10, 999)}`;
}

// ---------------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------------

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Iran Standard Time, UTC+03:30 all year (Iran stopped observing daylight saving time in 2022). */
const TEHRAN_OFFSET = 3.5 * HOUR;
const FRIDAY = 5;
const THURSDAY = 4;

function createdAtMs(rng: Random, nowMs: number, windowStart: number, dayCount: number, hours: WeightedTable<number>): number {
  const todayStart = Math.floor((nowMs + TEHRAN_OFFSET) / DAY) * DAY - TEHRAN_OFFSET;
  for (let attempt = 0; attempt < 8; attempt++) {
    const u = rng.next();
    // 70% from a density falling linearly with age (recent days busier), 30% uniform.
    const x = rng.next() < 0.7 ? 1 - Math.sqrt(u) : u;
    const dayStart = todayStart - Math.floor(x * dayCount) * DAY;
    // 1970-01-01 was a Thursday; 0 = Sunday. The Iranian weekend is Friday (and Thursday afternoon).
    const weekday = (Math.floor((dayStart + TEHRAN_OFFSET) / DAY) + 4) % 7;
    if (weekday === FRIDAY && rng.next() >= 0.35) continue;
    if (weekday === THURSDAY && rng.next() >= 0.7) continue;
    const t = dayStart + hours.pick(rng) * HOUR + Math.floor(rng.next() * HOUR);
    if (t <= nowMs && t >= windowStart) return t;
  }
  return windowStart + Math.floor(rng.next() * (nowMs - windowStart));
}

/** Moves a night-time contact to working hours (09:00–21:00 Tehran) of the same day when that stays in [from, to]. */
function contactTime(rng: Random, from: number, to: number, t: number): number {
  const localDayStart = Math.floor((t + TEHRAN_OFFSET) / DAY) * DAY - TEHRAN_OFFSET;
  const hour = Math.floor((t - localDayStart) / HOUR);
  const u = rng.next();
  if (hour >= 9 && hour < 21) return t;
  const moved = localDayStart + 9 * HOUR + Math.floor(u * 12 * HOUR);
  return moved >= from && moved <= to ? moved : t;
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------

const quantities = [2, 3, 5, 10, 12, 20, 25, 30, 50, 100, 200, 500] as const;

function note(rng: Random, script: Script, city: string | null, fallbackCity: string): string {
  const template = rng.pick(script === 'fa' ? persianNotes : script === 'ar' ? arabicNotes : englishNotes);
  const digits = script === 'fa' ? toPersianDigits : script === 'ar' && rng.chance(0.5) ? toArabicDigits : (s: string) => s;
  return template
    .replace('{n}', () => digits(String(rng.pick(quantities))))
    .replace('{h}', () => digits(String(script === 'fa' ? rng.int(16, 19) : rng.int(4, 7))))
    .replace('{city}', () => city ?? fallbackCity);
}

// ---------------------------------------------------------------------------------------------
// Agents
// ---------------------------------------------------------------------------------------------

/** Agent 0 and every eighth one after it are managers. */
const isManagerIndex = (index: number): boolean => index % 8 === 0;

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A sales team: mostly Iranian names in Persian, a few Arabic ones (a Gulf office). Deterministic per seed. */
export function demoAgents(count: number, seed: number = DEFAULT_SEED): DemoAgent[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const rng = new Random((seed ^ 0x5a17e5) >>> 0);
  const names = new Set<string>();
  const emails = new Set<string>();
  const agents: DemoAgent[] = [];
  for (let i = 0; i < count; i++) {
    const arabic = i > 0 && rng.chance(0.15);
    let first: Named = ['', ''];
    let last: Named = ['', ''];
    for (let attempt = 0; attempt < 50; attempt++) {
      first = rng.pick(arabic ? arabicFirstNames : persianFirstNames);
      last = rng.pick(arabic ? arabicLastNames : persianLastNames);
      if (!names.has(`${first[0]} ${last[0]}`)) break;
    }
    const name = `${first[0]} ${last[0]}`;
    names.add(name);
    const base = `${first[1]}.${last[1]}`;
    let email = `${base}@example.com`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@example.com`;
    emails.add(email);
    agents.push({ name, email, role: isManagerIndex(i) ? 'manager' : 'agent' });
  }
  return agents;
}

// ---------------------------------------------------------------------------------------------
// Leads
// ---------------------------------------------------------------------------------------------

/**
 * Yields `count` realistic leads: ~65% Persian, ~20% Arabic, ~15% English; created over the last
 * `days` days before `now`, weighted towards recent days and Tehran office hours.
 */
export function* demoLeads(options: DemoLeadOptions): Generator<DemoLead> {
  const { count, seed = DEFAULT_SEED, agentCount, now = new Date(), days = 90 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isInteger(agentCount) || agentCount < 0) {
    throw new RangeError(`agentCount must be a non-negative integer, got ${agentCount}`);
  }
  if (!(days > 0) || !Number.isFinite(days)) throw new RangeError(`days must be a positive number, got ${days}`);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is an invalid date');

  const rng = new Random(seed);
  const windowStart = nowMs - Math.round(days * DAY);
  const dayCount = Math.ceil(days);

  // Some agents carry more leads than others; managers carry fewer. Its own stream, so the leads
  // themselves do not depend on agentCount.
  const agentRng = new Random((seed ^ 0xa6e47) >>> 0);
  const owners =
    agentCount > 0
      ? weighted(Array.from({ length: agentCount }, (_, i) => [i, (0.5 + agentRng.next()) * (isManagerIndex(i) ? 0.3 : 1)] as const))
      : null;

  for (let i = 0; i < count; i++) {
    const script = scriptTable.pick(rng);
    const place = placesByScript[script].pick(rng);
    const country = place.countryCode;
    const inIran = country === 'IR';
    const source = sourceByScript[script].pick(rng);
    const channel = channelBySource[source].pick(rng);
    const rich = richness[source];

    // --- when
    const created = createdAtMs(rng, nowMs, windowStart, dayCount, socialSources.has(source) ? eveningHours : officeHours);
    const ageMs = nowMs - created;
    const stage = (ageMs < DAY ? stageFresh : ageMs < 7 * DAY ? stageWeek : stageOlder).pick(rng);
    let lastContactAt: Date | null = null;
    let lastContactResult: ContactResult | null = null;
    if (stage !== 'open' || rng.chance(0.2)) {
      lastContactAt = new Date(contactTime(rng, created, nowMs, created + Math.floor(ageMs * rng.next() ** contactLag[stage])));
      lastContactResult = resultByStage[stage].pick(rng);
    }

    // --- who
    let firstName: string | null;
    let lastName: string | null;
    let firstLatin: string | null;
    let lastLatin: string | null;
    if (script === 'fa' || script === 'ar' || !inIran) {
      const latinGulf = script === 'en' && rng.chance(0.7);
      if (latinGulf) {
        firstName = firstLatin = rng.pick(englishFirstNames);
        lastName = lastLatin = rng.pick(englishLastNames);
      } else {
        const first = rng.pick(script === 'fa' ? persianFirstNames : arabicFirstNames);
        const last = rng.pick(script === 'fa' ? persianLastNames : arabicLastNames);
        firstLatin = first[1];
        lastLatin = last[1];
        firstName = script === 'en' ? capitalize(first[1]) : first[0];
        lastName = script === 'en' ? capitalize(last[1]) : last[0];
      }
    } else {
      // An Iranian writing in Latin script.
      const first = rng.pick(persianFirstNames);
      const last = rng.pick(persianLastNames);
      firstLatin = first[1];
      lastLatin = last[1];
      firstName = capitalize(first[1]);
      lastName = capitalize(last[1]);
    }
    if (rng.chance(0.03 + 0.08 * (1 - rich))) firstName = firstLatin = null;
    if (rng.chance(0.08 + 0.3 * (1 - rich))) lastName = lastLatin = null;

    // --- company
    let companyName: string | null = null;
    let industry: Industry | null = null;
    let jobTitle: string | null = null;
    let site: string | null = null;
    let annualRevenue: number | null = null;
    let employees: number | null = null;
    let domain: string | null = null;
    if (rng.chance(0.2 + 0.6 * rich)) {
      const c = company(rng, script, country);
      companyName = c.name;
      domain = c.domain;
      industry = rng.chance(0.9) ? c.industry : null;
      if (rng.chance(0.6)) {
        jobTitle = rng.pick(script === 'fa' ? persianJobTitles : script === 'ar' ? arabicJobTitles : englishJobTitles);
      }
      if (domain && rng.chance(0.4)) site = website(rng, domain);
      const size = c.known ? rng.int(1500, 5000) : Math.min(5000, Math.max(1, Math.round(Math.exp(rng.next() * Math.log(5000)))));
      if (rng.chance(0.45)) employees = size;
      if (rng.chance(0.3)) {
        annualRevenue = Math.min(1e13, Math.max(1e8, Math.round((size * rng.float(8e8, 6e9)) / 1e7) * 1e7));
      }
    } else if (rng.chance(0.05)) {
      industry = industryTable.pick(rng);
    } else if (rng.chance(0.1)) {
      jobTitle = rng.pick(script === 'fa' ? persianJobTitles : script === 'ar' ? arabicJobTitles : englishJobTitles);
    }

    // --- how to reach them
    let mobile: string | null = null;
    const wantsMobile = rng.chance(script === 'en' ? 0.75 : script === 'ar' ? 0.92 : 0.96);
    const iranianMobile = inIran || (script === 'fa' && rng.chance(0.3));
    if (wantsMobile) mobile = mobileNumber(rng, script, country, iranianMobile);
    const phone = rng.chance(companyName ? 0.35 : 0.08) ? landline(rng, country, place.areaCode, script === 'fa') : null;
    let email: string | null = null;
    const emailChance = script === 'fa' ? 0.15 + 0.5 * rich : script === 'ar' ? 0.25 + 0.5 * rich : 0.5 + 0.45 * rich;
    if (rng.chance(emailChance)) {
      const local = domain && rng.chance(0.15) ? 'info' : emailLocalPart(rng, firstLatin, lastLatin, iranianMobile);
      const mailDomain = domain && rng.chance(0.45) ? domain : freeMailByCountry[inIran ? 'IR' : script === 'en' ? 'EN' : 'GULF'].pick(rng);
      email = `${rng.chance(0.03) ? capitalize(local) : local}@${mailDomain}`;
    }
    if (mobile === null && phone === null && email === null) mobile = mobileNumber(rng, script, country, iranianMobile);

    // --- identity and place
    const nationalCodeValue =
      inIran && script !== 'en' && rng.chance(stage === 'customer' ? 0.6 : 0.06 + 0.2 * rich) ? nationalCode(rng) : null;
    const hasCity = rng.chance(0.55 + 0.4 * rich);
    const city = hasCity ? place.city : null;
    const province = hasCity && rng.chance(inIran ? 0.9 : 0.6) ? place.province : null;
    const countryName = rng.chance(hasCity ? 0.85 : 0.2) ? place.country : null;

    // --- sales
    const priority = priorityByStage[stage].pick(rng);
    const unassigned = rng.next() < (stage === 'open' ? 0.35 : 0.05);
    const ownerDraw = rng.next();
    const ownerIndex = owners && !unassigned ? owners.at(ownerDraw) : null;
    const description = rng.chance(0.3) ? note(rng, script, city, place.city) : null;

    yield {
      firstName,
      lastName,
      mobile,
      phone,
      email,
      company: companyName,
      jobTitle,
      website: site,
      nationalCode: nationalCodeValue,
      source,
      channel,
      stage,
      priority,
      industry,
      annualRevenue,
      employees,
      city,
      province,
      country: countryName,
      description,
      lastContactAt,
      lastContactResult,
      createdAt: new Date(created),
      ownerIndex,
      script,
    };
  }
}

function mobileNumber(rng: Random, script: Script, country: CountryCode, iranian: boolean): string {
  if (iranian || country === 'IR') {
    return formatIranMobile(iranMobileNational(rng), (script === 'fa' ? persianMobileFormat : latinMobileFormat).pick(rng));
  }
  let format = gulfFormat.pick(rng);
  if (format === 'arabic' && script !== 'ar') format = 'e164';
  return formatGulfMobile(gulfMobileNational(rng, country), country, format);
}
