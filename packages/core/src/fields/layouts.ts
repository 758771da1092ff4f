import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import { leadFields } from '../lead/fields.js';
import { err, ok, type Result } from '../result.js';
import type { FieldCatalog } from './catalog.js';
import { customFieldPath } from './definition.js';
import { localizedTextSchema } from './input.js';

/** The screens a layout arranges: the create form, the detail page, the list's columns. */
export const layoutKinds = ['create', 'detail', 'list'] as const;
export type LayoutKind = (typeof layoutKinds)[number];

export interface LayoutField {
  /** A built-in field (`mobile`) or `custom.<key>`. */
  field: string;
  /** Create form only: the lead service refuses a new lead (from the form or API) without it. */
  required?: boolean | undefined;
}

export interface LayoutSection {
  key: string;
  title: LocalizedText;
  fields: LayoutField[];
}

export interface Layout {
  kind: LayoutKind;
  sections: LayoutSection[];
}

export const layoutSectionsSchema = z
  .array(
    z.strictObject({
      key: z.string().regex(/^[a-z][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, _ and -'),
      title: localizedTextSchema,
      fields: z.array(z.strictObject({ field: z.string().min(1).max(120), required: z.boolean().optional() })).max(200),
    }),
  )
  .min(1)
  .max(50);

export const layoutUpdateInputSchema = z.strictObject({ kind: z.enum(layoutKinds), sections: layoutSectionsSchema });

const T = (en: string, fa: string, ar: string): LocalizedText => ({ en, fa, ar });
const fields = (...names: (keyof typeof leadFields | 'score' | 'qualification' | 'createdAt' | 'updatedAt')[]) =>
  names.map((field) => ({ field }));

const defaultSections: Record<LayoutKind, LayoutSection[]> = {
  create: [
    { key: 'contact', title: T('Contact', 'اطلاعات تماس', 'معلومات الاتصال'), fields: fields('firstName', 'lastName', 'mobile', 'phone', 'email', 'company', 'jobTitle') },
    { key: 'lead', title: T('Lead', 'سرنخ', 'العميل المحتمل'), fields: fields('source', 'channel', 'stage', 'priority', 'industry', 'ownerId') },
    { key: 'address', title: T('Address', 'نشانی', 'العنوان'), fields: fields('province', 'city', 'street', 'postalCode', 'country') },
    { key: 'more', title: T('More', 'سایر', 'المزيد'), fields: fields('description') },
  ],
  detail: [
    { key: 'contact', title: T('Contact', 'اطلاعات تماس', 'معلومات الاتصال'), fields: fields('firstName', 'lastName', 'mobile', 'phone', 'email', 'website', 'telegramId', 'whatsappId', 'instagramId', 'fax') },
    { key: 'company', title: T('Company', 'شرکت', 'الشركة'), fields: fields('company', 'jobTitle', 'industry', 'annualRevenue', 'employees', 'nationalCode') },
    { key: 'lead', title: T('Lead', 'سرنخ', 'العميل المحتمل'), fields: fields('stage', 'priority', 'source', 'channel', 'channelIdentifier', 'ownerId', 'score', 'qualification', 'lastContactAt', 'lastContactResult', 'emailOptOut') },
    { key: 'address', title: T('Address', 'نشانی', 'العنوان'), fields: fields('province', 'city', 'street', 'poBox', 'postalCode', 'country') },
    { key: 'more', title: T('More', 'سایر', 'المزيد'), fields: fields('description', 'createdAt', 'updatedAt') },
  ],
  list: [
    { key: 'columns', title: T('Columns', 'ستون‌ها', 'الأعمدة'), fields: fields('firstName', 'lastName', 'company', 'mobile', 'stage', 'ownerId', 'score', 'createdAt') },
  ],
};

const customSectionTitle = T('Custom fields', 'فیلدهای سفارشی', 'الحقول المخصصة');

/**
 * The layout an installation starts with: sensible built-in sections, and (on forms and the
 * detail page) a section with every active custom field, required ones marked on the create form.
 */
export function defaultLayout(kind: LayoutKind, catalog: FieldCatalog): Layout {
  const sections = structuredClone(defaultSections[kind]);
  if (kind !== 'list' && catalog.definitions.length > 0) {
    sections.push({
      key: 'custom',
      title: customSectionTitle,
      fields: catalog.definitions.map((d) => ({ field: customFieldPath(d.key), ...(kind === 'create' && d.required ? { required: true } : {}) })),
    });
  }
  return { kind, sections };
}

/**
 * Check a layout against the fields in force: each field exists (`sections.0.fields.2.field`),
 * appears once, is writable on the create form, and only the create form marks fields required.
 */
export function checkLayout(layout: Layout, catalog: FieldCatalog, locale?: Locale): Result<Layout, FieldError[]> {
  const errors: FieldError[] = [];
  const seenSections = new Set<string>();
  const seenFields = new Set<string>();
  layout.sections.forEach((section, s) => {
    if (seenSections.has(section.key)) errors.push(fieldError(`sections.${s}.key`, 'invalid_value', locale));
    seenSections.add(section.key);
    section.fields.forEach((f, i) => {
      const at = `sections.${s}.fields.${i}`;
      const resolved = catalog.resolve(f.field);
      const writable = resolved && (resolved.kind === 'custom' || Object.hasOwn(leadFields, f.field));
      if (!resolved || (layout.kind === 'create' && !writable)) errors.push(fieldError(`${at}.field`, 'unknown_field', locale));
      else if (seenFields.has(f.field)) errors.push(fieldError(`${at}.field`, 'invalid_value', locale));
      seenFields.add(f.field);
      if (f.required && layout.kind !== 'create') errors.push(fieldError(`${at}.required`, 'invalid_value', locale));
    });
  });
  return errors.length > 0 ? err(errors) : ok(layout);
}

/**
 * A stored layout as screens see it now: fields that no longer resolve (an archived custom field,
 * a disabled plugin's type) are left out, and come back when the field does.
 */
export function visibleLayout(layout: Layout, catalog: FieldCatalog): Layout {
  return {
    kind: layout.kind,
    sections: layout.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => catalog.resolve(f.field) !== null) })),
  };
}

/** The fields the create form requires, as paths (`mobile`, `custom.budget`). */
export const requiredOnCreate = (layout: Layout): string[] =>
  layout.sections.flatMap((s) => s.fields.filter((f) => f.required).map((f) => f.field));
