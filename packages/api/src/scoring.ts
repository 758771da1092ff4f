import {
  cachedScoringRules,
  createScoringService,
  type LeadEventSink,
  type PicklistSource,
  type PluginLogger,
  type Scorer,
  type ScoringService,
} from '@sarnakh/core';
import { createCustomFieldSource, createLeadStore, createScoreRecomputer, createScoringRulesStore, type Database } from '@sarnakh/db';

/** The durable job that recomputes every lead's score (`scoring.recomputeAll`). */
export const SCORING_RECOMPUTE_JOB = 'core.scoring-recompute';

export interface ScoringWiringOptions {
  database: Database;
  picklists: PicklistSource;
  /** The enabled plugin scorers. */
  scorers: () => readonly Scorer[];
  events: LeadEventSink;
  logger: PluginLogger;
}

/**
 * Scoring wired over the database: the rules (read at most every few seconds, since capture reads
 * them for every lead) and the scoring use cases.
 */
export function createScoringWiring(options: ScoringWiringOptions) {
  const { db } = options.database;
  const rules = cachedScoringRules(createScoringRulesStore(db));
  const service: ScoringService = createScoringService({
    rules,
    leads: createLeadStore(db),
    recomputer: createScoreRecomputer(db),
    picklists: options.picklists,
    customFields: createCustomFieldSource(db),
    scorers: options.scorers,
    events: options.events,
    onScorerError: ({ scorer, error }) => options.logger.error('scorer failed while explaining a score', { scorer, error }),
  });
  return {
    service,
    rules: () => rules.load(),
    thresholds: async () => (await rules.load()).thresholds,
  };
}
