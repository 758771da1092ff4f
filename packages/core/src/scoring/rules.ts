import { z } from 'zod';
import { fieldError, type FieldError } from '../errors.js';
import type { Locale, LocalizedText } from '../i18n/locales.js';
import { leadFields, type LeadFieldName } from '../lead/fields.js';
import { normalizePhone, normalizeText } from '../normalize/index.js';
import type { PicklistKey, Picklists } from '../picklists/picklist.js';
import { err, ok, type Result } from '../result.js';
import { zodIssuesToFieldErrors } from '../zod-errors.js';
import { defaultQualificationThresholds, type QualificationThresholds } from './qualification.js';

/**
 * The rule-based scorer's configuration: fit rules over the lead's fields, behavior rules over its
 * timeline, the thresholds that turn a score into `cold` / `mql` / `sql`, and whether turning `sql`
 * should create an urgent task for the owner.
 */

export const fitOps = ['eq', 'neq', 'in', 'gte', 'lte', 'contains', 'isEmpty', 'isNotEmpty'] as const;
export type FitOp = (typeof fitOps)[number];

/** A scalar a fit rule compares with. */
export type FitScalar = string | number | boolean;

export interface FitRule {
  /** Stable id, unique among all rules: named in explanations (`industry-fit`). */
  id: string;
  label: LocalizedText;
  /** A built-in lead field (`industry`, `employees`) or a custom field as `custom.<key>`. */
  field: string;
  op: FitOp;
  /** `in`: a list; `isEmpty`/`isNotEmpty`: none; otherwise one scalar. */
  value?: FitScalar | (string | number)[] | undefined;
  points: number;
}

export interface BehaviorRule {
  id: string;
  label: LocalizedText;
  /** An activity type on the lead's timeline: `duplicate_submitted`, `call_logged`, `sms_received`… */
  activityType: string;
  /** Points per activity (negative points take them away). */
  points: number;
  /** Count at most this many activities of the type: the most recent ones. */
  maxCount?: number | undefined;
  /**
   * Points an activity loses per whole day since it happened (at most two decimals), never past
   * zero: 10 points with a decay of 2 are worth 10 today, 8 tomorrow, 0 from the fifth day.
   */
  decayPerDay?: number | undefined;
}

export interface ScoringRules {
  fit: FitRule[];
  behavior: BehaviorRule[];
  thresholds: QualificationThresholds;
  /**
   * Create an urgent task for the owner when a lead turns `sql` (at capture or later), due
   * `dueInMinutes` after; `true` is `{ enabled: true, dueInMinutes: 30 }`.
   */
  urgentTaskOnSql: boolean | UrgentTaskSetting;
}

export interface UrgentTaskSetting {
  enabled: boolean;
  dueInMinutes: number;
  /** The task's title; default a short "call this hot lead" in Persian. */
  title?: string | undefined;
}

/** The urgent-task switch as an object, whichever form it was saved in. */
export function urgentTaskSetting(rules: Pick<ScoringRules, 'urgentTaskOnSql'>): UrgentTaskSetting {
  const value = rules.urgentTaskOnSql;
  return typeof value === 'boolean' ? { enabled: value, dueInMinutes: 30 } : value;
}

export const defaultScoringRules: ScoringRules = {
  fit: [],
  behavior: [],
  thresholds: { ...defaultQualificationThresholds },
  urgentTaskOnSql: false,
};

/** Limits that keep one rule set's SQL (see `recomputeAll`) a reasonable statement. */
export const scoringLimits = {
  fitRules: 200,
  behaviorRules: 100,
  inValues: 100,
  points: 10_000,
  maxCount: 1_000,
  decayPerDay: 10_000,
  threshold: 1_000_000,
} as const;

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/, 'lower-case letters, digits and _ . : -');
const labelText = z.string().trim().min(1).max(200);
export const localizedLabelSchema = z.strictObject({ fa: labelText, ar: labelText, en: labelText });
const points = z.number().int().min(-scoringLimits.points).max(scoringLimits.points);
const scalar = z.union([z.string().max(500), z.number(), z.boolean()]);

