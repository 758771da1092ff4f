import type { FieldError } from '@sarnakh/core';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from './context.js';
import { FieldErrors } from './errors.js';
import { createTestApi, failure, type TestApi } from './test-support/index.js';

let api: TestApi;
let admin: SessionUser;
let agent: SessionUser;
let otherAgent: SessionUser;

const label = (en: string) => ({ en, fa: `${en} فا`, ar: `${en} ع` });
const options = [
  { key: 'gold', label: label('Gold') },
  { key: 'silver', label: label('Silver') },
];

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.user('admin');
  agent = await api.user('agent');
  otherAgent = await api.user('agent');
  const a = api.as(admin);
  await a.fields.create({ key: 'seats', type: 'number', label: label('Seats'), validation: { min: 0, max: 1000, integer: true }, indexed: true });
  await a.fields.create({ key: 'budget', type: 'currency', label: label('Budget'), indexed: true });
  await a.fields.create({ key: 'tier', type: 'single-select', label: label('Tier'), options });
  await a.fields.create({ key: 'tags', type: 'multi-select', label: label('Tags'), options });
  await a.fields.create({ key: 'region', type: 'text', label: label('Region'), required: true, default: 'north' });
});
afterAll(() => api.dispose());

function fieldsOf(error: TRPCError): string[] {
  expect(error.code).toBe('BAD_REQUEST');
  const cause = error.cause as FieldErrors | { issues?: unknown };
  const list: FieldError[] = cause instanceof FieldErrors ? cause.fields : [];
  return list.map((f) => `${f.field}:${f.code}`);
}

describe('fields.*', () => {
  it('lists definitions to everyone signed in; only admins change them', async () => {
    const listed = await api.as(agent).fields.list();
    expect(listed.map((f) => f.key)).toEqual(['seats', 'budget', 'tier', 'tags', 'region']);
    expect(listed[0]).toMatchObject({ type: 'number', indexed: true, required: false, archivedAt: null, label: label('Seats') });
    expect((await failure(api.as(agent).fields.create({ key: 'x', type: 'text', label: label('X') }))).code).toBe('FORBIDDEN');
    expect((await failure(api.as(agent).fields.archive({ key: 'seats' }))).code).toBe('FORBIDDEN');
    const types = await api.as(agent).fields.types();
    expect(types.map((t) => t.id)).toEqual(expect.arrayContaining(['text', 'currency', 'national-code', 'multi-select']));
  });

  it('refuses a taken key, an unknown type and a default its type rejects, by field', async () => {
    expect((await failure(api.as(admin).fields.create({ key: 'seats', type: 'text', label: label('Seats') }))).code).toBe('CONFLICT');
    expect(fieldsOf(await failure(api.as(admin).fields.create({ key: 'x1', type: 'nope', label: label('X') })))).toEqual(['type:unknown_value']);
    expect(fieldsOf(await failure(api.as(admin).fields.create({ key: 'x2', type: 'single-select', label: label('X'), options, default: 'bronze' })))).toEqual([
      'default:unknown_value',
    ]);
    expect((await api.as(admin).fields.list({ includeArchived: true })).map((f) => f.key)).not.toContain('x2');
  });

  it('updates a definition: options grow, indexing turns on and off', async () => {
    const a = api.as(admin);
    const updated = await a.fields.update({ key: 'tier', patch: { options: [...options, { key: 'bronze', label: label('Bronze') }], indexed: true } });
    expect(updated.options.map((o) => o.key)).toEqual(['gold', 'silver', 'bronze']);
    expect(updated.indexed).toBe(true);
    expect((await a.fields.update({ key: 'tier', patch: { indexed: false } })).indexed).toBe(false);
    expect((await failure(a.fields.update({ key: 'nope', patch: { required: true } }))).code).toBe('NOT_FOUND');
  });
});

describe('custom field values on leads', () => {
  it('are normalized on create, with defaults', async () => {
    const lead = await api.as(agent).leads.create({ lastName: 'Rahimi', customFields: { seats: '۱۲', budget: '2,500 USD', tags: 'gold, silver' } });
    expect(lead.customFields).toEqual({ seats: 12, budget: { amount: 2500, currency: 'USD' }, tags: ['gold', 'silver'], region: 'north' });
  });

  it('are refused per field, named customFields.<key>', async () => {
    const error = await failure(
      api.as(agent).leads.create({ lastName: 'X', customFields: { seats: 1.5, budget: '10 XYZ', tier: 'platinum', region: '', nope: 1 } }),
    );
    expect(fieldsOf(error).sort()).toEqual(['customFields.budget:unknown_value', 'customFields.nope:unknown_field', 'customFields.seats:invalid_type', 'customFields.tier:unknown_value']);
    expect((error.cause as FieldErrors).fields.find((f) => f.field === 'customFields.seats')?.message).toBe('This value has the wrong type.');
  });

  it('an update cannot clear a required field', async () => {
    const lead = await api.as(agent).leads.create({ lastName: 'Y' });
    const error = await failure(api.as(agent).leads.update({ id: lead.id, version: lead.version, patch: { customFields: { region: null } } }));
    expect(fieldsOf(error)).toEqual(['customFields.region:required']);
  });
});

