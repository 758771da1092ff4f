import type { Lead, Qualification } from '../lead/lead.js';
import type { ScoringRules } from './rules.js';

/** Where the rules live (`@sarnakh/db`: the `scoring.rules` setting). */
export interface ScoringRulesStore {
  /** The current rules; `fresh` skips any cache (a recompute must see the rules just saved elsewhere). */
  load(options?: { fresh?: boolean }): Promise<ScoringRules>;
  save(rules: ScoringRules): Promise<void>;
}

/** A lead whose qualification a rescore changed. */
export interface QualificationChange {
  lead: Lead;
  from: Qualification;
  to: Qualification;
}

export interface RecomputeOptions {
  /** The moment decay is measured to. */
  now: Date;
  /** Leads per batch (one statement, one transaction each); default 50,000. */
  batchSize?: number;
  /** Called after each batch commits with the leads whose qualification it changed. */
  onQualified?: (changes: QualificationChange[]) => Promise<void>;
  /** Stop between batches when aborted (the leads done so far stay done). */
  signal?: AbortSignal;
}

export interface RecomputeReport {
  /** Leads looked at. */
  leads: number;
  /** Leads whose score or qualification changed. */
  changed: number;
  qualificationChanged: number;
  batches: number;
  /** False when stopped by the signal before the last batch. */
  completed: boolean;
}

/** Recompute every lead's score from the rules, set-based (`@sarnakh/db` does it in SQL, in batches). */
export interface ScoreRecomputer {
  recomputeAll(rules: ScoringRules, options: RecomputeOptions): Promise<RecomputeReport>;
}
