import { z } from 'zod';
import type { FieldErrorCode } from '../errors.js';
import type { FieldConfig, FieldType } from '../extensions/points.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import type { CustomFieldValue } from '../lead/lead.js';
import { normalizeMultilineText, normalizeText } from '../normalize/index.js';
import type { FieldValidation } from './definition.js';
import { parseBoolean, parseDay, parseIdentifier, parseInstant, parseNumber, parseUrl, type IdentifierKind } from './scalars.js';

type Outcome = { value: CustomFieldValue } | { error: FieldErrorCode };

/**
 * A value schema from a normalizer: failures become one issue carrying our error code in
 * `params.code`, which `customValueErrors` reads back (so `customFields.mobile2` says
 * `invalid_phone`, not a generic zod message).
 */
export function normalizerSchema(normalize: (raw: unknown) => Outcome): z.ZodType<CustomFieldValue> {
  return z.unknown().transform((raw, ctx) => {
    const outcome = normalize(raw);
    if ('error' in outcome) {
      ctx.addIssue({ code: 'custom', message: outcome.error, params: { code: outcome.error } });
      return z.NEVER;
    }
    return outcome.value;
  }) as unknown as z.ZodType<CustomFieldValue>;
}

const validationOf = (config: FieldConfig): FieldValidation => (config.validation ?? {}) as FieldValidation;

const textOf = (raw: unknown): string | null =>
  typeof raw === 'string' ? raw : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : null;

function checkText(text: string, v: FieldValidation, fallbackMax: number): Outcome {
  if (text.length > (v.maxLength ?? fallbackMax)) return { error: 'too_long' };
  if (v.minLength !== undefined && text.length < v.minLength) return { error: 'too_short' };
  if (v.pattern !== undefined && !new RegExp(`^(?:${v.pattern})$`, 'u').test(text)) return { error: 'invalid_value' };
  return { value: text };
}

function checkNumber(n: number, v: FieldValidation): Outcome {
  if (v.integer && !Number.isInteger(n)) return { error: 'invalid_type' };
  if (typeof v.min === 'number' && n < v.min) return { error: 'out_of_range' };
  if (typeof v.max === 'number' && n > v.max) return { error: 'out_of_range' };
  if (Math.abs(n) > 1e15) return { error: 'out_of_range' };
  return { value: n };
}

/** Dates and instants compare as their ISO text; bounds are normalized the same way. */
function checkBounds(value: string, v: FieldValidation, parse: (raw: unknown) => string | 'invalid'): Outcome {
  const min = v.min === undefined ? 'invalid' : parse(v.min);
  const max = v.max === undefined ? 'invalid' : parse(v.max);
  if (min !== 'invalid' && value < min) return { error: 'out_of_range' };
  if (max !== 'invalid' && value > max) return { error: 'out_of_range' };
  return { value };
}

/** Currencies an amount may be in. `IRT` is the toman (10 rials), as Iranian prices are quoted. */
export const currencyCodes = ['IRR', 'IRT', 'USD', 'EUR', 'AED', 'SAR', 'GBP', 'TRY', 'IQD', 'KWD', 'QAR', 'OMR', 'BHD', 'CNY'] as const;

function parseMoney(raw: unknown, v: FieldValidation): Outcome {
  let amountRaw: unknown;
  let currencyRaw: unknown;
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    ({ amount: amountRaw, currency: currencyRaw } = raw as { amount?: unknown; currency?: unknown });
  } else if (typeof raw === 'string') {
    // "1,500,000 IRT" or "USD 250", as a spreadsheet cell or a form field carries it.
    const text = normalizeText(raw);
    const match = /^([A-Za-z]{3})\s*(.+)$/.exec(text) ?? /^(.+?)\s*([A-Za-z]{3})$/.exec(text);
    if (!match) return { error: 'invalid_type' };
    const [a, b] = [match[1]!, match[2]!];
    [amountRaw, currencyRaw] = /^[A-Za-z]{3}$/.test(a) ? [b, a] : [a, b];
  } else {
    return { error: 'invalid_type' };
  }
  const amount = parseNumber(amountRaw);
  if (amount === 'invalid' || amount === null) return { error: 'invalid_type' };
  if (typeof currencyRaw !== 'string') return { error: 'invalid_type' };
  const currency = currencyRaw.trim().toUpperCase();
  const allowed: readonly string[] = v.currencies ?? currencyCodes;
  if (!allowed.includes(currency)) return { error: 'unknown_value' };
  const checked = checkNumber(amount, v);
  return 'error' in checked ? checked : { value: { amount, currency } };
}

