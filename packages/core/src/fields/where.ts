import { fieldError, type FieldError, type FieldErrorCode } from '../errors.js';
import type { Locale } from '../i18n/locales.js';
import { normalizeText } from '../normalize/index.js';
import { err, ok, type Result } from '../result.js';
import type { FieldCatalog, ResolvedField } from './catalog.js';
import { parseBoolean, parseDay, parseIdentifier, parseInstant, parseNumber } from './scalars.js';

/** What a `where` condition can ask of a field. */
export const whereOps = ['eq', 'neq', 'in', 'gte', 'lte', 'contains', 'isEmpty'] as const;
export type WhereOp = (typeof whereOps)[number];

export interface WhereCondition {
  /** A built-in field (`city`, `score`, `createdAt`) or `custom.<key>`. */
  field: string;
  op: WhereOp;
  /** `in`: a list; `isEmpty`: true (default) or false for "has a value"; otherwise one value. */
  value?: unknown;
}

/** A scalar as the database compares it: text, a number, a boolean, or an ISO date/instant. */
export type WhereScalar = string | number | boolean;

/** A condition checked against the catalog, its value normalized as the field stores values. */
export type ResolvedCondition =
  | { field: ResolvedField; op: 'eq' | 'neq' | 'gte' | 'lte'; value: WhereScalar }
  | { field: ResolvedField; op: 'in'; value: WhereScalar[] }
  | { field: ResolvedField; op: 'contains'; value: string }
  | { field: ResolvedField; op: 'isEmpty'; value: boolean };

const opsByStorage: Record<ResolvedField['storage'], readonly WhereOp[]> = {
  text: ['eq', 'neq', 'in', 'contains', 'isEmpty'],
  timestamp: ['eq', 'neq', 'in', 'gte', 'lte', 'isEmpty'],
  number: ['eq', 'neq', 'in', 'gte', 'lte', 'isEmpty'],
  money: ['eq', 'neq', 'in', 'gte', 'lte', 'isEmpty'],
  boolean: ['eq', 'neq', 'isEmpty'],
  list: ['contains', 'isEmpty'],
};

type Normalized = { value: WhereScalar } | { error: FieldErrorCode };

/** One filter value in the form the field stores, or the reason it cannot be one. */
function normalizeScalar(field: ResolvedField, raw: unknown): Normalized {
  switch (field.storage) {
    case 'number':
    case 'money': {
      const n = parseNumber(raw);
      return n === null || n === 'invalid' ? { error: 'invalid_type' } : { value: n };
    }
    case 'boolean': {
      const b = parseBoolean(raw);
      return b === 'invalid' ? { error: 'invalid_type' } : { value: b };
    }
    case 'timestamp': {
      // Custom dates are stored as days; everything else (built-in columns too) as instants.
      const value = field.kind === 'custom' && field.type === 'date' ? parseDay(raw) : parseInstant(raw);
      return value === 'invalid' ? { error: 'invalid_date' } : { value };
    }
    default:
      break;
  }
  if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'invalid_type' };
  const text = normalizeText(String(raw));
  if (text === '') return { error: 'required' };
  // Filter by what people type: the same normalizers the field's values went through.
  if (field.type === 'phone' || field.type === 'email' || field.type === 'national-code') return parseIdentifier(field.type, text);
  return { value: text };
}

/**
 * Check `where` conditions against the fields in force and normalize their values. Every problem
 * is reported by place: `where.0.field` (no such field), `where.1.op` (the field's type does not
 * support the operator), `where.2.value`.
 */
export function resolveWhere(
  conditions: readonly WhereCondition[],
  catalog: FieldCatalog,
  locale?: Locale,
): Result<ResolvedCondition[], FieldError[]> {
  const errors: FieldError[] = [];
  const out: ResolvedCondition[] = [];
  conditions.forEach((condition, i) => {
    const at = (part: string, code: FieldErrorCode) => errors.push(fieldError(`where.${i}.${part}`, code, locale));
    const field = catalog.resolve(condition.field);
    if (!field) return at('field', 'unknown_field');
    if (!opsByStorage[field.storage].includes(condition.op)) return at('op', 'invalid_value');
    const { op, value } = condition;
    switch (op) {
      case 'isEmpty': {
        if (value === undefined) return out.push({ field, op, value: true });
        return typeof value === 'boolean' ? out.push({ field, op, value }) : at('value', 'invalid_type');
      }
      case 'contains': {
        if (typeof value !== 'string') return at('value', 'invalid_type');
        const text = normalizeText(value);
        return text === '' ? at('value', 'required') : out.push({ field, op, value: text });
      }
      case 'in': {
        if (!Array.isArray(value) || value.length === 0 || value.length > 100) return at('value', 'invalid_type');
        const values: WhereScalar[] = [];
        for (const item of value) {
          const one = normalizeScalar(field, item);
          if ('error' in one) return at('value', one.error);
          values.push(one.value);
        }
        return out.push({ field, op, value: values });
      }
      default: {
        if (value === undefined || value === null || Array.isArray(value)) return at('value', value === undefined ? 'required' : 'invalid_type');
        const one = normalizeScalar(field, value);
        return 'error' in one ? at('value', one.error) : out.push({ field, op, value: one.value });
      }
    }
  });
  return errors.length > 0 ? err(errors) : ok(out);
}
