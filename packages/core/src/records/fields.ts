import { fieldError, type FieldError } from '../errors.js';
import type { FieldStorage } from '../extensions/points.js';
import { currencyCodes } from '../fields/builtin-types.js';
import { parseDay } from '../fields/scalars.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import type { BuiltInFieldKind } from '../lead/fields.js';
import { normalizeField, type FieldOutcome } from '../lead/prepare.js';
import type { Picklists } from '../picklists/picklist.js';
import { err, ok, type Result } from '../result.js';
import { DEFAULT_CURRENCY, DEFAULT_SALES_STAGE, salesStages, type RecordKind, type RecordTypes } from './records.js';

/** A record field's kind: the lead's kinds, plus the few only records have. */
export type RecordFieldKind =
  | BuiltInFieldKind
  | { type: 'day' }
  | { type: 'currency' }
  | { type: 'salesStage' }
  | { type: 'recordRef'; record: RecordKind };

export interface RecordField {
  kind: RecordFieldKind;
  label: LocalizedText;
  required?: true;
  /** Set by the conversion itself (owner, links), so no mapping may target it. */
  system?: true;
}

const L = (en: string, fa: string, ar: string): LocalizedText => ({ en, fa, ar });
const text = (maxLength: number): RecordFieldKind => ({ type: 'text', maxLength });
const owner: RecordField = { kind: { type: 'userRef' }, label: L('Owner', 'مسئول', 'المسؤول'), system: true };
const organizationRef: RecordField = { kind: { type: 'recordRef', record: 'organization' }, label: L('Organization', 'سازمان', 'المؤسسة'), system: true };

/** Every writable field of each record, described once for normalizing input and checking mappings. */
export const recordFields = {
  organization: {
    name: { kind: text(200), label: L('Name', 'نام', 'الاسم'), required: true },
    phone: { kind: { type: 'phone' }, label: L('Phone', 'تلفن', 'الهاتف') },
    website: { kind: { type: 'url' }, label: L('Website', 'وب‌سایت', 'الموقع الإلكتروني') },
    industry: { kind: { type: 'picklist', list: 'industry' }, label: L('Industry', 'صنعت', 'القطاع') },
    city: { kind: text(100), label: L('City', 'شهر', 'المدينة') },
    ownerId: owner,
  },
  contact: {
    firstName: { kind: text(100), label: L('First name', 'نام', 'الاسم الأول') },
    lastName: { kind: text(100), label: L('Last name', 'نام خانوادگی', 'اسم العائلة') },
    mobile: { kind: { type: 'phone' }, label: L('Mobile', 'موبایل', 'الجوال') },
    email: { kind: { type: 'email' }, label: L('Email', 'ایمیل', 'البريد الإلكتروني') },
    jobTitle: { kind: text(100), label: L('Job title', 'سمت', 'المسمى الوظيفي') },
    organizationId: organizationRef,
    ownerId: owner,
  },
  opportunity: {
    name: { kind: text(200), label: L('Name', 'نام', 'الاسم'), required: true },
    amount: { kind: { type: 'money' }, label: L('Amount', 'مبلغ', 'المبلغ') },
    currency: { kind: { type: 'currency' }, label: L('Currency', 'واحد پول', 'العملة') },
    expectedCloseDate: { kind: { type: 'day' }, label: L('Expected close date', 'تاریخ پیش‌بینی بستن', 'تاريخ الإغلاق المتوقع'), required: true },
    salesStage: { kind: { type: 'salesStage' }, label: L('Sales stage', 'مرحله فروش', 'مرحلة البيع') },
    organizationId: organizationRef,
    contactId: { kind: { type: 'recordRef', record: 'contact' }, label: L('Contact', 'مخاطب', 'جهة الاتصال'), system: true },
    ownerId: owner,
  },
} as const satisfies { [K in RecordKind]: Record<keyof RecordTypes[K]['writable'], RecordField> };

