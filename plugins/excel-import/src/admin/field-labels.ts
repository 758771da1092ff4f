import type { LocalizedText } from '@sarnakh/core';

/**
 * The built-in lead fields' names, as core's `leadFields` gives them. Copied rather than imported:
 * core's entry module brings its schemas and phone metadata (~250 KB) into the web app's wizard
 * chunk. `admin.test.ts` holds this copy to core's.
 */
export const builtInFieldLabels: Readonly<Record<string, LocalizedText>> = {
  firstName: { en: 'First name', fa: 'نام', ar: 'الاسم الأول' },
  lastName: { en: 'Last name', fa: 'نام خانوادگی', ar: 'اسم العائلة' },
  mobile: { en: 'Mobile', fa: 'موبایل', ar: 'الجوال' },
  phone: { en: 'Phone', fa: 'تلفن', ar: 'الهاتف' },
  email: { en: 'Email', fa: 'ایمیل', ar: 'البريد الإلكتروني' },
  company: { en: 'Company', fa: 'شرکت', ar: 'الشركة' },
  jobTitle: { en: 'Job title', fa: 'سمت', ar: 'المسمى الوظيفي' },
  website: { en: 'Website', fa: 'وب‌سایت', ar: 'الموقع الإلكتروني' },
  nationalCode: { en: 'National code', fa: 'کد ملی', ar: 'الرقم الوطني' },
  telegramId: { en: 'Telegram ID', fa: 'شناسه تلگرام', ar: 'معرّف تيليجرام' },
  whatsappId: { en: 'WhatsApp ID', fa: 'شناسه واتس‌اپ', ar: 'معرّف واتساب' },
  instagramId: { en: 'Instagram ID', fa: 'شناسه اینستاگرام', ar: 'معرّف إنستغرام' },
  fax: { en: 'Fax', fa: 'فکس', ar: 'الفاكس' },
  source: { en: 'Source', fa: 'منبع', ar: 'المصدر' },
  channel: { en: 'Channel', fa: 'کانال', ar: 'القناة' },
  channelIdentifier: { en: 'Channel identifier', fa: 'شناسه کانال', ar: 'معرّف القناة' },
  stage: { en: 'Stage', fa: 'مرحله', ar: 'المرحلة' },
  priority: { en: 'Priority', fa: 'اولویت', ar: 'الأولوية' },
  industry: { en: 'Industry', fa: 'صنعت', ar: 'القطاع' },
  annualRevenue: { en: 'Annual revenue', fa: 'درآمد سالانه', ar: 'الإيرادات السنوية' },
  employees: { en: 'Employees', fa: 'تعداد کارکنان', ar: 'عدد الموظفين' },
  emailOptOut: { en: 'Email opt-out', fa: 'عدم دریافت ایمیل', ar: 'إلغاء الاشتراك في البريد' },
  street: { en: 'Street', fa: 'خیابان', ar: 'الشارع' },
  poBox: { en: 'PO box', fa: 'صندوق پستی', ar: 'صندوق البريد' },
  postalCode: { en: 'Postal code', fa: 'کد پستی', ar: 'الرمز البريدي' },
  city: { en: 'City', fa: 'شهر', ar: 'المدينة' },
  province: { en: 'Province', fa: 'استان', ar: 'المحافظة' },
  country: { en: 'Country', fa: 'کشور', ar: 'الدولة' },
  description: { en: 'Description', fa: 'توضیحات', ar: 'الوصف' },
  ownerId: { en: 'Owner', fa: 'مسئول', ar: 'المسؤول' },
  lastContactAt: { en: 'Last contact', fa: 'آخرین تماس', ar: 'آخر تواصل' },
  lastContactResult: { en: 'Last contact result', fa: 'نتیجه آخرین تماس', ar: 'نتيجة آخر تواصل' },
};