describe('leads.list where and sort over custom fields', () => {
  const seatsOf = (items: { customFields: Record<string, unknown> }[]) => items.map((l) => l.customFields.seats);

  beforeAll(async () => {
    for (const [n, owner] of [[5, agent], [40, agent], [7, otherAgent], [300, agent], [41, otherAgent], [9, agent]] as const) {
      await api.as(owner).leads.create({ lastName: `where-${n}`, customFields: { seats: n, tier: n > 40 ? 'gold' : 'silver' } });
    }
    await api.as(agent).leads.create({ lastName: 'where-none' });
  });

  it('filters and sorts by an indexed custom field, paging by keyset', async () => {
    const a = api.as(admin);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof a.leads.list>> = await a.leads.list({
        where: [{ field: 'custom.seats', op: 'gte', value: '۷' }, { field: 'lastName', op: 'contains', value: 'where-' }],
        sort: { field: 'custom.seats', direction: 'asc' },
        limit: 2,
        cursor,
      });
      seen.push(...seatsOf(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([7, 9, 40, 41, 300]);
    const desc = await a.leads.list({ where: [{ field: 'custom.tier', op: 'in', value: ['gold'] }], sort: { field: 'custom.seats', direction: 'desc' } });
    expect(seatsOf(desc.items)).toEqual([300, 41]);
    const empty = await a.leads.list({ where: [{ field: 'custom.seats', op: 'isEmpty' }, { field: 'lastName', op: 'eq', value: 'where-none' }] });
    expect(empty.items.map((l) => l.lastName)).toEqual(['where-none']);
  });

  it('agents still see only their own leads', async () => {
    const page = await api.as(agent).leads.list({ where: [{ field: 'custom.seats', op: 'lte', value: 100 }, { field: 'lastName', op: 'contains', value: 'where-' }], sort: { field: 'custom.seats', direction: 'asc' } });
    expect(seatsOf(page.items)).toEqual([5, 9, 40]);
  });

  it('names unknown fields and op/type mismatches', async () => {
    const error = await failure(
      api.as(admin).leads.list({
        where: [
          { field: 'custom.nope', op: 'eq', value: 1 },
          { field: 'custom.tags', op: 'gte', value: 1 },
          { field: 'custom.seats', op: 'eq', value: 'many' },
        ],
      }),
    );
    expect(fieldsOf(error)).toEqual(['where.0.field:unknown_field', 'where.1.op:invalid_value', 'where.2.value:invalid_type']);
    expect(fieldsOf(await failure(api.as(admin).leads.list({ sort: { field: 'custom.tags', direction: 'asc' } })))).toEqual(['sort.field:invalid_value']);
    expect(fieldsOf(await failure(api.as(admin).leads.list({ sort: { field: 'passwordHash', direction: 'asc' } })))).toEqual(['sort.field:unknown_field']);
  });
});

describe('archiving a field', () => {
  it('hides it and refuses it for new input, keeps its values; restoring brings them back', async () => {
    const a = api.as(admin);
    await a.fields.create({ key: 'legacy', type: 'text', label: label('Legacy') });
    const lead = await a.leads.create({ lastName: 'Archived', customFields: { legacy: 'kept' } });
    const archived = await a.fields.archive({ key: 'legacy' });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await a.fields.list()).map((f) => f.key)).not.toContain('legacy');
    expect((await a.fields.list({ includeArchived: true })).map((f) => f.key)).toContain('legacy');
    expect(fieldsOf(await failure(a.leads.create({ lastName: 'New', customFields: { legacy: 'x' } })))).toEqual(['customFields.legacy:unknown_field']);
    expect(fieldsOf(await failure(a.leads.list({ where: [{ field: 'custom.legacy', op: 'eq', value: 'kept' }] })))).toEqual(['where.0.field:unknown_field']);
    expect((await a.leads.get({ id: lead.id })).customFields.legacy).toBe('kept');
    // The key stays taken while archived.
    expect((await failure(a.fields.create({ key: 'legacy', type: 'number', label: label('L') }))).code).toBe('CONFLICT');

    await a.fields.restore({ key: 'legacy' });
    const found = await a.leads.list({ where: [{ field: 'custom.legacy', op: 'eq', value: 'kept' }] });
    expect(found.items.map((l) => l.id)).toEqual([lead.id]);
  });
});

