import type { z } from 'zod';
import { fieldError, fieldErrorCodes, type FieldError, type FieldErrorCode } from '../errors.js';
import type { FieldConfig, FieldType } from '../extensions/points.js';
import type { Locale } from '../i18n/locales.js';
import type { CustomFieldValue } from '../lead/lead.js';
import { zodIssuesToFieldErrors } from '../zod-errors.js';
import type { FieldCatalog } from './catalog.js';
import type { FieldDefinition } from './definition.js';

/** Null, blank text and an empty list all mean "no value". */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

const isFieldErrorCode = (code: unknown): code is FieldErrorCode =>
  typeof code === 'string' && (fieldErrorCodes as readonly string[]).includes(code);

function issueCode(issue: z.core.$ZodIssue): FieldErrorCode {
  const params = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined) : undefined;
  if (isFieldErrorCode(params?.code)) return params.code;
  return zodIssuesToFieldErrors([issue])[0]?.code ?? 'invalid_value';
}

export const fieldConfig = (definition: Pick<FieldDefinition, 'options' | 'validation'>): FieldConfig => ({
  options: definition.options,
  validation: definition.validation as Record<string, unknown>,
});

/**
 * One value through its type's schema: the normalized value, or the error code of the first
 * problem. A plugin type whose schema throws is reported as an invalid value, not a crash.
 */
export function checkFieldValue(type: FieldType, definition: Pick<FieldDefinition, 'options' | 'validation'>, raw: unknown): { value: CustomFieldValue } | { error: FieldErrorCode } {
  if (isEmptyValue(raw)) return { value: null };
  try {
    const parsed = type.valueSchema(fieldConfig(definition)).safeParse(raw);
    if (parsed.success) return { value: isEmptyValue(parsed.data) ? null : parsed.data };
    const first = parsed.error.issues[0];
    return { error: first ? issueCode(first) : 'invalid_value' };
  } catch {
    return { error: 'invalid_value' };
  }
}

/**
 * Normalize and validate a lead's `customFields` against the active definitions. On create,
 * empty fields get their defaults and required ones must end with a value; on a patch only the
 * keys given are checked, and a required field cannot be cleared. Errors name
 * `customFields.<key>`; unknown and archived keys are `unknown_field`.
 */
export function prepareCustomFieldValues(
  raw: Record<string, unknown> | undefined,
  catalog: FieldCatalog,
  mode: 'create' | 'patch',
  locale?: Locale,
): { values: Record<string, CustomFieldValue> | undefined; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const out: Record<string, CustomFieldValue> = {};
  const byKey = new Map(catalog.definitions.map((d) => [d.key, d]));
  for (const [key, value] of Object.entries(raw ?? {})) {
    const definition = byKey.get(key);
    const type = definition && catalog.type(definition.type);
    // A field whose type's plugin is disabled cannot be checked, so it takes no new values.
    if (!definition || !type) {
      errors.push(fieldError(`customFields.${key}`, 'unknown_field', locale));
      continue;
    }
    const checked = checkFieldValue(type, definition, value);
    if ('error' in checked) errors.push(fieldError(`customFields.${key}`, checked.error, locale));
    else out[key] = checked.value;
  }
  for (const definition of catalog.definitions) {
    const field = `customFields.${definition.key}`;
    if (errors.some((e) => e.field === field)) continue;
    const given = Object.hasOwn(out, definition.key);
    if (mode === 'create' && (!given || out[definition.key] === null) && !isEmptyValue(definition.default)) {
      out[definition.key] = definition.default;
    }
    const missing = mode === 'create' ? isEmptyValue(out[definition.key]) : given && out[definition.key] === null;
    if (definition.required && missing) errors.push(fieldError(field, 'required', locale));
  }
  if (raw === undefined && mode === 'patch') return { values: undefined, errors };
  // Empty values are not stored: a missing key and null read the same everywhere.
  for (const [key, value] of Object.entries(out)) if (value === null && mode === 'create') delete out[key];
  return { values: out, errors };
}
