import type { ActivityType, LocalizedText } from '@sarnakh/core';
import type { RouterInputs, RouterOutputs } from '../../api/trpc.js';
import { locales, type Locale } from '../../i18n/index.js';
import { rowKey } from './errors.js';
import { takesList, takesValue, type RuleOp, type RuleValue } from './rule-fields.js';

/**
 * The rules as the forms edit them, and back. Rows carry a `key` for Vue; numbers an admin
 * cleared are `undefined` and sent as they are, so the server names the empty input
 * (`fit.0.points`) instead of the form guessing a value.
 */

type ScoringRules = RouterOutputs['scoring']['getRules'];
type ScoringInput = RouterInputs['scoring']['setRules'];
type AssignmentRules = RouterOutputs['distribution']['getRules'];
type AssignmentInput = RouterInputs['distribution']['setRules'];
type Condition = AssignmentRules['rules'][number]['conditions'][number];
type ConditionInput = NonNullable<NonNullable<AssignmentInput['rules']>[number]['conditions']>[number];

/** What a number input holds: a number, or nothing typed yet (Vuetify gives '' for an emptied input). */
export type NumberDraft = number | string | undefined;

export interface FitDraft {
  key: number;
  id: string;
  label: LocalizedText;
  field: string;
  op: RuleOp;
  value: RuleValue;
  points: NumberDraft;
}

export interface BehaviorDraft {
  key: number;
  id: string;
  label: LocalizedText;
  activityType: string;
  points: NumberDraft;
  maxCount: NumberDraft;
  decayPerDay: NumberDraft;
}

export interface ScoringDraft {
  fit: FitDraft[];
  behavior: BehaviorDraft[];
  thresholds: { mql: NumberDraft; sql: NumberDraft };
  urgent: { enabled: boolean; dueInMinutes: NumberDraft; title: string };
}

export interface ConditionDraft {
  key: number;
  field: string;
  op: RuleOp;
  value: RuleValue;
}

export interface PoolDraft {
  userIds: string[];
  strategy: string;
  /** Kept from the saved rules for users still in the pool; the form does not edit them. */
  weights?: Record<string, number> | undefined;
}

export interface AssignmentRuleDraft extends PoolDraft {
  key: number;
  name: string;
  conditions: ConditionDraft[];
}

export interface AssignmentDraft {
  rules: AssignmentRuleDraft[];
  useFallback: boolean;
  fallback: PoolDraft;
  reassignOnSlaBreach: boolean;
}

/** Activity types core writes on a lead's timeline, offered for behavior rules (plugins' types can be typed). */
export const knownActivityTypes: readonly ActivityType[] = [
  'duplicate_submitted', 'sms_received', 'sms_sent', 'call', 'note', 'task_completed', 'stage_changed', 'assigned', 'converted', 'sla_breached', 'updated',
];

/** A number input's content as the server should see it: a number, else what was typed; nothing for an empty input. */
export function numberOrNothing(value: NumberDraft): number | undefined {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  // A non-number stays as typed: the server refuses it by its field.
  return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : (value as unknown as number);
}

/** A required number the admin may have cleared: the server, not the form, says it is required. */
const required = (value: NumberDraft) => numberOrNothing(value) as number;

const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
const emptyLabel = (): LocalizedText => ({ fa: '', ar: '', en: '' });

/** A label typed in one language stands for the others that are still empty. */
export function completeLabel(label: LocalizedText, typedIn: Locale): LocalizedText {
  const text = label[typedIn].trim() || locales.map((l) => label[l].trim()).find(Boolean) || '';
  return Object.fromEntries(locales.map((l) => [l, label[l].trim() || text])) as LocalizedText;
}

/** A value that fits the operator: none for "is empty", a list for "is one of", one value otherwise. */
export function valueForOp(op: RuleOp, value: RuleValue): RuleValue {
  if (!takesValue(op)) return undefined;
  if (takesList(op)) return Array.isArray(value) ? value : value === undefined ? undefined : [value as string | number];
  return Array.isArray(value) ? value[0] : value;
}