describe('picklists.*', () => {
  it('a value in use is retired, never deleted; retired values stay valid on existing leads', async () => {
    const a = api.as(admin);
    const created = await a.picklists.create({ list: 'source', key: 'expo_2025', label: label('Expo 2025'), color: '#22c55e' });
    expect(created).toMatchObject({ key: 'expo_2025', retired: false, color: '#22c55e' });
    const lead = await api.as(agent).leads.create({ lastName: 'Expo', source: 'expo_2025' });

    expect((await failure(a.picklists.delete({ list: 'source', key: 'expo_2025' }))).code).toBe('CONFLICT');
    expect((await a.picklists.retire({ list: 'source', key: 'expo_2025' })).retired).toBe(true);
    expect(fieldsOf(await failure(api.as(agent).leads.create({ lastName: 'Late', source: 'expo_2025' })))).toEqual(['source:retired_value']);
    // The lead that has it keeps it, and other edits to it still pass.
    const updated = await api.as(agent).leads.update({ id: lead.id, version: lead.version, patch: { city: 'Tabriz' } });
    expect(updated).toMatchObject({ source: 'expo_2025', city: 'Tabriz' });
    // The form sends the lead back whole, retired source included: kept, not refused.
    const resent = await api.as(agent).leads.update({ id: lead.id, version: updated.version, patch: { source: 'expo_2025', city: 'Tabriz ' } });
    expect(resent.version).toBe(updated.version);
    const other = await api.as(agent).leads.create({ lastName: 'Other', source: 'website' });
    expect(fieldsOf(await failure(api.as(agent).leads.update({ id: other.id, version: other.version, patch: { source: 'expo_2025' } })))).toEqual(['source:retired_value']);

    await a.picklists.restore({ list: 'source', key: 'expo_2025' });
    expect((await api.as(agent).leads.create({ lastName: 'Again', source: 'expo_2025' })).source).toBe('expo_2025');
  });

  it('a value never used can be deleted; keys are unique per list', async () => {
    const a = api.as(admin);
    await a.picklists.create({ list: 'industry', key: 'typo', label: label('Typo') });
    expect((await failure(a.picklists.create({ list: 'industry', key: 'typo', label: label('Typo') }))).code).toBe('CONFLICT');
    expect(await a.picklists.delete({ list: 'industry', key: 'typo' })).toEqual({ deleted: true });
    expect((await a.picklists.list()).industry.map((v) => v.key)).not.toContain('typo');
  });

  it('edits stages: colour, won/lost and order; refuses markers on other lists', async () => {
    const a = api.as(admin);
    const stage = await a.picklists.create({ list: 'stage', key: 'proposal', label: label('Proposal') });
    expect(stage.position).toBeGreaterThan(0);
    expect((await a.picklists.update({ list: 'stage', key: 'proposal', patch: { color: '#123456', won: true } })).won).toBe(true);
    expect(fieldsOf(await failure(a.picklists.update({ list: 'stage', key: 'proposal', patch: { lost: true } })))).toEqual(['lost:invalid_value']);
    expect(fieldsOf(await failure(a.picklists.create({ list: 'source', key: 'x', label: label('X'), won: true })))).toEqual(['won:invalid_value']);
    const ordered = await a.picklists.reorder({ list: 'stage', keys: ['proposal', 'open'] });
    expect(ordered.slice(0, 3).map((v) => v.key)).toEqual(['proposal', 'open', 'contacted']);
    expect(fieldsOf(await failure(a.picklists.reorder({ list: 'stage', keys: ['open', 'nope', 'open'] })))).toEqual(['keys.1:unknown_value', 'keys.2:invalid_value']);
    expect((await failure(api.as(agent).picklists.retire({ list: 'stage', key: 'proposal' }))).code).toBe('FORBIDDEN');
  });

  it('never retires the last active priority', async () => {
    const a = api.as(admin);
    for (const key of ['low', 'high', 'urgent']) await a.picklists.retire({ list: 'priority', key });
    expect(fieldsOf(await failure(a.picklists.retire({ list: 'priority', key: 'normal' })))).toEqual(['key:invalid_value']);
    for (const key of ['low', 'high', 'urgent']) await a.picklists.restore({ list: 'priority', key });
  });
});

