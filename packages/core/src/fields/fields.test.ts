import { describe, expect, it } from 'vitest';
import type { FieldType } from '../extensions/points.js';
import { defaultPicklists } from '../picklists/defaults.js';
import { prepareLead, prepareLeadPatch } from '../lead/prepare.js';
import type { Lead } from '../lead/lead.js';
import { createFieldCatalog } from './catalog.js';
import type { FieldDefinition } from './definition.js';
import { checkFieldDraft } from './input.js';
import { checkLayout, defaultLayout, requiredOnCreate } from './layouts.js';
import { resolveWhere } from './where.js';

const label = { en: 'L', fa: 'ل', ar: 'ل' };
const def = (key: string, type: string, over: Partial<FieldDefinition> = {}): FieldDefinition => ({
  key, type, label, required: false, default: null, options: [], validation: {}, indexed: false, archivedAt: null, position: 0, ...over,
});
const options = [
  { key: 'gold', label },
  { key: 'silver', label },
  { key: 'bronze', label, retired: true },
];

const catalog = createFieldCatalog([
  def('budget', 'currency', { validation: { min: 0 } }),
  def('seats', 'number', { validation: { min: 1, max: 500, integer: true } }),
  def('tier', 'single-select', { options }),
  def('tags', 'multi-select', { options }),
  def('visit', 'date'),
  def('callAt', 'date-time'),
  def('vip', 'boolean'),
  def('alt', 'phone'),
  def('mail', 'email'),
  def('site', 'url'),
  def('nid', 'national-code'),
  def('code', 'text', { validation: { pattern: '[A-Z]{2}-\\d{3}', maxLength: 6 } }),
  def('note', 'long-text'),
  def('region', 'text', { required: true, default: 'north' }),
  def('old', 'text', { archivedAt: new Date() }),
]);
const ctx = { picklists: defaultPicklists, fields: catalog };
const errorsOf = (r: { ok: boolean; error?: unknown }) =>
  r.ok ? [] : (r.error as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);

