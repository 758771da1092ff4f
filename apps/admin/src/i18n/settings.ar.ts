import type { SettingsMessages } from './settings.en.js';

/** Arabic strings of the settings, duplicates and records screens. */
export const settingsAr: SettingsMessages = {
  nav: { fields: 'الحقول المخصصة', picklists: 'قوائم الاختيار', duplicates: 'المكررات', conversion: 'ربط التحويل' },
  locales: { fa: 'الفارسية', ar: 'العربية', en: 'الإنجليزية' },
  fields: {
    title: 'الحقول المخصصة', add: 'حقل جديد', edit: 'تعديل الحقل', showArchived: 'عرض الحقول المؤرشفة', key: 'المفتاح', keyHint: 'حرف لاتيني صغير، ثم أحرف أو أرقام أو _', type: 'النوع', label: 'التسمية ({locale})', required: 'إلزامي', default: 'القيمة الافتراضية', indexed: 'مفهرس (تصفية وفرز سريعان)', validation: 'التحقق (JSON)', validationHint: 'إعدادات مثل min وmax وminLength وmaxLength وpattern', invalidJson: 'هذا ليس JSON صالحاً.',
    options: 'الخيارات', addOption: 'إضافة خيار', removeOption: 'حذف الخيار', optionKey: 'مفتاح الخيار', archive: 'أرشفة', restore: 'استعادة', archived: 'مؤرشف', archivedDone: 'تمت أرشفة الحقل.', restoredDone: 'تمت استعادة الحقل.', savedDone: 'تم حفظ الحقل.', empty: 'لا توجد حقول مخصصة بعد.',
  },
  picklists: {
    title: 'قوائم الاختيار', list: 'القائمة', lists: { stage: 'المراحل', source: 'المصادر', channel: 'القنوات', priority: 'الأولويات', industry: 'القطاعات', lastContactResult: 'نتائج آخر اتصال' },
    add: 'إضافة قيمة', key: 'المفتاح', label: 'التسمية ({locale})', color: 'اللون', won: 'ناجحة', lost: 'خاسرة', retire: 'إيقاف', restore: 'استعادة', retired: 'موقوفة', moveUp: 'نقل لأعلى', moveDown: 'نقل لأسفل', savedDone: 'تم الحفظ.', showRetired: 'عرض القيم الموقوفة',
  },
  conversion: { title: 'ربط التحويل', help: 'عند تحويل العميل المحتمل، ينسخ كل صف حقلاً منه إلى حقل في المؤسسة أو جهة الاتصال أو فرصة البيع الجديدة.', from: 'حقل العميل المحتمل', target: 'السجل', to: 'حقل السجل', add: 'إضافة صف' },
  merge: {
    title: 'المكررات', by: 'التجميع حسب', byPhone: 'رقم الهاتف', byEmail: 'البريد الإلكتروني', group: '{n} عملاء محتملين', merge: 'دمج', dialogTitle: 'دمج العملاء المحتملين', survivor: 'الإبقاء على هذا العميل', field: 'الحقل', keepValue: 'القيمة المحتفظ بها', done: 'تم الدمج.', empty: 'لم يتم العثور على مكررات.',
    history: 'سجل الدمج', mergedInto: 'تم دمج {n} عملاء في هذا العميل', mergedAway: 'تم دمجه في عميل آخر', undo: 'إلغاء الدمج', undone: 'أُلغي', undoneDone: 'تم إلغاء الدمج.', findDuplicates: 'البحث عن المكررات', noDuplicates: 'لا يوجد عملاء مشابهون.', matchedOn: 'تطابق في {field}',
  },
};
