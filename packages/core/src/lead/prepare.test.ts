import { describe, expect, it } from 'vitest';
import { defaultPicklists } from '../picklists/defaults.js';
import type { Picklists } from '../picklists/picklist.js';
import type { Lead } from './lead.js';
import { prepareLead, prepareLeadPatch, type PrepareContext } from './prepare.js';
import { leadFieldNames } from './fields.js';
import { createFieldCatalog } from '../fields/catalog.js';
import { leadInputSchema } from './schema.js';

const ctx = (over: Partial<PrepareContext> = {}): PrepareContext => ({
  picklists: defaultPicklists,
  ...over,
});

const fieldsOf = (result: ReturnType<typeof prepareLead>) => (result.ok ? [] : result.error.map((e) => `${e.field}:${e.code}`));

describe('prepareLead', () => {
  it('normalizes every kind of field', () => {
    const result = prepareLead(
      {
        firstName: '  علی   ',
        lastName: 'رضایی',
        mobile: '+98 912 123 4567',
        phone: '۰۲۱-۸۸۷۷۶۶۵۵',
        email: '  Ali.Rezaei@Example.IR ',
        website: 'example.ir',
        nationalCode: '۰۴۹۹۳۷۰۸۹۹',
        telegramId: '@ali_rz',
        postalCode: '۱۴۳۵۶-۷۸۹۱۲',
        annualRevenue: '۲٬۵۰۰٬۰۰۰٬۰۰۰',
        employees: '۴۲',
        description: 'خط اول\r\nخط دوم',
        lastContactAt: '2026-01-02T10:00:00Z',
        source: 'instagram',
      },
      ctx(),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      firstName: 'علی',
      mobile: '+989121234567',
      phone: '+982188776655',
      email: 'ali.rezaei@example.ir',
      website: 'https://example.ir/',
      nationalCode: '0499370899',
      telegramId: 'ali_rz',
      postalCode: '1435678912',
      annualRevenue: 2_500_000_000,
      employees: 42,
      description: 'خط اول\nخط دوم',
      stage: 'open',
      priority: 'normal',
      emailOptOut: false,
      customFields: {},
    });
    expect(result.value.lastContactAt).toEqual(new Date('2026-01-02T10:00:00Z'));
  });

  it('reports every failing field at once, by name', () => {
    const result = prepareLead(
      {
        firstName: 'x'.repeat(101),
        mobile: '0912',
        email: 'not-an-email',
        nationalCode: '1234567890',
        website: 'ht!tp://',
        stage: 'won-somehow',
        employees: 'many',
        annualRevenue: -5,
        lastContactAt: 'yesterday',
        customFields: { budget: 1 },
      },
      ctx(),
    );
    expect(fieldsOf(result).sort()).toEqual(
      [
        'annualRevenue:out_of_range',
        'customFields.budget:unknown_field',
        'email:invalid_email',
        'employees:invalid_type',
        'firstName:too_long',
        'lastContactAt:invalid_date',
        'mobile:invalid_phone',
        'nationalCode:invalid_national_code',
        'stage:unknown_value',
        'website:invalid_url',
      ].sort(),
    );
  });

  it('needs some way to identify the lead', () => {
    expect(fieldsOf(prepareLead({ city: 'تهران' }, ctx()))).toEqual(['lastName:identity_required']);
    expect(prepareLead({ mobile: '09121234567' }, ctx()).ok).toBe(true);
    expect(prepareLead({ company: 'پارس' }, ctx()).ok).toBe(true);
  });

  it('treats blank strings as empty', () => {
    const result = prepareLead({ lastName: 'X', mobile: '   ', email: '\u200f ' }, ctx());
    expect(result.ok && result.value).toMatchObject({ mobile: null, email: null });
  });

  it('refuses retired picklist values for new leads', () => {
    const picklists: Picklists = {
      ...defaultPicklists,
      source: defaultPicklists.source.map((v) => (v.key === 'cold_call' ? { ...v, retired: true } : v)),
    };
    expect(fieldsOf(prepareLead({ lastName: 'X', source: 'cold_call' }, ctx({ picklists })))).toEqual(['source:retired_value']);
  });

  it('writes messages in the requested language', () => {
    const fa = prepareLead({ lastName: 'X', mobile: 'abc' }, ctx({ locale: 'fa' }));
    const ar = prepareLead({ lastName: 'X', mobile: 'abc' }, ctx({ locale: 'ar' }));
    const en = prepareLead({ lastName: 'X', mobile: 'abc' }, ctx());
    const message = (r: typeof fa) => (r.ok ? '' : r.error[0]!.message);
    expect(message(fa)).toBe('شماره تلفن معتبر نیست.');
    expect(message(ar)).toBe('رقم الهاتف غير صالح.');
    expect(message(en)).toBe('This is not a valid phone number.');
  });

  it('accepts known custom fields', () => {
    const budget = { key: 'budget', type: 'number', label: { en: 'Budget', fa: 'بودجه', ar: 'الميزانية' }, required: false, default: null, options: [], validation: {}, indexed: false, archivedAt: null, position: 0 };
    const result = prepareLead({ lastName: 'X', customFields: { budget: '۱۰۰' } }, ctx({ fields: createFieldCatalog([budget]) }));
    expect(result.ok && result.value.customFields).toEqual({ budget: 100 });
    expect(fieldsOf(prepareLead({ lastName: 'X', customFields: { other: 1 } }, ctx({ fields: createFieldCatalog([budget]) })))).toEqual(['customFields.other:unknown_field']);
  });
});

describe('prepareLeadPatch', () => {
  const current = (): Lead => {
    const prepared = prepareLead({ firstName: 'Sara', mobile: '09121234567', source: 'sms' }, ctx());
    if (!prepared.ok) throw new Error('fixture');
    const now = new Date('2026-01-01T00:00:00Z');
    return { ...prepared.value, id: 'id', score: 0, qualification: 'cold', archivedAt: null, convertedAt: null, mergedIntoId: null, mergedAt: null, nextTaskAt: null, nextTaskTitle: null, firstResponseAt: null, firstResponseSeconds: null, slaDueAt: null, slaBreachedAt: null, version: 1, createdAt: now, updatedAt: now };
  };

  it('returns only what changes', () => {
    const result = prepareLeadPatch(current(), { firstName: ' Sara ', mobile: '+989121234567', city: 'Shiraz' }, ctx());
    expect(result).toEqual({ ok: true, value: { city: 'Shiraz' } });
  });

  it('may clear a field, but not the last way to identify the lead', () => {
    expect(prepareLeadPatch(current(), { firstName: null }, ctx())).toEqual({ ok: true, value: { firstName: null } });
    const both = prepareLeadPatch(current(), { firstName: null, mobile: null }, ctx());
    expect(both.ok ? [] : both.error.map((e) => e.code)).toEqual(['identity_required']);
  });

  it('cannot clear the stage or priority', () => {
    const result = prepareLeadPatch(current(), { stage: null, priority: null }, ctx());
    expect(result.ok ? [] : result.error.map((e) => e.field).sort()).toEqual(['priority', 'stage']);
  });
});

describe('leadInputSchema', () => {
  it('covers exactly the writable built-in fields plus customFields', () => {
    expect(Object.keys(leadInputSchema.shape).sort()).toEqual([...leadFieldNames, 'customFields'].sort());
  });
});
