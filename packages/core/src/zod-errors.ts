import type { z } from 'zod';
import { fieldError, type FieldError, type FieldErrorCode } from './errors.js';
import type { Locale } from './i18n/locales.js';

function formatCode(format: string): FieldErrorCode {
  switch (format) {
    case 'email':
      return 'invalid_email';
    case 'url':
      return 'invalid_url';
    case 'datetime':
    case 'date':
      return 'invalid_date';
    default:
      return 'invalid_value';
  }
}

/**
 * Zod's issues as our field errors, so a shape error at an edge (API input, plugin settings) reads
 * like every other validation error. `prefix` names the object being checked (`settings`); an
 * issue at the root without a prefix is named `input`.
 */
export function zodIssuesToFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  locale: Locale = 'en',
  prefix?: string,
): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const parts = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    const field = parts.join('.') || 'input';
    const child = (key: string) => (parts.length === 0 ? key : `${field}.${key}`);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push(fieldError(child(key), 'unknown_field', locale));
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
