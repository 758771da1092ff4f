import type { FieldError } from '@sarnakh/core';
import { createCustomFieldRepository, jsonb } from '@sarnakh/db';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let manager: SessionUser;
let agent: SessionUser;
let otherAgent: SessionUser;

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  manager = await api.user('manager');
  agent = await api.user('agent');
  otherAgent = await api.user('agent');
});
afterAll(() => api.dispose());

const fields = (error: TRPCError): { field: string; code: string }[] => {
  expect(error.cause).toBeInstanceOf(FieldErrors);
  return (error.cause as FieldErrors).fields.map((f: FieldError) => ({ field: f.field, code: f.code }));
};

async function count(table: 'organizations' | 'contacts' | 'opportunities'): Promise<number> {
  const { n } = await api.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

describe('conversion mapping', () => {
  it('ships the defaults: names, mobile and email to the contact, company to the organization', async () => {
    const { mappings, targets } = await api.as(agent).conversion.getMapping();
    expect(mappings).toEqual(
      expect.arrayContaining([
        { from: 'company', target: 'organization', to: 'name' },
        { from: 'firstName', target: 'contact', to: 'firstName' },
        { from: 'mobile', target: 'contact', to: 'mobile' },
        { from: 'email', target: 'contact', to: 'email' },
      ]),
    );
    expect(targets.map((t) => t.id)).toEqual(['organization', 'contact', 'opportunity']);
    expect(targets.find((t) => t.id === 'opportunity')!.fields.amount!.accepts).toEqual(['number', 'money']);
  });

  it('checks types and names: a text field cannot feed an amount, unknown fields are named', async () => {
    const error = await failure(
      api.as(admin).conversion.updateMapping({
        mappings: [
          { from: 'company', target: 'opportunity', to: 'amount' },
          { from: 'nope', target: 'contact', to: 'firstName' },
          { from: 'city', target: 'planet', to: 'name' },
          { from: 'city', target: 'contact', to: 'shoeSize' },
          { from: 'custom.missing', target: 'opportunity', to: 'name' },
        ],
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fields(error)).toEqual([
      { field: 'mappings.0.from', code: 'invalid_type' },
      { field: 'mappings.1.from', code: 'unknown_field' },
      { field: 'mappings.2.target', code: 'unknown_value' },
      { field: 'mappings.3.to', code: 'unknown_field' },
      { field: 'mappings.4.from', code: 'unknown_field' },
    ]);
    const { mappings } = await api.as(admin).conversion.getMapping();
    expect(mappings.find((m) => m.target === 'opportunity' && m.to === 'amount')).toBeUndefined();
  });

  it('is changed by admins only', async () => {
    const error = await failure(api.as(manager).conversion.updateMapping({ mappings: [{ from: 'annualRevenue', target: 'opportunity', to: 'amount' }] }));
    expect(error.code).toBe('FORBIDDEN');
    expect((await failure(api.as(agent).conversion.removeMapping({ mappings: [{ target: 'contact', to: 'email' }] }))).code).toBe('FORBIDDEN');
  });

  it('upserts rows by target field and removes them', async () => {
    const saved = await api.as(admin).conversion.updateMapping({
      mappings: [
        { from: 'annualRevenue', target: 'opportunity', to: 'amount' },
        { from: 'province', target: 'organization', to: 'city' },
      ],
    });
    expect(saved.mappings).toContainEqual({ from: 'annualRevenue', target: 'opportunity', to: 'amount' });
    expect(saved.mappings).toContainEqual({ from: 'province', target: 'organization', to: 'city' });
    expect(saved.mappings).not.toContainEqual({ from: 'city', target: 'organization', to: 'city' });
    const restored = await api.as(admin).conversion.updateMapping({ mappings: [{ from: 'city', target: 'organization', to: 'city' }] });
    expect(restored.mappings).toContainEqual({ from: 'city', target: 'organization', to: 'city' });

    const removed = await api.as(admin).conversion.removeMapping({ mappings: [{ target: 'opportunity', to: 'amount' }] });
    expect(removed.removed).toBe(1);
    expect(removed.mappings.find((m) => m.target === 'opportunity' && m.to === 'amount')).toBeUndefined();
  });
});

describe('leads.convert', () => {
  let firstLead: { id: string; version: number };
  let organizationId: string;
  let contactId: string;

  it('creates the records from the mapping, links the history and marks the lead converted', async () => {
    await api.as(admin).conversion.updateMapping({ mappings: [{ from: 'annualRevenue', target: 'opportunity', to: 'amount' }] });
    const lead = await api.as(agent).leads.create({
      firstName: 'علي',
      lastName: 'رضایی',
      mobile: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
      email: 'Ali@Example.com',
      company: 'شركت فولاد مباركه',
      jobTitle: 'مدیر خرید',
      city: 'اصفهان',
      annualRevenue: '۲۵۰۰۰۰۰',
    });
    firstLead = lead;
    const updated = await api.as(agent).leads.update({ id: lead.id, version: lead.version, patch: { description: 'تماس اول' } });
    const task = await api.database.db
      .insertInto('tasks' as never)
      .values({ lead_id: lead.id, title: 'Call back', due_at: new Date(), created_at: new Date(), updated_at: new Date() } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();
    const done = await api.database.db
      .insertInto('tasks' as never)
      .values({ lead_id: lead.id, title: 'Sent brochure', due_at: new Date(), completed_at: new Date(), created_at: new Date(), updated_at: new Date() } as never)
      .returning('id' as never)
      .executeTakeFirstOrThrow();

    const result = await api.as(agent).leads.convert({
      id: lead.id,
      version: updated.version,
      createOrganization: true,
      createContact: true,
      createOpportunity: true,
      opportunity: { name: 'خرید ورق', expectedCloseDate: '۲۰۲۶/۴/۴', stage: 'proposal' },
    });
    expect(Object.keys(result).sort()).toEqual(['contactId', 'opportunityId', 'organizationId']);
    organizationId = result.organizationId!;
    contactId = result.contactId!;

    const organization = await api.as(agent).organizations.get({ id: organizationId });
    expect(organization).toMatchObject({ name: 'شركت فولاد مباركه', city: 'اصفهان', ownerId: agent.id, leadId: lead.id });
    const contact = await api.as(agent).contacts.get({ id: contactId });
    expect(contact).toMatchObject({
      firstName: 'علي', lastName: 'رضایی', mobile: '+989121234567', email: 'ali@example.com', jobTitle: 'مدیر خرید',
      organizationId, ownerId: agent.id, leadId: lead.id,
    });
    const opportunity = await api.as(agent).opportunities.get({ id: result.opportunityId! });
    expect(opportunity).toMatchObject({
      name: 'خرید ورق', amount: 2_500_000, currency: 'IRR', expectedCloseDate: '2026-04-04', salesStage: 'proposal',
      organizationId, contactId, ownerId: agent.id, leadId: lead.id,
    });

    // The lead's whole history, its conversion included, is on each new record's timeline.
    const history = (await api.as(agent).activities.list({ leadId: lead.id, limit: 200 })).items;
    expect(history.map((a) => a.type)).toEqual(expect.arrayContaining(['converted', 'created', 'updated']));
    for (const timeline of [
      await api.as(agent).contacts.activities({ id: contactId }),
      await api.as(agent).organizations.activities({ id: organizationId }),
      await api.as(agent).opportunities.activities({ id: result.opportunityId! }),
    ]) {
      expect(timeline.map((a) => a.id)).toEqual(history.map((a) => a.id));
    }
    const converted = history.find((a) => a.type === 'converted');
    expect(converted?.data).toEqual({ ...result, linked: { organization: false, contact: false } });

    // The open task follows the records; the completed one stays as it was.
    const rows = await api.database.db
      .selectFrom('tasks' as never)
      .select(['id', 'organizationId', 'contactId', 'opportunityId'] as never[])
      .where('leadId' as never, '=', lead.id as never)
      .execute() as unknown as { id: string; organizationId: string | null; contactId: string | null; opportunityId: string | null }[];
    expect(rows.find((r) => r.id === (task as { id: string }).id)).toMatchObject({ organizationId, contactId, opportunityId: result.opportunityId });
    expect(rows.find((r) => r.id === (done as { id: string }).id)).toMatchObject({ organizationId: null, contactId: null, opportunityId: null });

    // Gone from the default list, still readable, listed among converted leads; version bumped.
    const listed = await api.as(agent).leads.list({});
    expect(listed.items.map((l) => l.id)).not.toContain(lead.id);
    const read = await api.as(agent).leads.get({ id: lead.id });
    expect(read.convertedAt).toBeInstanceOf(Date);
    expect(read.version).toBe(updated.version + 1);
    expect((await api.as(agent).leads.list({ filter: { converted: true } })).items.map((l) => l.id)).toContain(lead.id);
  });

  it('refuses a second conversion of the same lead', async () => {
    const error = await failure(api.as(agent).leads.convert({ id: firstLead.id, createContact: true }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/already converted/);
  });

  it('links the existing organization (same company, written differently) and contact (same mobile)', async () => {
    const before = { organizations: await count('organizations'), contacts: await count('contacts') };
    const lead = await api.as(manager).leads.create(
      { firstName: 'Ali', lastName: 'Rezaei', mobile: '+98 912 123 4567', company: 'فولاد  مبارکه (سهامی عام)', ownerId: agent.id, duplicatePolicy: 'create' },
    );
    const result = await api.as(manager).leads.convert({ id: lead.id, createOrganization: true, createContact: true });
    expect(result).toEqual({ organizationId, contactId });
    expect(await count('organizations')).toBe(before.organizations);
    expect(await count('contacts')).toBe(before.contacts);
    const activity = (await api.as(manager).activities.list({ leadId: lead.id })).items.find((a) => a.type === 'converted');
    expect(activity?.data).toMatchObject({ linked: { organization: true, contact: true } });
    // The organization's timeline now carries both leads' history.
    const timeline = await api.as(manager).organizations.activities({ id: organizationId });
    expect(new Set(timeline.map((a) => a.leadId))).toEqual(new Set([firstLead.id, lead.id]));
  });

  it('makes one organization and one contact of two simultaneous conversions of the same company and person', async () => {
    const [a, b] = await Promise.all(
      ['Parsian Dairy', 'PARSIAN  DAIRY Co.'].map((company) =>
        api.as(manager).leads.create({ firstName: 'Hoda', email: 'hoda@parsian.example', company, duplicatePolicy: 'create' }),
      ),
    );
    const [first, second] = await Promise.all([a!, b!].map((lead) => api.as(manager).leads.convert({ id: lead.id, createOrganization: true, createContact: true })));
    expect(second!.organizationId).toBe(first!.organizationId);
    expect(second!.contactId).toBe(first!.contactId);
    const linked = await api.as(manager).organizations.list({ filter: { search: 'parsian' } });
    expect(linked.items).toHaveLength(1);
  });

  it('writes nothing when a record is invalid, naming the field', async () => {
    const lead = await api.as(agent).leads.create({ firstName: 'Sara', company: 'Kaveh Glass', mobile: '09351112233' });
    const before = { organizations: await count('organizations'), contacts: await count('contacts'), opportunities: await count('opportunities') };
    const error = await failure(
      api.as(agent).leads.convert({
        id: lead.id,
        createOrganization: true,
        createContact: true,
        createOpportunity: true,
        opportunity: { name: 'Glass', expectedCloseDate: '2026-02-30', amount: 'lots', currency: 'XYZ' },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fields(error)).toEqual([
      { field: 'opportunity.amount', code: 'invalid_type' },
      { field: 'opportunity.currency', code: 'unknown_value' },
      { field: 'opportunity.expectedCloseDate', code: 'invalid_date' },
    ]);
    const missing = await failure(api.as(agent).leads.convert({ id: lead.id, createOpportunity: true }));
    expect(fields(missing)).toEqual([{ field: 'opportunity', code: 'required' }]);
    const nothing = await failure(api.as(agent).leads.convert({ id: lead.id }));
    expect(fields(nothing)).toEqual([{ field: 'createContact', code: 'required' }]);

    expect({ organizations: await count('organizations'), contacts: await count('contacts'), opportunities: await count('opportunities') }).toEqual(before);
    const after = await api.as(agent).leads.get({ id: lead.id });
    expect(after.convertedAt).toBeNull();
    expect(after.version).toBe(lead.version);
    expect((await api.as(agent).activities.list({ leadId: lead.id })).items.map((a) => a.type)).not.toContain('converted');
  });

  it('refuses a merged lead: its survivor is the one to convert', async () => {
    const survivor = await api.as(manager).leads.create({ lastName: 'Ahmadi', company: 'Arak Pipes', email: 'a@arak.example' });
    const merged = await api.as(manager).leads.create({ lastName: 'Ahmadi', company: 'Arak Pipes', email: 'a@arak.example', duplicatePolicy: 'create' });
    await api.as(manager).leads.merge({ survivorId: survivor.id, mergedIds: [merged.id], versions: { [survivor.id]: survivor.version, [merged.id]: merged.version } });
    const error = await failure(api.as(manager).leads.convert({ id: merged.id, createContact: true }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(survivor.id);
  });

  it('checks the version when given, and the scope', async () => {
    const lead = await api.as(agent).leads.create({ lastName: 'Karimi', company: 'Pars Tile' });
    await api.as(agent).leads.update({ id: lead.id, version: lead.version, patch: { city: 'Yazd' } });
    const stale = await failure(api.as(agent).leads.convert({ id: lead.id, version: lead.version, createContact: true }));
    expect(stale.code).toBe('CONFLICT');
    expect((await failure(api.as(otherAgent).leads.convert({ id: lead.id, createContact: true }))).code).toBe('NOT_FOUND');
    const notMine = await failure(api.as(agent).leads.convert({ id: lead.id, createContact: true, assignTo: otherAgent.id }));
    expect(notMine.code).toBe('FORBIDDEN');
  });

  it('copies a custom currency field into the opportunity amount and currency', async () => {
    const now = new Date();
    await createCustomFieldRepository(api.database.db).insert(
      {
        key: 'budget', type: 'currency', label: { en: 'Budget', fa: 'بودجه', ar: 'الميزانية' }, required: false, default: null,
        options: [], validation: {}, indexed: false, position: 10,
      },
      now,
    );
    await api.database.db.insertInto('customFields').values({
      key: 'note', type: 'text', label: jsonb({ en: 'Note', fa: 'یادداشت', ar: 'ملاحظة' }), createdAt: now, updatedAt: now,
    } as never).execute();
    const refused = await failure(api.as(admin).conversion.updateMapping({ mappings: [{ from: 'custom.note', target: 'opportunity', to: 'amount' }] }));
    expect(fields(refused)).toEqual([{ field: 'mappings.0.from', code: 'invalid_type' }]);
    await api.as(admin).conversion.updateMapping({ mappings: [{ from: 'custom.budget', target: 'opportunity', to: 'amount' }] });

    const lead = await api.as(agent).leads.create({ firstName: 'Reza', company: 'Azar Steel' });
    // The value as the custom-field pipeline stores it (money: amount and currency).
    await api.database.db.updateTable('leads').set({ customFields: jsonb({ budget: { amount: 1200, currency: 'USD' } }) }).where('id', '=', lead.id).execute();
    const result = await api.as(agent).leads.convert({
      id: lead.id, createOpportunity: true, opportunity: { name: 'Azar deal', expectedCloseDate: '2026-06-01' },
    });
    expect(Object.keys(result)).toEqual(['opportunityId']);
    expect(await api.as(agent).opportunities.get({ id: result.opportunityId! })).toMatchObject({ amount: 1200, currency: 'USD', organizationId: null, contactId: null });
  });
});

describe('organizations, contacts and opportunities', () => {
  it('creates with normalized values, refuses a duplicate organization name, and updates by version', async () => {
    const org = await api.as(agent).organizations.create({ name: '  Kish  Air Ltd. ', website: 'kishair.ir', phone: '021 4444 5555' });
    expect(org).toMatchObject({ name: 'Kish Air Ltd.', website: 'https://kishair.ir/', phone: '+982144445555', ownerId: agent.id, leadId: null, version: 1 });
    const duplicate = await failure(api.as(manager).organizations.create({ name: 'KISH AIR' }));
    expect(duplicate.code).toBe('CONFLICT');

    const stale = await failure(api.as(agent).organizations.update({ id: org.id, version: 2, patch: { city: 'Kish' } }));
    expect(stale.code).toBe('CONFLICT');
    const updated = await api.as(agent).organizations.update({ id: org.id, version: 1, patch: { city: 'Kish', name: 'Kish Airlines' } });
    expect(updated).toMatchObject({ city: 'Kish', name: 'Kish Airlines', version: 2 });
    const cleared = await failure(api.as(agent).organizations.update({ id: org.id, version: 2, patch: { name: null } }));
    expect(fields(cleared)).toEqual([{ field: 'name', code: 'required' }]);

    const contact = await api.as(agent).contacts.create({ firstName: 'Mina', mobile: '۰۹۱۹۸۸۸۷۷۶۶', organizationId: org.id });
    expect(contact).toMatchObject({ mobile: '+989198887766', organizationId: org.id });
    const badLink = await failure(api.as(agent).contacts.create({ firstName: 'X', organizationId: '00000000-0000-4000-8000-000000000000' }));
    expect(fields(badLink)).toEqual([{ field: 'organizationId', code: 'unknown_value' }]);
    const nobody = await failure(api.as(agent).contacts.create({ jobTitle: 'CEO' }));
    expect(fields(nobody)).toEqual([{ field: 'lastName', code: 'identity_required' }]);

    const opportunity = await api.as(agent).opportunities.create({ name: 'Fleet', amount: '۱۲٬۵۰۰', currency: 'eur', expectedCloseDate: '2026-09-01', contactId: contact.id });
    expect(opportunity).toMatchObject({ amount: 12_500, currency: 'EUR', salesStage: 'prospecting', expectedCloseDate: '2026-09-01' });
    const invalid = await failure(api.as(agent).opportunities.create({ name: 'Bad', currency: 'XYZ', salesStage: 'won', expectedCloseDate: 'soon' }));
    expect(fields(invalid)).toEqual([
      { field: 'currency', code: 'unknown_value' },
      { field: 'expectedCloseDate', code: 'invalid_date' },
      { field: 'salesStage', code: 'unknown_value' },
    ]);
    const ofOrg = await api.as(agent).opportunities.create({ name: 'Charter', organizationId: org.id, expectedCloseDate: '2026-10-01' });
    // An organization's page lists its contacts and opportunities; a contact's, its opportunities.
    expect((await api.as(agent).contacts.list({ filter: { organizationId: org.id } })).items.map((c) => c.id)).toEqual([contact.id]);
    expect((await api.as(agent).opportunities.list({ filter: { organizationId: org.id } })).items.map((o) => o.id)).toEqual([ofOrg.id]);
    expect((await api.as(agent).opportunities.list({ filter: { contactId: contact.id } })).items.map((o) => o.id)).toEqual([opportunity.id]);
    expect((await api.as(agent).organizations.list({ filter: { organizationId: org.id } })).items.map((o) => o.id)).toEqual([org.id]);
    expect((await api.as(agent).organizations.list({ filter: { contactId: contact.id } })).items).toEqual([]);
    expect((await api.as(agent).contacts.list({ filter: { organizationId: 'not-a-uuid' } })).items).toEqual([]);
    const staged = await api.as(agent).opportunities.update({ id: opportunity.id, version: 1, patch: { salesStage: 'closed_won', amount: null } });
    expect(staged).toMatchObject({ salesStage: 'closed_won', amount: null, currency: null, version: 2 });
  });

  it('lists newest first by keyset pages, searches names in any script, scopes agents to their own', async () => {
    for (const name of ['آلفا تجارت', 'Beta Trade', 'Gamma Trade', 'Delta']) {
      await api.as(otherAgent).organizations.create({ name });
    }
    const mine = await api.as(otherAgent).organizations.list({ limit: 3 });
    expect(mine.items.map((o) => o.name)).toEqual(['Delta', 'Gamma Trade', 'Beta Trade']);
    const next = await api.as(otherAgent).organizations.list({ limit: 3, cursor: mine.nextCursor });
    expect(next.items.map((o) => o.name)).toEqual(['آلفا تجارت']);
    expect(next.nextCursor).toBeNull();
    expect((await api.as(otherAgent).organizations.list({ filter: { search: 'trade' } })).items.map((o) => o.name)).toEqual(['Gamma Trade', 'Beta Trade']);
    expect((await api.as(otherAgent).organizations.list({ filter: { search: 'آلفا' } })).items).toHaveLength(1);

    const all = await api.as(manager).organizations.list({ filter: { ownerId: otherAgent.id }, limit: 200 });
    expect(all.items).toHaveLength(4);
    expect((await api.as(agent).organizations.list({ limit: 200 })).items.every((o) => o.ownerId === agent.id)).toBe(true);
    const theirs = mine.items[0]!;
    expect((await failure(api.as(agent).organizations.get({ id: theirs.id }))).code).toBe('NOT_FOUND');
    expect((await failure(api.as(agent).organizations.update({ id: theirs.id, version: 1, patch: { city: 'x' } }))).code).toBe('NOT_FOUND');
    const cursor = await failure(api.as(agent).organizations.list({ cursor: 'nonsense' }));
    expect(fields(cursor)).toEqual([{ field: 'cursor', code: 'invalid_value' }]);
  });
});
