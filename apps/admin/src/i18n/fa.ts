import type { Messages } from './en.js';

export const fa: Messages = {
  app: { name: 'سرنخ', skipToContent: 'رفتن به محتوا', loading: 'در حال بارگذاری…', retry: 'دوباره', notFound: 'این صفحه وجود ندارد.', forbidden: 'به این صفحه دسترسی ندارید.', home: 'رفتن به سرنخ‌ها' },
  nav: { tasks: 'کارهای من', dashboard: 'پیشخوان', leads: 'سرنخ‌ها', kanban: 'تابلوی مراحل', admin: 'تنظیمات', users: 'کاربران و نقش‌ها', apiKeys: 'کلیدهای API و فرم‌های وب', plugins: 'افزونه‌ها', scoring: 'قواعد امتیازدهی', assignment: 'قواعد واگذاری', menu: 'منو' },
  user: { menu: 'حساب کاربری', language: 'زبان', calendar: 'تقویم', signOut: 'خروج', role: { admin: 'مدیر سیستم', manager: 'مدیر فروش', agent: 'کارشناس فروش' } },
  calendar: { auto: 'مطابق تنظیم سازمان', jalali: 'هجری شمسی (جلالی)', gregorian: 'میلادی' },
  signIn: { title: 'ورود به سرنخ', email: 'ایمیل', password: 'گذرواژه', submit: 'ورود', failed: 'ایمیل یا گذرواژه نادرست است.', tooMany: 'تلاش‌ها زیاد بود؛ یک دقیقه صبر کنید و دوباره امتحان کنید.' },
  common: { save: 'ذخیره', cancel: 'انصراف', create: 'ایجاد', edit: 'ویرایش', delete: 'حذف', close: 'بستن', apply: 'اعمال', clear: 'پاک کردن', yes: 'بله', no: 'خیر', none: '—', search: 'جستجو', saved: 'ذخیره شد.', actions: 'عملیات', loadMore: 'موارد بیشتر', noData: 'هنوز چیزی نیست.', unassigned: 'بدون مسئول', all: 'همه', copy: 'رونوشت', copied: 'رونوشت برداشته شد.', enabled: 'فعال', version: 'نسخه', back: 'بازگشت', error: 'مشکلی پیش آمد.', conflict: 'کس دیگری این را تغییر داده است؛ دوباره بارگذاری کنید و باز امتحان کنید.', dateHint: 'سال/ماه/روز' },
  lead: {
    fields: {
      firstName: 'نام', lastName: 'نام خانوادگی', mobile: 'موبایل', phone: 'تلفن', email: 'ایمیل', company: 'شرکت', jobTitle: 'سمت', website: 'وب‌سایت', nationalCode: 'کد ملی', telegramId: 'تلگرام', whatsappId: 'واتس‌اپ', instagramId: 'اینستاگرام', fax: 'فکس', source: 'منبع', channel: 'کانال', channelIdentifier: 'شناسه کانال', stage: 'مرحله', priority: 'اولویت', industry: 'صنعت', annualRevenue: 'درآمد سالانه', employees: 'تعداد کارکنان', emailOptOut: 'بدون ایمیل تبلیغاتی', street: 'خیابان', poBox: 'صندوق پستی', postalCode: 'کد پستی', city: 'شهر', province: 'استان', country: 'کشور', description: 'توضیحات', ownerId: 'مسئول', score: 'امتیاز', qualification: 'کیفیت', lastContactAt: 'آخرین تماس', lastContactResult: 'نتیجه آخرین تماس', nextTaskAt: 'پیگیری بعدی', createdAt: 'ایجاد', updatedAt: 'به‌روزرسانی', name: 'نام',
    },
    sections: { person: 'شخص', contact: 'راه‌های ارتباط', company: 'شرکت', pipeline: 'فروش', address: 'نشانی', notes: 'یادداشت' },
    qualification: { cold: 'سرد', mql: 'واجد شرایط بازاریابی', sql: 'واجد شرایط فروش' },
    currency: { IRR: 'ریال', IRT: 'تومان' },
  },
  leads: {
    title: 'سرنخ‌ها', new: 'سرنخ جدید', searchLabel: 'جستجوی نام، شرکت یا تلفن', searchHint: 'دست‌کم ۳ نویسه برای یافتن درون واژه‌ها', filters: 'پالایه‌ها', columns: 'ستون‌ها', createdFrom: 'ایجاد از', createdTo: 'ایجاد تا', lastContactFrom: 'آخرین تماس از', lastContactTo: 'آخرین تماس تا', archived: 'سرنخ‌های بایگانی‌شده', selected: '{n} انتخاب شده', assignTo: 'واگذاری به', assign: 'واگذاری', archive: 'بایگانی', unarchive: 'بازگردانی', changeStage: 'تغییر مرحله', savedFilters: 'پالایه‌های ذخیره‌شده', saveFilter: 'ذخیره این پالایه', filterName: 'نام پالایه', myNewToday: 'سرنخ‌های جدید امروز من', deleteFilter: 'حذف پالایه ذخیره‌شده', count: '{n} مورد', bulkDone: '{n} سرنخ به‌روز شد.', empty: 'سرنخی پیدا نشد.',
  },
  form: { createTitle: 'سرنخ جدید', editTitle: 'ویرایش سرنخ', duplicate: 'سرنخی با همین {field} از پیش هست.', openDuplicate: 'باز کردن آن', fixErrors: 'فیلدهای نشان‌داده‌شده را درست کنید.', created: 'سرنخ ایجاد شد.', updated: 'سرنخ ذخیره شد.' },
  detail: { profile: 'مشخصات', timeline: 'تاریخچه', score: 'امتیاز', explainScore: 'چرا این امتیاز', total: 'جمع', stale: 'امتیاز ذخیره‌شده متفاوت است و دوباره محاسبه می‌شود.', call: 'تماس', sms: 'پیامک', whatsapp: 'واتس‌اپ', archived: 'بایگانی‌شده', converted: 'تبدیل‌شده', stageChanged: 'مرحله تغییر کرد.', archivedDone: 'سرنخ بایگانی شد.', restored: 'سرنخ بازگردانی شد.', panels: 'بیشتر' },
  activity: { task_reopened: 'کار بازگشایی شد', sla_breached: 'مهلت پاسخ گذشت', converted: 'تبدیل شد', merged: 'ادغام شد', unmerged: 'ادغام لغو شد', note: 'یادداشت', call: 'تماس', task_created: 'کار زمان‌بندی شد', task_completed: 'کار انجام شد', created: 'سرنخ را ایجاد کرد', updated: 'فیلدها را تغییر داد', assigned: 'واگذار شد', stage_changed: 'تغییر مرحله', archived: 'بایگانی شد', unarchived: 'بازگردانی شد', duplicate_submitted: 'دوباره ثبت شد', sms_received: 'پیامک دریافتی', sms_sent: 'پیامک ارسالی', other: 'رویداد', system: 'سیستم', by: 'توسط {name}' },
  tasks: { title: 'کارهای من', today: 'امروز', upcoming: 'پیش رو', overdue: 'عقب‌افتاده', done: 'انجام‌شده', complete: 'انجام شد', reopen: 'بازگشایی', due: 'موعد', empty: 'کاری اینجا نیست.', urgent: 'فوری' },
  notifications: { title: 'اعلان‌ها', markAll: 'همه خوانده شد', empty: 'اعلانی نیست.', 'task.reminder': 'یادآوری: {title}', 'lead.slaBreached': 'سرنخی بیش از حد منتظر نخستین پاسخ ماند', 'task.assigned': 'کار تازه برای شما: {title}', other: 'اعلان' },
  followUp: { title: 'پیگیری', note: 'یادداشت', addNote: 'افزودن یادداشت', logCall: 'ثبت تماس', result: 'نتیجه تماس', schedule: 'زمان‌بندی پیگیری', taskTitle: 'چه باید کرد', dueDate: 'تاریخ موعد', dueTime: 'ساعت', saved: 'در تاریخچه ثبت شد.', tasks: 'کارها' },
  convert: { action: 'تبدیل', title: 'تبدیل سرنخ', organization: 'ایجاد سازمان', contact: 'ایجاد مخاطب', opportunity: 'ایجاد فرصت فروش', name: 'نام فرصت', amount: 'مبلغ', currency: 'واحد پول', expectedClose: 'تاریخ پیش‌بینی بستن', stage: 'مرحله فرصت', assignTo: 'واگذاری رکوردهای تازه به', done: 'سرنخ تبدیل شد.', pickOne: 'دست‌کم یک رکورد برای ایجاد برگزینید.' },
  kanban: { title: 'تابلوی مراحل', moveTo: 'انتقال به', moved: 'به «{stage}» منتقل شد.', dragHint: 'کارت را به ستون دیگری بکشید یا از منوی آن استفاده کنید.' },
  dashboard: { title: 'پیشخوان', noWidgets: 'ابزارکی نیست: افزونه‌ای را که ابزارک دارد فعال کنید.' },
  admin: {
    users: { title: 'کاربران و نقش‌ها', add: 'افزودن کاربر', name: 'نام', email: 'ایمیل', role: 'نقش', active: 'فعال', password: 'گذرواژه', newPassword: 'گذرواژه تازه (اختیاری)', created: 'کاربر افزوده شد.' },
    apiKeys: { title: 'کلیدهای API و فرم‌های وب', add: 'کلید تازه', name: 'نام', kind: 'نوع', kinds: { form: 'فرم وب', server: 'سرور' }, origins: 'سایت‌های مجاز (هر خط یکی)', originsHint: 'مانند https://example.com', created: 'ایجاد', expires: 'انقضا', active: 'فعال', revoke: 'باطل کردن', revoked: 'کلید باطل شد.', keyOnce: 'کلید را همین حالا رونوشت کنید: دوباره نشان داده نمی‌شود.', snippet: 'این فرم را در سایت خود بگذارید', rateLimit: 'درخواست در دقیقه', defaults: 'مقادیر پیش‌فرض سرنخ‌های دریافتی' },
    plugins: { title: 'افزونه‌ها', settings: 'تنظیمات', pages: 'صفحه‌ها', noSettings: 'این افزونه تنظیماتی ندارد.', dependsOn: 'نیازمند', json: 'تنظیمات (JSON)', invalidJson: 'این JSON معتبر نیست.' },
    scoring: { title: 'قواعد امتیازدهی', help: 'قواعد تناسب برای مقدار فیلدها امتیاز می‌دهند، قواعد رفتار برای فعالیت‌ها با کاهش روزانه؛ آستانه‌ها سرد، MQL و SQL را تعیین می‌کنند.', recompute: 'امتیازدهی دوباره همه سرنخ‌ها', queued: 'امتیازدهی دوباره در پس‌زمینه آغاز شد.' },
    assignment: { title: 'قواعد واگذاری', help: 'قواعد به ترتیب بررسی می‌شوند؛ نخستین قاعده منطبق، گروه و راهبرد را برمی‌گزیند. سرنخ‌هایی که با هیچ قاعده‌ای نمی‌خوانند به گروه پشتیبان می‌روند.', strategies: 'راهبردهای فعال', users: 'شناسه کاربران', rules: 'قواعد (JSON)' },
    jsonError: 'خط {line}: این JSON معتبر نیست.',
  },
};
