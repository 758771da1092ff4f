import type { LocalizedText } from '../i18n/locales.js';
import type { PicklistKey, PicklistValue, Picklists } from './picklist.js';

type Seed = [key: string, en: string, fa: string, ar: string, extra?: Partial<PicklistValue>];

const build = (seeds: Seed[]): PicklistValue[] =>
  seeds.map(([key, en, fa, ar, extra], index) => ({
    key,
    label: { en, fa, ar } satisfies LocalizedText,
    position: (index + 1) * 10,
    color: null,
    won: false,
    lost: false,
    retired: false,
    ...extra,
  }));

/** The picklists a new installation starts with; admins edit them from then on. */
export const defaultPicklists: Picklists = {
  stage: build([
    ['open', 'Open', 'باز', 'مفتوح', { color: '#64748b' }],
    ['contacted', 'Contacted', 'تماس گرفته شده', 'تم التواصل', { color: '#0ea5e9' }],
    ['nurturing', 'Nurturing', 'در حال پرورش', 'قيد الرعاية', { color: '#a855f7' }],
    ['qualified', 'Qualified', 'واجد شرایط', 'مؤهل', { color: '#22c55e' }],
    ['negotiation', 'Negotiation', 'در حال مذاکره', 'قيد التفاوض', { color: '#f59e0b' }],
    ['customer', 'Customer', 'مشتری', 'عميل', { color: '#16a34a', won: true }],
    ['inactive', 'Inactive', 'غیرفعال', 'غير نشط', { color: '#94a3b8', lost: true }],
    ['disqualified', 'Disqualified', 'رد صلاحیت', 'غير مؤهل', { color: '#ef4444', lost: true }],
  ]),
  source: build([
    ['website', 'Website', 'وب‌سایت', 'الموقع الإلكتروني'],
    ['web_form', 'Web form', 'فرم وب', 'نموذج الويب'],
    ['phone_call', 'Phone call', 'تماس تلفنی', 'مكالمة هاتفية'],
    ['sms', 'SMS', 'پیامک', 'رسالة نصية'],
    ['instagram', 'Instagram', 'اینستاگرام', 'إنستغرام'],
    ['telegram', 'Telegram', 'تلگرام', 'تيليجرام'],
    ['whatsapp', 'WhatsApp', 'واتس‌اپ', 'واتساب'],
    ['exhibition', 'Exhibition', 'نمایشگاه', 'معرض'],
    ['referral', 'Referral', 'معرفی', 'إحالة'],
    ['campaign', 'Campaign', 'کمپین', 'حملة'],
    ['cold_call', 'Cold call', 'تماس سرد', 'اتصال بارد'],
    ['import', 'Import', 'درون‌ریزی', 'استيراد'],
    ['other', 'Other', 'سایر', 'أخرى'],
  ]),
  channel: build([
    ['phone', 'Phone', 'تلفن', 'هاتف'],
    ['sms', 'SMS', 'پیامک', 'رسالة نصية'],
    ['email', 'Email', 'ایمیل', 'بريد إلكتروني'],
    ['web', 'Web', 'وب', 'الويب'],
    ['instagram', 'Instagram', 'اینستاگرام', 'إنستغرام'],
    ['telegram', 'Telegram', 'تلگرام', 'تيليجرام'],
    ['whatsapp', 'WhatsApp', 'واتس‌اپ', 'واتساب'],
    ['in_person', 'In person', 'حضوری', 'حضوري'],
    ['other', 'Other', 'سایر', 'أخرى'],
  ]),
  priority: build([
    ['low', 'Low', 'کم', 'منخفضة', { color: '#94a3b8' }],
    ['normal', 'Normal', 'معمولی', 'عادية', { color: '#0ea5e9' }],
    ['high', 'High', 'زیاد', 'عالية', { color: '#f59e0b' }],
    ['urgent', 'Urgent', 'فوری', 'عاجلة', { color: '#ef4444' }],
  ]),
  industry: build([
    ['manufacturing', 'Manufacturing', 'تولیدی', 'التصنيع'],
    ['retail', 'Retail', 'خرده‌فروشی', 'التجزئة'],
    ['construction', 'Construction', 'ساختمان', 'البناء'],
    ['technology', 'Technology', 'فناوری', 'التقنية'],
    ['healthcare', 'Healthcare', 'سلامت', 'الرعاية الصحية'],
    ['education', 'Education', 'آموزش', 'التعليم'],
    ['finance', 'Finance', 'مالی', 'المالية'],
    ['food', 'Food', 'غذایی', 'الأغذية'],
    ['tourism', 'Tourism', 'گردشگری', 'السياحة'],
    ['logistics', 'Logistics', 'حمل‌ونقل', 'الخدمات اللوجستية'],
    ['energy', 'Energy', 'انرژی', 'الطاقة'],
    ['agriculture', 'Agriculture', 'کشاورزی', 'الزراعة'],
    ['services', 'Services', 'خدمات', 'الخدمات'],
    ['other', 'Other', 'سایر', 'أخرى'],
  ]),
  lastContactResult: build([
    ['answered', 'Answered', 'پاسخ داد', 'تم الرد'],
    ['no_answer', 'No answer', 'پاسخ نداد', 'لا رد'],
    ['busy', 'Busy', 'مشغول بود', 'مشغول'],
    ['wrong_number', 'Wrong number', 'شماره اشتباه', 'رقم خاطئ'],
    ['call_back', 'Call back later', 'بعداً تماس بگیرید', 'معاودة الاتصال لاحقًا'],
    ['interested', 'Interested', 'علاقه‌مند', 'مهتم'],
    ['not_interested', 'Not interested', 'علاقه‌مند نیست', 'غير مهتم'],
  ]),
};

/** The value a new lead gets when the input leaves the field empty. */
export const picklistDefaults: Partial<Record<PicklistKey, string>> = {
  stage: 'open',
  priority: 'normal',
};
