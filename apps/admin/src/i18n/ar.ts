import type { Messages } from './en.js';

export const ar: Messages = {
  app: { name: 'سرنخ', skipToContent: 'انتقل إلى المحتوى', loading: 'جارٍ التحميل…', retry: 'أعد المحاولة', notFound: 'هذه الصفحة غير موجودة.', forbidden: 'ليست لديك صلاحية لهذه الصفحة.', home: 'إلى العملاء المحتملين' },
  nav: { tasks: 'مهامي', dashboard: 'لوحة المعلومات', leads: 'العملاء المحتملون', kanban: 'لوحة المراحل', admin: 'الإعدادات', users: 'المستخدمون والأدوار', apiKeys: 'مفاتيح API ونماذج الويب', plugins: 'الإضافات', scoring: 'قواعد التقييم', assignment: 'قواعد الإسناد', menu: 'القائمة' },
  user: { menu: 'الحساب', language: 'اللغة', calendar: 'التقويم', signOut: 'تسجيل الخروج', role: { admin: 'مسؤول النظام', manager: 'مدير المبيعات', agent: 'مندوب مبيعات' } },
  calendar: { auto: 'حسب إعداد المؤسسة', jalali: 'الهجري الشمسي', gregorian: 'الميلادي' },
  signIn: { title: 'تسجيل الدخول إلى سرنخ', email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'دخول', failed: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.', tooMany: 'محاولات كثيرة؛ انتظر دقيقة ثم أعد المحاولة.' },
  common: { save: 'حفظ', cancel: 'إلغاء', create: 'إنشاء', edit: 'تعديل', delete: 'حذف', close: 'إغلاق', apply: 'تطبيق', clear: 'مسح', yes: 'نعم', no: 'لا', none: '—', search: 'بحث', saved: 'تم الحفظ.', actions: 'إجراءات', loadMore: 'عرض المزيد', noData: 'لا شيء هنا بعد.', unassigned: 'غير مسند', all: 'الكل', copy: 'نسخ', copied: 'تم النسخ.', enabled: 'مفعّل', version: 'الإصدار', back: 'رجوع', error: 'حدث خطأ ما.', conflict: 'غيّر شخص آخر هذا؛ أعد التحميل وحاول مجددًا.', dateHint: 'سنة/شهر/يوم' },
  lead: {
    fields: {
      firstName: 'الاسم', lastName: 'اسم العائلة', mobile: 'الجوال', phone: 'الهاتف', email: 'البريد الإلكتروني', company: 'الشركة', jobTitle: 'المسمى الوظيفي', website: 'الموقع الإلكتروني', nationalCode: 'الرقم الوطني', telegramId: 'تيليجرام', whatsappId: 'واتساب', instagramId: 'إنستغرام', fax: 'الفاكس', source: 'المصدر', channel: 'القناة', channelIdentifier: 'معرّف القناة', stage: 'المرحلة', priority: 'الأولوية', industry: 'القطاع', annualRevenue: 'الإيراد السنوي', employees: 'عدد الموظفين', emailOptOut: 'بلا بريد تسويقي', street: 'الشارع', poBox: 'صندوق البريد', postalCode: 'الرمز البريدي', city: 'المدينة', province: 'المحافظة', country: 'الدولة', description: 'الوصف', ownerId: 'المسؤول', score: 'التقييم', qualification: 'التأهيل', lastContactAt: 'آخر تواصل', lastContactResult: 'نتيجة آخر تواصل', nextTaskAt: 'المهمة التالية', createdAt: 'الإنشاء', updatedAt: 'التحديث', name: 'الاسم',
    },
    sections: { person: 'الشخص', contact: 'التواصل', company: 'الشركة', pipeline: 'المبيعات', address: 'العنوان', notes: 'ملاحظات' },
    qualification: { cold: 'بارد', mql: 'مؤهل تسويقيًا', sql: 'مؤهل للمبيعات' },
    currency: { IRR: 'ريال', IRT: 'تومان' },
  },
  leads: {
    title: 'العملاء المحتملون', new: 'عميل محتمل جديد', searchLabel: 'ابحث بالاسم أو الشركة أو الهاتف', searchHint: '٣ أحرف على الأقل للبحث داخل الكلمات', filters: 'عوامل التصفية', columns: 'الأعمدة', createdFrom: 'أُنشئ من', createdTo: 'أُنشئ حتى', lastContactFrom: 'آخر تواصل من', lastContactTo: 'آخر تواصل حتى', archived: 'المؤرشفة', selected: '{n} محدد', assignTo: 'إسناد إلى', assign: 'إسناد', archive: 'أرشفة', unarchive: 'استعادة', changeStage: 'تغيير المرحلة', savedFilters: 'التصفيات المحفوظة', saveFilter: 'احفظ هذه التصفية', filterName: 'اسم التصفية', myNewToday: 'عملائي الجدد اليوم', deleteFilter: 'حذف التصفية المحفوظة', count: 'المعروض {n}', bulkDone: 'تم تحديث {n}.', empty: 'لا توجد نتائج.',
  },
  form: { createTitle: 'عميل محتمل جديد', editTitle: 'تعديل العميل المحتمل', duplicate: 'يوجد عميل محتمل بنفس {field}.', openDuplicate: 'افتحه', fixErrors: 'صحّح الحقول المشار إليها.', created: 'تم الإنشاء.', updated: 'تم الحفظ.' },
  detail: { profile: 'الملف', timeline: 'السجل', score: 'التقييم', explainScore: 'لماذا هذا التقييم', total: 'المجموع', stale: 'التقييم المحفوظ مختلف وسيُعاد حسابه.', call: 'اتصال', sms: 'رسالة', whatsapp: 'واتساب', archived: 'مؤرشف', converted: 'محوَّل', stageChanged: 'تغيّرت المرحلة.', archivedDone: 'تمت الأرشفة.', restored: 'تمت الاستعادة.', panels: 'المزيد' },
  activity: { task_reopened: 'أُعيد فتح مهمة', sla_breached: 'فات موعد الرد', converted: 'حُوِّل', merged: 'دُمج', unmerged: 'أُلغي الدمج', note: 'ملاحظة', call: 'مكالمة', task_created: 'جُدولت مهمة', task_completed: 'أُنجزت مهمة', created: 'أنشأ العميل المحتمل', updated: 'غيّر الحقول', assigned: 'أُسند', stage_changed: 'غيّر المرحلة', archived: 'أُرشف', unarchived: 'استُعيد', duplicate_submitted: 'أُرسل مجددًا', sms_received: 'رسالة واردة', sms_sent: 'رسالة صادرة', other: 'نشاط', system: 'النظام', by: 'بواسطة {name}' },
  tasks: { title: 'مهامي', today: 'اليوم', upcoming: 'القادمة', overdue: 'المتأخرة', done: 'المنجزة', complete: 'تم الإنجاز', reopen: 'إعادة فتح', due: 'الموعد', empty: 'لا مهام هنا.', urgent: 'عاجلة' },
  notifications: { title: 'الإشعارات', markAll: 'تعليم الكل كمقروء', empty: 'لا إشعارات.', 'task.reminder': 'تذكير: {title}', 'lead.slaBreached': 'انتظر عميل محتمل طويلًا أول رد', 'task.assigned': 'مهمة جديدة لك: {title}', other: 'إشعار' },
  followUp: { title: 'المتابعة', note: 'ملاحظة', addNote: 'إضافة ملاحظة', logCall: 'تسجيل مكالمة', result: 'نتيجة المكالمة', schedule: 'جدولة متابعة', taskTitle: 'ما المطلوب', dueDate: 'تاريخ الاستحقاق', dueTime: 'الوقت', saved: 'سُجّل في السجل.', tasks: 'المهام' },
  convert: { action: 'تحويل', title: 'تحويل العميل المحتمل', organization: 'إنشاء منظمة', contact: 'إنشاء جهة اتصال', opportunity: 'إنشاء فرصة', name: 'اسم الفرصة', amount: 'المبلغ', currency: 'العملة', expectedClose: 'تاريخ الإغلاق المتوقع', stage: 'مرحلة الفرصة', assignTo: 'إسناد السجلات الجديدة إلى', done: 'تم التحويل.', pickOne: 'اختر سجلًا واحدًا على الأقل.' },
  kanban: { title: 'لوحة المراحل', moveTo: 'نقل إلى', moved: 'نُقل إلى «{stage}».', dragHint: 'اسحب البطاقة إلى عمود آخر أو استخدم قائمتها.' },
  dashboard: { title: 'لوحة المعلومات', noWidgets: 'لا توجد أدوات: فعّل إضافة تحتوي على أدوات.' },
  admin: {
    users: { title: 'المستخدمون والأدوار', add: 'إضافة مستخدم', name: 'الاسم', email: 'البريد الإلكتروني', role: 'الدور', active: 'نشط', password: 'كلمة المرور', newPassword: 'كلمة مرور جديدة (اختياري)', created: 'تمت إضافة المستخدم.' },
    apiKeys: { title: 'مفاتيح API ونماذج الويب', add: 'مفتاح جديد', name: 'الاسم', kind: 'النوع', kinds: { form: 'نموذج ويب', server: 'خادم' }, origins: 'المواقع المسموح بها (واحد في كل سطر)', originsHint: 'مثل https://example.com', created: 'الإنشاء', expires: 'الانتهاء', active: 'نشط', revoke: 'إبطال', revoked: 'تم إبطال المفتاح.', keyOnce: 'انسخ المفتاح الآن: لن يُعرض مرة أخرى.', snippet: 'الصق هذا النموذج في موقعك', rateLimit: 'طلبات في الدقيقة', defaults: 'القيم الافتراضية للعملاء الواردين' },
    plugins: { title: 'الإضافات', settings: 'الإعدادات', pages: 'الصفحات', noSettings: 'لا إعدادات لهذه الإضافة.', dependsOn: 'تحتاج', json: 'الإعدادات (JSON)', invalidJson: 'هذا ليس JSON صالحًا.' },
    scoring: { title: 'قواعد التقييم', help: 'قواعد الملاءمة تمنح نقاطًا لقيم الحقول، وقواعد السلوك للنشاط مع تناقص يومي؛ والحدود تحدد البارد وMQL وSQL.', recompute: 'أعد تقييم الجميع', queued: 'تجري إعادة التقييم في الخلفية.' },
    assignment: { title: 'قواعد الإسناد', help: 'تُجرَّب القواعد بالترتيب؛ أول قاعدة مطابقة تختار المجموعة واستراتيجيتها. ما لا يطابق أي قاعدة يذهب إلى المجموعة الاحتياطية.', strategies: 'الاستراتيجيات المفعّلة', users: 'معرّفات المستخدمين', rules: 'القواعد (JSON)' },
    jsonError: 'السطر {line}: هذا ليس JSON صالحًا.',
  },
};
