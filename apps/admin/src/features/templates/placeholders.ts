/**
 * The placeholders the picker offers, as `renderTemplate` in core fills them: lead fields by their
 * API name, `owner.name`, and `custom.<key>` for each active custom field (added from `fields.list`).
 * Each built-in one is labelled by the lead field's own string (`lead.fields.<name>`).
 */
export const leadPlaceholders = [
  'firstName',
  'lastName',
  'company',
  'jobTitle',
  'mobile',
  'phone',
  'email',
  'website',
  'city',
  'province',
  'country',
  'stage',
  'source',
  'priority',
  'industry',
  'score',
  'createdAt',
] as const;

export const OWNER_PLACEHOLDER = 'owner.name';

export const customPlaceholder = (key: string) => `custom.${key}`;

/** The text a placeholder is written as in a template. */
export const placeholderText = (name: string) => `{{${name}}}`;

/** `text` with `insert` put in place of the selection `[start, end)`, and where the caret goes after it. */
export function insertAt(text: string, insert: string, start: number, end: number): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}
