import type { Qualification } from '../lead/lead.js';

export interface QualificationThresholds {
  /** A score at or above this is `mql`. */
  mql: number;
  /** A score at or above this is `sql`; above `mql`. */
  sql: number;
}

export const defaultQualificationThresholds: QualificationThresholds = { mql: 40, sql: 70 };

export function qualificationFor(score: number, thresholds: QualificationThresholds): Qualification {
  if (score >= thresholds.sql) return 'sql';
  if (score >= thresholds.mql) return 'mql';
  return 'cold';
}

/** A stored score stays an integer column: totals are clamped to ± one billion. */
export const MAX_SCORE = 1_000_000_000;

export function clampScore(score: number): number {
  const clamped = Math.max(-MAX_SCORE, Math.min(MAX_SCORE, score));
  // -0 would compare unequal to 0 in deep equality checks; a score has no sign of zero.
  return clamped === 0 ? 0 : clamped;
}
