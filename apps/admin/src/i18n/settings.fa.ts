import type { SettingsMessages } from './settings.en.js';

/** Persian strings of the settings, duplicates and records screens. */
export const settingsFa: SettingsMessages = {
  nav: { fields: 'فیلدهای سفارشی', picklists: 'فهرست‌های انتخابی', duplicates: 'تکراری‌ها', conversion: 'نگاشت تبدیل' },
  locales: { fa: 'فارسی', ar: 'عربی', en: 'انگلیسی' },
  fields: {
    title: 'فیلدهای سفارشی', add: 'فیلد تازه', edit: 'ویرایش فیلد', showArchived: 'نمایش فیلدهای بایگانی‌شده', key: 'کلید', keyHint: 'یک حرف کوچک لاتین، سپس حرف، رقم یا _', type: 'نوع', label: 'برچسب ({locale})', required: 'الزامی', default: 'مقدار پیش‌فرض', indexed: 'نمایه‌شده (فیلتر و مرتب‌سازی سریع)', validation: 'اعتبارسنجی (JSON)', validationHint: 'تنظیماتی مانند min، max، minLength، maxLength، pattern', invalidJson: 'این JSON معتبر نیست.',
    options: 'گزینه‌ها', addOption: 'افزودن گزینه', removeOption: 'حذف گزینه', optionKey: 'کلید گزینه', archive: 'بایگانی', restore: 'بازگردانی', archived: 'بایگانی‌شده', archivedDone: 'فیلد بایگانی شد.', restoredDone: 'فیلد بازگردانده شد.', savedDone: 'فیلد ذخیره شد.', empty: 'هنوز فیلد سفارشی‌ای نیست.',
  },
  picklists: {
    title: 'فهرست‌های انتخابی', list: 'فهرست', lists: { stage: 'مراحل', source: 'منابع', channel: 'کانال‌ها', priority: 'اولویت‌ها', industry: 'صنایع', lastContactResult: 'نتایج آخرین تماس' },
    add: 'افزودن مقدار', key: 'کلید', label: 'برچسب ({locale})', color: 'رنگ', won: 'موفق', lost: 'ناموفق', retire: 'کنار گذاشتن', restore: 'بازگردانی', retired: 'کنارگذاشته', moveUp: 'بالا بردن', moveDown: 'پایین بردن', savedDone: 'ذخیره شد.', showRetired: 'نمایش مقادیر کنارگذاشته',
  },
  conversion: { title: 'نگاشت تبدیل', help: 'هنگام تبدیل سرنخ، هر ردیف یک فیلد سرنخ را در فیلدی از سازمان، مخاطب یا فرصت فروش تازه کپی می‌کند.', from: 'فیلد سرنخ', target: 'رکورد', to: 'فیلد رکورد', add: 'افزودن ردیف' },
  merge: {
    title: 'تکراری‌ها', by: 'گروه‌بندی بر اساس', byPhone: 'شماره تلفن', byEmail: 'ایمیل', group: '{n} سرنخ', merge: 'ادغام', dialogTitle: 'ادغام سرنخ‌ها', survivor: 'این سرنخ بماند', field: 'فیلد', keepValue: 'مقداری که می‌ماند', done: 'سرنخ‌ها ادغام شدند.', empty: 'تکراری‌ای پیدا نشد.',
    history: 'تاریخچه ادغام', mergedInto: '{n} سرنخ در این سرنخ ادغام شد', mergedAway: 'در سرنخ دیگری ادغام شد', undo: 'لغو ادغام', undone: 'لغو شده', undoneDone: 'ادغام لغو شد.', findDuplicates: 'یافتن تکراری‌ها', noDuplicates: 'سرنخ مشابهی نیست.', matchedOn: 'هم‌خوان در {field}',
  },
};
