import type { Lead } from '../lead/lead.js';
import type { LeadTransaction } from '../lead/ports.js';
import { explainBehavior, explainFitRules, sumPoints } from './evaluate.js';
import type { QualificationChange } from './ports.js';
import { clampScore, qualificationFor } from './qualification.js';
import { behaviorActivityTypes, type ScoringRules } from './rules.js';

export interface RescoreResult {
  /** The leads as they are after the rescore, in the order given. */
  leads: Lead[];
  /** Those whose qualification changed, for `lead.qualified` after the commit. */
  qualified: QualificationChange[];
}

/**
 * Score leads again inside a transaction, from their fields as they now are, their timeline
 * (activities recorded in this transaction included) and their plugin points, and write the score
 * and qualification where they changed. `pluginScores` replaces the stored plugin points of the
 * leads it names (plugin scorers run before the transaction, since they may read storage).
 */
export async function rescoreInTransaction(
  tx: LeadTransaction,
  leads: readonly Lead[],
  rules: ScoringRules,
  at: Date,
  pluginScores?: ReadonlyMap<string, number>,
): Promise<RescoreResult> {
  if (leads.length === 0) return { leads: [], qualified: [] };
  const facts = await tx.scoringFacts(
    leads.map((l) => l.id),
    behaviorActivityTypes(rules),
  );
  const out: Lead[] = [];
  const qualified: QualificationChange[] = [];
  for (const lead of leads) {
    const fact = facts.get(lead.id) ?? { pluginScore: 0, activities: [] };
    const pluginScore = pluginScores?.get(lead.id) ?? fact.pluginScore;
    const score = clampScore(
      sumPoints(explainFitRules(lead, rules.fit)) + sumPoints(explainBehavior(fact.activities, rules.behavior, at)) + pluginScore,
    );
    const qualification = qualificationFor(score, rules.thresholds);
    if (score === lead.score && qualification === lead.qualification && pluginScore === fact.pluginScore) {
      out.push(lead);
      continue;
    }
    const updated = await tx.setScore(lead.id, { score, qualification, pluginScore });
    if (qualification !== lead.qualification) qualified.push({ lead: updated, from: lead.qualification, to: qualification });
    out.push(updated);
  }
  return { leads: out, qualified };
}
