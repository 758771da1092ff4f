import type { FieldError } from '@sarnakh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;
let other: SessionUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin', 'Admin');
  manager = await api.user('manager', 'Maryam');
  agent = await api.user('agent', 'Ali');
  other = await api.user('agent', 'Omid');
});
afterAll(() => api.dispose());

const fieldsOf = (error: { cause?: unknown }): Pick<FieldError, 'field' | 'code'>[] => {
  expect(error.cause).toBeInstanceOf(FieldErrors);
  return (error.cause as FieldErrors).fields.map(({ field, code }) => ({ field, code }));
};

async function leadOf(owner: SessionUser, input: Record<string, unknown>) {
  return api.as(manager).leads.create({ ...input, ownerId: owner.id, duplicatePolicy: 'create' });
}

describe('templates.*', () => {
  it('managers create, update and archive; agents only list, get and render', async () => {
    const created = await api.as(manager).templates.create({
      name: 'Welcome',
      channel: 'sms',
      body: { fa: 'سلام {{firstName}}', en: 'Hi {{firstName}}' },
    });
    expect(created).toMatchObject({ name: 'Welcome', channel: 'sms', body: { fa: 'سلام {{firstName}}', en: 'Hi {{firstName}}' }, subject: null, archivedAt: null, createdBy: manager.id });

    expect((await failure(api.as(agent).templates.create({ name: 'x', channel: 'sms', body: { en: 'x' } }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(agent).templates.archive({ id: created.id }))).code).toBe('FORBIDDEN');
    expect(await api.as(agent).templates.get({ id: created.id })).toEqual(created);

    const updated = await api.as(admin).templates.update({ id: created.id, name: 'Welcome 2', body: { ar: 'مرحبا {{firstName}}' } });
    expect(updated).toMatchObject({ name: 'Welcome 2', body: { ar: 'مرحبا {{firstName}}' } });
    expect(await api.as(agent).templates.list()).toContainEqual(updated);

    const archived = await api.as(admin).templates.archive({ id: created.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await api.as(agent).templates.list()).map((t) => t.id)).not.toContain(created.id);
    expect((await api.as(agent).templates.list({ includeArchived: true })).map((t) => t.id)).toContain(created.id);
  });

  it('refuses unknown placeholders naming the body locale, and a missing email subject, in the caller language', async () => {
    const error = await failure(
      api.as(manager, 'fa').templates.create({ name: 'Bad', channel: 'email', body: { fa: 'سلام {{nam}}', en: 'Hi {{firstName}} {{custom.nope}}' } }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldsOf(error)).toEqual([
      { field: 'body.fa', code: 'unknown_placeholder' },
      { field: 'body.en', code: 'unknown_placeholder' },
      { field: 'subject', code: 'required' },
    ]);
    expect((error.cause as FieldErrors).fields[0]!.message).toBe('این متن جای‌نگهداری دارد که به هیچ فیلدی اشاره نمی‌کند.');

    const template = await api.as(manager).templates.create({ name: 'Ok', channel: 'sms', body: { en: 'x' } });
    const changeChannel = await failure(api.as(manager).templates.update({ id: template.id, channel: 'email' }));
    expect(fieldsOf(changeChannel)).toEqual([{ field: 'subject', code: 'required' }]);
    expect(await api.as(manager).templates.get({ id: template.id })).toEqual(template);
  });

  it('renders per lead in fa, ar and en with the owner, picklist labels and missing placeholders', async () => {
    const lead = await leadOf(agent, { firstName: 'Sara', company: 'Pars', annualRevenue: 1500000, stage: 'qualified' });
    const template = await api.as(manager).templates.create({
      name: 'Offer',
      channel: 'whatsapp',
      body: {
        fa: '{{firstName}} عزیز، {{owner.name}} از {{company}}: درآمد {{annualRevenue}}، مرحله {{stage}} {{email}}',
        ar: 'عزيزي {{firstName}}، الإيرادات {{annualRevenue}}، المرحلة {{stage}}',
        en: 'Dear {{firstName}}, {{owner.name}} here: revenue {{annualRevenue}}, stage {{stage}}, city {{city}}',
      },
    });
    const as = api.as(agent, 'fa');
    expect(await as.templates.render({ id: template.id, leadId: lead.id })).toEqual({
      channel: 'whatsapp',
      locale: 'fa',
      body: 'Sara عزیز، Ali از Pars: درآمد ۱٬۵۰۰٬۰۰۰، مرحله واجد شرایط ',
      missing: ['email'],
    });
    expect(await as.templates.render({ id: template.id, leadId: lead.id, locale: 'ar' })).toEqual({
      channel: 'whatsapp',
      locale: 'ar',
      body: 'عزيزي Sara، الإيرادات ١٬٥٠٠٬٠٠٠، المرحلة مؤهل',
      missing: [],
    });
    expect(await as.templates.render({ id: template.id, leadId: lead.id, locale: 'en' })).toEqual({
      channel: 'whatsapp',
      locale: 'en',
      body: 'Dear Sara, Ali here: revenue 1,500,000, stage Qualified, city ',
      missing: ['city'],
    });
  });

  it('takes defined custom fields as placeholders and renders their values per locale', async () => {
    const label = { fa: 'بودجه', ar: 'الميزانية', en: 'Budget' };
    await api.as(admin).fields.create({ key: 'budget', type: 'number', label });
    await api.as(admin).fields.create({ key: 'visit', type: 'date', label: { fa: 'بازدید', ar: 'زيارة', en: 'Visit' } });
    const lead = await leadOf(agent, { firstName: 'Nima', customFields: { budget: 2500, visit: '2024-03-20' } });
    const template = await api.as(manager).templates.create({
      name: 'Budget',
      channel: 'sms',
      body: {
        fa: 'بودجه {{custom.budget}}، بازدید {{custom.visit}}',
        ar: 'الميزانية {{custom.budget}}',
        en: 'Budget {{custom.budget}}, visit {{custom.visit}}',
      },
    });
    const render = (locale: 'fa' | 'ar' | 'en') => api.as(agent).templates.render({ id: template.id, leadId: lead.id, locale });
    expect(await render('fa')).toMatchObject({ body: 'بودجه ۲٬۵۰۰، بازدید ۱ فروردین ۱۴۰۳', missing: [] });
    expect(await render('ar')).toMatchObject({ body: 'الميزانية ٢٬٥٠٠', missing: [] });
    expect(await render('en')).toMatchObject({ body: 'Budget 2,500, visit Mar 20, 2024', missing: [] });

    const bare = await leadOf(agent, { firstName: 'Bare' });
    expect(await api.as(agent).templates.render({ id: template.id, leadId: bare.id, locale: 'en' })).toMatchObject({
      body: 'Budget , visit ',
      missing: ['custom.budget', 'custom.visit'],
    });
  });

  it('escapes lead values in an email body and falls back to another language', async () => {
    const lead = await leadOf(agent, { firstName: 'Tom <b>&', company: 'A&B' });
    const template = await api.as(manager).templates.create({
      name: 'Mail',
      channel: 'email',
      subject: { en: 'News for {{company}}' },
      body: { en: '<p>Dear {{firstName}}</p>' },
    });
    expect(await api.as(agent).templates.render({ id: template.id, leadId: lead.id, locale: 'fa' })).toEqual({
      channel: 'email',
      locale: 'en',
      subject: 'News for A&B',
      body: '<p>Dear Tom &lt;b&gt;&amp;</p>',
      missing: [],
    });
  });

  it('renders only for leads the caller can read, and not from archived templates', async () => {
    const lead = await leadOf(agent, { firstName: 'Hidden' });
    const template = await api.as(manager).templates.create({ name: 'T', channel: 'sms', body: { en: '{{firstName}}' } });
    expect((await failure(api.as(other).templates.render({ id: template.id, leadId: lead.id }))).code).toBe('NOT_FOUND');
    await api.as(manager).templates.archive({ id: template.id });
    expect((await failure(api.as(agent).templates.render({ id: template.id, leadId: lead.id }))).code).toBe('NOT_FOUND');
  });
});
