import { z } from 'zod';
import { qualifications } from '../lead/lead.js';

/**
 * Assignment rules: which salespeople a new, unowned lead may go to, and which strategy (a
 * `distributionStrategies` contribution: `round-robin`, `least-loaded`…) picks one of them. Rules
 * are tried in order and the first whose conditions all hold wins; when none does, or the winner
 * can pick nobody, the fallback pool is tried.
 */

/** Lead fields a condition can test, besides custom fields (`custom.<key>`). */
export const conditionFields = [
  'source',
  'channel',
  'province',
  'city',
  'country',
  'industry',
  'priority',
  'stage',
  'qualification',
  'score',
  'employees',
  'annualRevenue',
] as const;
export type ConditionBuiltinField = (typeof conditionFields)[number];
export type ConditionField = ConditionBuiltinField | `custom.${string}`;

export const conditionOps = ['eq', 'neq', 'in', 'gte', 'lte', 'contains', 'isEmpty'] as const;
export type ConditionOp = (typeof conditionOps)[number];

/** Fields whose values are numbers: `gte`/`lte` compare them as numbers. */
export const numericConditionFields: readonly ConditionBuiltinField[] = ['score', 'employees', 'annualRevenue'];

/** The name the fallback pool goes by in assignment reasons (and so reserved for rules). */
export const FALLBACK_RULE = 'fallback';

const CUSTOM_FIELD = /^custom\.[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

const conditionSchema = z
  .strictObject({
    /** `source`, `province`, `score`, `qualification`, `custom.budget`… */
    field: z.string().trim().max(80),
    op: z.enum(conditionOps),
    /**
     * `eq`/`neq`: a string, number or boolean; `in`: a list of them; `gte`/`lte`: a number (or, on
     * `qualification`, a band: `qualification gte mql` holds for mql and sql); `contains`: text, or an
     * item of a list field; `isEmpty`: true (the default) or false for "is not empty".
     */
    value: z.union([scalar, z.array(z.union([z.string().max(200), z.number()])).min(1).max(100)]).optional(),
  })
  .superRefine((c, ctx) => {
    const isBuiltin = (conditionFields as readonly string[]).includes(c.field);
    if (!isBuiltin && !CUSTOM_FIELD.test(c.field)) {
      ctx.addIssue({ code: 'invalid_value', values: [...conditionFields], path: ['field'], message: `Unknown field "${c.field}".` });
      return;
    }
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    const v = c.value;
    switch (c.op) {
      case 'eq':
      case 'neq':
        if (v === undefined || Array.isArray(v)) bad('Give one value.');
        break;
      case 'in':
        if (!Array.isArray(v)) bad('Give a list of values.');
        break;
      case 'gte':
      case 'lte':
        if (c.field === 'qualification') {
          if (typeof v !== 'string' || !(qualifications as readonly string[]).includes(v)) bad('Give cold, mql or sql.');
        } else if (isBuiltin && !numericConditionFields.includes(c.field as ConditionBuiltinField)) {
          ctx.addIssue({ code: 'custom', path: ['op'], message: `"${c.field}" cannot be compared with ${c.op}.` });
        } else if (typeof v !== 'number' && typeof v !== 'string') {
          bad('Give a number.');
        } else if (isBuiltin && typeof v !== 'number') {
          bad('Give a number.');
        }
        break;
      case 'contains':
        if (typeof v !== 'string' || v.trim() === '') bad('Give some text.');
        break;
      case 'isEmpty':
        if (v !== undefined && typeof v !== 'boolean') bad('Give true or false.');
        break;
    }
  });

export type AssignmentCondition = z.output<typeof conditionSchema>;

const userId = z.string().trim().min(1).max(100);
const weightsSchema = z.record(z.string(), z.number().int().min(1).max(100));

/** Who a pool hands leads to and how: the users, the strategy and optional weights per user. */
const poolShape = {
  /** In a stable order: strategies that rotate go through them in this order. */
  userIds: z.array(userId).min(1).max(500),
  /** A strategy id from `distribution.strategies`. */
  strategy: z.string().trim().min(1).max(100),
  /** Per-user weights (`{ [userId]: 2 }`: two turns per cycle); a user without one weighs 1. */
  weights: weightsSchema.optional(),
};

const ruleSchema = z.strictObject({
  /** Unique; names the rule in assignment reasons and keys strategies' state (rotation counters). */
  name: z.string().trim().min(1).max(100),
  /** All must hold; none means "every lead". */
  conditions: z.array(conditionSchema).max(20).default([]),
  ...poolShape,
});

const fallbackSchema = z.strictObject(poolShape);

type PoolIssueContext = z.core.$RefinementCtx<unknown>;

function checkPool(pool: { userIds: string[]; weights?: Record<string, number> | undefined }, path: (string | number)[], ctx: PoolIssueContext) {
  const seen = new Set<string>();
  pool.userIds.forEach((id, index) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'userIds', index], message: `User "${id}" is listed twice.` });
    seen.add(id);
  });
  for (const id of Object.keys(pool.weights ?? {})) {
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: [...path, 'weights', id], message: `User "${id}" is not in this pool.` });
  }
}

/** The stored (and `distribution.setRules`) shape; errors name the field: `rules.0.userIds`. */
export const assignmentRulesSchema = z
  .strictObject({
    rules: z.array(ruleSchema).max(100).default([]),
    /** Tried when no rule matches, or the matching rule's strategy can pick nobody. */
    fallback: fallbackSchema.nullish().transform((v) => v ?? null),
    /** When a lead's first-response deadline passes, distribute it again without its owner. */
    reassignOnSlaBreach: z.boolean().optional(),
  })
  .superRefine((value, ctx) => {
    const names = new Set<string>();
    value.rules.forEach((rule, index) => {
      const key = rule.name.toLowerCase();
      if (key === FALLBACK_RULE) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'name'], message: `"${FALLBACK_RULE}" is reserved for the fallback pool.` });
      } else if (names.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['rules', index, 'name'], message: `Another rule is named "${rule.name}".` });
      }
      names.add(key);
      checkPool(rule, ['rules', index], ctx);
    });
    if (value.fallback) checkPool(value.fallback, ['fallback'], ctx);
  });

export type AssignmentRulesInput = z.input<typeof assignmentRulesSchema>;
export type AssignmentRules = z.output<typeof assignmentRulesSchema>;
export type AssignmentRule = AssignmentRules['rules'][number];
export type AssignmentPool = Pick<AssignmentRule, 'userIds' | 'strategy' | 'weights'>;

/** No rules, no fallback: every unowned lead stays unassigned. */
export const emptyAssignmentRules: AssignmentRules = { rules: [], fallback: null };
