import type { LocalizedText } from '../i18n/locales.js';
import type { PicklistKey } from '../picklists/picklist.js';

/**
 * How a built-in field is normalized and validated. The same metadata drives storage, the API
 * schemas and (later) the admin app's inputs, so a field is described once.
 */
export type BuiltInFieldKind =
  | { type: 'text'; maxLength: number }
  | { type: 'longText'; maxLength: number }
  | { type: 'handle'; maxLength: number }
  | { type: 'phone' }
  | { type: 'email' }
  | { type: 'url' }
  | { type: 'nationalCode' }
  | { type: 'postalCode' }
  | { type: 'picklist'; list: PicklistKey }
  | { type: 'money' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'boolean' }
  | { type: 'dateTime' }
  | { type: 'userRef' };

export interface BuiltInField {
  kind: BuiltInFieldKind;
  label: LocalizedText;
  /** Part of the lead's search document (names, company, email, phones). */
  searchable?: true;
}

const text = (maxLength = 200): BuiltInFieldKind => ({ type: 'text', maxLength });
const L = (en: string, fa: string, ar: string): LocalizedText => ({ en, fa, ar });

/** The lead's editable built-in fields, in the order a form shows them by default. */
export const leadFields = {
  firstName: { kind: text(100), label: L('First name', 'نام', 'الاسم الأول'), searchable: true },
  lastName: { kind: text(100), label: L('Last name', 'نام خانوادگی', 'اسم العائلة'), searchable: true },
  mobile: { kind: { type: 'phone' }, label: L('Mobile', 'موبایل', 'الجوال'), searchable: true },
  phone: { kind: { type: 'phone' }, label: L('Phone', 'تلفن', 'الهاتف'), searchable: true },
  email: { kind: { type: 'email' }, label: L('Email', 'ایمیل', 'البريد الإلكتروني'), searchable: true },
  company: { kind: text(200), label: L('Company', 'شرکت', 'الشركة'), searchable: true },
  jobTitle: { kind: text(100), label: L('Job title', 'سمت', 'المسمى الوظيفي') },
  website: { kind: { type: 'url' }, label: L('Website', 'وب‌سایت', 'الموقع الإلكتروني') },
  nationalCode: { kind: { type: 'nationalCode' }, label: L('National code', 'کد ملی', 'الرقم الوطني') },
  telegramId: { kind: { type: 'handle', maxLength: 64 }, label: L('Telegram ID', 'شناسه تلگرام', 'معرّف تيليجرام') },
  whatsappId: { kind: { type: 'handle', maxLength: 64 }, label: L('WhatsApp ID', 'شناسه واتس‌اپ', 'معرّف واتساب') },
  instagramId: { kind: { type: 'handle', maxLength: 64 }, label: L('Instagram ID', 'شناسه اینستاگرام', 'معرّف إنستغرام') },
  fax: { kind: { type: 'phone' }, label: L('Fax', 'فکس', 'الفاكس') },
  source: { kind: { type: 'picklist', list: 'source' }, label: L('Source', 'منبع', 'المصدر') },
  channel: { kind: { type: 'picklist', list: 'channel' }, label: L('Channel', 'کانال', 'القناة') },
  channelIdentifier: { kind: text(200), label: L('Channel identifier', 'شناسه کانال', 'معرّف القناة') },
  stage: { kind: { type: 'picklist', list: 'stage' }, label: L('Stage', 'مرحله', 'المرحلة') },
  priority: { kind: { type: 'picklist', list: 'priority' }, label: L('Priority', 'اولویت', 'الأولوية') },
  industry: { kind: { type: 'picklist', list: 'industry' }, label: L('Industry', 'صنعت', 'القطاع') },
  annualRevenue: { kind: { type: 'money' }, label: L('Annual revenue', 'درآمد سالانه', 'الإيرادات السنوية') },
  employees: { kind: { type: 'integer', min: 0, max: 10_000_000 }, label: L('Employees', 'تعداد کارکنان', 'عدد الموظفين') },
  emailOptOut: { kind: { type: 'boolean' }, label: L('Email opt-out', 'عدم دریافت ایمیل', 'إلغاء الاشتراك في البريد') },
  street: { kind: text(300), label: L('Street', 'خیابان', 'الشارع') },
  poBox: { kind: text(50), label: L('PO box', 'صندوق پستی', 'صندوق البريد') },
  postalCode: { kind: { type: 'postalCode' }, label: L('Postal code', 'کد پستی', 'الرمز البريدي') },
  city: { kind: text(100), label: L('City', 'شهر', 'المدينة') },
  province: { kind: text(100), label: L('Province', 'استان', 'المحافظة') },
  country: { kind: text(100), label: L('Country', 'کشور', 'الدولة') },
  description: { kind: { type: 'longText', maxLength: 10_000 }, label: L('Description', 'توضیحات', 'الوصف') },
  ownerId: { kind: { type: 'userRef' }, label: L('Owner', 'مسئول', 'المسؤول') },
  lastContactAt: { kind: { type: 'dateTime' }, label: L('Last contact', 'آخرین تماس', 'آخر تواصل') },
  lastContactResult: {
    kind: { type: 'picklist', list: 'lastContactResult' },
    label: L('Last contact result', 'نتیجه آخرین تماس', 'نتيجة آخر تواصل'),
  },
} as const satisfies Record<string, BuiltInField>;

export type LeadFieldName = keyof typeof leadFields;
export const leadFieldNames = Object.keys(leadFields) as LeadFieldName[];
