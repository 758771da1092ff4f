import { fieldError, type FieldError, type FieldErrorCode } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import {
  normalizeEmail,
  isValidEmail,
  normalizeMultilineText,
  normalizeNationalCode,
  normalizePhone,
  normalizeText,
  toAsciiDigits,
} from '../normalize/index.js';
import { checkPicklistValue, type Picklists } from '../picklists/picklist.js';
import { picklistDefaults } from '../picklists/defaults.js';
import { err, ok, type Result } from '../result.js';
import { leadFields, type BuiltInFieldKind, type LeadFieldName } from './fields.js';
import type { CustomFieldValue, Lead, LeadWritable } from './lead.js';
import type { LeadInput, LeadPatch } from './schema.js';

export interface PrepareContext {
  picklists: Picklists;
  /** Keys of the custom fields an admin has defined (and not archived). */
  customFieldKeys: ReadonlySet<string>;
  locale?: Locale;
}

type FieldOutcome = { value: unknown } | { error: FieldErrorCode };

const IDENTITY_FIELDS = ['firstName', 'lastName', 'company', 'mobile', 'phone', 'email'] as const;

/** Bidi and zero-width marks that people paste around handles, codes and numbers. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

function normalizeNumber(raw: unknown): number | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 'invalid';
  const text = toAsciiDigits(String(raw))
    .replace(INVISIBLE, '')
    // Thousands separators people type: comma, Arabic comma/thousands mark, spaces, apostrophes.
    .replace(/[\s,\u060c\u066b\u066c'’_]/g, '')
    .trim();
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return 'invalid';
  return Number(text);
}

function normalizeUrl(text: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url.toString();
  } catch {
    return null;
  }
}

function normalizeField(kind: BuiltInFieldKind, raw: unknown, ctx: PrepareContext): FieldOutcome {
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
    case 'phone': {
      const phone = normalizePhone(text);
      return phone.ok ? { value: phone.e164 } : { error: phone.code };
    }
    case 'email': {
      const email = normalizeEmail(text);
      return isValidEmail(email) ? { value: email } : { error: 'invalid_email' };
    }
    case 'nationalCode': {
      const code = normalizeNationalCode(text);
      return code.ok ? { value: code.value } : { error: code.code };
    }
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

function prepareCustomFields(
  raw: Record<string, unknown> | undefined,
  ctx: PrepareContext,
  errors: FieldError[],
): Record<string, CustomFieldValue> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, CustomFieldValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!ctx.customFieldKeys.has(key)) {
      errors.push(fieldError(`customFields.${key}`, 'unknown_field', ctx.locale));
      continue;
    }
    out[key] = value as CustomFieldValue;
  }
  return out;
}

function prepareFields(
  input: LeadPatch,
  ctx: PrepareContext,
): { values: Partial<LeadWritable>; errors: FieldError[] } {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const name of Object.keys(leadFields) as LeadFieldName[]) {
    if (!(name in input)) continue;
    const outcome = normalizeField(leadFields[name].kind, input[name], ctx);
    if ('error' in outcome) errors.push(fieldError(name, outcome.error, ctx.locale));
    else values[name] = outcome.value;
  }
  const custom = prepareCustomFields(input.customFields, ctx, errors);
  if (custom !== undefined) values.customFields = custom;
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

/** Normalize and validate a new lead. Every failing field is reported, not only the first. */
export function prepareLead(input: LeadInput, ctx: PrepareContext): Result<LeadWritable, FieldError[]> {
  const { values, errors } = prepareFields(input, ctx);
  const lead: LeadWritable = { ...EMPTY_LEAD, ...values, emailOptOut: values.emailOptOut ?? false };
  lead.stage = requirePicklist(values, 'stage', ctx, errors);
  lead.priority = requirePicklist(values, 'priority', ctx, errors);
  if (needsIdentity(lead, errors)) errors.push(fieldError('lastName', 'identity_required', ctx.locale));
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
  const { values, errors } = prepareFields(patch, ctx);
  for (const name of ['stage', 'priority'] as const) {
    if (name in values && values[name] === null) errors.push(fieldError(name, 'required', ctx.locale));
  }
  if ('emailOptOut' in values && values.emailOptOut === null) values.emailOptOut = false;
  if (values.customFields) values.customFields = { ...current.customFields, ...values.customFields };
  const merged = { ...current, ...values };
  if (needsIdentity(merged, errors)) errors.push(fieldError('lastName', 'identity_required', ctx.locale));
  if (errors.length > 0) return err(errors);
  return ok(changedFields(current, values));
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
