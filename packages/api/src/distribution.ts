import { createDistributor, type PluginLogger } from '@sarnakh/core';
import { createDistributionRulesRepository, createUserDirectory, type Database } from '@sarnakh/db';

/**
 * The ingest pipeline's `distribute`, over the stored assignment rules and the users table. A pool
 * that picks nobody, and a lead left unassigned, are logged with the rule, the strategy and why.
 */
export function createRuleDistributor(db: Database['db'], logger: PluginLogger) {
  const rules = createDistributionRulesRepository(db);
  const users = createUserDirectory(db);
  return createDistributor({
    loadRules: () => rules.get(),
    activeUsers: async (ids) => (await users.findUsers(ids)).filter((u) => u.active).map((u) => u.id),
    report: ({ rule, strategy, reason, then, error }) =>
      logger.warn(then === 'fallback' ? 'assignment rule picked nobody; trying the fallback pool' : 'lead left unassigned', {
        rule,
        strategy,
        reason,
        ...(error === undefined ? {} : { error }),
      }),
  });
}
