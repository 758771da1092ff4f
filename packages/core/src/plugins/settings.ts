import type { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { err, ok, type Result } from '../result.js';

/** A zod schema for a plugin's settings. Its output is an object: each setting is a named field. */
export type SettingsSchema = z.ZodType<Record<string, unknown>>;

/** The settings a plugin receives: the schema's output, or `undefined` for a plugin without settings. */
export type SettingsOf<S extends SettingsSchema | undefined> = S extends SettingsSchema ? z.output<S> : undefined;

/**
 * Validate raw settings (from the database, a config file or an admin form) against a plugin's
 * schema. `undefined` stands for "nothing stored" and is validated as `{}`, so the schema's
 * defaults apply. Each problem is named `settings.<path>`, like every other field error.
 */
export async function parseSettings(
  schema: SettingsSchema | undefined,
  raw: unknown,
  locale?: Locale,
): Promise<Result<Record<string, unknown> | undefined, FieldError[]>> {
  if (!schema) return ok(undefined);
  const parsed = await schema.safeParseAsync(raw === undefined ? {} : raw);
  if (parsed.success) return ok(parsed.data);
  return err(settingsFieldErrors(parsed.error.issues, locale));
}

/** Zod issues as field errors named `settings.<path>`. */
export function settingsFieldErrors(issues: readonly z.core.$ZodIssue[], locale?: Locale): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const field = ['settings', ...issue.path.map(String)].join('.');
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(fieldError(`${field}.${key}`, 'unknown_field', locale));
        break;
      case 'invalid_type':
        out.push(fieldError(field, /received undefined/.test(issue.message) ? 'required' : 'invalid_type', locale));
        break;
      case 'too_big':
        out.push(fieldError(field, issue.origin === 'string' ? 'too_long' : 'out_of_range', locale));
        break;
      case 'too_small':
        out.push(fieldError(field, issue.origin === 'string' ? 'too_short' : 'out_of_range', locale));
        break;
      case 'invalid_value':
        out.push(fieldError(field, 'unknown_value', locale));
        break;
      case 'invalid_format':
        out.push(fieldError(field, formatCode(issue.format), locale));
        break;
      case 'invalid_union':
        out.push(fieldError(field, 'invalid_type', locale));
        break;
      default:
        out.push(fieldError(field, 'invalid_value', locale));
    }
  }
  return out;
}

function formatCode(format: string) {
  switch (format) {
    case 'email':
      return 'invalid_email' as const;
    case 'url':
      return 'invalid_url' as const;
    case 'datetime':
    case 'date':
      return 'invalid_date' as const;
    default:
      return 'invalid_value' as const;
  }
}
