import type { DistributableLead } from '../extensions/points.js';
import { qualifications, type CustomFieldValue } from '../lead/lead.js';
import { searchKey } from '../normalize/search-key.js';
import type { AssignmentCondition } from './rules.js';

type Value = CustomFieldValue | Date | undefined;

/** The value a condition's field names on the lead: a built-in field or `custom.<key>`. */
function valueOf(lead: Readonly<DistributableLead>, field: string): Value {
  if (field.startsWith('custom.')) return lead.customFields[field.slice('custom.'.length)];
  return (lead as unknown as Record<string, Value>)[field];
}

const isEmpty = (v: Value): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Text is compared by its search key (case, Arabic/Persian letter variants, digits and spacing
 * folded), so `Tehran`, `tehran` and `تهران`/`تهران` with either yeh compare as typed twice.
 */
function same(a: Value, b: string | number | boolean): boolean {
  if (a === undefined || a === null) return false;
  if (Array.isArray(a)) return a.some((item) => same(item, b));
  if (typeof a === 'string') return typeof b === 'boolean' ? false : searchKey(a) === searchKey(String(b));
  if (typeof a === 'number') return typeof b === 'number' ? a === b : typeof b === 'string' && b.trim() !== '' && Number(b) === a;
  if (typeof a === 'boolean') return a === b;
  return false;
}

/** Something comparable with `gte`/`lte`: a number, a qualification's rank, or (custom fields) text. */
function rankOf(field: string, v: Value | string | number): number | string | null {
  if (v === undefined || v === null || typeof v === 'boolean' || Array.isArray(v) || typeof v === 'object') return null;
  if (field === 'qualification') {
    const rank = (qualifications as readonly string[]).indexOf(String(v));
    return rank < 0 ? null : rank;
  }
  if (typeof v === 'number') return v;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}

function compare(field: string, actual: Value, bound: string | number, op: 'gte' | 'lte'): boolean {
  const a = rankOf(field, actual);
  const b = rankOf(field, bound);
  if (a === null || b === null || typeof a !== typeof b) return false;
  return op === 'gte' ? a >= b : a <= b;
}

/** Whether one condition holds for the lead. A missing value never equals anything. */
export function conditionHolds(condition: AssignmentCondition, lead: Readonly<DistributableLead>): boolean {
  const actual = valueOf(lead, condition.field);
  const { value } = condition;
  switch (condition.op) {
    case 'eq':
      return !Array.isArray(value) && value !== undefined && same(actual, value);
    case 'neq':
      return !Array.isArray(value) && value !== undefined && !same(actual, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => same(actual, v));
    case 'gte':
    case 'lte':
      return (typeof value === 'number' || typeof value === 'string') && compare(condition.field, actual, value, condition.op);
    case 'contains': {
      if (typeof value !== 'string' || actual === undefined || actual === null) return false;
      if (Array.isArray(actual)) return actual.some((item) => same(item, value));
      return typeof actual === 'string' && searchKey(actual).includes(searchKey(value));
    }
    case 'isEmpty':
      return isEmpty(actual) === (value !== false);
  }
}

/** Whether every condition holds (no conditions: every lead). */
export const conditionsHold = (conditions: readonly AssignmentCondition[], lead: Readonly<DistributableLead>): boolean =>
  conditions.every((c) => conditionHolds(c, lead));
