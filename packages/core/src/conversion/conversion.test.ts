import { describe, expect, it } from 'vitest';
import { createFieldCatalog } from '../fields/catalog.js';
import type { FieldDefinition } from '../fields/definition.js';
import type { Lead } from '../lead/lead.js';
import { defaultPicklists } from '../picklists/defaults.js';
import { organizationNameKey } from '../records/names.js';
import { prepareRecord } from '../records/fields.js';
import { checkMappings, conversionTargetCatalog, defaultConversionMappings, effectiveMappings, type ConversionMapping } from './mapping.js';
import { planConversion } from './plan.js';

const label = (en: string) => ({ en, fa: en, ar: en });
const definition = (key: string, type: string): FieldDefinition => ({
  key, type, label: label(key), required: false, default: null, options: [], validation: {}, indexed: false, archivedAt: null, position: 0,
});
const catalog = createFieldCatalog([definition('budget', 'currency'), definition('note', 'text'), definition('seats', 'number')]);
const resolve = (path: string) => catalog.resolve(path);
const targets = conversionTargetCatalog([]);

// Only the fields conversion reads matter here; the rest of a stored lead is beside the point.
const lead = (over: Partial<Lead> = {}): Lead =>
  ({
    id: '00000000-0000-4000-8000-000000000001', firstName: 'Sara', lastName: 'Karimi', mobile: '+989121234567', phone: '+982188776655',
    email: 'sara@example.com', company: 'شرکت کیان', jobTitle: 'CTO', website: 'https://kian.ir/', industry: 'technology', city: 'Tehran',
    annualRevenue: 5_000_000, ownerId: 'u1', convertedAt: null, version: 3,
    customFields: { budget: { amount: 1200, currency: 'USD' }, note: 'call after Nowruz', seats: 40 },
    ...over,
  }) as Lead;

const ctx = { picklists: defaultPicklists, resolve, targets };
const plan = (mappings: readonly ConversionMapping[], input: Parameters<typeof planConversion>[2], l = lead()) =>
  planConversion(l, mappings, input, 'u1', ctx);

describe('organizationNameKey', () => {
  it('folds scripts, case, digits, punctuation and legal designations at either end', () => {
    const key = organizationNameKey('فولاد مبارکه');
    expect(organizationNameKey('شركة فولاد مباركه')).toBe(key);
    expect(organizationNameKey('  فولاد   مبارکه (سهامی عام) ')).toBe(key);
    expect(organizationNameKey('Acme, Inc.')).toBe(organizationNameKey('ACME LLC'));
    expect(organizationNameKey('Company ۲۴')).toBe('24');
    expect(organizationNameKey('Acme Trading')).not.toBe(organizationNameKey('Acme'));
    // A name of nothing but designations keys as itself rather than as nothing.
    expect(organizationNameKey('Group Holding')).toBe('group holding');
  });
});

describe('checkMappings', () => {
  it('accepts the shipped defaults', () => {
    expect(checkMappings(defaultConversionMappings, targets, resolve)).toEqual([]);
  });

  it('lets numbers and money feed an amount but not text; names unknown fields and repeats', () => {
    const errors = checkMappings(
      [
        { from: 'custom.budget', target: 'opportunity', to: 'amount' },
        { from: 'custom.note', target: 'opportunity', to: 'amount' },
        { from: 'custom.seats', target: 'organization', to: 'name' },
        { from: 'custom.seats', target: 'organization', to: 'name' },
        { from: 'lastContactAt', target: 'opportunity', to: 'expectedCloseDate' },
        { from: 'ownerId', target: 'contact', to: 'ownerId' },
      ],
      targets,
      resolve,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['mappings.1.to', 'invalid_value'],
      ['mappings.1.from', 'invalid_type'],
      ['mappings.3.to', 'invalid_value'],
      ['mappings.5.to', 'unknown_field'],
    ]);
  });

  it('takes plugin targets, which cannot replace core records, and fills their defaults', () => {
    const plugin = { id: 'project', label: label('Project'), mapping: { title: 'company' as const } };
    const shadow = { id: 'contact', label: label('Not a contact'), mapping: { name: 'company' as const } };
    const all = conversionTargetCatalog([plugin, shadow]);
    expect(all.get('contact')?.builtIn).toBe(true);
    expect(all.get('contact')?.fields.name).toBeUndefined();
    expect(effectiveMappings([], all, [plugin])).toEqual([{ from: 'company', target: 'project', to: 'title' }]);
    expect(effectiveMappings([{ from: 'city', target: 'project', to: 'title' }], all, [plugin])).toEqual([{ from: 'city', target: 'project', to: 'title' }]);
    // A row for a target that is gone (its plugin disabled) drops out.
    expect(effectiveMappings([{ from: 'city', target: 'project', to: 'title' }], targets, [])).toEqual([]);
  });
});

