import type { CountryCode } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';

import { isIranianMobile, normalizePhone, phoneSearchForms, toIranianLocal } from './phone.js';

const MOBILE = '+989121234567';
const TEHRAN = '+982188776655';

describe('normalizePhone: Iranian mobiles', () => {
  it.each([
    ['local form', '09121234567'],
    ['without trunk zero', '9121234567'],
    ['E.164', '+989121234567'],
    ['00 prefix', '00989121234567'],
    ['country code without plus', '989121234567'],
    ['00 prefix with spaces', '0098 912 123 4567'],
    ['parentheses and dash', '(0912) 123-4567'],
    ['Persian digits', '۰۹۱۲۱۲۳۴۵۶۷'],
    ['Arabic-Indic digits', '٠٩١٢١٢٣٤٥٦٧'],
    ['Persian digits with spaces', '۰۹۱۲ ۱۲۳ ۴۵۶۷'],
    ['Persian digits with plus', '+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷'],
    ['Arabic-Indic digits with 00', '٠٠٩٨٩١٢١٢٣٤٥٦٧'],
    ['mixed scripts', '۰۹12١٢٣4567'],
    ['dots', '0912.123.4567'],
    ['NBSP between groups', '0912\u00A0123\u00A04567'],
    ['narrow NBSP between groups', '0912\u202F123\u202F4567'],
    ['surrounding whitespace and tabs', ' \t09121234567\n '],
    ['odd grouping', '09 12 12 34 56 7'],
    ['LRM/RLM from an RTL chat', '\u200E+98 912 123 4567\u200F'],
    ['Arabic letter mark', '\u061C09121234567'],
    ['RLE/PDF embedding', '\u202B09121234567\u202C'],
    ['LRO override', '\u202D09121234567\u202C'],
    ['isolates', '\u2066+989121234567\u2069'],
    ['BOM from a CSV export', '\uFEFF09121234567'],
    ['ZWNJ and ZWJ', '0912\u200C123\u200D4567'],
    ['en dashes', '0912–123–4567'],
    ['minus signs', '0912−123−4567'],
    ['full-width digits and plus', '＋９８ ９１２ １２３ ４５６７'],
    ['small plus sign', '\uFE6298 912 123 4567'],
    ['trailing plus from a visually ordered RTL copy', '989121234567+'],
    ['+98 (0) on a business card', '+98 (0) 912 123 4567'],
    ['+98 0912', '+98 0912 123 4567'],
    ['0098 0912', '0098 0912 123 4567'],
    ['country code and trunk zero without plus', '98 0912 123 4567'],
  ])('%s: %s', (_name, input) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164: MOBILE });
  });

  it.each([
    ['0990 prefix', '09901234567', '+989901234567'],
    ['0901 prefix', '09011234567', '+989011234567'],
    ['0935 prefix', '0935 123 4567', '+989351234567'],
    ['0999 prefix', '۰۹۹۹۸۷۶۵۴۳۲', '+989998765432'],
  ])('%s', (_name, input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164: expected });
  });
});

describe('normalizePhone: Iranian landlines', () => {
  it.each([
    ['Tehran, dashed', '021-88776655'],
    ['Tehran, plain', '02188776655'],
    ['Tehran, E.164 spaced', '+98 21 8877 6655'],
    ['Tehran, 00', '0098 21 8877 6655'],
    ['Tehran, country code without plus', '982188776655'],
    ['Tehran, without trunk zero', '2188776655'],
    ['Tehran, parentheses', '(021) 8877 6655'],
    ['Tehran, Persian digits', '۰۲۱-۸۸۷۷۶۶۵۵'],
    ['Tehran, Arabic-Indic digits', '٠٢١ ٨٨٧٧ ٦٦٥٥'],
    ['Tehran, +98 (0)21', '+98 (0)21 8877 6655'],
  ])('%s: %s', (_name, input) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164: TEHRAN });
  });

  it.each([
    ['Isfahan', '031 3222 1234', '+983132221234'],
    ['Mashhad', '051-38123456', '+985138123456'],
    ['Shiraz', '071 3612 3456', '+987136123456'],
    ['Karaj', '026 3456 7890', '+982634567890'],
    ['Tabriz', '041-35551234', '+984135551234'],
    ['Rasht', '013 3312 3456', '+981333123456'],
    ['Sari', '011 3322 1234', '+981133221234'],
    ['Kermanshah', '083 3822 1234', '+988338221234'],
    ['Sanandaj, Persian digits', '۰۸۷-۳۳۱۲۳۴۵۶', '+988733123456'],
  ])('%s', (_name, input, expected) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164: expected });
  });
});

