import { describe, expect, it } from 'vitest';
import type { Lead } from '../lead/lead.js';
import { defaultPicklists } from '../picklists/defaults.js';
import { duplicateProbe, duplicateReasons, planMerge } from './index.js';

const at = new Date('2024-01-01T00:00:00Z');
function lead(id: string, fields: Partial<Lead>): Lead {
  return {
    id, firstName: null, lastName: null, mobile: null, phone: null, email: null, company: null, jobTitle: null, website: null,
    nationalCode: null, telegramId: null, whatsappId: null, instagramId: null, fax: null, source: null, channel: null,
    channelIdentifier: null, stage: 'open', priority: 'normal', industry: null, annualRevenue: null, employees: null,
    emailOptOut: false, street: null, poBox: null, postalCode: null, city: null, province: null, country: null,
    description: null, ownerId: null, score: 0, qualification: 'cold', lastContactAt: null, lastContactResult: null,
    archivedAt: null, convertedAt: null, mergedIntoId: null, mergedAt: null, customFields: {}, version: 1, createdAt: at, updatedAt: at,
    ...fields,
  } as Lead;
}

const ctx = { picklists: defaultPicklists, locale: 'en' as const };

describe('planMerge', () => {
  const survivor = lead('s', { firstName: 'Sara', city: 'Tehran', customFields: { budget: 1, size: 'L' } });
  const other = lead('o', { firstName: 'Sarah', lastName: 'Karimi', email: 'sara@example.com', customFields: { budget: 5 } });

  it('takes each named field from the lead picked for it and keeps the rest, returning only changes', () => {
    expect(
      planMerge(survivor, [survivor, other], { lastName: { leadId: 'o' }, firstName: { leadId: 's' }, city: { leadId: 'o' }, 'custom.budget': { leadId: 'o' }, 'custom.size': { leadId: 'o' } }, ctx),
    ).toEqual({ ok: true, value: { lastName: 'Karimi', city: null, customFields: { budget: 5 } } });
  });

  it('normalizes explicit values like an edit and names errors where the caller wrote them', () => {
    expect(planMerge(survivor, [survivor, other], { mobile: { value: '۰۹۱۲ ۱۲۳ ۴۵۶۷' } }, ctx)).toEqual({ ok: true, value: { mobile: '+989121234567' } });
    const bad = planMerge(survivor, [survivor, other], { mobile: { value: '12' }, stage: { value: 'nope' }, ghost: { value: 1 }, email: { leadId: 'x' } }, ctx);
    expect(bad.ok ? [] : bad.error.map((e) => [e.field, e.code])).toEqual([
      ['values.ghost', 'unknown_field'],
      ['values.email.leadId', 'invalid_value'],
    ]);
    const invalid = planMerge(survivor, [survivor, other], { mobile: { value: '12' }, stage: { value: 'nope' } }, ctx);
    expect(invalid.ok ? [] : invalid.error.map((e) => [e.field, e.code])).toEqual([
      ['values.mobile', 'invalid_phone'],
      ['values.stage', 'unknown_value'],
    ]);
  });
});

describe('duplicate reasons', () => {
  const base = lead('a', { firstName: 'علی', lastName: 'رضایی', company: 'پارس', mobile: '+989121111111', phone: '+982188888888', email: 'a@x.com' });

  it('matches numbers across the mobile and phone columns, the email, and folded name + company', () => {
    expect(duplicateProbe(base)).toEqual({ phones: ['+989121111111', '+982188888888'], emails: ['a@x.com'], namePrefix: 'علی رضایی پارس' });
    expect(duplicateReasons(base, lead('b', { phone: '+989121111111', mobile: '+982188888888' }))).toMatchObject({ matchedOn: ['mobile', 'phone'], strength: 'strong' });
    expect(duplicateReasons(base, lead('c', { firstName: 'علي رضايي', company: 'پارس' }))).toMatchObject({ matchedOn: ['name'], strength: 'weak' });
    expect(duplicateReasons(base, lead('d', { firstName: 'علی', lastName: 'رضایی', company: 'پارسیان' }))).toBeNull();
  });

  it('does not match on a name without a company', () => {
    expect(duplicateProbe(lead('e', { firstName: 'Ali' })).namePrefix).toBeNull();
  });
});