/** Which stored kinds of lead value a field accepts: numbers read fine as text, not the other way. */
export function acceptedStorages(kind: RecordFieldKind): readonly FieldStorage[] {
  switch (kind.type) {
    case 'text':
    case 'longText':
    case 'handle':
      return ['text', 'number'];
    case 'money':
    case 'integer':
      return ['number', 'money'];
    case 'boolean':
      return ['boolean'];
    case 'day':
    case 'dateTime':
      return ['timestamp'];
    default:
      return ['text'];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One record field's value, normalized (phones to E.164, digits to ASCII…), or why it is refused. */
export function normalizeRecordField(kind: RecordFieldKind, raw: unknown, picklists: Picklists): FieldOutcome {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  switch (kind.type) {
    case 'day': {
      const day = parseDay(raw);
      return day === 'invalid' ? { error: 'invalid_date' } : { value: day };
    }
    case 'currency': {
      const code = String(raw).trim().toUpperCase();
      return (currencyCodes as readonly string[]).includes(code) ? { value: code } : { error: 'unknown_value' };
    }
    case 'salesStage': {
      const stage = String(raw).trim();
      return (salesStages as readonly string[]).includes(stage) ? { value: stage } : { error: 'unknown_value' };
    }
    case 'recordRef': {
      const id = String(raw).trim();
      // Whether the record exists (and the actor may see it) is a storage question.
      return UUID.test(id) ? { value: id.toLowerCase() } : { error: 'unknown_value' };
    }
    default:
      return normalizeField(kind, raw, { picklists });
  }
}

export interface RecordPrepareContext {
  picklists: Picklists;
  locale?: Locale | undefined;
  /** Prefix for error field names: `opportunity` makes `opportunity.expectedCloseDate`. */
  prefix?: string;
}

const fieldName = (ctx: RecordPrepareContext, name: string) => (ctx.prefix ? `${ctx.prefix}.${name}` : name);

function prepareValues<K extends RecordKind>(
  kind: K,
  input: Readonly<Record<string, unknown>>,
  ctx: RecordPrepareContext,
): { values: Record<string, unknown>; errors: FieldError[] } {
  const fields: Record<string, RecordField> = recordFields[kind];
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in input)) continue;
    const outcome = normalizeRecordField(field.kind, input[name], ctx.picklists);
    if ('error' in outcome) errors.push(fieldError(fieldName(ctx, name), outcome.error, ctx.locale));
    else values[name] = outcome.value;
  }
  for (const name of Object.keys(input)) {
    if (!(name in fields)) errors.push(fieldError(fieldName(ctx, name), 'unknown_field', ctx.locale));
  }
  return { values, errors };
}

/** A contact must be identifiable by someone: a name, a mobile or an email. */
const CONTACT_IDENTITY = ['firstName', 'lastName', 'mobile', 'email'] as const;

function checkWhole(kind: RecordKind, record: Record<string, unknown>, ctx: RecordPrepareContext, errors: FieldError[]): void {
  const fields: Record<string, RecordField> = recordFields[kind];
  for (const [name, field] of Object.entries(fields)) {
    if (field.required && (record[name] === null || record[name] === undefined) && !errors.some((e) => e.field === fieldName(ctx, name))) {
      errors.push(fieldError(fieldName(ctx, name), 'required', ctx.locale));
    }
  }
  if (kind === 'contact' && CONTACT_IDENTITY.every((f) => record[f] === null || record[f] === undefined)) {
    const identity: readonly string[] = CONTACT_IDENTITY.map((f) => fieldName(ctx, f));
    if (!errors.some((e) => identity.includes(e.field))) errors.push(fieldError(fieldName(ctx, 'lastName'), 'identity_required', ctx.locale));
  }
}

/** An amount always has a currency (the default when none is given); no amount has none. */
function settleCurrency(record: Record<string, unknown>): void {
  if (record.amount === null || record.amount === undefined) record.currency = null;
  else if (record.currency === null || record.currency === undefined) record.currency = DEFAULT_CURRENCY;
}

const emptyRecords: { [K in RecordKind]: RecordTypes[K]['writable'] } = {
  organization: { name: '', phone: null, website: null, industry: null, city: null, ownerId: null },
  contact: { firstName: null, lastName: null, mobile: null, email: null, jobTitle: null, organizationId: null, ownerId: null },
  opportunity: {
    name: '', amount: null, currency: null, expectedCloseDate: '', salesStage: DEFAULT_SALES_STAGE,
    organizationId: null, contactId: null, ownerId: null,
  },
};

/** Normalize and validate a new record; every failing field is reported at once. */
export function prepareRecord<K extends RecordKind>(
  kind: K,
  input: Readonly<Record<string, unknown>>,
  ctx: RecordPrepareContext,
): Result<RecordTypes[K]['writable'], FieldError[]> {
  const { values, errors } = prepareValues(kind, input, ctx);
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
  const record: Record<string, unknown> = { ...emptyRecords[kind], ...values, ...defined };
  for (const [name, field] of Object.entries(recordFields[kind] as Record<string, RecordField>)) {
    if (field.required && record[name] === '') record[name] = null;
  }
  if (kind === 'opportunity' && record.salesStage === null) record.salesStage = DEFAULT_SALES_STAGE;
  if (kind === 'opportunity') settleCurrency(record);
  checkWhole(kind, record, ctx, errors);
  return errors.length > 0 ? err(errors) : ok(record as RecordTypes[K]['writable']);
}

/** Normalize a patch against the record it changes; only the fields whose value changes are returned. */
export function prepareRecordPatch<K extends RecordKind>(
  kind: K,
  current: RecordTypes[K]['record'],
  patch: Readonly<Record<string, unknown>>,
  ctx: RecordPrepareContext,
): Result<Partial<RecordTypes[K]['writable']>, FieldError[]> {
  const { values, errors } = prepareValues(kind, patch, ctx);
  if (kind === 'opportunity' && 'salesStage' in values && values.salesStage === null) {
    errors.push(fieldError(fieldName(ctx, 'salesStage'), 'required', ctx.locale));
  }
  const merged: Record<string, unknown> = { ...current, ...values };
  if (kind === 'opportunity') {
    settleCurrency(merged);
    values.currency = merged.currency;
  }
  checkWhole(kind, merged, ctx, errors);
  if (errors.length > 0) return err(errors);
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((current as unknown as Record<string, unknown>)[key] !== value) changes[key] = value;
  }
  return ok(changes as Partial<RecordTypes[K]['writable']>);
}
