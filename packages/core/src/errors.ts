import type { Locale, LocalizedText } from './i18n/locales.js';

/**
 * Why one field was rejected. Codes are stable (clients branch on them); messages are for people.
 */
export const fieldErrorCodes = [
  'required',
  'identity_required',
  'invalid_type',
  'too_long',
  'too_short',
  'out_of_range',
  'invalid_phone',
  'invalid_email',
  'invalid_national_code',
  'invalid_url',
  'invalid_date',
  'unknown_value',
  'retired_value',
  'inactive_user',
  'unknown_field',
  'invalid_value',
  'unknown_placeholder',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export interface FieldError {
  /** The API name of the field: `mobile`, `customFields.budget`, `sort.field`. */
  field: string;
  code: FieldErrorCode;
  message: string;
}

const messages: Record<FieldErrorCode, LocalizedText> = {
  required: { en: 'This field is required.', fa: 'این فیلد الزامی است.', ar: 'هذا الحقل مطلوب.' },
  identity_required: {
    en: 'Give at least a name, a company, a mobile, a phone or an email.',
    fa: 'دست‌کم یکی از نام، شرکت، موبایل، تلفن یا ایمیل را وارد کنید.',
    ar: 'أدخل على الأقل الاسم أو الشركة أو الجوال أو الهاتف أو البريد الإلكتروني.',
  },
  invalid_type: { en: 'This value has the wrong type.', fa: 'نوع این مقدار نادرست است.', ar: 'نوع هذه القيمة غير صحيح.' },
  too_long: { en: 'This value is too long.', fa: 'این مقدار بیش از حد طولانی است.', ar: 'هذه القيمة طويلة جدًا.' },
  too_short: { en: 'This value is too short.', fa: 'این مقدار بیش از حد کوتاه است.', ar: 'هذه القيمة قصيرة جدًا.' },
  out_of_range: { en: 'This number is out of range.', fa: 'این عدد خارج از محدوده مجاز است.', ar: 'هذا الرقم خارج النطاق المسموح.' },
  invalid_phone: { en: 'This is not a valid phone number.', fa: 'شماره تلفن معتبر نیست.', ar: 'رقم الهاتف غير صالح.' },
  invalid_email: { en: 'This is not a valid email address.', fa: 'نشانی ایمیل معتبر نیست.', ar: 'عنوان البريد الإلكتروني غير صالح.' },
  invalid_national_code: {
    en: 'This is not a valid Iranian national code.',
    fa: 'کد ملی معتبر نیست.',
    ar: 'الرقم الوطني الإيراني غير صالح.',
  },
  invalid_url: { en: 'This is not a valid web address.', fa: 'نشانی وب معتبر نیست.', ar: 'عنوان الموقع غير صالح.' },
  invalid_date: { en: 'This is not a valid date.', fa: 'تاریخ معتبر نیست.', ar: 'التاريخ غير صالح.' },
  unknown_value: { en: 'This value is not in the list.', fa: 'این مقدار در فهرست نیست.', ar: 'هذه القيمة ليست في القائمة.' },
  retired_value: {
    en: 'This value has been retired and can no longer be chosen.',
    fa: 'این مقدار بازنشسته شده و دیگر قابل انتخاب نیست.',
    ar: 'تم إيقاف هذه القيمة ولم يعد بالإمكان اختيارها.',
  },
  inactive_user: {
    en: 'This user is inactive and cannot be given leads.',
    fa: 'این کاربر غیرفعال است و نمی‌توان سرنخی به او سپرد.',
    ar: 'هذا المستخدم غير نشط ولا يمكن إسناد العملاء المحتملين إليه.',
  },
  unknown_field: { en: 'There is no such field.', fa: 'چنین فیلدی وجود ندارد.', ar: 'لا يوجد حقل بهذا الاسم.' },
  invalid_value: { en: 'This value is not valid.', fa: 'این مقدار معتبر نیست.', ar: 'هذه القيمة غير صالحة.' },
  unknown_placeholder: {
    en: 'This text uses a placeholder that names no field.',
    fa: 'این متن جای‌نگهداری دارد که به هیچ فیلدی اشاره نمی‌کند.',
    ar: 'يستخدم هذا النص عنصرًا نائبًا لا يشير إلى أي حقل.',
  },
};

export function fieldErrorMessage(code: FieldErrorCode, locale: Locale = 'en'): string {
  return messages[code][locale];
}

export function fieldError(field: string, code: FieldErrorCode, locale: Locale = 'en'): FieldError {
  return { field, code, message: fieldErrorMessage(code, locale) };
}

/** Failures of a lead operation, as values. The API maps each code to a transport error. */
export type LeadFailure =
  | { code: 'VALIDATION'; fields: FieldError[] }
  | { code: 'NOT_FOUND'; id: string }
  | { code: 'CONFLICT'; id: string; currentVersion: number }
  | { code: 'FORBIDDEN'; reason: string }
  /** The duplicate policy `reject` refused a lead: `id` is the existing lead, found by `field`. */
  | { code: 'DUPLICATE'; id: string; field: 'mobile' | 'phone' | 'email' }
  /** The lead was merged into `into`: it is read-only, and work belongs on the survivor. */
  | { code: 'MERGED'; id: string; into: string };