export const fitRuleSchema = z.strictObject({
  id: ruleId,
  label: localizedLabelSchema,
  field: z.string().min(1).max(110),
  op: z.enum(fitOps),
  value: z.union([scalar, z.array(z.union([z.string().max(500), z.number()])).min(1).max(scoringLimits.inValues)]).optional(),
  points,
});

export const behaviorRuleSchema = z.strictObject({
  id: ruleId,
  label: localizedLabelSchema,
  activityType: z.string().regex(/^[a-z][a-z0-9_.-]{0,63}$/, 'an activity type such as call_logged'),
  points,
  maxCount: z.number().int().min(1).max(scoringLimits.maxCount).optional(),
  decayPerDay: z.number().min(0).max(scoringLimits.decayPerDay).optional(),
});

const threshold = z.number().int().min(-scoringLimits.threshold).max(scoringLimits.threshold);

export const scoringRulesSchema = z.strictObject({
  fit: z.array(fitRuleSchema).max(scoringLimits.fitRules),
  behavior: z.array(behaviorRuleSchema).max(scoringLimits.behaviorRules),
  thresholds: z.strictObject({ mql: threshold, sql: threshold }),
  urgentTaskOnSql: z.union([
    z.boolean(),
    z.strictObject({
      enabled: z.boolean(),
      dueInMinutes: z.number().int().min(0).max(7 * 24 * 60).default(30),
      title: z.string().trim().min(1).max(300).optional(),
    }),
  ]),
});

export type ScoringRulesInput = z.input<typeof scoringRulesSchema>;

// ---------------------------------------------------------------------------------------------
// Text comparison
// ---------------------------------------------------------------------------------------------

/**
 * How fit rules compare text: case-insensitive for Latin letters, Persian and Arabic letter
 * variants folded (ي/ی, ك/ک, أ/ا, ة/ه…), Persian and Arabic-Indic digits as ASCII, tatweel, harakat
 * and zero-width joiners dropped. Deliberately a per-character mapping (unlike `searchKey`, which
 * also applies NFKC and Unicode lower-casing): the set-based recompute does the same in SQL with
 * `translate()`, and the two must agree exactly on every database.
 */
const FOLD_PAIRS: readonly (readonly [string, string])[] = [
  ...Array.from({ length: 26 }, (_, i) => [String.fromCharCode(65 + i), String.fromCharCode(97 + i)] as const),
  ['\u064A', '\u06CC'], // ي → ی
  ['\u0649', '\u06CC'], // ى → ی
  ['\u0626', '\u06CC'], // ئ → ی
  ['\u0643', '\u06A9'], // ك → ک
  ['\u0623', '\u0627'], // أ → ا
  ['\u0625', '\u0627'], // إ → ا
  ['\u0622', '\u0627'], // آ → ا
  ['\u0671', '\u0627'], // ٱ → ا
  ['\u0624', '\u0648'], // ؤ → و
  ['\u06C0', '\u0647'], // ۀ → ه
  ['\u0629', '\u0647'], // ة → ه
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x06f0 + d), String(d)] as const), // ۰–۹
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x0660 + d), String(d)] as const), // ٠–٩
];

/** Dropped: tatweel, harakat (U+064B–U+065F), superscript alef, ZWNJ and ZWJ. */
const FOLD_DROPPED = [
  '\u0640',
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => String.fromCharCode(0x064b + i)),
  '\u0670',
  '\u200C',
  '\u200D',
];

const FOLD_MAP: ReadonlyMap<string, string> = new Map([...FOLD_PAIRS, ...FOLD_DROPPED.map((c) => [c, ''] as const)]);

/**
 * The arguments of SQL's `translate(value, from, to)` that fold text exactly as `foldRuleText`:
 * characters of `from` past the length of `to` are deleted.
 */
export const ruleTextTranslate: { readonly from: string; readonly to: string } = {
  from: FOLD_PAIRS.map(([a]) => a).join('') + FOLD_DROPPED.join(''),
  to: FOLD_PAIRS.map(([, b]) => b).join(''),
};

