import type { ScoreReason } from '../extensions/points.js';
import type { LocalizedText } from '../i18n/locales.js';
import type { Lead, Qualification } from '../lead/lead.js';
import { explainBehavior, explainFitRules, sumPoints, type ScoredActivity } from './evaluate.js';
import { clampScore, qualificationFor, type QualificationThresholds } from './qualification.js';
import type { ScoringRules } from './rules.js';

export type ScoreReasonKind = 'fit' | 'behavior' | 'plugin';

/** One contribution to a lead's score. */
export interface ExplainedReason {
  rule: string;
  label: LocalizedText;
  points: number;
  kind: ScoreReasonKind;
  /** Plugin reasons: the scorer that gave them. */
  scorer?: string;
  /** Behavior reasons: how many activities were counted. */
  count?: number;
}

/** Why a lead scores what it does, as scoring it now would. */
export interface ScoreExplanation {
  leadId: string;
  /** What the reasons add up to (plugin points rounded as a whole): the score the lead gets now. */
  total: number;
  qualification: Qualification;
  thresholds: QualificationThresholds;
  reasons: ExplainedReason[];
  /** The score as stored on the lead. */
  stored: { score: number; qualification: Qualification };
  /**
   * Whether the stored score is `total`. It differs when the rules changed since the lead was last
   * scored (until `scoring.recomputeAll` runs), when behavior points have decayed since, or when a
   * plugin scorer now answers differently (plugin points are kept from the lead's last edit).
   */
  upToDate: boolean;
  /** The moment decay was measured to. */
  at: Date;
}

export interface ExplainInput {
  lead: Lead;
  activities: readonly ScoredActivity[];
  rules: ScoringRules;
  /** What the enabled plugin scorers say about the lead now. */
  pluginReasons: readonly (ScoreReason & { scorer: string })[];
  now: Date;
}

/** Every rule's contribution and the total, exactly as rescoring the lead now would compute it. */
export function explainScore({ lead, activities, rules, pluginReasons, now }: ExplainInput): ScoreExplanation {
  const fit = explainFitRules(lead, rules.fit);
  const behavior = explainBehavior(activities, rules.behavior, now);
  const total = clampScore(sumPoints(fit) + sumPoints(behavior) + sumPoints(pluginReasons));
  const qualification = qualificationFor(total, rules.thresholds);
  return {
    leadId: lead.id,
    total,
    qualification,
    thresholds: { ...rules.thresholds },
    reasons: [
      ...fit.map((r): ExplainedReason => ({ rule: r.rule, label: r.label, points: r.points, kind: 'fit' })),
      ...behavior.map((r): ExplainedReason => ({ rule: r.rule, label: r.label, points: r.points, kind: 'behavior', count: r.count })),
      ...pluginReasons.map((r): ExplainedReason => ({ rule: r.rule, label: r.label, points: r.points, kind: 'plugin', scorer: r.scorer })),
    ],
    stored: { score: lead.score, qualification: lead.qualification },
    upToDate: total === lead.score && qualification === lead.qualification,
    at: now,
  };
}