describe('normalizePhone: other countries', () => {
  it.each<[string, string, CountryCode | undefined, string]>([
    ['UK landline', '+44 20 7946 0958', undefined, '+442079460958'],
    ['UK landline with (0)', '+44 (0) 20 7946 0958', undefined, '+442079460958'],
    ['UK mobile', '+44 7911 123456', undefined, '+447911123456'],
    // 555-01xx is the fictional range, but libphonenumber's metadata has no notion of it.
    ['US, 555-0123', '+1 212 555 0123', undefined, '+12125550123'],
    ['US, punctuated', '+1 (212) 555-0123', undefined, '+12125550123'],
    ['UAE mobile', '+971 50 123 4567', undefined, '+971501234567'],
    ['UAE mobile, 00', '00971501234567', undefined, '+971501234567'],
    ['UAE mobile, Arabic-Indic digits', '٠٠٩٧١٥٠١٢٣٤٥٦٧', undefined, '+971501234567'],
    ['Saudi mobile', '+966 50 123 4567', undefined, '+966501234567'],
    ['Iraq mobile', '+964 770 123 4567', undefined, '+9647701234567'],
    ['Iraqi Kurdistan mobile', '+964 750 123 4567', undefined, '+9647501234567'],
    ['Turkey mobile', '+90 532 123 4567', undefined, '+905321234567'],
    ['Turkey landline', '+90 212 123 45 67', undefined, '+902121234567'],
    ['Afghanistan mobile', '+93 79 123 4567', undefined, '+93791234567'],
    ['Lebanon mobile', '+961 3 123 456', undefined, '+9613123456'],
    ['Germany landline', '+49 30 123456', undefined, '+4930123456'],
    ['Germany mobile', '+49 1512 3456789', undefined, '+4915123456789'],
    ['France mobile', '+33 6 12 34 56 78', undefined, '+33612345678'],
    ['UAE national form, default AE', '050 123 4567', 'AE', '+971501234567'],
    ['US national form, default US', '2125550123', 'US', '+12125550123'],
    ['UK national form, default GB', '07911 123456', 'GB', '+447911123456'],
    ['UK with 00, default GB', '00 44 20 7946 0958', 'GB', '+442079460958'],
    ['US international prefix 011, default US', '011 44 20 7946 0958', 'US', '+442079460958'],
    ['Iranian E.164 with a foreign default', '+989121234567', 'US', MOBILE],
    ['Iranian 00 form with a foreign default', '00989121234567', 'AE', MOBILE],
    ['Iranian via 011, default US', '011 98 912 123 4567', 'US', MOBILE],
  ])('%s: %s', (_name, input, country, expected) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, e164: expected });
  });
});