describe('planConversion', () => {
  it('copies mapped fields, the money currency with the amount, and the caller’s opportunity details on top', () => {
    const result = plan([...defaultConversionMappings, { from: 'custom.budget', target: 'opportunity', to: 'amount' }], {
      createOrganization: true, createContact: true, createOpportunity: true,
      opportunity: { name: 'Kian ERP', expectedCloseDate: '۲۰۲۶-۰۳-۰۱', stage: 'negotiation' },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        organization: { name: 'شرکت کیان', phone: '+982188776655', website: 'https://kian.ir/', industry: 'technology', city: 'Tehran', ownerId: 'u1' },
        contact: { firstName: 'Sara', lastName: 'Karimi', mobile: '+989121234567', email: 'sara@example.com', jobTitle: 'CTO', organizationId: null, ownerId: 'u1' },
        opportunity: {
          name: 'Kian ERP', amount: 1200, currency: 'USD', expectedCloseDate: '2026-03-01', salesStage: 'negotiation',
          organizationId: null, contactId: null, ownerId: 'u1',
        },
        pluginValues: {},
      },
    });
  });

  it('names every failing field under its record, and the missing pieces', () => {
    const result = plan(defaultConversionMappings, {
      createOrganization: true, createContact: true, createOpportunity: true,
      opportunity: { name: null, amount: '-', expectedCloseDate: '2026-13-01' },
    }, lead({ company: null, firstName: null, lastName: null, mobile: null, email: null }));
    expect(result.ok ? [] : result.error.map((e) => [e.field, e.code])).toEqual([
      ['organization.name', 'required'],
      ['contact.lastName', 'identity_required'],
      ['opportunity.amount', 'invalid_type'],
      ['opportunity.expectedCloseDate', 'invalid_date'],
      ['opportunity.name', 'required'],
    ]);
    const nothing = plan(defaultConversionMappings, { createOrganization: false, createContact: false, createOpportunity: true });
    expect(nothing.ok ? [] : nothing.error.map((e) => e.field)).toEqual(['opportunity']);
    const none = plan(defaultConversionMappings, { createOrganization: false, createContact: false, createOpportunity: false });
    expect(none.ok ? [] : none.error.map((e) => e.field)).toEqual(['createContact']);
  });
});

describe('prepareRecord', () => {
  it('gives an amount its default currency and drops a currency without an amount', () => {
    const withAmount = prepareRecord('opportunity', { name: 'A', amount: '1,000', expectedCloseDate: '2026-01-01' }, { picklists: defaultPicklists });
    expect(withAmount.ok && withAmount.value).toMatchObject({ amount: 1000, currency: 'IRR', salesStage: 'prospecting' });
    const without = prepareRecord('opportunity', { name: 'A', currency: 'USD', expectedCloseDate: '2026-01-01' }, { picklists: defaultPicklists });
    expect(without.ok && without.value).toMatchObject({ amount: null, currency: null });
    const unknown = prepareRecord('organization', { name: 'A', color: 'red' }, { picklists: defaultPicklists });
    expect(unknown.ok ? [] : unknown.error.map((e) => [e.field, e.code])).toEqual([['color', 'unknown_field']]);
  });
});
