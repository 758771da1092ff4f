/** Each widget's title, shared by the dashboard registration and the insights page (kept apart from the charts so the entry stays small). */
export const widgetTitles = {
  newLeads: { fa: 'سرنخ‌های جدید', ar: 'العملاء الجدد', en: 'New leads' },
  funnel: { fa: 'قیف فروش', ar: 'مسار المبيعات', en: 'Funnel' },
  conversion: { fa: 'تبدیل به تفکیک منبع', ar: 'التحويل حسب المصدر', en: 'Conversion by source' },
  qualified: { fa: 'سرنخ‌های واجد شرایط', ar: 'العملاء المؤهلون', en: 'Qualified leads' },
  speedToLead: { fa: 'سرعت پاسخ', ar: 'سرعة الاستجابة', en: 'Speed to lead' },
  owners: { fa: 'عملکرد مسئولان', ar: 'أداء المسؤولين', en: 'Owners' },
} as const;
