import type { RecordsMessages } from './records.en.js';

/** Persian strings of the records, message template and SLA screens. */
export const recordsFa: RecordsMessages = {
  nav: { organizations: 'سازمان‌ها', contacts: 'مخاطبان', opportunities: 'فرصت‌های فروش', templates: 'قالب‌های پیام', sla: 'توافق زمان پاسخ' },
  kinds: { organization: 'سازمان', contact: 'مخاطب', opportunity: 'فرصت فروش' },
  create: { organization: 'سازمان تازه', contact: 'مخاطب تازه', opportunity: 'فرصت فروش تازه' },
  editTitle: { organization: 'ویرایش سازمان', contact: 'ویرایش مخاطب', opportunity: 'ویرایش فرصت فروش' },
  empty: { organization: 'هنوز سازمانی نیست.', contact: 'هنوز مخاطبی نیست.', opportunity: 'هنوز فرصت فروشی نیست.' },
  searchLabel: { organization: 'جستجوی نام', contact: 'جستجوی نام، موبایل یا ایمیل', opportunity: 'جستجوی نام' },
  fields: {
    name: 'نام', phone: 'تلفن', website: 'وب‌سایت', industry: 'صنعت', city: 'شهر', ownerId: 'مسئول',
    firstName: 'نام', lastName: 'نام خانوادگی', mobile: 'موبایل', email: 'ایمیل', jobTitle: 'سمت', organizationId: 'سازمان',
    amount: 'مبلغ', currency: 'واحد پول', expectedCloseDate: 'تاریخ پیش‌بینی بستن', salesStage: 'مرحله فروش', contactId: 'مخاطب',
    leadId: 'تبدیل‌شده از', createdAt: 'ایجاد', updatedAt: 'به‌روزرسانی',
  },
  salesStages: { prospecting: 'شناسایی', qualification: 'ارزیابی', proposal: 'پیشنهاد', negotiation: 'مذاکره', closed_won: 'موفق', closed_lost: 'ناموفق' },
  pickRecord: 'برای جستجو بنویسید',
  detail: {
    details: 'جزئیات', links: 'پیوندها', lead: 'سرنخی که از آن آمده', openLead: 'باز کردن سرنخ', noLead: 'مستقیم ایجاد شده، نه با تبدیل سرنخ.',
    sameLead: 'رکوردهای تبدیل‌شده از همان سرنخ', contacts: 'مخاطبان', opportunities: 'فرصت‌های فروش', noneLinked: 'هیچ.', history: 'تاریخچه', noHistory: 'فعالیتی به این رکورد پیوند نخورده است.',
    notFound: 'این رکورد وجود ندارد یا شما به آن دسترسی ندارید.', created: 'ایجاد شد.', saved: 'ذخیره شد.',
  },
  templates: {
    title: 'قالب‌های پیام', add: 'قالب تازه', edit: 'ویرایش قالب', name: 'نام', channel: 'کانال',
    channels: { sms: 'پیامک', whatsapp: 'واتس‌اپ', email: 'ایمیل' },
    body: 'متن ({locale})', subject: 'موضوع ({locale})', bodyHint: 'متن را دست‌کم به یک زبان بنویسید.',
    insert: 'درج جای‌نگهدار', insertInto: 'درج در: {field}', customFields: 'فیلدهای سفارشی', ownerName: 'نام مسئول',
    preview: 'پیش‌نمایش', previewTitle: 'پیش‌نمایش: {name}', previewLead: 'سرنخ برای پیش‌نمایش', previewLocale: 'زبان', previewPick: 'یک سرنخ انتخاب کنید تا پیام پرشده را ببینید.',
    renderedIn: 'ساخته‌شده به {locale}', missing: 'بدون مقدار: {names}',
    archive: 'بایگانی', archived: 'بایگانی‌شده', archivedDone: 'قالب بایگانی شد.', showArchived: 'نمایش قالب‌های بایگانی‌شده', savedDone: 'قالب ذخیره شد.', empty: 'برای این کانال قالبی نیست.',
  },
  message: {
    action: 'پیام از قالب', template: 'قالب', copy: 'کپی متن', sms: 'ارسال پیامک', whatsapp: 'باز کردن واتس‌اپ', email: 'نوشتن ایمیل',
    noTemplates: 'هنوز قالب پیامی نیست.', noMobile: 'این سرنخ شماره موبایل ندارد.', noEmail: 'این سرنخ نشانی ایمیل ندارد.',
  },
  sla: {
    title: 'توافق زمان پاسخ', help: 'یک سرنخ تازه تا چه مدت می‌تواند منتظر نخستین پاسخ بماند، به ساعت کاری. نخستین هدفی که با منبع و اولویت سرنخ بخواند اعمال می‌شود؛ وگرنه هدف پیش‌فرض.',
    enabled: 'برای سرنخ‌های تازه مهلت پاسخ تعیین شود', defaultMinutes: 'هدف پیش‌فرض (دقیقه)', minutes: 'دقیقه',
    targets: 'هدف‌ها بر اساس منبع و اولویت', addTarget: 'افزودن هدف', removeTarget: 'حذف هدف', targetName: 'نام سیاست', source: 'منبع', priority: 'اولویت', noTargets: 'هدفی نیست: همه سرنخ‌ها هدف پیش‌فرض را می‌گیرند.',
    hours: 'ساعات کاری', from: 'از', to: 'تا', timeHint: 'ساعت:دقیقه', addWindow: 'افزودن بازه', removeWindow: 'حذف بازه', closed: 'تعطیل',
    days: { sat: 'شنبه', sun: 'یکشنبه', mon: 'دوشنبه', tue: 'سه‌شنبه', wed: 'چهارشنبه', thu: 'پنجشنبه', fri: 'جمعه' },
    holidays: 'تعطیلات', holiday: 'روز تعطیل', addHoliday: 'افزودن تعطیلی', removeHoliday: 'حذف تعطیلی', noHolidays: 'تعطیلی‌ای ثبت نشده است.',
    timeZone: 'منطقه زمانی', savedDone: 'تنظیمات ذخیره شد.', readOnly: 'فقط مدیران سامانه می‌توانند این تنظیمات را تغییر دهند.',
  },
};
