import type { Locale, LocalizedText } from '@sarnakh/core';

/** Top-level messages of the capture endpoint; per-field messages come from core. */
const text = {
  missingKey: {
    en: 'Send an API key: Authorization: Bearer <key>.',
    fa: 'کلید API را بفرستید: Authorization: Bearer <key>.',
    ar: 'أرسل مفتاح API: Authorization: Bearer <key>.',
  },
  invalidKey: {
    en: 'This API key is not valid: it is wrong, revoked or expired.',
    fa: 'این کلید API معتبر نیست: نادرست، باطل‌شده یا منقضی است.',
    ar: 'مفتاح API هذا غير صالح: خاطئ أو ملغى أو منتهي الصلاحية.',
  },
  originRefused: {
    en: 'This form key may not be used from this site.',
    fa: 'این کلید فرم را نمی‌توان در این وب‌سایت به کار برد.',
    ar: 'لا يمكن استخدام مفتاح النموذج هذا من هذا الموقع.',
  },
  rateLimited: {
    en: 'Too many requests; try again in {seconds} seconds.',
    fa: 'درخواست‌ها بیش از حد مجاز است؛ {seconds} ثانیه دیگر دوباره تلاش کنید.',
    ar: 'طلبات كثيرة جدًا؛ أعد المحاولة بعد {seconds} ثانية.',
  },
  invalidFields: { en: 'Some fields are not valid.', fa: 'برخی فیلدها معتبر نیستند.', ar: 'بعض الحقول غير صالحة.' },
  invalidJson: { en: 'The body is not valid JSON.', fa: 'بدنه درخواست JSON معتبر نیست.', ar: 'نص الطلب ليس JSON صالحًا.' },
  notAnObject: {
    en: 'The body must be an object of lead fields.',
    fa: 'بدنه درخواست باید شیئی از فیلدهای سرنخ باشد.',
    ar: 'يجب أن يكون نص الطلب كائنًا من حقول العميل المحتمل.',
  },
  unsupportedType: {
    en: 'Send the lead as application/json or application/x-www-form-urlencoded.',
    fa: 'سرنخ را با application/json یا application/x-www-form-urlencoded بفرستید.',
    ar: 'أرسل العميل المحتمل بصيغة application/json أو application/x-www-form-urlencoded.',
  },
  duplicate: {
    en: 'A lead with the same {field} already exists: {id}.',
    fa: 'سرنخی با همین {field} از پیش وجود دارد: {id}.',
    ar: 'يوجد عميل محتمل بنفس {field} مسبقًا: {id}.',
  },
  inProgress: {
    en: 'A request with this Idempotency-Key is still running; retry shortly.',
    fa: 'درخواستی با همین Idempotency-Key هنوز در حال انجام است؛ کمی بعد دوباره بفرستید.',
    ar: 'طلب بنفس Idempotency-Key لا يزال قيد التنفيذ؛ أعد المحاولة بعد قليل.',
  },
  keyReused: {
    en: 'This Idempotency-Key was already used with a different body.',
    fa: 'این Idempotency-Key پیش‌تر با بدنه دیگری به کار رفته است.',
    ar: 'سبق استخدام Idempotency-Key هذا مع نص طلب مختلف.',
  },
  badIdempotencyKey: {
    en: 'Idempotency-Key must be 1 to 200 characters.',
    fa: 'Idempotency-Key باید ۱ تا ۲۰۰ نویسه باشد.',
    ar: 'يجب أن يكون Idempotency-Key من ١ إلى ٢٠٠ حرف.',
  },
  forbidden: { en: 'Not allowed: {reason}.', fa: 'مجاز نیست: {reason}.', ar: 'غير مسموح: {reason}.' },
  notFound: { en: 'Lead {id} was not found.', fa: 'سرنخ {id} پیدا نشد.', ar: 'لم يُعثر على العميل المحتمل {id}.' },
  conflict: { en: 'Lead {id} was changed meanwhile.', fa: 'سرنخ {id} در این میان تغییر کرد.', ar: 'تغيّر العميل المحتمل {id} في الأثناء.' },
} satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof text;

export function message(key: MessageKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return text[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
