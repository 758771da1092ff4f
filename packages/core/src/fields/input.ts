import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import type { CustomFieldValue } from '../lead/lead.js';
import { err, ok, type Result } from '../result.js';
import { zodIssuesToFieldErrors } from '../zod-errors.js';
import type { FieldCatalog } from './catalog.js';
import { CUSTOM_FIELD_KEY, type FieldDefinition, type FieldOption, type FieldValidation } from './definition.js';
import { checkFieldValue, isEmptyValue } from './values.js';

const labelText = z.string().trim().min(1).max(200);
export const localizedTextSchema = z.strictObject({ fa: labelText, ar: labelText, en: labelText });

const optionSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, _ and -'),
  label: localizedTextSchema,
  retired: z.boolean().optional(),
});

const definitionShape = {
  label: localizedTextSchema,
  required: z.boolean().optional(),
  /** Any value the field's type accepts; normalized before it is saved. */
  default: z.unknown().optional(),
  options: z.array(optionSchema).max(500).optional(),
  validation: z.record(z.string(), z.unknown()).optional(),
  indexed: z.boolean().optional(),
  position: z.number().int().min(0).max(1_000_000).optional(),
};

/** `fields.create`: the key and type never change afterwards. */
export const fieldCreateInputSchema = z.strictObject({
  key: z.string().regex(CUSTOM_FIELD_KEY, 'a lower-case letter, then letters, digits or _ (at most 50)'),
  type: z.string().min(1).max(64),
  ...definitionShape,
});
export type FieldCreateInput = z.output<typeof fieldCreateInputSchema>;

/** `fields.update`: what to change; the rest stays. */
export const fieldUpdateInputSchema = z.strictObject({
  key: z.string().min(1).max(63),
  patch: z.strictObject({ ...definitionShape, label: localizedTextSchema.optional() }),
});
export type FieldUpdateInput = z.output<typeof fieldUpdateInputSchema>;

/** A field definition as it will be saved, before storage adds its timestamps. */
export type FieldDraft = Omit<FieldDefinition, 'archivedAt'>;

/**
 * Check a definition against its type: the type exists, selects have options (unique keys) and
 * other types none, `validation` has only the settings the type reads, and the default is a
 * value the field accepts (stored normalized). Errors name the input's fields.
 */
export function checkFieldDraft(
  draft: Omit<FieldDraft, 'default'> & { default: unknown },
  catalog: FieldCatalog,
  locale?: Locale,
): Result<FieldDraft, FieldError[]> {
  const type = catalog.type(draft.type);
  if (!type) return err([fieldError('type', 'unknown_value', locale)]);
  const errors: FieldError[] = [];
  const options: FieldOption[] = draft.options;
  if (type.usesOptions) {
    if (options.filter((o) => !o.retired).length === 0) errors.push(fieldError('options', 'required', locale));
    options.forEach((o, i) => {
      if (options.findIndex((other) => other.key === o.key) !== i) errors.push(fieldError(`options.${i}.key`, 'invalid_value', locale));
    });
  } else if (options.length > 0) {
    errors.push(fieldError('options', 'invalid_value', locale));
  }
  let validation: FieldValidation = draft.validation;
  if (type.validationSchema) {
    const parsed = type.validationSchema.safeParse(draft.validation);
    if (parsed.success) validation = parsed.data as FieldValidation;
    else errors.push(...zodIssuesToFieldErrors(parsed.error.issues, locale, 'validation'));
  }
  if (errors.length > 0) return err(errors);
  let value: CustomFieldValue = null;
  if (!isEmptyValue(draft.default)) {
    const checked = checkFieldValue(type, { options, validation }, draft.default);
    if ('error' in checked) return err([fieldError('default', checked.error, locale)]);
    value = checked.value;
  }
  if (draft.indexed && (type.storage === 'list')) return err([fieldError('indexed', 'invalid_value', locale)]);
  return ok({ ...draft, options, validation, default: value });
}
