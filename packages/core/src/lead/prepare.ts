import { fieldError, type FieldError, type FieldErrorCode } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { normalizeMultilineText, normalizeText, toAsciiDigits } from '../normalize/index.js';
import { createFieldCatalog, type FieldCatalog } from '../fields/catalog.js';
import { CUSTOM_PREFIX } from '../fields/definition.js';
import { INVISIBLE, parseIdentifier, parseNumber, parseUrl } from '../fields/scalars.js';
import { isEmptyValue, prepareCustomFieldValues } from '../fields/values.js';
import { checkPicklistValue, type Picklists } from '../picklists/picklist.js';
import { picklistDefaults } from '../picklists/defaults.js';
import { err, ok, type Result } from '../result.js';
import { leadFields, type BuiltInFieldKind, type LeadFieldName } from './fields.js';
import type { Lead, LeadWritable } from './lead.js';
import type { LeadInput, LeadPatch } from './schema.js';

export interface PrepareContext {
  picklists: Picklists;
  /** The custom field definitions and field types in force; without it no custom field exists. */
  fields?: FieldCatalog;
  /**
   * New leads only: fields the create layout requires (`mobile`, `custom.budget`). Given for
   * leads people enter (the form, the API), not for captured ones.
   */
  requiredOnCreate?: readonly string[];
  locale?: Locale;
}

export type FieldOutcome = { value: unknown } | { error: FieldErrorCode };

const IDENTITY_FIELDS = ['firstName', 'lastName', 'company', 'mobile', 'phone', 'email'] as const;

function normalizeNumber(raw: unknown): number | null | 'invalid' {
  return parseNumber(typeof raw === 'number' ? raw : raw === null || raw === undefined ? raw : String(raw));
}

const normalizeUrl = parseUrl;

/** One built-in field's value, normalized, or why it is refused (also used for the records a lead converts into). */
export function normalizeField(kind: BuiltInFieldKind, raw: unknown, ctx: Pick<PrepareContext, 'picklists'>): FieldOutcome {
  if (raw === undefined || raw === null) return { value: null };
  switch (kind.type) {
    case 'boolean':
      return { value: raw === true };
    case 'money': {
      const n = normalizeNumber(raw);
      if (n === 'invalid') return { error: 'invalid_type' };
      if (n !== null && (n < 0 || n > 1e18)) return { error: 'out_of_range' };
      return { value: n };
    }
    case 'integer': {
      const n = normalizeNumber(raw);
      if (n === 'invalid' || (n !== null && !Number.isInteger(n))) return { error: 'invalid_type' };
      if (n !== null && (n < kind.min || n > kind.max)) return { error: 'out_of_range' };
      return { value: n };
    }
    case 'dateTime': {
      const date = raw instanceof Date ? raw : new Date(toAsciiDigits(String(raw)).trim());
      if (Number.isNaN(date.getTime())) return { error: 'invalid_date' };
      return { value: date };
    }
    default:
      break;
  }
  const text = kind.type === 'longText' ? normalizeMultilineText(String(raw)) : normalizeText(String(raw));
  if (text === '') return { value: null };
  switch (kind.type) {
    case 'text':
    case 'longText':
      return text.length > kind.maxLength ? { error: 'too_long' } : { value: text };
    case 'handle': {
      const handle = text.replace(INVISIBLE, '').replace(/^@+/, '');
      return handle.length > kind.maxLength ? { error: 'too_long' } : { value: handle || null };
    }
    case 'phone':
      return parseIdentifier('phone', text);
    case 'email':
      return parseIdentifier('email', text);
    case 'nationalCode':
      return parseIdentifier('national-code', text);
    case 'postalCode': {
      const code = toAsciiDigits(text).replace(INVISIBLE, '').replace(/[\s-]/g, '');
      return code.length > 20 ? { error: 'too_long' } : { value: code };
    }
    case 'url': {
      const url = normalizeUrl(text);
      return url === null ? { error: 'invalid_url' } : { value: url };
    }
    case 'picklist': {
      const check = checkPicklistValue(ctx.picklists[kind.list], text);
      return check === 'ok' ? { value: text } : { error: check };
    }
    case 'userRef':
      // Whether the user exists and may own leads is a storage question, asked by the service.
      return { value: text };
  }
}

const noFields = createFieldCatalog([]);

function prepareFields(
  input: LeadPatch,
  ctx: PrepareContext,
  mode: 'create' | 'patch',
): { values: Partial<LeadWritable>; errors: FieldError[] } {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const name of Object.keys(leadFields) as LeadFieldName[]) {
    if (!(name in input)) continue;
    const outcome = normalizeField(leadFields[name].kind, input[name], ctx);
    if ('error' in outcome) errors.push(fieldError(name, outcome.error, ctx.locale));
    else values[name] = outcome.value;
  }
  const custom = prepareCustomFieldValues(input.customFields, ctx.fields ?? noFields, mode, ctx.locale);
  errors.push(...custom.errors);
  if (custom.values !== undefined) values.customFields = custom.values;
  return { values: values as Partial<LeadWritable>, errors };
}

/** A lead must be identifiable; an invalid identity field is reported as itself, not twice. */
function needsIdentity(lead: Partial<LeadWritable>, errors: readonly FieldError[]): boolean {
  const identity: readonly string[] = IDENTITY_FIELDS;
  if (errors.some((e) => identity.includes(e.field))) return false;
  return !IDENTITY_FIELDS.some((f) => lead[f] !== null && lead[f] !== undefined);
}