function selectKey(raw: unknown, config: FieldConfig): Outcome {
  const text = textOf(raw);
  if (text === null) return { error: 'invalid_type' };
  const key = normalizeText(text);
  const option = (config.options ?? []).find((o) => o.key === key);
  if (!option) return { error: 'unknown_value' };
  return option.retired ? { error: 'retired_value' } : { value: key };
}

const bound = z.union([z.number(), z.string().max(40)]);
const lengthLimit = z.number().int().min(0).max(10_000);
const pattern = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => {
    try {
      new RegExp(p, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

const textValidation = z.strictObject({ minLength: lengthLimit.optional(), maxLength: lengthLimit.optional(), pattern: pattern.optional() });
const numberValidation = z.strictObject({ min: z.number().optional(), max: z.number().optional(), integer: z.boolean().optional() });
const dateValidation = z.strictObject({ min: bound.optional(), max: bound.optional() });
const none = z.strictObject({});

const L = (en: string, fa: string, ar: string) => ({ en, fa, ar });

/** A type whose values arrive as text (numbers are taken as their digits). */
const fromText = (normalize: (text: string, config: FieldConfig) => Outcome) => (config: FieldConfig) =>
  normalizerSchema((raw) => {
    const text = textOf(raw);
    return text === null ? { error: 'invalid_type' } : normalize(text, config);
  });

/** A type whose values are one identifier in canonical form. */
function identifierType(id: IdentifierKind, label: LocalizedText): FieldType {
  return { id, label, storage: 'text', validationSchema: none, valueSchema: fromText((text) => parseIdentifier(id, normalizeText(text))), input: id };
}

/** A date or an instant, kept as ISO text, bounded by `validation.min`/`max` in the same form. */
function timeType(id: string, label: LocalizedText, parse: (raw: unknown) => string | 'invalid', format: FieldType['format']): FieldType {
  return {
    id,
    label,
    storage: 'timestamp',
    validationSchema: dateValidation,
    valueSchema: (config) =>
      normalizerSchema((raw) => {
        const value = parse(raw);
        return value === 'invalid' ? { error: 'invalid_date' } : checkBounds(value, validationOf(config), parse);
      }),
    format,
    input: id,
  };
}

const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : locale, options);

const formatNumber = (value: number, locale: Locale) => new Intl.NumberFormat(`${locale}-u-nu-${locale === 'en' ? 'latn' : 'arabext'}`).format(value);

/** The field types core ships; plugins add more through `fieldTypes`. */
export const builtInFieldTypes: readonly FieldType[] = [
  {
    id: 'text',
    label: L('Text', 'متن', 'نص'),
    storage: 'text',
    validationSchema: textValidation,
    valueSchema: fromText((text, config) => checkText(normalizeText(text), validationOf(config), 500)),
    input: 'text',
  },
  {
    id: 'long-text',
    label: L('Long text', 'متن بلند', 'نص طويل'),
    storage: 'text',
    validationSchema: textValidation,
    valueSchema: fromText((text, config) => checkText(normalizeMultilineText(text), validationOf(config), 10_000)),
    input: 'textarea',
  },
  {
    id: 'number',
    label: L('Number', 'عدد', 'رقم'),
    storage: 'number',
    validationSchema: numberValidation,
    valueSchema: (config) =>
      normalizerSchema((raw) => {
        const n = parseNumber(raw);
        return n === 'invalid' || n === null ? { error: 'invalid_type' } : checkNumber(n, validationOf(config));
      }),
    format: (value, locale) => (typeof value === 'number' ? formatNumber(value, locale) : ''),
    input: 'number',
  },
  {
    id: 'currency',
    label: L('Currency amount', 'مبلغ', 'مبلغ'),
    storage: 'money',
    validationSchema: z.strictObject({
      min: z.number().optional(),
      max: z.number().optional(),
      currencies: z.array(z.enum(currencyCodes)).min(1).optional(),
    }),
    valueSchema: (config) => normalizerSchema((raw) => parseMoney(raw, validationOf(config))),
    format: (value, locale) =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? `${formatNumber(value.amount, locale)} ${value.currency === 'IRT' ? { en: 'toman', fa: 'تومان', ar: 'تومان' }[locale] : value.currency}`
        : '',
    input: 'currency',
  },
  timeType('date', L('Date', 'تاریخ', 'تاريخ'), parseDay, (value, locale) =>
    typeof value === 'string' ? dateFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${value}T00:00:00Z`)) : '',
  ),
  timeType('date-time', L('Date and time', 'تاریخ و ساعت', 'التاريخ والوقت'), parseInstant, (value, locale) =>
    typeof value === 'string' ? dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '',
  ),
  {
    id: 'boolean',
    label: L('Yes/no', 'بله/خیر', 'نعم/لا'),
    storage: 'boolean',
    validationSchema: none,
    valueSchema: () =>
      normalizerSchema((raw) => {
        const b = parseBoolean(raw);
        return b === 'invalid' ? { error: 'invalid_type' } : { value: b };
      }),
    format: (value, locale) => (value === true ? L('Yes', 'بله', 'نعم')[locale] : value === false ? L('No', 'خیر', 'لا')[locale] : ''),
    input: 'switch',
  },
  {
    id: 'single-select',
    label: L('Single select', 'انتخاب تکی', 'اختيار واحد'),
    storage: 'text',
    usesOptions: true,
    validationSchema: none,
    valueSchema: (config) => normalizerSchema((raw) => selectKey(raw, config)),
    input: 'select',
  },
  {
    id: 'multi-select',
    label: L('Multi select', 'انتخاب چندتایی', 'اختيار متعدد'),
    storage: 'list',
    usesOptions: true,
    validationSchema: z.strictObject({ maxItems: z.number().int().min(1).max(500).optional() }),
    valueSchema: (config) =>
      normalizerSchema((raw) => {
        // A form or spreadsheet sends "a, b"; JSON clients send a list.
        const items = typeof raw === 'string' ? raw.split(/[,\u060c]/).map((s) => s.trim()).filter((s) => s !== '') : raw;
        if (!Array.isArray(items)) return { error: 'invalid_type' };
        const keys: string[] = [];
        for (const item of items) {
          const one = selectKey(item, config);
          if ('error' in one) return one;
          if (!keys.includes(one.value as string)) keys.push(one.value as string);
        }
        const max = validationOf(config).maxItems;
        return max !== undefined && keys.length > max ? { error: 'out_of_range' } : { value: keys };
      }),
    input: 'multi-select',
  },
  identifierType('phone', L('Phone', 'تلفن', 'هاتف')),
  identifierType('email', L('Email', 'ایمیل', 'البريد الإلكتروني')),
  {
    id: 'url',
    label: L('Web address', 'نشانی وب', 'عنوان الويب'),
    storage: 'text',
    validationSchema: none,
    valueSchema: fromText((text) => {
      const url = parseUrl(normalizeText(text));
      return url === null ? { error: 'invalid_url' } : { value: url };
    }),
    input: 'url',
  },
  identifierType('national-code', L('National code', 'کد ملی', 'الرقم الوطني')),
];
