import { locales, type Locale } from '../i18n/locales.js';
import { leadFields, type LeadFieldName } from '../lead/fields.js';
import type { Lead } from '../lead/lead.js';
import type { Picklists } from '../picklists/picklist.js';
import { escapeHtml, formatValue, type FormatOptions } from './format.js';
import { PLACEHOLDER, type LocalizedTemplateText, type MessageTemplate, type TemplateChannel } from './template.js';

export interface RenderContext {
  lead: Lead;
  /** The lead owner's display name, or null (no owner). */
  ownerName: string | null;
  /** Picklist fields (stage, source…) render as their label in the message's language. */
  picklists: Picklists;
  /** The language asked for; another is used when the template has no text in it. */
  locale: Locale;
  /** IANA zone dates are shown in; default Asia/Tehran. */
  timeZone?: string;
}

export interface RenderedMessage {
  channel: TemplateChannel;
  /** The language the message was rendered in (the one asked for, or the fallback). */
  locale: Locale;
  subject?: string;
  body: string;
  /** Placeholders that had no value for this lead (rendered as nothing), each once. */
  missing: string[];
}

/** The locale to render: the one asked for if the template has it, else the first of fa, ar, en it has. */
export function pickLocale(texts: LocalizedTemplateText, wanted: Locale): Locale | null {
  if (texts[wanted]) return wanted;
  return locales.find((l) => texts[l]) ?? null;
}

/** A placeholder's value for the lead, formatted for the message, or '' when it has none. */
function valueOf(name: string, ctx: RenderContext, options: FormatOptions): string {
  const { lead } = ctx;
  if (name === 'owner.name') return ctx.ownerName ?? '';
  if (name.startsWith('custom.')) return formatValue(lead.customFields[name.slice('custom.'.length)], options);
  if (name === 'score' || name === 'qualification' || name === 'createdAt') return formatValue(lead[name], options);
  if (!(name in leadFields)) return '';
  const field = name as LeadFieldName;
  const kind = leadFields[field].kind;
  const raw = lead[field];
  if (kind.type === 'picklist' && typeof raw === 'string') {
    return ctx.picklists[kind.list].find((v) => v.key === raw)?.label[options.locale] ?? raw;
  }
  return formatValue(raw, options);
}

/**
 * A template filled in for one lead. Values are formatted for the message's language (digits,
 * calendar); for email they are HTML-escaped, since the body is HTML and a lead's name is not
 * (the template's own text is trusted: an admin wrote it). SMS and WhatsApp are plain text: no escaping.
 */
export function renderTemplate(template: Pick<MessageTemplate, 'channel' | 'body' | 'subject'>, ctx: RenderContext): RenderedMessage {
  const locale = pickLocale(template.body, ctx.locale);
  if (locale === null) throw new Error('a template always has a body in some language');
  const options: FormatOptions = { locale, timeZone: ctx.timeZone ?? 'Asia/Tehran' };
  const missing = new Set<string>();
  const fill = (text: string, escape: boolean) =>
    text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = valueOf(name, ctx, options);
      if (value === '') missing.add(name);
      return escape ? escapeHtml(value) : value;
    });
  const body = fill(template.body[locale]!, template.channel === 'email');
  const out: RenderedMessage = { channel: template.channel, locale, body, missing: [] };
  if (template.channel === 'email' && template.subject) {
    const subjectLocale = pickLocale(template.subject, locale);
    // A subject is a mail header, not HTML: escaping would show `&amp;` to the reader.
    if (subjectLocale) out.subject = fill(template.subject[subjectLocale]!, false);
  }
  out.missing = [...missing];
  return out;
}
