import type { ConditionBuiltinField, FitOp } from '@sarnakh/core';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { currentLocale } from '../../i18n/index.js';
import { useReference, type PicklistName } from '../../stores/reference.js';
import { localized, type FieldDefinitionView } from '../fields/values.js';
import { CUSTOM_PREFIX, isLtrKind, leadSections, type FormFieldKind } from '../leads/form-fields.js';

/**
 * Which fields a rule can test and, for each, the conditions that make sense and the input its
 * value needs: a picklist's values, users, a number, yes/no, or text. The server checks the same
 * (core's `fitOpsByClass`, the assignment schema); these lists only keep the form from offering
 * what it would refuse.
 */

/** The editors' operators: core's fit operators; assignment conditions write `isNotEmpty` as `isEmpty: false`. */
export type RuleOp = FitOp;

/** A rule's value as its input holds it; `undefined` when nothing is entered. */
export type RuleValue = string | number | boolean | (string | number)[] | undefined;

export type ValueKind =
  | { type: 'text'; ltr: boolean }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'options'; items: { value: string; title: string }[] }
  /** Dates: a rule can only ask whether there is one. */
  | { type: 'none' };

export interface RuleField {
  value: string;
  title: string;
  kind: ValueKind;
  ops: readonly RuleOp[];
}

const textOps: readonly RuleOp[] = ['eq', 'neq', 'in', 'contains', 'isEmpty', 'isNotEmpty'];
const keyOps: readonly RuleOp[] = ['eq', 'neq', 'in', 'isEmpty', 'isNotEmpty'];
const numberOps: readonly RuleOp[] = ['eq', 'neq', 'in', 'gte', 'lte', 'isEmpty', 'isNotEmpty'];
const booleanOps: readonly RuleOp[] = ['eq', 'neq'];
const dateOps: readonly RuleOp[] = ['isEmpty', 'isNotEmpty'];
const listOps: readonly RuleOp[] = ['contains', 'isEmpty', 'isNotEmpty'];

/** The operators that take no value, and the one that takes a list. */
export const takesValue = (op: RuleOp) => op !== 'isEmpty' && op !== 'isNotEmpty';
export const takesList = (op: RuleOp) => op === 'in';

/** Built-in fields a condition of an assignment rule may test (core's `conditionFields`). */
const conditionFields: readonly ConditionBuiltinField[] = [
  'source', 'channel', 'province', 'city', 'country', 'industry', 'priority', 'stage', 'qualification', 'score', 'employees', 'annualRevenue',
];

export function useRuleFields(custom: Ref<FieldDefinitionView[]>) {
  const { t } = useI18n();
  const reference = useReference();

  const options = (list: PicklistName): ValueKind => ({ type: 'options', items: reference.options(list) });
  const users = computed<ValueKind>(() => ({
    type: 'options',
    items: reference.users.map((u) => ({ value: u.id, title: u.active ? u.name : `${u.name} (${t('rules.assignment.inactive')})` })),
  }));

  function builtin(name: string, kind: FormFieldKind): RuleField {
    const title = t(`lead.fields.${name}`);
    if (typeof kind === 'object') return { value: name, title, kind: options(kind.picklist), ops: keyOps };
    switch (kind) {
      case 'owner':
        return { value: name, title, kind: users.value, ops: keyOps };
      case 'number':
      case 'money':
        return { value: name, title, kind: { type: 'number' }, ops: numberOps };
      case 'boolean':
        return { value: name, title, kind: { type: 'boolean' }, ops: booleanOps };
      case 'dateTime':
        return { value: name, title, kind: { type: 'none' }, ops: dateOps };
      default:
        return { value: name, title, kind: { type: 'text', ltr: isLtrKind(kind) }, ops: textOps };
    }
  }

  function customField(definition: FieldDefinitionView): RuleField {
    const value = `${CUSTOM_PREFIX}${definition.key}`;
    const title = localized(definition.label, currentLocale());
    const choices: ValueKind = { type: 'options', items: definition.options.map((o) => ({ value: o.key, title: localized(o.label, currentLocale()) })) };
    switch (definition.type) {
      case 'number':
      case 'currency':
        return { value, title, kind: { type: 'number' }, ops: numberOps };
      case 'boolean':
        return { value, title, kind: { type: 'boolean' }, ops: booleanOps };
      case 'single-select':
        return { value, title, kind: choices, ops: keyOps };
      case 'multi-select':
        return { value, title, kind: choices, ops: listOps };
      default:
        return { value, title, kind: { type: 'text', ltr: false }, ops: textOps };
    }
  }

  const customFields = computed(() => custom.value.filter((d) => !d.archivedAt).map(customField));

  /** Fit rules: every built-in field people fill in, then the custom fields. */
  const fitFields = computed<RuleField[]>(() => [
    ...leadSections.flatMap((s) => s.fields).map((f) => builtin(f.name, f.kind)),
    builtin('lastContactAt', 'dateTime'),
    ...customFields.value,
  ]);

  /** Assignment conditions: core's condition fields (the score band as the qualification), then the custom fields. */
  const conditionFieldList = computed<RuleField[]>(() => [
    ...conditionFields.map((name): RuleField => {
      if (name === 'qualification') {
        const items = (['cold', 'mql', 'sql'] as const).map((q) => ({ value: q, title: t(`lead.qualification.${q}`) }));
        return { value: name, title: t('lead.fields.qualification'), kind: { type: 'options', items }, ops: ['eq', 'neq', 'in', 'gte', 'lte'] };
      }
      if (name === 'score') return { value: name, title: t('lead.fields.score'), kind: { type: 'number' }, ops: numberOps };
      const kind = leadSections.flatMap((s) => s.fields).find((f) => f.name === name)?.kind ?? 'text';
      return builtin(name, kind);
    }),
    ...customFields.value,
  ]);

  const opItems = (field: RuleField | undefined) => (field?.ops ?? []).map((op) => ({ value: op, title: t(`rules.op.${op}`) }));

  return { fitFields, conditionFields: conditionFieldList, opItems };
}

/** A field the rule names that the lists no longer have (an archived custom field): shown by its path, as text. */
export function fieldOrUnknown(fields: readonly RuleField[], path: string): RuleField {
  return fields.find((f) => f.value === path) ?? { value: path, title: path, kind: { type: 'text', ltr: true }, ops: textOps };
}