describe('normalizePhone: invalid', () => {
  it.each<[string, string, CountryCode?]>([
    ['empty', ''],
    ['whitespace only', '   '],
    ['NBSP only', '\u00A0'],
    ['marks only', '\u200E\u200F\u200C'],
    ['a lone plus', '+'],
    ['a lone 00', '00'],
    ['only the country code', '0098'],
    ['only 98', '98'],
    ['mobile one digit short', '0912123456'],
    ['mobile one digit long', '091212345678'],
    ['mobile without trunk zero, short', '912123456'],
    ['E.164 mobile short', '+98912123456'],
    ['E.164 mobile long', '+9891212345678'],
    ['Persian digits, short', '۰۹۱۲۱۲۳۴۵۶'],
    ['Arabic-Indic digits, long', '٩٨٩١٢١٢٣٤٥٦٧٨'],
    ['landline one digit short (08 + 8 digits)', '0812345678'],
    ['Tehran landline one digit short', '0218877665'],
    ['Tehran landline one digit long', '021887766551'],
    ['unknown area code 20', '02012345678'],
    ['unknown area code 10', '01012345678'],
    ['unknown area code 39', '03912345678'],
    ['unknown area code 39, without trunk zero', '3912345678'],
    ['double trunk zero', '0009121234567'],
    ['00 followed by a local mobile', '009121234567'],
    ['00 followed by a local landline', '002188776655'],
    ['plus before 00', '+0098 912 123 4567'],
    ['plus at both ends', '+98 912 123 4567 +'],
    ['plus in the middle', '0912+1234567'],
    ['letters', 'abc'],
    ['letters inside', '0912-ABC-4567'],
    ['tel: prefix', 'tel:09121234567'],
    ['extension', '0912 123 4567 ext 12'],
    ['slashes', '0912/123/4567'],
    ['Persian text', 'شماره ندارد'],
    ['too short UK', '+44 20 7946 095'],
    ['too long UK', '+44 20 7946 09588'],
    ['short US', '+1 212 555 012'],
    ['US 555 area code', '+1 555 555 5555'],
    ['unassigned country code', '+999 123456789'],
    ['Iranian local form with a foreign default', '09121234567', 'AE'],
    ['Iranian mobile without prefix, default US', '9121234567', 'US'],
    ['foreign number without prefix, default IR', '447911123456'],
  ])('%s: %s', (_name, input, country) => {
    expect(normalizePhone(input, country)).toEqual({ ok: false, code: 'invalid_phone' });
  });
});

describe('normalizePhone: stability', () => {
  it.each([MOBILE, TEHRAN, '+442079460958', '+971501234567', '+966501234567', '+12125550123'])(
    'maps its own output %s to itself',
    (e164) => {
      expect(normalizePhone(e164)).toEqual({ ok: true, e164 });
    },
  );

  it.each([MOBILE, TEHRAN, '+989901234567', '+985138123456'])(
    'maps every search form of %s back to it',
    (e164) => {
      for (const form of phoneSearchForms(e164)) {
        expect(normalizePhone(form)).toEqual({ ok: true, e164 });
      }
    },
  );
});

describe('isIranianMobile', () => {
  it.each([
    [MOBILE, true],
    ['+989901234567', true],
    ['+989351234567', true],
    [TEHRAN, false],
    ['+985138123456', false],
    ['09121234567', false],
    ['989121234567', false],
    ['+98912123456', false],
    ['+9891212345678', false],
    ['+447911123456', false],
    ['+971501234567', false],
    [' +989121234567', false],
    ['', false],
  ])('%s → %s', (input, expected) => {
    expect(isIranianMobile(input)).toBe(expected);
  });
});

describe('toIranianLocal', () => {
  it.each([
    [MOBILE, '09121234567'],
    [TEHRAN, '02188776655'],
    ['+989901234567', '09901234567'],
    ['+983132221234', '03132221234'],
    ['+442079460958', null],
    ['+971501234567', null],
    ['+12125550123', null],
    ['09121234567', null],
    ['989121234567', null],
    ['+98912', null],
    ['+9891212345678', null],
    ['+982012345678', null],
    ['+980912123456', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(toIranianLocal(input)).toBe(expected);
  });
});

describe('phoneSearchForms', () => {
  it.each([
    [MOBILE, ['989121234567', '09121234567']],
    [TEHRAN, ['982188776655', '02188776655']],
    ['+989901234567', ['989901234567', '09901234567']],
    ['+442079460958', ['442079460958']],
    ['+971501234567', ['971501234567']],
    ['+12125550123', ['12125550123']],
    ['09121234567', []],
    ['989121234567', []],
    ['+', []],
    ['', []],
  ])('%s → %j', (input, expected) => {
    expect(phoneSearchForms(input)).toEqual(expected);
  });
});
