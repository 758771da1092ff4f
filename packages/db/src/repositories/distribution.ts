import { assignmentRulesSchema, emptyAssignmentRules, type AssignmentRules } from '@sarnakh/core';
import type { Kysely } from 'kysely';
import type { SarnakhDatabase } from '../schema.js';
import { createSettingsRepository } from './settings.js';

/** The settings key the assignment rules are stored under. */
export const DISTRIBUTION_RULES_KEY = 'distribution.rules';

/**
 * The assignment rules, in `settings` under `distribution.rules`: one row, shared by every server
 * process. Read per lead, so a saved change applies to the next lead everywhere.
 */
export function createDistributionRulesRepository(db: Kysely<SarnakhDatabase>) {
  const settings = createSettingsRepository(db);
  return {
    /** The saved rules; none saved (or saved by an incompatible version) reads as no rules. */
    async get(): Promise<AssignmentRules> {
      const stored = await settings.get<unknown>(DISTRIBUTION_RULES_KEY);
      if (stored === undefined) return emptyAssignmentRules;
      const parsed = assignmentRulesSchema.safeParse(stored);
      return parsed.success ? parsed.data : emptyAssignmentRules;
    },

    /** Replace the rules; the caller has validated them (`assignmentRulesSchema`, users, strategies). */
    async set(rules: AssignmentRules): Promise<void> {
      await settings.set(DISTRIBUTION_RULES_KEY, rules);
    },
  };
}

export type DistributionRulesRepository = ReturnType<typeof createDistributionRulesRepository>;
