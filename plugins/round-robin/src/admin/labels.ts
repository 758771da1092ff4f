import { onPageLocaleChange, pageLocale } from '@sarnakh/plugin-sdk/admin';
import { ref } from 'vue';

const en = {
  name: 'Name',
  weight: 'Weight',
  cap: 'Daily cap',
  noCap: 'No cap',
  zone: 'Time zone',
  now: 'Now',
  today: 'Today',
  inactive: 'inactive',
  leave: 'on leave',
  off_hours: 'off hours',
  capped: 'at cap',
  ok: 'available',
  saved: 'Saved',
  reload: 'Reload',
  none: 'Nobody takes part in distribution yet: add users with a role that receives leads.',
  hint: 'Weight: how many turns in a round (1–100). Daily cap: most automatic assignments a day; empty for none.',
};

type Labels = typeof en;

const fa: Labels = {
  name: 'نام',
  weight: 'وزن',
  cap: 'سقف روزانه',
  noCap: 'بدون سقف',
  zone: 'منطقه زمانی',
  now: 'اکنون',
  today: 'امروز',
  inactive: 'غیرفعال',
  leave: 'مرخصی',
  off_hours: 'خارج از ساعت کاری',
  capped: 'به سقف رسیده',
  ok: 'در دسترس',
  saved: 'ذخیره شد',
  reload: 'بارگذاری دوباره',
  none: 'هنوز کسی در نوبت‌دهی نیست: کاربرانی با نقشی که سرنخ می‌گیرد اضافه کنید.',
  hint: 'وزن: شمار نوبت‌ها در هر دور (۱ تا ۱۰۰). سقف روزانه: بیشترین سپردن خودکار در روز؛ خالی یعنی بی‌سقف.',
};

const ar: Labels = {
  name: 'الاسم',
  weight: 'الوزن',
  cap: 'الحد اليومي',
  noCap: 'بلا حد',
  zone: 'المنطقة الزمنية',
  now: 'الآن',
  today: 'اليوم',
  inactive: 'غير نشط',
  leave: 'في إجازة',
  off_hours: 'خارج ساعات العمل',
  capped: 'بلغ الحد',
  ok: 'متاح',
  saved: 'تم الحفظ',
  reload: 'إعادة التحميل',
  none: 'لا أحد في التوزيع بعد: أضف مستخدمين بدور يستقبل العملاء.',
  hint: 'الوزن: عدد الأدوار في كل جولة (1–100). الحد اليومي: أقصى عدد من الإسنادات التلقائية في اليوم؛ فارغ يعني بلا حد.',
};

const labels: Record<'fa' | 'ar' | 'en', Labels> = { en, fa, ar };

/** The page's language, kept current when the web app switches it (read it in render functions). */
export const locale = ref(pageLocale());
onPageLocaleChange((next) => (locale.value = next));

/** The round-robin screens' words in the page's language. */
export const text = (): Labels => labels[locale.value];
