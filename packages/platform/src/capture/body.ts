import { err, ok, type Result } from '@sarnakh/core';

export type BodyFormat = 'json' | 'form';

export type BodyProblem =
  | { code: 'UNSUPPORTED_MEDIA_TYPE'; contentType: string }
  | { code: 'INVALID_JSON' }
  | { code: 'NOT_AN_OBJECT' };

/**
 * Which parser a Content-Type asks for. A missing type is read as JSON (scripts often omit it);
 * anything else, `text/plain` included, is refused rather than guessed at.
 */
export function bodyFormat(contentType: string | undefined): Result<BodyFormat, BodyProblem> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === '' || type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))) return ok('json');
  if (type === 'application/x-www-form-urlencoded') return ok('form');
  return err({ code: 'UNSUPPORTED_MEDIA_TYPE', contentType: type });
}

const CUSTOM_FIELD = /^customFields(?:\[([^\]]+)\]|\.(.+))$/;
const TRUE = new Set(['on', 'true', '1', 'yes']);
const FALSE = new Set(['off', 'false', '0', 'no']);

/**
 * A form post as lead input. Forms send every input, filled or not, so an empty value means "not
 * given" (and lets the key's defaults apply); a repeated name keeps its first value; a checkbox's
 * `on` is a boolean; `customFields[budget]` (or `customFields.budget`) fills a custom field. Names
 * are kept as sent otherwise, so the schema can name unknown ones.
 */
export function formToInput(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const custom: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    if (value === '') continue;
    const customKey = CUSTOM_FIELD.exec(name);
    if (customKey) {
      const key = (customKey[1] ?? customKey[2])!;
      if (!(key in custom)) custom[key] = value;
      continue;
    }
    if (name in out) continue;
    if (name === 'emailOptOut') {
      const lower = value.trim().toLowerCase();
      out[name] = TRUE.has(lower) ? true : FALSE.has(lower) ? false : value;
      continue;
    }
    out[name] = value;
  }
  if (Object.keys(custom).length > 0) out.customFields = custom;
  return out;
}

/** The body as a plain object, or why it is not one. */
export function parseBody(format: BodyFormat, raw: string): Result<Record<string, unknown>, BodyProblem> {
  if (format === 'form') return ok(formToInput(raw));
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return err({ code: 'INVALID_JSON' });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err({ code: 'NOT_AN_OBJECT' });
  return ok(value as Record<string, unknown>);
}