describe('custom field values in the ingest pipeline', () => {
  it('normalizes every built-in type (Persian/Arabic digits, E.164, checksums, ISO dates)', () => {
    const result = prepareLead(
      {
        lastName: 'X',
        customFields: {
          budget: '۱٬۵۰۰٬۰۰۰ IRT',
          seats: '۱۲',
          tier: 'gold',
          tags: 'gold, silver, gold',
          visit: '۲۰۲۵/۰۳/۰۹',
          callAt: '2025-03-09T10:30:00+03:30',
          vip: 'بله',
          alt: '۰۹۱۲ ۱۲۳ ۴۵۶۷',
          mail: ' Sara@Example.COM ',
          site: 'example.ir',
          nid: '۰۴۹۹۳۷۰۸۹۹',
          code: 'AB-123',
          note: 'line 1\r\nline 2',
        },
      },
      ctx,
    );
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.value.customFields).toEqual({
      budget: { amount: 1_500_000, currency: 'IRT' },
      seats: 12,
      tier: 'gold',
      tags: ['gold', 'silver'],
      visit: '2025-03-09',
      callAt: '2025-03-09T07:00:00.000Z',
      vip: true,
      alt: '+989121234567',
      mail: 'sara@example.com',
      site: 'https://example.ir/',
      nid: '0499370899',
      code: 'AB-123',
      note: 'line 1\nline 2',
      region: 'north',
    });
  });

  it('names every failing field customFields.<key> with its own code', () => {
    const result = prepareLead(
      {
        lastName: 'X',
        customFields: {
          budget: { amount: 5, currency: 'XYZ' },
          seats: 1.5,
          tier: 'platinum',
          tags: ['bronze'],
          visit: '2025-02-30',
          vip: 'maybe',
          alt: '123',
          mail: 'not-an-email',
          site: 'ftp://x.y',
          nid: '1234567890',
          code: 'ab-123',
          region: '   ',
          old: 'x',
          nope: 1,
        },
      },
      ctx,
    );
    expect(errorsOf(result).sort()).toEqual(
      [
        'customFields.budget:unknown_value',
        'customFields.seats:invalid_type',
        'customFields.tier:unknown_value',
        'customFields.tags:retired_value',
        'customFields.visit:invalid_date',
        'customFields.vip:invalid_type',
        'customFields.alt:invalid_phone',
        'customFields.mail:invalid_email',
        'customFields.site:invalid_url',
        'customFields.nid:invalid_national_code',
        'customFields.code:invalid_value',
        'customFields.old:unknown_field',
        'customFields.nope:unknown_field',
      ].sort(),
    );
  });

  it('enforces bounds and required fields; the default fills an empty required one', () => {
    expect(errorsOf(prepareLead({ lastName: 'X', customFields: { budget: { amount: -1, currency: 'USD' }, seats: 501 } }, ctx))).toEqual([
      'customFields.budget:out_of_range',
      'customFields.seats:out_of_range',
    ]);
    const noDefault = createFieldCatalog([def('region', 'text', { required: true })]);
    expect(errorsOf(prepareLead({ lastName: 'X' }, { ...ctx, fields: noDefault }))).toEqual(['customFields.region:required']);
    const filled = prepareLead({ lastName: 'X', customFields: { region: '' } }, ctx);
    expect(filled.ok && filled.value.customFields).toEqual({ region: 'north' });
  });

  it('a patch checks only what it changes, cannot clear a required field, and drops cleared ones', () => {
    const created = prepareLead({ lastName: 'X', customFields: { seats: 3, tier: 'gold' } }, ctx);
    if (!created.ok) throw new Error('fixture');
    const lead = { ...created.value, id: 'id', version: 1 } as unknown as Lead;
    expect(errorsOf(prepareLeadPatch(lead, { customFields: { region: null } }, ctx))).toEqual(['customFields.region:required']);
    const cleared = prepareLeadPatch(lead, { customFields: { seats: null } }, ctx);
    expect(cleared.ok && cleared.value.customFields).toEqual({ tier: 'gold', region: 'north' });
    // A retired option stays valid on the lead that has it: an unrelated patch still passes.
    const withRetired = { ...lead, customFields: { ...lead.customFields, tier: 'bronze' } } as Lead;
    expect(prepareLeadPatch(withRetired, { customFields: { seats: 4 } }, ctx).ok).toBe(true);
    // A form sending it back unchanged is fine too; choosing it anew is not.
    expect(prepareLeadPatch(withRetired, { customFields: { tier: 'bronze', seats: 4 } }, ctx)).toEqual({ ok: true, value: { customFields: { tier: 'bronze', seats: 4, region: 'north' } } });
    expect(errorsOf(prepareLeadPatch(lead, { customFields: { tier: 'bronze' } }, ctx))).toEqual(['customFields.tier:retired_value']);
  });

  it("a plugin's field type validates through the same pipeline; it cannot replace a built-in", () => {
    const plate: FieldType = {
      id: 'plate',
      label,
      storage: 'text',
      valueSchema: () => (catalog.type('text')!.valueSchema({}) as never),
    };
    const shadow: FieldType = { ...plate, id: 'number', storage: 'text' };
    const withPlugin = createFieldCatalog([def('car', 'plate')], [plate, shadow]);
    expect(withPlugin.type('number')!.storage).toBe('number');
    expect(prepareLead({ lastName: 'X', customFields: { car: ' ۱۲ ب ۳۴۵ ' } }, { ...ctx, fields: withPlugin }).ok).toBe(true);
    // The plugin is disabled: its type is gone, and so is the field for new input.
    expect(errorsOf(prepareLead({ lastName: 'X', customFields: { car: 'x' } }, { ...ctx, fields: createFieldCatalog([def('car', 'plate')]) }))).toEqual([
      'customFields.car:unknown_field',
    ]);
  });

  it('the create layout can require fields, named as the API names them', () => {
    const required = ['mobile', 'custom.seats'];
    expect(errorsOf(prepareLead({ lastName: 'X' }, { ...ctx, requiredOnCreate: required }))).toEqual(['mobile:required', 'customFields.seats:required']);
    expect(prepareLead({ lastName: 'X', mobile: '09121234567', customFields: { seats: 2 } }, { ...ctx, requiredOnCreate: required }).ok).toBe(true);
  });
});