describe('layouts.*', () => {
  it('default to localized sections that include the custom fields', async () => {
    const layout = await api.as(agent).layouts.get({ kind: 'create' });
    expect(layout.saved).toBe(false);
    expect(layout.sections[0]?.title).toEqual({ en: 'Contact', fa: 'اطلاعات تماس', ar: 'معلومات الاتصال' });
    const custom = layout.sections.find((s) => s.key === 'custom');
    expect(custom?.fields).toContainEqual({ field: 'custom.region', required: true });
    expect((await api.as(agent).layouts.get({ kind: 'list' })).sections[0]?.fields.map((f) => f.field)).toContain('score');
  });

  it('refuse fields that do not exist, by place', async () => {
    const error = await failure(
      api.as(admin).layouts.update({ kind: 'detail', sections: [{ key: 'main', title: label('Main'), fields: [{ field: 'custom.nope' }, { field: 'mobile', required: true }] }] }),
    );
    expect(fieldsOf(error)).toEqual(['sections.0.fields.0.field:unknown_field', 'sections.0.fields.1.required:invalid_value']);
    expect((await failure(api.as(agent).layouts.update({ kind: 'list', sections: [{ key: 'c', title: label('C'), fields: [] }] }))).code).toBe('FORBIDDEN');
  });

  it("the create layout's required fields are enforced on leads people enter, not on captures", async () => {
    await api.as(admin).layouts.update({
      kind: 'create',
      sections: [{ key: 'main', title: label('Main'), fields: [{ field: 'lastName' }, { field: 'mobile', required: true }, { field: 'custom.seats', required: true }] }],
    });
    const saved = await api.as(agent).layouts.get({ kind: 'create' });
    expect(saved.saved).toBe(true);
    const error = await failure(api.as(agent).leads.create({ lastName: 'NoMobile' }));
    expect(fieldsOf(error)).toEqual(['mobile:required', 'customFields.seats:required']);
    const ok = await api.as(agent).leads.create({ lastName: 'WithMobile', mobile: '09121112233', customFields: { seats: 3 } });
    expect(ok.mobile).toBe('+989121112233');
    const captured = await api.services.leads.ingest({ input: { lastName: 'Captured' }, actor: null, duplicatePolicy: 'create', origin: { channel: 'capture' } });
    expect(captured.ok).toBe(true);
    // Reset: the default layout again, which requires only what the fields themselves require.
    expect((await failure(api.as(agent).layouts.reset({ kind: 'create' }))).code).toBe('FORBIDDEN');
    const reset = await api.as(admin).layouts.reset({ kind: 'create' });
    expect(reset.saved).toBe(false);
    expect(await api.as(agent).layouts.get({ kind: 'create' })).toEqual(reset);
    expect((await api.as(agent).leads.create({ lastName: 'NoMobileAgain', customFields: { seats: 1 } })).lastName).toBe('NoMobileAgain');
  });

  it('leave out fields archived since, and show them again once restored', async () => {
    const a = api.as(admin);
    await a.layouts.update({ kind: 'list', sections: [{ key: 'c', title: label('C'), fields: [{ field: 'lastName' }, { field: 'custom.tier' }] }] });
    await a.fields.archive({ key: 'tier' });
    expect((await a.layouts.get({ kind: 'list' })).sections[0]?.fields.map((f) => f.field)).toEqual(['lastName']);
    await a.fields.restore({ key: 'tier' });
    expect((await a.layouts.get({ kind: 'list' })).sections[0]?.fields.map((f) => f.field)).toEqual(['lastName', 'custom.tier']);
  });
});

describe('rules that name custom fields', () => {
  it('distribution.setRules accepts custom.<key> that exists and refuses one that does not', async () => {
    const a = api.as(admin);
    const pool = { userIds: [agent.id], strategy: 'nope' };
    const error = await failure(
      a.distribution.setRules({ rules: [{ name: 'big', conditions: [{ field: 'custom.nope', op: 'eq', value: 1 }, { field: 'custom.tags', op: 'gte', value: 2 }], ...pool }] }),
    );
    expect(fieldsOf(error)).toEqual(expect.arrayContaining(['rules.0.conditions.0.field:unknown_field', 'rules.0.conditions.1.op:invalid_value']));
    const ok = await failure(a.distribution.setRules({ rules: [{ name: 'big', conditions: [{ field: 'custom.seats', op: 'gte', value: 100 }], ...pool }] }));
    // Only the (deliberately unknown) strategy is wrong: the custom condition passed.
    expect(fieldsOf(ok)).toEqual(['rules.0.strategy:unknown_value']);
  });

  it('scoring.setRules accepts custom.<key> that exists and refuses one that does not', async () => {
    const a = api.as(admin);
    const rules = (field: string) => ({
      fit: [{ id: 'seats-fit', label: label('Seats'), field, op: 'gte' as const, value: 100, points: 10 }],
      behavior: [],
      thresholds: { mql: 30, sql: 60 },
      urgentTaskOnSql: false,
    });
    expect(fieldsOf(await failure(a.scoring.setRules(rules('custom.nope'))))).toEqual(['fit.0.field:unknown_field']);
    expect((await a.scoring.setRules(rules('custom.seats'))).fit[0]?.field).toBe('custom.seats');
  });
});
