import {
  checkPicklistValue,
  duplicatePolicies,
  fieldError,
  type FieldError,
  type Locale,
  type PicklistKey,
} from '@sarnakh/core';
import { apiKeyKinds, createApiKeyRepository, isActiveApiKey, type ApiKey } from '@sarnakh/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { badRequest } from '../errors.js';
import type { Services } from '../services.js';
import { adminProcedure, router } from '../trpc.js';

/** Where the capture endpoint lives, relative to the server's public URL. */
export const CAPTURE_PATH = '/api/capture/leads';
/** The form field people leave empty and bots fill in (see docs/capture.md); the capture route checks the same name. */
export const HONEYPOT_FIELD = 'website_url';

/**
 * An origin as browsers send it (`https://example.com`, `http://localhost:5173`). A trailing slash
 * or upper-case host is forgiven and normalized; a path, query or credentials are refused, since the
 * browser's `Origin` header never has them and the key would match nothing.
 */
const originSchema = z
  .string()
  .trim()
  .max(200)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Give an origin like https://example.com.' });
      return z.NEVER;
    }
    const bare = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !bare) {
      ctx.addIssue({ code: 'custom', message: 'Give an origin like https://example.com.' });
      return z.NEVER;
    }
    return url.origin;
  });

const picklistValue = z.string().trim().min(1).max(100);

const createInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(apiKeyKinds),
  /** Filled into captured leads that leave these empty; the duplicate policy defaults to `attach`. */
  defaults: z
    .strictObject({
      source: picklistValue.optional(),
      channel: picklistValue.optional(),
      ownerId: z.string().trim().min(1).max(100).optional(),
      stage: picklistValue.optional(),
      priority: picklistValue.optional(),
      duplicatePolicy: z.enum(duplicatePolicies).optional(),
    })
    .optional(),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).optional(),
  /** Required (non-empty) for form keys: the sites whose pages may post with the key. */
  allowedOrigins: z.array(originSchema).max(50).optional(),
  expiresAt: z.date().optional(),
});

type CreateInput = z.output<typeof createInput>;

const picklistDefaults = ['source', 'channel', 'stage', 'priority'] as const satisfies readonly PicklistKey[];

/** Problems z cannot see: picklist values, the owner, origins by kind. All reported at once. */
async function checkCreate(services: Services, input: CreateInput, locale: Locale, now: Date): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const defaults = input.defaults ?? {};
  if (picklistDefaults.some((list) => defaults[list] !== undefined)) {
    const picklists = await services.picklists.load();
    for (const list of picklistDefaults) {
      const value = defaults[list];
      if (value === undefined) continue;
      const check = checkPicklistValue(picklists[list], value);
      if (check !== 'ok') problems.push(fieldError(`defaults.${list}`, check, locale));
    }
  }
  if (defaults.ownerId !== undefined) {
    const owner = await services.users.get(defaults.ownerId);
    if (!owner) problems.push(fieldError('defaults.ownerId', 'unknown_value', locale));
    else if (!owner.active) problems.push(fieldError('defaults.ownerId', 'inactive_user', locale));
  }
  const origins = input.allowedOrigins ?? [];
  // A form key is published in web pages: without origins anyone's page could use it.
  if (input.kind === 'form' && origins.length === 0) problems.push(fieldError('allowedOrigins', 'required', locale));
  // On a server key origins would suggest a protection that does not exist (servers send no Origin).
  if (input.kind === 'server' && origins.length > 0) problems.push(fieldError('allowedOrigins', 'invalid_value', locale));
  if (input.expiresAt !== undefined && input.expiresAt <= now) problems.push(fieldError('expiresAt', 'out_of_range', locale));
  return problems;
}

