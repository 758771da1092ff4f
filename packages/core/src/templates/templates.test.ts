import { describe, expect, it } from 'vitest';
import type { Lead } from '../lead/lead.js';
import { defaultPicklists } from '../picklists/defaults.js';
import { prepareTemplate, renderTemplate, type TemplateInput } from './index.js';

const customKeys = new Set(['budget', 'visitDay', 'tags']);

const lead: Lead = {
  id: '00000000-0000-4000-8000-000000000001',
  firstName: 'Sara & <Co>',
  lastName: 'Ahmadi',
  mobile: '+989121234567',
  phone: null,
  email: null,
  company: 'Pars',
  jobTitle: null,
  website: null,
  nationalCode: null,
  telegramId: null,
  whatsappId: null,
  instagramId: null,
  fax: null,
  source: null,
  channel: null,
  channelIdentifier: null,
  stage: 'qualified',
  priority: 'normal',
  industry: null,
  annualRevenue: 1234567,
  employees: null,
  emailOptOut: false,
  street: null,
  poBox: null,
  postalCode: null,
  city: null,
  province: null,
  country: null,
  description: null,
  ownerId: 'u1',
  score: 0,
  qualification: 'cold',
  lastContactAt: new Date('2024-03-20T10:00:00Z'),
  lastContactResult: null,
  archivedAt: null,
  convertedAt: null,
  mergedIntoId: null,
  mergedAt: null,
  nextTaskAt: null,
  nextTaskTitle: null,
  firstResponseAt: null,
  firstResponseSeconds: null,
  slaDueAt: null,
  slaBreachedAt: null,
  customFields: { budget: 2500, visitDay: '2024-03-20', tags: ['a', 'b'] },
  version: 1,
  createdAt: new Date('2024-01-01T00:00:00Z'),
  updatedAt: new Date('2024-01-01T00:00:00Z'),
};

const sms = (body: TemplateInput['body']): TemplateInput => ({ name: 'Hi', channel: 'sms', body });
const render = (input: TemplateInput, locale: 'fa' | 'ar' | 'en', ownerName: string | null = 'Reza') => {
  const prepared = prepareTemplate(input, customKeys);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.error));
  return renderTemplate(prepared.value, { lead, ownerName, picklists: defaultPicklists, locale });
};
const fields = (input: TemplateInput) => {
  const prepared = prepareTemplate(input, customKeys, 'fa');
  return prepared.ok ? [] : prepared.error.map((e) => ({ field: e.field, code: e.code }));
};

describe('prepareTemplate', () => {
  it('names the body locale with an unknown placeholder, and the one with broken braces', () => {
    expect(fields(sms({ fa: 'سلام {{firstNam}}', en: 'Hi {{firstName}}', ar: 'مرحبا {{firstName' }))).toEqual([
      { field: 'body.fa', code: 'unknown_placeholder' },
      { field: 'body.ar', code: 'invalid_value' },
    ]);
    expect(fields(sms({ en: '{{custom.nope}} {{owner.email}}' }))).toEqual([{ field: 'body.en', code: 'unknown_placeholder' }]);
  });

  it('wants a name, a body in some language, and a subject for email only', () => {
    expect(fields({ name: ' ', channel: 'email', body: { fa: '  ' } })).toEqual([
      { field: 'name', code: 'required' },
      { field: 'body', code: 'required' },
      { field: 'subject', code: 'required' },
    ]);
    expect(fields({ name: 'x', channel: 'sms', body: { en: 'x' }, subject: { en: 'no' } })).toEqual([{ field: 'subject', code: 'invalid_value' }]);
    expect(fields({ name: 'x', channel: 'email', body: { en: 'x' }, subject: { fa: '{{nope}}' } })).toEqual([
      { field: 'subject.fa', code: 'unknown_placeholder' },
    ]);
  });

  it('accepts defined custom fields, the owner and built-in fields, trimming texts', () => {
    const prepared = prepareTemplate(sms({ en: ' {{ custom.budget }} {{owner.name}} {{stage}} ', fa: '' }), customKeys);
    expect(prepared).toEqual({ ok: true, value: { name: 'Hi', channel: 'sms', body: { en: '{{ custom.budget }} {{owner.name}} {{stage}}' }, subject: null } });
  });
});

describe('renderTemplate', () => {
  const all = sms({
    fa: 'سلام {{firstName}} از {{company}}؛ بودجه {{custom.budget}}، درآمد {{annualRevenue}}، مرحله {{stage}}، بازدید {{custom.visitDay}}، مسئول {{owner.name}} {{email}}',
    ar: 'مرحبا {{firstName}}، الميزانية {{custom.budget}}، المرحلة {{stage}}',
    en: 'Hi {{firstName}} of {{company}}: budget {{custom.budget}}, stage {{stage}}, visit {{custom.visitDay}}, tags {{custom.tags}}, owner {{owner.name}}',
  });

  it('fills fa with Persian digits, the Jalali calendar and the stage label, and lists the missing', () => {
    expect(render(all, 'fa')).toEqual({
      channel: 'sms',
      locale: 'fa',
      body: 'سلام Sara & <Co> از Pars؛ بودجه ۲٬۵۰۰، درآمد ۱٬۲۳۴٬۵۶۷، مرحله واجد شرایط، بازدید ۱ فروردین ۱۴۰۳، مسئول Reza ',
      missing: ['email'],
    });
  });

  it('fills ar with Arabic-Indic digits and en with Latin ones', () => {
    expect(render(all, 'ar').body).toBe('مرحبا Sara & <Co>، الميزانية ٢٬٥٠٠، المرحلة مؤهل');
    expect(render(all, 'en').body).toBe('Hi Sara & <Co> of Pars: budget 2,500, stage Qualified, visit Mar 20, 2024, tags a, b, owner Reza');
  });

  it('falls back to another language when the asked one is missing, formatting for that language', () => {
    const result = render(sms({ en: 'budget {{custom.budget}}' }), 'fa');
    expect(result).toMatchObject({ locale: 'en', body: 'budget 2,500', missing: [] });
    expect(render(sms({ ar: '{{custom.budget}}', fa: '{{custom.budget}}' }), 'en')).toMatchObject({ locale: 'fa', body: '۲٬۵۰۰' });
  });

  it('reports a lead without an owner or a custom value as missing, once each', () => {
    expect(render(sms({ en: '{{owner.name}}/{{owner.name}}/{{custom.budget}}' }), 'en', null)).toMatchObject({
      body: '//2,500',
      missing: ['owner.name'],
    });
  });

  it('escapes values (not the template) in an email body, not in its subject', () => {
    const result = render({ name: 'm', channel: 'email', subject: { en: 'For {{firstName}}' }, body: { en: '<p>Dear {{firstName}}</p>' } }, 'en');
    expect(result).toEqual({
      channel: 'email',
      locale: 'en',
      subject: 'For Sara & <Co>',
      body: '<p>Dear Sara &amp; &lt;Co&gt;</p>',
      missing: [],
    });
  });

  it('leaves SMS text unescaped', () => {
    expect(render(sms({ en: '{{firstName}}' }), 'en').body).toBe('Sara & <Co>');
  });
});
