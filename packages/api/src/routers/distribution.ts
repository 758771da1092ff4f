import {
  CUSTOM_PREFIX,
  fieldError,
  assignmentRulesSchema,
  distributionStrategies,
  type AssignmentRules,
  type FieldError,
  type Locale,
} from '@sarnakh/core';
import { createDistributionRulesRepository, createUserDirectory } from '@sarnakh/db';
import { badRequest } from '../errors.js';
import type { Services } from '../services.js';
import { adminProcedure, roleProcedure, router } from '../trpc.js';

/** The strategies leads can be distributed with now: those of enabled plugins, in boot order. */
function enabledStrategies(services: Services) {
  const { host } = services.plugins;
  return host.registry
    .contributions(distributionStrategies, { enabledOnly: host.isEnabled })
    .map(({ value, pluginId }) => ({ id: value.id, label: value.label, pluginId }));
}

const messages = {
  strategy: {
    en: (id: string, known: string) => `There is no enabled strategy "${id}". Enabled strategies: ${known || 'none'}.`,
    fa: (id: string, known: string) => `راهبرد فعالی با نام «${id}» نیست. راهبردهای فعال: ${known || 'هیچ'}.`,
    ar: (id: string, known: string) => `لا توجد استراتيجية مفعّلة باسم «${id}». الاستراتيجيات المفعّلة: ${known || 'لا شيء'}.`,
  },
  user: {
    en: (id: string) => `There is no user "${id}".`,
    fa: (id: string) => `کاربری با شناسه «${id}» نیست.`,
    ar: (id: string) => `لا يوجد مستخدم بالمعرّف «${id}».`,
  },
} satisfies Record<string, Record<Locale, (...args: string[]) => string>>;

/**
 * What the schema cannot see: each pool's strategy must be enabled now and each user must exist,
 * every problem named by its field (`rules.0.strategy`, `fallback.userIds.2`). Inactive users are
 * accepted: they are skipped until they are active again.
 */
async function checkReferences(services: Services, rules: AssignmentRules, locale: Locale): Promise<FieldError[]> {
  const pools = [
    ...rules.rules.map((rule, index) => ({ path: `rules.${index}`, pool: rule })),
    ...(rules.fallback ? [{ path: 'fallback', pool: rules.fallback }] : []),
  ];
  const strategies = enabledStrategies(services).map((s) => s.id);
  const ids = [...new Set(pools.flatMap(({ pool }) => pool.userIds))];
  const existing = new Set((await createUserDirectory(services.database.db).findUsers(ids)).map((u) => u.id));
  const problems: FieldError[] = await checkCustomConditions(services, rules, locale);
  for (const { path, pool } of pools) {
    if (!strategies.includes(pool.strategy)) {
      problems.push({ field: `${path}.strategy`, code: 'unknown_value', message: messages.strategy[locale](pool.strategy, strategies.join(', ')) });
    }
    pool.userIds.forEach((id, index) => {
      if (!existing.has(id)) problems.push({ field: `${path}.userIds.${index}`, code: 'unknown_value', message: messages.user[locale](id) });
    });
  }
  return problems;
}

/**
 * Conditions on `custom.<key>` must name an active custom field, and `gte`/`lte` a field whose
 * values order (numbers, dates, text): `rules.0.conditions.1.field`, `….op`.
 */
async function checkCustomConditions(services: Services, rules: AssignmentRules, locale: Locale): Promise<FieldError[]> {
  const catalog = await services.leads.fieldCatalog();
  const problems: FieldError[] = [];
  rules.rules.forEach((rule, r) =>
    rule.conditions.forEach((condition, c) => {
      if (!condition.field.startsWith(CUSTOM_PREFIX)) return;
      const at = `rules.${r}.conditions.${c}`;
      const field = catalog.resolve(condition.field);
      if (!field) problems.push(fieldError(`${at}.field`, 'unknown_field', locale));
      else if ((condition.op === 'gte' || condition.op === 'lte') && !['number', 'timestamp', 'text'].includes(field.storage)) {
        problems.push(fieldError(`${at}.op`, 'invalid_value', locale));
      }
    }),
  );
  return problems;
}

export const distributionRouter = router({
  /** The assignment rules and the fallback pool (none saved: no rules, no fallback). */
  getRules: roleProcedure('manager', 'admin').query(({ ctx }) => createDistributionRulesRepository(ctx.services.database.db).get()),

  /**
   * Replace the assignment rules. Tried in order, first match wins; a lead no rule matches goes to
   * the fallback pool, if any. Unknown users and strategies are refused by field with their names.
   */
  setRules: adminProcedure.input(assignmentRulesSchema).mutation(async ({ ctx, input }) => {
    const problems = await checkReferences(ctx.services, input, ctx.locale);
    if (problems.length > 0) throw badRequest(problems);
    await createDistributionRulesRepository(ctx.services.database.db).set(input);
    return input;
  }),

  /** The strategies of enabled plugins, for rule editors: `{ id, label, pluginId }`. */
  strategies: roleProcedure('manager', 'admin').query(({ ctx }) => enabledStrategies(ctx.services)),
});
