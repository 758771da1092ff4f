import type { z } from 'zod';
import type { FieldError } from '../errors.js';
import { zodIssuesToFieldErrors } from '../zod-errors.js';
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
  return zodIssuesToFieldErrors(issues, locale, 'settings');
}