export function foldRuleText(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD_MAP.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/**
 * How a fit rule's field compares: `text` folded (see `foldRuleText`), `key` exactly (picklist keys,
 * user ids), `number`, `boolean`, `date` (only empty or not), or `custom` (a JSONB value whose type
 * the value decides: strings and lists of strings as text, numbers and money amounts as numbers).
 */
export type FitFieldClass = 'text' | 'key' | 'number' | 'boolean' | 'date' | 'custom';

export interface FitField {
  class: FitFieldClass;
  /** The built-in field (camelCase), or the custom field's key. */
  name: string;
  custom: boolean;
  /** Picklist fields: which list their keys come from. */
  list?: PicklistKey;
  /** Phone fields: rule values are normalized to E.164. */
  phone?: boolean;
}

export const CUSTOM_FIELD_PREFIX = 'custom.';
const CUSTOM_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,99}$/;

/** What a rule's `field` names, or null when it names nothing a rule can compare. */
export function fitField(field: string): FitField | null {
  if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
    const key = field.slice(CUSTOM_FIELD_PREFIX.length);
    return CUSTOM_KEY.test(key) ? { class: 'custom', name: key, custom: true } : null;
  }
  if (!Object.hasOwn(leadFields, field)) return null;
  const kind = leadFields[field as LeadFieldName].kind;
  switch (kind.type) {
    case 'picklist':
      return { class: 'key', name: field, custom: false, list: kind.list };
    case 'userRef':
      return { class: 'key', name: field, custom: false };
    case 'money':
    case 'integer':
      return { class: 'number', name: field, custom: false };
    case 'boolean':
      return { class: 'boolean', name: field, custom: false };
    case 'dateTime':
      return { class: 'date', name: field, custom: false };
    case 'phone':
      return { class: 'text', name: field, custom: false, phone: true };
    default:
      return { class: 'text', name: field, custom: false };
  }
}

