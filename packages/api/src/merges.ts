import { createMergeService, type LeadService, type MergeService, type ScoringRules } from '@sarnakh/core';
import { createLeadStore, createMergeStore, createUserDirectory, type Database } from '@sarnakh/db';
import type { LeadEventSink } from '@sarnakh/core';

export interface MergeWiringOptions {
  leads: LeadService;
  rules: () => Promise<ScoringRules>;
  events: LeadEventSink;
}

/** Duplicates and merges over the database; explicit merge values are checked as the lead service checks edits. */
export function createMergeWiring(database: Database, options: MergeWiringOptions): MergeService {
  const { db } = database;
  return createMergeService({
    merges: createMergeStore(db),
    leads: createLeadStore(db),
    users: createUserDirectory(db),
    prepareContext: (locale) => options.leads.prepareContext(locale),
    rules: options.rules,
    events: options.events,
  });
}
