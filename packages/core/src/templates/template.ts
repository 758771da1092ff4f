import { fieldError, type FieldError } from '../errors.js';
import { locales, type Locale } from '../i18n/locales.js';
import { leadFieldNames } from '../lead/fields.js';
import { err, ok, type Result } from '../result.js';

export const templateChannels = ['sms', 'whatsapp', 'email'] as const;
export type TemplateChannel = (typeof templateChannels)[number];

/** Text per locale; a template has at least one. */
export type LocalizedTemplateText = Partial<Record<Locale, string>>;

export interface MessageTemplate {
  id: string;
  name: string;
  channel: TemplateChannel;
  body: LocalizedTemplateText;
  /** Email only. */
  subject: LocalizedTemplateText | null;
  archivedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a caller writes; `prepareTemplate` checks it and returns the stored shape. */
export interface TemplateInput {
  name: string;
  channel: TemplateChannel;
  body: LocalizedTemplateText;
  subject?: LocalizedTemplateText | null | undefined;
}

export type TemplateWritable = Pick<MessageTemplate, 'name' | 'channel' | 'body' | 'subject'>;

/** Lead values besides the built-in fields that a template may name. */
const extraPlaceholders = ['score', 'qualification', 'createdAt', 'owner.name'] as const;

/** `{{ name }}`: the name is everything between the braces, spaces around it ignored. */
export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const CUSTOM_PREFIX = 'custom.';

/** The built-in names a placeholder may use (`ownerId` is offered as `owner.name`). */
export const builtInPlaceholders: readonly string[] = [
  ...leadFieldNames.filter((name) => name !== 'ownerId'),
  ...extraPlaceholders,
];

export type PlaceholderProblem = 'unknown_placeholder' | 'invalid_value';

/** Each placeholder name in `text`, in order of appearance (repeats kept). */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * The first problem of a template text: a placeholder naming nothing we know, or braces that do
 * not form a placeholder (`{{firstName`, `{{}}`), which would otherwise go out as they are.
 */
export function checkTemplateText(text: string, customFieldKeys: ReadonlySet<string>): PlaceholderProblem | null {
  const names = placeholdersIn(text);
  if (names.some((name) => name === '')) return 'invalid_value';
  if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) return 'invalid_value';
  const known = (name: string) =>
    builtInPlaceholders.includes(name) ||
    (name.startsWith(CUSTOM_PREFIX) && customFieldKeys.has(name.slice(CUSTOM_PREFIX.length)));
  return names.every(known) ? null : 'unknown_placeholder';
}

const MAX_NAME = 200;
const MAX_TEXT: Record<'body' | 'subject', number> = { body: 10_000, subject: 500 };

function prepareTexts(
  field: 'body' | 'subject',
  texts: LocalizedTemplateText,
  customFieldKeys: ReadonlySet<string>,
  errors: FieldError[],
  locale: Locale | undefined,
): LocalizedTemplateText {
  const out: LocalizedTemplateText = {};
  for (const lang of locales) {
    const text = texts[lang]?.trim();
    if (!text) continue;
    if (text.length > MAX_TEXT[field]) {
      errors.push(fieldError(`${field}.${lang}`, 'too_long', locale));
      continue;
    }
    const problem = checkTemplateText(text, customFieldKeys);
    if (problem) errors.push(fieldError(`${field}.${lang}`, problem, locale));
    out[lang] = text;
  }
  if (Object.keys(out).length === 0 && !errors.some((e) => e.field.startsWith(`${field}.`))) {
    errors.push(fieldError(field, 'required', locale));
  }
  return out;
}

/**
 * A template as it will be stored, or every field's problem: a name, at least one body text, a
 * subject for email (and none for other channels), placeholders that name a lead field, a
 * defined custom field (`custom.<key>`) or the owner (`owner.name`).
 */
export function prepareTemplate(
  input: TemplateInput,
  customFieldKeys: ReadonlySet<string>,
  locale?: Locale,
): Result<TemplateWritable, FieldError[]> {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (name === '') errors.push(fieldError('name', 'required', locale));
  else if (name.length > MAX_NAME) errors.push(fieldError('name', 'too_long', locale));
  const body = prepareTexts('body', input.body, customFieldKeys, errors, locale);
  let subject: LocalizedTemplateText | null = null;
  if (input.channel === 'email') {
    subject = prepareTexts('subject', input.subject ?? {}, customFieldKeys, errors, locale);
  } else if (input.subject && Object.values(input.subject).some((s) => s && s.trim() !== '')) {
    // Only email has a subject line; silently dropping one would surprise whoever wrote it.
    errors.push(fieldError('subject', 'invalid_value', locale));
  }
  return errors.length > 0 ? err(errors) : ok({ name, channel: input.channel, body, subject });
}