describe('field definitions', () => {
  const draft = { key: 'k', label, required: false, options: [], validation: {}, indexed: false, position: 0, default: null };
  it('checks the type, options, validation settings and the default', () => {
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'nope' }, catalog))).toEqual(['type:unknown_value']);
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'single-select' }, catalog))).toEqual(['options:required']);
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'text', options }, catalog))).toEqual(['options:invalid_value']);
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'number', validation: { maxLength: 3 } }, catalog))).toEqual(['validation.maxLength:unknown_field']);
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'text', validation: { pattern: '(' } }, catalog))).toEqual(['validation.pattern:invalid_value']);
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'number', default: 'abc' }, catalog))).toEqual(['default:invalid_type']);
    expect(errorsOf(checkFieldDraft({ ...draft, type: 'multi-select', options, indexed: true }, catalog))).toEqual(['indexed:invalid_value']);
    const ok = checkFieldDraft({ ...draft, type: 'number', default: '۴۲' }, catalog);
    expect(ok.ok && ok.value.default).toBe(42);
  });
});

describe('where conditions', () => {
  it('resolve built-in and custom fields and normalize values as stored', () => {
    const resolved = resolveWhere(
      [
        { field: 'mobile', op: 'eq', value: '۰۹۱۲۱۲۳۴۵۶۷' },
        { field: 'custom.seats', op: 'gte', value: '۱۰' },
        { field: 'custom.visit', op: 'lte', value: '2025/1/2' },
        { field: 'custom.tags', op: 'contains', value: 'gold' },
        { field: 'createdAt', op: 'gte', value: '2025-01-01' },
        { field: 'custom.vip', op: 'isEmpty' },
      ],
      catalog,
    );
    expect(resolved.ok && resolved.value.map((c) => c.value)).toEqual(['+989121234567', 10, '2025-01-02', 'gold', '2025-01-01T00:00:00.000Z', true]);
  });

  it('name the place of every problem', () => {
    const resolved = resolveWhere(
      [
        { field: 'custom.nope', op: 'eq', value: 1 },
        { field: 'custom.old', op: 'eq', value: 'x' },
        { field: 'custom.vip', op: 'gte', value: 1 },
        { field: 'custom.seats', op: 'eq', value: 'many' },
        { field: 'city', op: 'in', value: 'Tehran' },
        { field: 'custom.tags', op: 'eq', value: 'gold' },
        { field: 'passwordHash', op: 'isEmpty' },
      ],
      catalog,
    );
    expect(errorsOf(resolved)).toEqual([
      'where.0.field:unknown_field',
      'where.1.field:unknown_field',
      'where.2.op:invalid_value',
      'where.3.value:invalid_type',
      'where.4.value:invalid_type',
      'where.5.op:invalid_value',
      'where.6.field:unknown_field',
    ]);
  });
});

describe('layouts', () => {
  it('default to localized sections with the custom fields; required ones marked on the create form', () => {
    const layout = defaultLayout('create', catalog);
    expect(layout.sections[0]!.title.fa).toBe('اطلاعات تماس');
    expect(requiredOnCreate(layout)).toEqual(['custom.region']);
    expect(checkLayout(layout, catalog).ok).toBe(true);
    expect(checkLayout(defaultLayout('detail', catalog), catalog).ok).toBe(true);
    expect(checkLayout(defaultLayout('list', catalog), catalog).ok).toBe(true);
  });

  it('refuse unknown, repeated, read-only-on-create and misplaced required fields', () => {
    const result = checkLayout(
      {
        kind: 'create',
        sections: [
          { key: 'a', title: label, fields: [{ field: 'custom.nope' }, { field: 'mobile' }, { field: 'mobile' }, { field: 'score' }] },
          { key: 'a', title: label, fields: [{ field: 'custom.old' }] },
        ],
      },
      catalog,
    );
    expect(errorsOf(result)).toEqual([
      'sections.0.fields.0.field:unknown_field',
      'sections.0.fields.2.field:invalid_value',
      'sections.0.fields.3.field:unknown_field',
      'sections.1.key:invalid_value',
      'sections.1.fields.0.field:unknown_field',
    ]);
    expect(errorsOf(checkLayout({ kind: 'list', sections: [{ key: 'c', title: label, fields: [{ field: 'score', required: true }] }] }, catalog))).toEqual([
      'sections.0.fields.0.required:invalid_value',
    ]);
  });
});
