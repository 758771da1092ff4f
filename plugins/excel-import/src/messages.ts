import type { Locale, LocalizedText } from '@sarnakh/core';
import type { UploadProblem } from './upload.js';

const uploadMessages: Record<UploadProblem, LocalizedText> = {
  no_file: {
    en: 'Send the file as multipart form data in the field "file".',
    fa: 'فایل را به صورت multipart در فیلد «file» بفرستید.',
    ar: 'أرسل الملف كبيانات multipart في الحقل «file».',
  },
  too_large: { en: 'The file is larger than the allowed size.', fa: 'حجم فایل بیش از حد مجاز است.', ar: 'حجم الملف أكبر من الحد المسموح.' },
  unsupported_format: {
    en: 'Only .xlsx and .csv files can be imported.',
    fa: 'فقط فایل‌های ‎.xlsx و ‎.csv را می‌توان وارد کرد.',
    ar: 'يمكن استيراد ملفات ‎.xlsx و‎.csv فقط.',
  },
  unreadable: { en: 'The file could not be read.', fa: 'فایل خوانده نشد.', ar: 'تعذّرت قراءة الملف.' },
  no_header: {
    en: 'The file is empty: the first row must name the columns.',
    fa: 'فایل خالی است: ردیف اول باید نام ستون‌ها باشد.',
    ar: 'الملف فارغ: يجب أن يحتوي الصف الأول على أسماء الأعمدة.',
  },
};

export const uploadMessage = (problem: UploadProblem, locale: Locale): string => uploadMessages[problem][locale];

/** The error workbook's own columns. */
export const reportHeaders: Record<'row' | 'errors', LocalizedText> = {
  row: { en: 'Row', fa: 'ردیف', ar: 'الصف' },
  errors: { en: 'Errors', fa: 'خطاها', ar: 'الأخطاء' },
};