/** The operators each field class supports. */
export const fitOpsByClass: Record<FitFieldClass, readonly FitOp[]> = {
  text: ['eq', 'neq', 'in', 'contains', 'isEmpty', 'isNotEmpty'],
  key: ['eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'neq', 'in', 'gte', 'lte', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'neq'],
  date: ['isEmpty', 'isNotEmpty'],
  custom: fitOps,
};

/** The scalar types a value may have, per class and operator. */
function allowedScalars(cls: FitFieldClass, op: FitOp): readonly ('string' | 'number' | 'boolean')[] {
  if (op === 'gte' || op === 'lte') return ['number'];
  if (op === 'contains') return ['string'];
  switch (cls) {
    case 'text':
    case 'key':
      return ['string'];
    case 'number':
      return ['number'];
    case 'boolean':
      return ['boolean'];
    case 'date':
      return [];
    case 'custom':
      return op === 'in' ? ['string', 'number'] : ['string', 'number', 'boolean'];
  }
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

export interface ScoringRulesContext {
  picklists: Picklists;
  /** Keys of the custom fields that exist: `custom.<key>` must name one. */
  customFieldKeys: ReadonlySet<string>;
  locale?: Locale;
}

type Scalar = string | number | boolean;

/** Two decimals at most, so decay is exact in hundredths here and in SQL. */
const hasTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;

function normalizeScalar(field: FitField, value: Scalar): Scalar {
  if (typeof value !== 'string') return value;
  const text = normalizeText(value);
  if (field.phone) {
    const phone = normalizePhone(text);
    if (phone.ok) return phone.e164;
  }
  return text;
}

/**
 * Check a rule set as an admin submitted it and return it normalized (trimmed text values, phones
 * in E.164). Every problem is reported, each naming its place: `fit.0.field`, `behavior.2.decayPerDay`,
 * `thresholds.sql`.
 */
export function validateScoringRules(raw: unknown, ctx: ScoringRulesContext): Result<ScoringRules, FieldError[]> {
  const locale = ctx.locale ?? 'en';
  const parsed = scoringRulesSchema.safeParse(raw);
  if (!parsed.success) return err(zodIssuesToFieldErrors(parsed.error.issues, locale));
  const input = parsed.data;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const checkId = (path: string, id: string) => {
    if (seen.has(id)) errors.push(fieldError(`${path}.id`, 'invalid_value', locale));
    seen.add(id);
  };

  const fit: FitRule[] = input.fit.map((rule, i) => {
    const path = `fit.${i}`;
    checkId(path, rule.id);
    const field = fitField(rule.field);
    if (!field || (field.custom && !ctx.customFieldKeys.has(field.name))) {
      errors.push(fieldError(`${path}.field`, 'unknown_field', locale));
      return rule;
    }
    if (!fitOpsByClass[field.class].includes(rule.op)) {
      errors.push(fieldError(`${path}.op`, 'invalid_value', locale));
      return rule;
    }
    const { value: _value, ...bare } = rule;
    if (rule.op === 'isEmpty' || rule.op === 'isNotEmpty') {
      if (rule.value !== undefined) errors.push(fieldError(`${path}.value`, 'invalid_value', locale));
      return bare;
    }
    if (rule.value === undefined) {
      errors.push(fieldError(`${path}.value`, 'required', locale));
      return rule;
    }
    const allowed = allowedScalars(field.class, rule.op);
    const checkScalar = (valuePath: string, value: Scalar): Scalar => {
      if (!(allowed as readonly string[]).includes(typeof value)) {
        errors.push(fieldError(valuePath, 'invalid_type', locale));
        return value;
      }
      const normalized = normalizeScalar(field, value);
      if (typeof normalized === 'string' && foldRuleText(normalized) === '') errors.push(fieldError(valuePath, 'required', locale));
      if (typeof normalized === 'string' && field.list) {
        // Retired values still match old leads; only keys that never existed are refused.
        if (!ctx.picklists[field.list].some((v) => v.key === normalized)) errors.push(fieldError(valuePath, 'unknown_value', locale));
      }
      return normalized;
    };
    if (rule.op === 'in') {
      if (!Array.isArray(rule.value)) {
        errors.push(fieldError(`${path}.value`, 'invalid_type', locale));
        return rule;
      }
      return { ...bare, value: rule.value.map((v, j) => checkScalar(`${path}.value.${j}`, v) as string | number) };
    }
    if (Array.isArray(rule.value)) {
      errors.push(fieldError(`${path}.value`, 'invalid_type', locale));
      return rule;
    }
    return { ...bare, value: checkScalar(`${path}.value`, rule.value) };
  });

  const behavior: BehaviorRule[] = input.behavior.map((rule, i) => {
    checkId(`behavior.${i}`, rule.id);
    if (rule.decayPerDay !== undefined && !hasTwoDecimals(rule.decayPerDay)) {
      errors.push(fieldError(`behavior.${i}.decayPerDay`, 'invalid_value', locale));
    }
    return rule;
  });

  if (input.thresholds.sql <= input.thresholds.mql) errors.push(fieldError('thresholds.sql', 'out_of_range', locale));

  if (errors.length > 0) return err(errors);
  return ok({ fit, behavior, thresholds: input.thresholds, urgentTaskOnSql: input.urgentTaskOnSql });
}

/**
 * Rules as stored: parsed again (a shape that no longer fits, e.g. after a downgrade, counts as
 * no rules rather than breaking capture). Field names and picklist keys are not checked here.
 */
export function parseStoredScoringRules(stored: unknown): ScoringRules {
  if (stored === undefined || stored === null) return structuredClone(defaultScoringRules);
  const parsed = scoringRulesSchema.safeParse(stored);
  if (!parsed.success || parsed.data.thresholds.sql <= parsed.data.thresholds.mql) return structuredClone(defaultScoringRules);
  return parsed.data;
}

/** The activity types the behavior rules look at. */
export function behaviorActivityTypes(rules: Pick<ScoringRules, 'behavior'>): string[] {
  return [...new Set(rules.behavior.map((r) => r.activityType))];
}
