import { isValidEmail, leadFields, normalizeEmail, normalizeNationalCode, normalizePhone, searchKey, type LeadFieldName } from '@sarnakh/core';
import type { ColumnMapping } from './mapping.js';

/** Built-in fields a column can fill; the owner is chosen in the defaults, not by a user id in a cell. */
export const mappableFields = (Object.keys(leadFields) as LeadFieldName[]).filter((f) => f !== 'ownerId');

/**
 * Header spellings people use, beyond each field's own labels (which are matched in fa, ar and
 * en too). Compared after `searchKey` (Arabic and Persian letter variants and digits folded,
 * lower case) with spaces, ZWNJ, dots, dashes and underscores removed.
 */
const synonyms: Partial<Record<LeadFieldName, string[]>> = {
  firstName: ['first name', 'firstname', 'given name', 'name', 'نام', 'اسم', 'الاسم', 'الاسم الاول', 'الإسم'],
  lastName: ['last name', 'surname', 'family name', 'family', 'نام خانوادگی', 'فامیلی', 'نام فامیل', 'اسم العائلة', 'اللقب', 'الكنية'],
  mobile: ['mobile', 'mobile number', 'cell', 'cellphone', 'cell phone', 'موبایل', 'شماره موبایل', 'تلفن همراه', 'شماره همراه', 'همراه', 'الجوال', 'رقم الجوال', 'الموبايل', 'الهاتف المحمول', 'المحمول', 'جوال'],
  phone: ['phone', 'telephone', 'tel', 'landline', 'work phone', 'تلفن', 'شماره تلفن', 'تلفن ثابت', 'الهاتف', 'هاتف', 'رقم الهاتف', 'الهاتف الثابت'],
  email: ['email', 'e-mail', 'mail', 'email address', 'ایمیل', 'پست الکترونیک', 'رایانامه', 'البريد الإلكتروني', 'البريد', 'الايميل', 'بريد إلكتروني'],
  company: ['company', 'organization', 'organisation', 'account', 'company name', 'شرکت', 'نام شرکت', 'سازمان', 'الشركة', 'اسم الشركة', 'المؤسسة', 'شركة'],
  jobTitle: ['job title', 'title', 'position', 'role', 'سمت', 'عنوان شغلی', 'شغل', 'المسمى الوظيفي', 'الوظيفة', 'المنصب'],
  website: ['website', 'web', 'url', 'site', 'وب سایت', 'وبسایت', 'سایت', 'الموقع', 'الموقع الإلكتروني'],
  nationalCode: ['national code', 'national id', 'کد ملی', 'شماره ملی', 'الرقم الوطني', 'الرقم القومي', 'رقم الهوية'],
  postalCode: ['postal code', 'zip', 'zip code', 'postcode', 'کد پستی', 'الرمز البريدي'],
  city: ['city', 'town', 'شهر', 'المدينة', 'مدينة'],
  province: ['province', 'state', 'region', 'استان', 'المحافظة', 'المنطقة'],
  country: ['country', 'کشور', 'الدولة', 'البلد'],
  street: ['street', 'address', 'نشانی', 'آدرس', 'خیابان', 'العنوان', 'الشارع'],
  description: ['description', 'notes', 'note', 'comments', 'توضیحات', 'یادداشت', 'الوصف', 'ملاحظات'],
  source: ['source', 'lead source', 'منبع', 'منبع سرنخ', 'المصدر'],
  industry: ['industry', 'sector', 'صنعت', 'حوزه فعالیت', 'القطاع', 'الصناعة'],
  annualRevenue: ['annual revenue', 'revenue', 'درآمد', 'درآمد سالانه', 'الإيرادات', 'الإيرادات السنوية'],
  employees: ['employees', 'staff', 'headcount', 'تعداد کارکنان', 'تعداد پرسنل', 'عدد الموظفين'],
  telegramId: ['telegram', 'تلگرام', 'تيليجرام', 'تلغرام'],
  whatsappId: ['whatsapp', 'واتساپ', 'واتس اپ', 'واتساب'],
  instagramId: ['instagram', 'اینستاگرام', 'إنستغرام', 'انستقرام'],
  fax: ['fax', 'فکس', 'نمابر', 'الفاكس'],
};

/** A header as compared: folded like search keys, without separators. */
export const headerKey = (header: string): string => searchKey(header).replace(/[\s._\-:/\\()]+/g, '');

const byHeader = new Map<string, LeadFieldName>();
for (const field of mappableFields) {
  const { en, fa, ar } = leadFields[field].label;
  for (const spelling of [field, en, fa, ar, ...(synonyms[field] ?? [])]) {
    const key = headerKey(spelling);
    if (!byHeader.has(key)) byHeader.set(key, field);
  }
}
// A bare «نام» / "name" is a first name only when a last-name column exists; see `suggestMapping`.

/** What a column's values look like, when most non-empty samples agree. */
function fieldFromValues(values: readonly string[]): LeadFieldName | null {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return null;
  const share = (test: (v: string) => boolean) => filled.filter(test).length / filled.length;
  const mobile = (v: string) => {
    const phone = normalizePhone(v);
    return phone.ok && /^\+989\d{9}$/.test(phone.e164);
  };
  if (share(mobile) >= 0.8) return 'mobile';
  if (share((v) => isValidEmail(normalizeEmail(v))) >= 0.8) return 'email';
  if (share((v) => /^[\d۰-۹٠-٩-]{10,12}$/.test(v.trim()) && normalizeNationalCode(v).ok) >= 0.8) return 'nationalCode';
  return null;
}

/**
 * Suggest a field for each column: by its header (any of fa, ar, en, letter variants folded), else
 * by its sample values (a column of 09… numbers is a mobile). A field is suggested once, for the
 * first column that claims it; columns nobody recognizes are left out.
 */
export function suggestMapping(headers: readonly string[], sampleRows: readonly (readonly string[])[]): ColumnMapping[] {
  const taken = new Set<string>();
  const out: ColumnMapping[] = [];
  const keys = headers.map(headerKey);
  const hasLastName = keys.some((k) => byHeader.get(k) === 'lastName');
  headers.forEach((_header, column) => {
    let field: LeadFieldName | null = byHeader.get(keys[column]!) ?? null;
    // «نام»/"Name" alone, with no last-name column, is the whole name: keep it as the last name,
    // which is what a lead needs at least.
    if (field === 'firstName' && !hasLastName && ['name', 'نام', 'اسم', 'الاسم'].map(headerKey).includes(keys[column]!)) field = 'lastName';
    field ??= fieldFromValues(sampleRows.map((r) => r[column] ?? ''));
    if (field && !taken.has(field)) {
      taken.add(field);
      out.push({ column, field });
    }
  });
  return out;
}