export function toScoringDraft(rules: ScoringRules): ScoringDraft {
  const urgent = typeof rules.urgentTaskOnSql === 'boolean' ? { enabled: rules.urgentTaskOnSql, dueInMinutes: 30 } : rules.urgentTaskOnSql;
  return {
    fit: rules.fit.map((r) => ({ key: rowKey(), id: r.id, label: { ...r.label }, field: r.field, op: r.op, value: r.value, points: r.points })),
    behavior: rules.behavior.map((r) => ({
      key: rowKey(),
      id: r.id,
      label: { ...r.label },
      activityType: r.activityType,
      points: r.points,
      maxCount: r.maxCount,
      decayPerDay: r.decayPerDay,
    })),
    thresholds: { ...rules.thresholds },
    urgent: { enabled: urgent.enabled, dueInMinutes: urgent.dueInMinutes, title: ('title' in urgent ? urgent.title : undefined) ?? '' },
  };
}

export const newFitRule = (field: string, op: RuleOp): FitDraft => ({ key: rowKey(), id: newId('fit'), label: emptyLabel(), field, op, value: undefined, points: 10 });

export const newBehaviorRule = (): BehaviorDraft => ({
  key: rowKey(),
  id: newId('behavior'),
  label: emptyLabel(),
  activityType: 'call',
  points: 5,
  maxCount: undefined,
  decayPerDay: undefined,
});

export function fromScoringDraft(draft: ScoringDraft, locale: Locale): ScoringInput {
  return {
    fit: draft.fit.map((r) => ({
      id: r.id,
      label: completeLabel(r.label, locale),
      field: r.field,
      op: r.op,
      ...(takesValue(r.op) ? { value: valueForOp(r.op, r.value) } : {}),
      points: required(r.points),
    })),
    behavior: draft.behavior.map((r) => ({
      id: r.id,
      label: completeLabel(r.label, locale),
      activityType: r.activityType.trim(),
      points: required(r.points),
      maxCount: numberOrNothing(r.maxCount),
      decayPerDay: numberOrNothing(r.decayPerDay),
    })),
    thresholds: { mql: required(draft.thresholds.mql), sql: required(draft.thresholds.sql) },
    urgentTaskOnSql: {
      enabled: draft.urgent.enabled,
      dueInMinutes: required(draft.urgent.dueInMinutes),
      title: draft.urgent.title.trim() || undefined,
    },
  };
}

function toConditionDraft(c: Condition): ConditionDraft {
  // Stored "is not empty" is `isEmpty` with `false`; the form shows it as its own operator.
  if (c.op === 'isEmpty') return { key: rowKey(), field: c.field, op: c.value === false ? 'isNotEmpty' : 'isEmpty', value: undefined };
  return { key: rowKey(), field: c.field, op: c.op, value: c.value as RuleValue };
}

function fromConditionDraft(c: ConditionDraft): ConditionInput {
  if (c.op === 'isEmpty') return { field: c.field, op: 'isEmpty' };
  if (c.op === 'isNotEmpty') return { field: c.field, op: 'isEmpty', value: false };
  return { field: c.field, op: c.op, value: valueForOp(c.op, c.value) };
}

const keptWeights = (pool: PoolDraft) => {
  const kept = Object.entries(pool.weights ?? {}).filter(([id]) => pool.userIds.includes(id));
  return kept.length ? Object.fromEntries(kept) : undefined;
};

export function toAssignmentDraft(rules: AssignmentRules, defaultStrategy: string): AssignmentDraft {
  return {
    rules: rules.rules.map((r) => ({
      key: rowKey(),
      name: r.name,
      conditions: r.conditions.map(toConditionDraft),
      userIds: [...r.userIds],
      strategy: r.strategy,
      weights: r.weights,
    })),
    useFallback: rules.fallback !== null,
    fallback: rules.fallback ? { userIds: [...rules.fallback.userIds], strategy: rules.fallback.strategy, weights: rules.fallback.weights } : { userIds: [], strategy: defaultStrategy },
    reassignOnSlaBreach: rules.reassignOnSlaBreach ?? false,
  };
}

export const newAssignmentRule = (name: string, strategy: string): AssignmentRuleDraft => ({ key: rowKey(), name, conditions: [], userIds: [], strategy });

export const newCondition = (field: string, op: RuleOp): ConditionDraft => ({ key: rowKey(), field, op, value: undefined });

export function fromAssignmentDraft(draft: AssignmentDraft): AssignmentInput {
  return {
    rules: draft.rules.map((r) => ({
      name: r.name.trim(),
      conditions: r.conditions.map(fromConditionDraft),
      userIds: r.userIds,
      strategy: r.strategy,
      weights: keptWeights(r),
    })),
    fallback: draft.useFallback ? { userIds: draft.fallback.userIds, strategy: draft.fallback.strategy, weights: keptWeights(draft.fallback) } : null,
    reassignOnSlaBreach: draft.reassignOnSlaBreach,
  };
}