const snippetText: Record<Locale, Record<'firstName' | 'lastName' | 'mobile' | 'email' | 'company' | 'description' | 'submit' | 'thanks' | 'failed', string>> = {
  en: {
    firstName: 'First name',
    lastName: 'Last name',
    mobile: 'Mobile',
    email: 'Email',
    company: 'Company',
    description: 'Message',
    submit: 'Send',
    thanks: 'Thank you! We received your message.',
    failed: 'Could not send; please try again.',
  },
  fa: {
    firstName: 'نام',
    lastName: 'نام خانوادگی',
    mobile: 'موبایل',
    email: 'ایمیل',
    company: 'شرکت',
    description: 'پیام',
    submit: 'ارسال',
    thanks: 'سپاس! پیام شما رسید.',
    failed: 'ارسال نشد؛ دوباره تلاش کنید.',
  },
  ar: {
    firstName: 'الاسم',
    lastName: 'اسم العائلة',
    mobile: 'الجوال',
    email: 'البريد الإلكتروني',
    company: 'الشركة',
    description: 'رسالتك',
    submit: 'إرسال',
    thanks: 'شكرًا! تم استلام رسالتك.',
    failed: 'تعذّر الإرسال؛ حاول مرة أخرى.',
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
/** A JS string literal that cannot end the surrounding <script> element. */
const jsString = (s: string) => JSON.stringify(s).replace(/</g, '\\u003c');

/** Where the web app and the snippets send people: the server's public URL, without a trailing slash. */
function publicUrlOf(services: Services): string {
  return (services.auth.options.baseURL ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/**
 * An HTML form to paste into a web page. It posts form-encoded with the key as a Bearer token
 * (plain form navigation cannot send an Authorization header, hence the script), retries with the
 * same Idempotency-Key so a double click or a flaky network makes one lead, and carries the
 * honeypot field hidden from people. The key is only known when it is created; later listings
 * show a placeholder to replace.
 */
export function formSnippet(options: { publicUrl: string; formId: string; key: string | null; locale: Locale }): string {
  const t = snippetText[options.locale];
  const dir = options.locale === 'en' ? 'ltr' : 'rtl';
  const id = escapeHtml(options.formId);
  const key = options.key ?? 'PASTE_YOUR_FORM_KEY_HERE';
  const field = (name: keyof typeof t, input: string) => `  <p><label>${escapeHtml(t[name])}<br>${input}</label></p>`;
  return [
    `<form id="${id}" method="post" dir="${dir}" lang="${options.locale}">`,
    field('firstName', '<input name="firstName" autocomplete="given-name" maxlength="200">'),
    field('lastName', '<input name="lastName" autocomplete="family-name" maxlength="200">'),
    field('mobile', '<input name="mobile" type="tel" autocomplete="tel" dir="ltr" maxlength="50">'),
    field('email', '<input name="email" type="email" autocomplete="email" dir="ltr" maxlength="200">'),
    field('company', '<input name="company" autocomplete="organization" maxlength="200">'),
    field('description', '<textarea name="description" rows="4" maxlength="5000"></textarea>'),
    `  <!-- Leave this hidden and empty: bots fill it in, and what they send is not saved. -->`,
    `  <div style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden" aria-hidden="true">`,
    `    <input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off">`,
    `  </div>`,
    `  <button type="submit">${escapeHtml(t.submit)}</button>`,
    `  <p role="status" data-sarnakh-status></p>`,
    `</form>`,
    `<script>`,
    `(function () {`,
    `  var form = document.getElementById(${jsString(options.formId)});`,
    `  var status = form.querySelector('[data-sarnakh-status]');`,
    `  var retryKey = null;`,
    `  form.addEventListener('submit', function (event) {`,
    `    event.preventDefault();`,
    `    // One key per submission, kept only for retries after a network error or a server error.`,
    `    var key = retryKey || (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());`,
    `    retryKey = key;`,
    `    var button = form.querySelector('button[type=submit]');`,
    `    button.disabled = true;`,
    `    fetch(${jsString(options.publicUrl + CAPTURE_PATH)}, {`,
    `      method: 'POST',`,
    `      headers: {`,
    `        'Authorization': 'Bearer ' + ${jsString(key)},`,
    `        'Content-Type': 'application/x-www-form-urlencoded',`,
    `        'Idempotency-Key': key,`,
    `        'X-Sarnakh-Locale': ${jsString(options.locale)}`,
    `      },`,
    `      body: new URLSearchParams(new FormData(form))`,
    `    }).then(function (res) {`,
    `      return res.json().then(function (body) { return { status: res.status, body: body }; });`,
    `    }).then(function (r) {`,
    `      if (r.status < 500) retryKey = null;`,
    `      if (r.status === 200 || r.status === 201) { form.reset(); status.textContent = ${jsString(t.thanks)}; return; }`,
    `      var e = r.body && r.body.error;`,
    `      status.textContent = e && e.fields ? e.fields.map(function (f) { return f.message; }).join(' ') : (e && e.message) || ${jsString(t.failed)};`,
    `    }).catch(function () {`,
    `      status.textContent = ${jsString(t.failed)};`,
    `    }).then(function () { button.disabled = false; });`,
    `  });`,
    `})();`,
    `</script>`,
  ].join('\n');
}

/** A key as the admin app shows it: no secret, whether it works, and for form keys a snippet. */
function view(services: Services, key: ApiKey, locale: Locale, plain: string | null = null) {
  return {
    ...key,
    active: isActiveApiKey(key),
    snippet:
      key.kind === 'form' ? formSnippet({ publicUrl: publicUrlOf(services), formId: `sarnakh-lead-form-${key.id.slice(0, 8)}`, key: plain, locale }) : null,
  };
}

export const apiKeysRouter = router({
  /** The key itself is in this answer only: it is stored hashed and cannot be shown again. */
  create: adminProcedure.input(createInput).mutation(async ({ ctx, input }) => {
    const now = new Date();
    const problems = await checkCreate(ctx.services, input, ctx.locale, now);
    if (problems.length > 0) throw badRequest(problems);
    const { apiKey, key } = await createApiKeyRepository(ctx.services.database.db).create(
      {
        name: input.name,
        kind: input.kind,
        ...(input.defaults ? { defaults: input.defaults } : {}),
        ...(input.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: input.rateLimitPerMinute }),
        allowedOrigins: [...new Set(input.allowedOrigins ?? [])],
        createdBy: ctx.actor.userId,
        expiresAt: input.expiresAt ?? null,
      },
      now,
    );
    return { ...view(ctx.services, apiKey, ctx.locale, key), key };
  }),

  list: adminProcedure.query(async ({ ctx }) => {
    const keys = await createApiKeyRepository(ctx.services.database.db).list();
    return keys.map((key) => view(ctx.services, key, ctx.locale));
  }),

  /** Takes effect on the next request; revoking again changes nothing. */
  revoke: adminProcedure.input(z.strictObject({ id: z.string().min(1).max(100) })).mutation(async ({ ctx, input }) => {
    const revoked = await createApiKeyRepository(ctx.services.database.db).revoke(input.id);
    if (!revoked) throw new TRPCError({ code: 'NOT_FOUND', message: `API key ${input.id} was not found.` });
    return view(ctx.services, revoked, ctx.locale);
  }),
});
