import type { RecordsMessages } from './records.en.js';

/** Arabic strings of the records, message template and SLA screens. */
export const recordsAr: RecordsMessages = {
  nav: { organizations: 'المؤسسات', contacts: 'جهات الاتصال', opportunities: 'الفرص البيعية', templates: 'قوالب الرسائل', sla: 'اتفاقية وقت الاستجابة' },
  kinds: { organization: 'مؤسسة', contact: 'جهة اتصال', opportunity: 'فرصة بيعية' },
  create: { organization: 'مؤسسة جديدة', contact: 'جهة اتصال جديدة', opportunity: 'فرصة بيعية جديدة' },
  editTitle: { organization: 'تعديل المؤسسة', contact: 'تعديل جهة الاتصال', opportunity: 'تعديل الفرصة البيعية' },
  empty: { organization: 'لا توجد مؤسسات بعد.', contact: 'لا توجد جهات اتصال بعد.', opportunity: 'لا توجد فرص بيعية بعد.' },
  searchLabel: { organization: 'البحث في الأسماء', contact: 'البحث بالاسم أو الجوال أو البريد', opportunity: 'البحث في الأسماء' },
  fields: {
    name: 'الاسم', phone: 'الهاتف', website: 'الموقع الإلكتروني', industry: 'القطاع', city: 'المدينة', ownerId: 'المسؤول',
    firstName: 'الاسم الأول', lastName: 'اسم العائلة', mobile: 'الجوال', email: 'البريد الإلكتروني', jobTitle: 'المسمى الوظيفي', organizationId: 'المؤسسة',
    amount: 'المبلغ', currency: 'العملة', expectedCloseDate: 'تاريخ الإغلاق المتوقع', salesStage: 'مرحلة البيع', contactId: 'جهة الاتصال',
    leadId: 'محوَّل من', createdAt: 'أُنشئ', updatedAt: 'حُدّث',
  },
  salesStages: { prospecting: 'استكشاف', qualification: 'تأهيل', proposal: 'عرض', negotiation: 'تفاوض', closed_won: 'مغلقة بنجاح', closed_lost: 'مغلقة بالخسارة' },
  pickRecord: 'اكتب للبحث',
  detail: {
    details: 'التفاصيل', links: 'الروابط', lead: 'العميل المحتمل الذي جاء منه', openLead: 'فتح العميل المحتمل', noLead: 'أُنشئ مباشرة، لا بتحويل عميل محتمل.',
    sameLead: 'سجلات محوَّلة من العميل المحتمل نفسه', contacts: 'جهات الاتصال', opportunities: 'الفرص البيعية', noneLinked: 'لا شيء.', history: 'السجل', noHistory: 'لا نشاط مرتبط بهذا السجل.',
    notFound: 'هذا السجل غير موجود أو لا يمكنك رؤيته.', created: 'تم الإنشاء.', saved: 'تم الحفظ.',
  },
  templates: {
    title: 'قوالب الرسائل', add: 'قالب جديد', edit: 'تعديل القالب', name: 'الاسم', channel: 'القناة',
    channels: { sms: 'رسالة نصية', whatsapp: 'واتساب', email: 'البريد الإلكتروني' },
    body: 'النص ({locale})', subject: 'الموضوع ({locale})', bodyHint: 'اكتب النص بلغة واحدة على الأقل.',
    insert: 'إدراج عنصر نائب', insertInto: 'يُدرج في: {field}', customFields: 'الحقول المخصصة', ownerName: 'اسم المسؤول',
    preview: 'معاينة', previewTitle: 'معاينة: {name}', previewLead: 'العميل المحتمل للمعاينة', previewLocale: 'اللغة', previewPick: 'اختر عميلًا محتملًا لترى الرسالة مكتملة.',
    renderedIn: 'مُنشأة باللغة {locale}', missing: 'بلا قيمة: {names}',
    archive: 'أرشفة', archived: 'مؤرشف', archivedDone: 'تمت أرشفة القالب.', showArchived: 'عرض القوالب المؤرشفة', savedDone: 'تم حفظ القالب.', empty: 'لا قوالب لهذه القناة.',
  },
  message: {
    action: 'رسالة من قالب', template: 'القالب', copy: 'نسخ النص', sms: 'إرسال رسالة نصية', whatsapp: 'فتح واتساب', email: 'كتابة بريد إلكتروني',
    noTemplates: 'لا توجد قوالب رسائل بعد.', noMobile: 'لا يوجد رقم جوال لهذا العميل المحتمل.', noEmail: 'لا يوجد بريد إلكتروني لهذا العميل المحتمل.',
  },
  sla: {
    title: 'اتفاقية وقت الاستجابة', help: 'كم يمكن لعميل محتمل جديد أن ينتظر أول رد، محسوبًا بساعات العمل. يُطبَّق أول هدف يطابق مصدر العميل وأولويته؛ وإلا فالهدف الافتراضي.',
    enabled: 'تحديد مهلة الرد للعملاء المحتملين الجدد', defaultMinutes: 'الهدف الافتراضي (بالدقائق)', minutes: 'الدقائق',
    targets: 'الأهداف حسب المصدر والأولوية', addTarget: 'إضافة هدف', removeTarget: 'حذف الهدف', targetName: 'اسم السياسة', source: 'المصدر', priority: 'الأولوية', noTargets: 'لا أهداف: كل العملاء المحتملين يأخذون الهدف الافتراضي.',
    hours: 'ساعات العمل', from: 'من', to: 'إلى', timeHint: 'س:د', addWindow: 'إضافة فترة', removeWindow: 'حذف الفترة', closed: 'مغلق',
    days: { sat: 'السبت', sun: 'الأحد', mon: 'الاثنين', tue: 'الثلاثاء', wed: 'الأربعاء', thu: 'الخميس', fri: 'الجمعة' },
    holidays: 'العطلات', holiday: 'يوم عطلة', addHoliday: 'إضافة عطلة', removeHoliday: 'حذف العطلة', noHolidays: 'لا عطلات.',
    timeZone: 'المنطقة الزمنية', savedDone: 'تم حفظ الإعدادات.', readOnly: 'يمكن للمشرفين فقط تغيير هذه الإعدادات.',
  },
};
