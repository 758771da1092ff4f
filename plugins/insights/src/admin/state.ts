import { formatNumber, onPageLocaleChange, pageLocale } from '@sarnakh/plugin-sdk/admin';
import { reactive, ref } from 'vue';

/** The web app's language, as the insights screens label things in it. */
export type PageLocale = ReturnType<typeof pageLocale>;

/** The page's language, kept current when the web app switches it (read it in render functions). */
export const locale = ref<PageLocale>(pageLocale());
onPageLocaleChange((next) => (locale.value = next));

export type Period = 'day' | 'week' | 'month' | 'quarter';

/**
 * The dashboard's filter, shared by every insights widget on the page: the dashboard's controls
 * change it and each widget reloads. Empty values mean "all"; no dates mean the last 30 days.
 */
export const dashboardFilter = reactive({
  from: '',
  to: '',
  period: 'week' as Period,
  ownerId: '',
  source: '',
  channel: '',
  stage: '',
});

/** The filter as the procedures take it (the period only for the new-leads chart). */
export function filterInput(withPeriod = false): Record<string, unknown> {
  const f = dashboardFilter;
  const input: Record<string, unknown> = {};
  if (f.from) input.from = f.from;
  if (f.to) input.to = f.to;
  if (f.ownerId) input.ownerId = f.ownerId;
  if (f.source) input.source = f.source;
  if (f.channel) input.channel = f.channel;
  if (f.stage) input.stage = f.stage;
  if (withPeriod) input.period = f.period;
  return input;
}

const words = {
  en: {
    from: 'From', to: 'To', period: 'Period', day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter',
    owner: 'Owner', source: 'Source', channel: 'Channel', stage: 'Stage', all: 'All', download: 'Download .xlsx',
    leads: 'Leads', converted: 'Converted', reached: 'Reached', conversion: 'Conversion rate', won: 'Won',
    cycle: 'Sales cycle (days)', hoursInStage: 'Hours in stage (mean)', median: 'Median (min)', p90: '90th percentile (min)', withinSla: 'Within SLA',
    name: 'Name', assigned: 'Assigned', contacted: 'Contacted', overdue: 'Overdue tasks', rebuilding: 'Recounting: numbers may lag.',
    mql: 'MQL', sql: 'SQL', empty: 'No leads in this range.',
    filters: 'Filters', badDate: 'Type a day as yyyy/mm/dd', reset: 'Clear filters', reload: 'Reload',
  },
  fa: {
    from: 'از', to: 'تا', period: 'دوره', day: 'روز', week: 'هفته', month: 'ماه', quarter: 'فصل',
    owner: 'مسئول', source: 'منبع', channel: 'کانال', stage: 'مرحله', all: 'همه', download: 'دریافت .xlsx',
    leads: 'سرنخ‌ها', converted: 'تبدیل‌شده', reached: 'رسیده', conversion: 'نرخ تبدیل', won: 'برنده',
    cycle: 'چرخه فروش (روز)', hoursInStage: 'میانگین ساعت در مرحله', median: 'میانه (دقیقه)', p90: 'صدک ۹۰ (دقیقه)', withinSla: 'در مهلت',
    name: 'نام', assigned: 'سپرده‌شده', contacted: 'تماس‌گرفته', overdue: 'کارهای عقب‌افتاده', rebuilding: 'در حال بازشماری: اعداد ممکن است عقب باشند.',
    mql: 'MQL', sql: 'SQL', empty: 'در این بازه سرنخی نیست.',
    filters: 'فیلترها', badDate: 'روز را به شکل سال/ماه/روز بنویسید، مثل ۱۴۰۴/۰۱/۱۵', reset: 'پاک کردن فیلترها', reload: 'بارگذاری دوباره',
  },
  ar: {
    from: 'من', to: 'إلى', period: 'الفترة', day: 'يوم', week: 'أسبوع', month: 'شهر', quarter: 'ربع',
    owner: 'المسؤول', source: 'المصدر', channel: 'القناة', stage: 'المرحلة', all: 'الكل', download: 'تنزيل .xlsx',
    leads: 'العملاء المحتملون', converted: 'المحوَّلون', reached: 'وصلوا', conversion: 'معدل التحويل', won: 'الفائزون',
    cycle: 'دورة البيع (أيام)', hoursInStage: 'متوسط الساعات في المرحلة', median: 'الوسيط (دقائق)', p90: 'المئين 90 (دقائق)', withinSla: 'ضمن المهلة',
    name: 'الاسم', assigned: 'المسندة', contacted: 'تم التواصل', overdue: 'المهام المتأخرة', rebuilding: 'جارٍ إعادة العد: قد تتأخر الأرقام.',
    mql: 'MQL', sql: 'SQL', empty: 'لا يوجد عملاء في هذه الفترة.',
    filters: 'عوامل التصفية', badDate: 'اكتب اليوم بالشكل سنة/شهر/يوم', reset: 'مسح عوامل التصفية', reload: 'إعادة التحميل',
  },
} as const satisfies Record<PageLocale, Record<string, string>>;

export type Word = keyof (typeof words)['en'];
export const say = (locale: PageLocale, word: Word): string => words[locale][word];

/** A number in the page's digits (Persian digits in fa); `—` for none. */
export const num = (locale: PageLocale, value: number | null, options?: Intl.NumberFormatOptions): string => formatNumber(value, locale, options);
export const pct = (locale: PageLocale, value: number | null) => num(locale, value, { style: 'percent', maximumFractionDigits: 1 });
