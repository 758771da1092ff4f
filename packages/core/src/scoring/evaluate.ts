import type { ScoreReason } from '../extensions/points.js';
import type { CustomFieldValue, LeadWritable } from '../lead/lead.js';
import { fitField, foldRuleText, type BehaviorRule, type FitField, type FitRule, type FitScalar } from './rules.js';

/**
 * The rule evaluator: pure functions over a lead and its timeline. `recomputeAll` (in
 * `@sarnakh/db`) translates the same rules to SQL; a test holds the two to the same answers.
 */

export const DAY_MS = 86_400_000;

/** An activity as behavior rules see it: its type and when it happened. */
export interface ScoredActivity {
  type: string;
  at: Date;
}

/** A behavior rule's reason: how many activities it counted. */
export interface BehaviorReason extends ScoreReason {
  count: number;
}

type FieldValue = CustomFieldValue | Date | undefined;

function valueOf(lead: Readonly<LeadWritable>, field: FitField): FieldValue {
  if (field.custom) return Object.hasOwn(lead.customFields, field.name) ? lead.customFields[field.name] : undefined;
  return lead[field.name as keyof LeadWritable] as FieldValue;
}

function isEmptyValue(value: FieldValue): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** A number, or a money value's amount; anything else is not a number (text is never parsed). */
function numberOf(value: FieldValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)) {
    return typeof value.amount === 'number' && Number.isFinite(value.amount) ? value.amount : null;
  }
  return null;
}

const stringsOf = (value: FieldValue): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

function equals(field: FitField, value: FieldValue, expected: FitScalar): boolean {
  switch (field.class) {
    case 'text':
      return typeof value === 'string' && typeof expected === 'string' && foldRuleText(value) === foldRuleText(expected);
    case 'key':
      return typeof value === 'string' && value === expected;
    case 'number':
      return typeof expected === 'number' && numberOf(value) === expected;
    case 'boolean':
      return typeof value === 'boolean' && value === expected;
    case 'date':
      return false;
    case 'custom':
      if (typeof expected === 'string') {
        const key = foldRuleText(expected);
        if (typeof value === 'string') return foldRuleText(value) === key;
        return stringsOf(value).some((v) => foldRuleText(v) === key);
      }
      if (typeof expected === 'number') return numberOf(value) === expected;
      return typeof value === 'boolean' && value === expected;
  }
}

function contains(field: FitField, value: FieldValue, expected: FitScalar): boolean {
  if (typeof expected !== 'string') return false;
  const key = foldRuleText(expected);
  if (typeof value === 'string') return (field.class === 'text' || field.class === 'custom') && foldRuleText(value).includes(key);
  // A list contains an element; its elements are not searched inside.
  return field.class === 'custom' && stringsOf(value).some((v) => foldRuleText(v) === key);
}

/** Whether one fit rule matches the lead. A rule naming an unknown field matches nothing. */
export function fitRuleMatches(lead: Readonly<LeadWritable>, rule: FitRule): boolean {
  const field = fitField(rule.field);
  if (!field) return false;
  const value = valueOf(lead, field);
  const expected = rule.value;
  switch (rule.op) {
    case 'isEmpty':
      return isEmptyValue(value);
    case 'isNotEmpty':
      return !isEmptyValue(value);
    case 'eq':
      return expected !== undefined && !Array.isArray(expected) && equals(field, value, expected);
    case 'neq':
      // "Not retail" holds for a lead with no industry at all.
      return !(expected !== undefined && !Array.isArray(expected) && equals(field, value, expected));
    case 'in':
      return Array.isArray(expected) && expected.some((e) => equals(field, value, e));
    case 'gte':
    case 'lte': {
      const n = numberOf(value);
      if (n === null || typeof expected !== 'number') return false;
      return rule.op === 'gte' ? n >= expected : n <= expected;
    }
    case 'contains':
      return expected !== undefined && !Array.isArray(expected) && contains(field, value, expected);
  }
}

/** The fit rules that match the lead, as reasons with their points, in rule order. */
export function explainFitRules(lead: Readonly<LeadWritable>, rules: readonly FitRule[]): ScoreReason[] {
  return rules.filter((rule) => fitRuleMatches(lead, rule)).map((rule) => ({ rule: rule.id, points: rule.points, label: rule.label }));
}

/**
 * What one activity is worth under a rule `now`: its points less the decay per whole day since it
 * happened, never past zero (a negative rule's penalty fades the same way). Computed in hundredths
 * and rounded toward zero, so it is an integer and the SQL recompute gets the same.
 */
export function decayedPoints(rule: Pick<BehaviorRule, 'points' | 'decayPerDay'>, at: Date, now: Date): number {
  const days = Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS));
  const decayHundredths = Math.round((rule.decayPerDay ?? 0) * 100);
  const remaining = Math.max(0, Math.abs(rule.points) * 100 - decayHundredths * days);
  const points = Math.sign(rule.points) * Math.floor(remaining / 100);
  return points === 0 ? 0 : points;
}

/**
 * Each behavior rule that counts at least one activity, with the points of the activities it
 * counts (the most recent `maxCount`, or all), in rule order.
 */
export function explainBehavior(activities: readonly ScoredActivity[], rules: readonly BehaviorRule[], now: Date): BehaviorReason[] {
  const newestFirst = [...activities].sort((a, b) => b.at.getTime() - a.at.getTime());
  const out: BehaviorReason[] = [];
  for (const rule of rules) {
    const matching = newestFirst.filter((a) => a.type === rule.activityType);
    const counted = rule.maxCount === undefined ? matching : matching.slice(0, rule.maxCount);
    if (counted.length === 0) continue;
    const points = counted.reduce((sum, a) => sum + decayedPoints(rule, a.at, now), 0);
    out.push({ rule: rule.id, points, label: rule.label, count: counted.length });
  }
  return out;
}

/** The sum of reasons' points (non-finite points count as nothing), rounded to an integer. */
export function sumPoints(reasons: readonly Pick<ScoreReason, 'points'>[]): number {
  const total = Math.round(reasons.reduce((sum, r) => sum + (Number.isFinite(r.points) ? r.points : 0), 0));
  return total === 0 ? 0 : total;
}
