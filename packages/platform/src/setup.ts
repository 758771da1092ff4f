import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createUserAccount, newUserSchema, type Services } from '@sarnakh/api';
import { isLocale, type Locale } from '@sarnakh/core';
import { createSettingsRepository } from '@sarnakh/db';
import { Hono } from 'hono';
import { html } from 'hono/html';

const SETTING = 'setup.token';
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * With no users and no SARNAKH_ADMIN_* variables, the first admin is created through a one-time
 * link printed at start-up. The token's hash is kept in the database, so any server process
 * accepts it, and it is deleted when the admin is created.
 */
export async function issueSetupToken(services: Services): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  // The newest link wins: a restart prints a fresh one and the old one stops working.
  await createSettingsRepository(services.database.db).set(SETTING, { hash: hash(token) });
  return token;
}

/** Constant-time: a wrong token reveals nothing about the right one. */
function matches(stored: { hash: string }, token: string): boolean {
  const a = Buffer.from(stored.hash);
  const b = Buffer.from(hash(token));
  return a.length === b.length && timingSafeEqual(a, b);
}

async function tokenMatches(services: Services, token: string): Promise<boolean> {
  const stored = await createSettingsRepository(services.database.db).get<{ hash: string }>(SETTING);
  return stored !== undefined && matches(stored, token);
}

const text = {
  en: { title: 'Set up Sarnakh', intro: 'Create the first administrator.', name: 'Name', email: 'Email', password: 'Password (8+ characters)', submit: 'Create administrator', done: 'The administrator was created. You can sign in now.', invalid: 'This setup link is not valid any more.' },
  fa: { title: 'راه‌اندازی سرنخ', intro: 'نخستین مدیر سامانه را بسازید.', name: 'نام', email: 'ایمیل', password: 'گذرواژه (دست‌کم ۸ نویسه)', submit: 'ساختن مدیر', done: 'مدیر سامانه ساخته شد. اکنون می‌توانید وارد شوید.', invalid: 'این پیوند راه‌اندازی دیگر معتبر نیست.' },
  ar: { title: 'إعداد سرنخ', intro: 'أنشئ أول مسؤول للنظام.', name: 'الاسم', email: 'البريد الإلكتروني', password: 'كلمة المرور (٨ أحرف على الأقل)', submit: 'إنشاء المسؤول', done: 'تم إنشاء المسؤول. يمكنك تسجيل الدخول الآن.', invalid: 'رابط الإعداد هذا لم يعد صالحًا.' },
} satisfies Record<Locale, Record<string, string>>;

function page(locale: Locale, body: ReturnType<typeof html>) {
  const dir = locale === 'en' ? 'ltr' : 'rtl';
  return html`<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${text[locale].title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.6rem 1rem}.error{color:#b91c1c}</style></head><body><h1>${text[locale].title}</h1>${body}</body></html>`;
}

export function setupRoutes(services: Services) {
  const app = new Hono();
  const localeOf = (lang: string | undefined): Locale => (isLocale(lang) ? lang : 'en');

  app.get('/', async (c) => {
    const locale = localeOf(c.req.query('lang'));
    const token = c.req.query('token') ?? '';
    if ((await services.users.count()) > 0 || !(await tokenMatches(services, token))) {
      return c.html(page(locale, html`<p class="error">${text[locale].invalid}</p>`), 410);
    }
    const t = text[locale];
    return c.html(
      page(
        locale,
        html`<p>${t.intro}</p><form method="post" action="/setup?lang=${locale}"><input type="hidden" name="token" value="${token}">
<label for="name">${t.name}</label><input id="name" name="name" required maxlength="100">
<label for="email">${t.email}</label><input id="email" name="email" type="email" required dir="ltr">
<label for="password">${t.password}</label><input id="password" name="password" type="password" minlength="8" required dir="ltr">
<button type="submit">${t.submit}</button></form>`,
      ),
    );
  });

  app.post('/', async (c) => {
    const locale = localeOf(c.req.query('lang'));
    const form = await c.req.parseBody();
    const token = typeof form.token === 'string' ? form.token : '';
    if ((await services.users.count()) > 0 || !(await tokenMatches(services, token))) {
      return c.html(page(locale, html`<p class="error">${text[locale].invalid}</p>`), 410);
    }
    const input = newUserSchema.safeParse({ name: form.name, email: form.email, password: form.password, role: 'admin' });
    if (!input.success) {
      const fields = input.error.issues.map((i) => String(i.path[0]));
      return c.html(page(locale, html`<p class="error">${fields.map((f) => text[locale][f as 'name'] ?? f).join('، ')}</p><p><a href="/setup?token=${token}&lang=${locale}">↩</a></p>`), 400);
    }
    // Take the token in one statement: of two submissions at once, only one can create an admin.
    const settings = createSettingsRepository(services.database.db);
    const stored = await settings.take<{ hash: string }>(SETTING, (stored) => matches(stored, token));
    if (!stored) return c.html(page(locale, html`<p class="error">${text[locale].invalid}</p>`), 410);
    const created = await createUserAccount(services, input.data, locale);
    if (!created.ok) {
      await settings.set(SETTING, stored);
      return c.html(page(locale, html`<p class="error">${created.error.fields[0]?.message}</p>`), 409);
    }
    return c.html(page(locale, html`<p>${text[locale].done}</p>`));
  });
  return app;
}
