/**
 * The admin (Vue) half of a plugin: what its `admin.entry` module default-exports. The web app
 * loads it for enabled plugins with its own single copy of vue, vue-router, pinia, vue-i18n and
 * vuetify, so plugins list those as peer dependencies and draw with Vuetify's components. Components
 * are lazy (`() => import('./page.js')`), typed loosely here so this package needs no Vue; the
 * helpers below (server calls, the page's language, digits, Jalali dates) need no Vue either.
 */
import type { Locale, LocalizedText, Role } from '@sarnakh/core';
import { format as formatJalali, isValid, parse as parseJalali } from 'date-fns-jalali';

/** A lazily loaded Vue component. */
export type LazyComponent = () => Promise<unknown>;

export interface AdminRoute {
  /** Under `/plugins/<id>/`: `inbox` → `/plugins/sms-capture/inbox`. */
  path: string;
  title: LocalizedText;
  component: LazyComponent;
  /** Roles that may open it; every signed-in user when absent. */
  roles?: readonly Role[];
}

export interface AdminNavEntry {
  label: LocalizedText;
  /** A path of one of the plugin's routes. */
  to: string;
  /** An mdi icon name: `mdi-message-text`. */
  icon?: string;
  roles?: readonly Role[];
}

export interface AdminWidget {
  id: string;
  title: LocalizedText;
  component: LazyComponent;
  /** Grid width on the dashboard. */
  size?: 'small' | 'medium' | 'large';
  roles?: readonly Role[];
}

export interface LeadPanel {
  id: string;
  title: LocalizedText;
  /** Gets the lead as its `lead` prop. */
  component: LazyComponent;
}

export interface AdminPluginEntry {
  routes?: readonly AdminRoute[];
  nav?: readonly AdminNavEntry[];
  /** Replaces the generic form built from the settings schema. */
  settingsPage?: LazyComponent;
  widgets?: readonly AdminWidget[];
  leadPanels?: readonly LeadPanel[];
  /** Inputs for the plugin's field types, by field type id. */
  fieldInputs?: Readonly<Record<string, LazyComponent>>;
  /** The plugin's UI strings per locale, merged into vue-i18n under `plugins.<key>`. */
  messages?: Partial<Record<Locale, Record<string, string>>>;
}

/** Identity, for types: `export default defineAdminPlugin({ widgets: [...] })`. */
export function defineAdminPlugin(entry: AdminPluginEntry): AdminPluginEntry {
  return entry;
}

// --- calling the server from an admin half ------------------------------------------------------

/** The web app's language, from the page (`<html lang>`): for a plugin screen's own labels. */
export function pageLocale(): Locale {
  const lang = (globalThis as { document?: { documentElement?: { lang?: string } } }).document?.documentElement?.lang ?? '';
  return lang.startsWith('fa') ? 'fa' : lang.startsWith('ar') ? 'ar' : 'en';
}

interface MutationObserverLike {
  observe(target: unknown, options: { attributes: boolean; attributeFilter: string[] }): void;
  disconnect(): void;
}

/**
 * Calls `listener` whenever the web app switches language (`<html lang>` changes), so a screen can
 * relabel itself without a reload: keep the locale in a `ref` and set it here. Returns the
 * unsubscribe function; does nothing outside a browser.
 */
export function onPageLocaleChange(listener: (locale: Locale) => void): () => void {
  const g = globalThis as { document?: { documentElement?: unknown }; MutationObserver?: new (cb: () => void) => MutationObserverLike };
  if (!g.document?.documentElement || !g.MutationObserver) return () => {};
  let last = pageLocale();
  const observer = new g.MutationObserver(() => {
    const now = pageLocale();
    if (now !== last) listener((last = now));
  });
  observer.observe(g.document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}

/** One problem the server found with one input (`mobile`, `settings.cap`, `mapping.2.field`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * A failed call: the tRPC error code (`BAD_REQUEST`, `NOT_FOUND`, … or `NETWORK`), the server's
 * message, and its per-field problems. The message lists the field problems (`field: message`, one a
 * line) when there are any, so showing `error.message` alone still tells the whole story.
 */
export class ProcedureError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(fields.length > 0 ? fields.map((f) => `${f.field}: ${f.message}`).join('\n') : message);
    this.name = 'ProcedureError';
  }
}

/** What to show for any caught error: its message. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failure's field problems by field name, for inputs' `error-messages`; `rest` is what names no
 * input in `known` (or every message when the error has no field list), for an alert above the form.
 */
export function fieldErrors(error: unknown, known: readonly string[] = []): { byField: Record<string, string[]>; rest: string[] } {
  if (!(error instanceof ProcedureError) || error.fields.length === 0) return { byField: {}, rest: error === null || error === undefined ? [] : [errorMessage(error)] };
  const byField: Record<string, string[]> = {};
  const rest: string[] = [];
  for (const f of error.fields) {
    if (known.includes(f.field)) (byField[f.field] ??= []).push(f.message);
    else rest.push(`${f.field}: ${f.message}`);
  }
  return { byField, rest };
}

interface TrpcReply<T> {
  result?: { data?: { json: T } };
  error?: { json?: { message?: string; data?: { code?: string; fields?: FieldProblem[] } } };
}