function requirePicklist(
  values: Partial<LeadWritable>,
  name: 'stage' | 'priority',
  ctx: PrepareContext,
  errors: FieldError[],
): string {
  const value = values[name];
  if (typeof value === 'string') return value;
  const fallback = picklistDefaults[name];
  if (fallback && checkPicklistValue(ctx.picklists[name], fallback) === 'ok') return fallback;
  const first = ctx.picklists[name].find((v) => !v.retired);
  if (first) return first.key;
  errors.push(fieldError(name, 'required', ctx.locale));
  return '';
}

const EMPTY_LEAD: LeadWritable = {
  firstName: null, lastName: null, mobile: null, phone: null, email: null, company: null,
  jobTitle: null, website: null, nationalCode: null, telegramId: null, whatsappId: null,
  instagramId: null, fax: null, source: null, channel: null, channelIdentifier: null,
  stage: '', priority: '', industry: null, annualRevenue: null, employees: null, emailOptOut: false,
  street: null, poBox: null, postalCode: null, city: null, province: null, country: null,
  description: null, ownerId: null, lastContactAt: null, lastContactResult: null, customFields: {},
};

/** The create layout's required fields, each reported by its API name unless already in error. */
function checkRequiredOnCreate(lead: LeadWritable, ctx: PrepareContext, errors: FieldError[]): void {
  for (const path of ctx.requiredOnCreate ?? []) {
    const custom = path.startsWith(CUSTOM_PREFIX);
    const field = custom ? `customFields.${path.slice(CUSTOM_PREFIX.length)}` : path;
    const value = custom ? lead.customFields[path.slice(CUSTOM_PREFIX.length)] : lead[path as keyof LeadWritable];
    if (isEmptyValue(value) && !errors.some((e) => e.field === field)) errors.push(fieldError(field, 'required', ctx.locale));
  }
}

/** Normalize and validate a new lead. Every failing field is reported, not only the first. */
export function prepareLead(input: LeadInput, ctx: PrepareContext): Result<LeadWritable, FieldError[]> {
  const { values, errors } = prepareFields(input, ctx, 'create');
  const lead: LeadWritable = { ...EMPTY_LEAD, ...values, emailOptOut: values.emailOptOut ?? false };
  lead.stage = requirePicklist(values, 'stage', ctx, errors);
  lead.priority = requirePicklist(values, 'priority', ctx, errors);
  if (needsIdentity(lead, errors)) errors.push(fieldError('lastName', 'identity_required', ctx.locale));
  checkRequiredOnCreate(lead, ctx, errors);
  return errors.length > 0 ? err(errors) : ok(lead);
}

/**
 * Normalize and validate a patch against the lead it changes. Returns only the fields whose value
 * actually changes, so an update that changes nothing writes nothing.
 */
export function prepareLeadPatch(
  current: Lead,
  patch: LeadPatch,
  ctx: PrepareContext,
): Result<Partial<LeadWritable>, FieldError[]> {
  const { values, errors } = prepareFields(patch, ctx, 'patch');
  keepRetiredValues(current, patch, values, errors);
  for (const name of ['stage', 'priority'] as const) {
    if (name in values && values[name] === null) errors.push(fieldError(name, 'required', ctx.locale));
  }
  if ('emailOptOut' in values && values.emailOptOut === null) values.emailOptOut = false;
  if (values.customFields) {
    // A cleared custom field is removed, as a new lead never stores an empty one.
    const merged = { ...current.customFields, ...values.customFields };
    values.customFields = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== null));
  }
  const merged = { ...current, ...values };
  if (needsIdentity(merged, errors)) errors.push(fieldError('lastName', 'identity_required', ctx.locale));
  if (errors.length > 0) return err(errors);
  return ok(changedFields(current, values));
}

/**
 * Forms send a lead back whole: a retired picklist value or option the lead already has is kept,
 * not refused. Only choosing it anew is refused.
 */
function keepRetiredValues(current: Lead, patch: LeadPatch, values: Partial<LeadWritable>, errors: FieldError[]): void {
  const asGiven = (v: unknown) => (typeof v === 'string' ? normalizeText(v) : v);
  for (let i = errors.length - 1; i >= 0; i--) {
    const error = errors[i]!;
    if (error.code !== 'retired_value') continue;
    if (error.field.startsWith('customFields.')) {
      const key = error.field.slice('customFields.'.length);
      if (!sameValue(asGiven(patch.customFields?.[key]), current.customFields[key])) continue;
      values.customFields = { ...values.customFields, [key]: current.customFields[key] ?? null };
    } else {
      const had = current[error.field as keyof Lead];
      if (!sameValue(asGiven(patch[error.field as keyof LeadPatch]), had)) continue;
      (values as Record<string, unknown>)[error.field] = had;
    }
    errors.splice(i, 1);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    return JSON.stringify(a) === JSON.stringify(b);
  }
  return a === b;
}

/** The subset of `next` that differs from `current`. */
export function changedFields(current: Lead, next: Partial<LeadWritable>): Partial<LeadWritable> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    if (!sameValue(current[key as keyof Lead], value)) changes[key] = value;
  }
  return changes as Partial<LeadWritable>;
}