/**
 * Call a tRPC procedure over HTTP as the signed-in user (the session cookie), with tRPC's superjson
 * envelope (`{ json }`: plain JSON values; dates come back as ISO strings) and the page's language,
 * so the server's messages come back in it. A failure throws a `ProcedureError`.
 */
export async function callProcedure<T>(path: string, input?: unknown, kind: 'query' | 'mutation' = 'query'): Promise<T> {
  const envelope = JSON.stringify({ json: input ?? null });
  const headers = { 'x-sarnakh-locale': pageLocale() };
  let res: Response;
  try {
    res =
      kind === 'query'
        ? await fetch(`/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(envelope)}`}`, { credentials: 'same-origin', headers })
        : await fetch(`/trpc/${path}`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: envelope,
          });
  } catch (e) {
    throw new ProcedureError('NETWORK', errorMessage(e));
  }
  const reply = (await res.json().catch(() => ({}))) as TrpcReply<T>;
  const data = reply.result?.data;
  if (res.ok && data !== undefined) return data.json;
  const error = reply.error?.json;
  throw new ProcedureError(error?.data?.code ?? `HTTP_${res.status}`, error?.message ?? `HTTP ${res.status}`, error?.data?.fields ?? []);
}

// --- numbers and dates as the web app shows them -------------------------------------------------

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const numberTags: Record<Locale, string> = { fa: 'fa-IR', ar: 'ar', en: 'en-US' };

/** Persian and Arabic-Indic digits to ASCII: what people type in fa/ar, before parsing. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[۰-۹٠-٩]/g, (d) => String(PERSIAN_DIGITS.includes(d) ? PERSIAN_DIGITS.indexOf(d) : ARABIC_DIGITS.indexOf(d)));
}

/** ASCII digits as the language writes them: Persian in fa, Arabic-Indic in ar. */
export function localDigits(text: string, locale: Locale = pageLocale()): string {
  const digits = locale === 'fa' ? PERSIAN_DIGITS : locale === 'ar' ? ARABIC_DIGITS : null;
  return digits ? text.replace(/[0-9]/g, (d) => digits[Number(d)]!) : text;
}

/** A number in the language's digits and separators (`۱٬۲۳۴` in fa); `—` for none. */
export function formatNumber(value: number | null | undefined, locale: Locale = pageLocale(), options?: Intl.NumberFormatOptions): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(numberTags[locale], options).format(value);
}

export type Calendar = 'jalali' | 'gregorian';

/**
 * The calendar the web app shows dates in: what it marks on `<html data-calendar>` (the user's
 * choice, else the organization's setting); without the app, the browser's saved choice
 * (`sarnakh.calendar`), else Jalali for fa and Gregorian for ar and en.
 */
export function pageCalendar(locale: Locale = pageLocale()): Calendar {
  // The web app marks the calendar in force (the user's choice, else the organization's) on <html>.
  const marked = (globalThis as { document?: { documentElement?: { getAttribute(name: string): string | null } } }).document?.documentElement?.getAttribute('data-calendar');
  if (marked === 'jalali' || marked === 'gregorian') return marked;
  let choice: string | null = null;
  try {
    choice = (globalThis as { localStorage?: { getItem(key: string): string | null } }).localStorage?.getItem('sarnakh.calendar') ?? null;
  } catch {
    // Storage blocked: the language decides.
  }
  if (choice === 'jalali' || choice === 'gregorian') return choice;
  return locale === 'fa' ? 'jalali' : 'gregorian';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date (and time, when `withTime`) in the page's calendar and digits: `۱۴۰۴/۰۱/۱۵ ۰۹:۳۰` in fa. */
export function formatDate(value: Date | string | null | undefined, options: { withTime?: boolean; locale?: Locale; calendar?: Calendar } = {}): string {
  if (value === null || value === undefined) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const locale = options.locale ?? pageLocale();
  const calendar = options.calendar ?? pageCalendar(locale);
  const time = options.withTime ? ` ${pad(date.getHours())}:${pad(date.getMinutes())}` : '';
  return localDigits(`${formatDateInput(date, calendar)}${time}`, locale);
}

/** `yyyy/MM/dd` in the calendar, ASCII digits: what a date input shows before `localDigits`. */
export function formatDateInput(date: Date, calendar: Calendar): string {
  if (calendar === 'jalali') return formatJalali(date, 'yyyy/MM/dd');
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())}`;
}

/**
 * A typed `yyyy/mm/dd` (any digits; `/`, `-` or `.` between) in the calendar, to local midnight;
 * null when it is no real day.
 */
export function parseDateInput(text: string, calendar: Calendar): Date | null {
  const match = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(toAsciiDigits(text.trim()).replace(/[-.]/g, '/'));
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (calendar === 'jalali') {
    const date = parseJalali(`${y}/${pad(m)}/${pad(d)}`, 'yyyy/MM/dd', new Date(0));
    return isValid(date) ? date : null;
  }
  const date = new Date(y, m - 1, d);
  return date.getMonth() === m - 1 && date.getDate() === d ? date : null;
}

/** A local day as the API's `YYYY-MM-DD` (Gregorian, whatever the calendar shown). */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
