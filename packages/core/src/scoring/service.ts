import { leadScope, type Actor } from '../auth/roles.js';
import type { FieldError, LeadFailure } from '../errors.js';
import type { Scorer } from '../extensions/points.js';
import type { Locale } from '../i18n/locales.js';
import { scoreLead, type LeadEventSink } from '../lead/ingest.js';
import type { CustomFieldSource, LeadStore, PicklistSource } from '../lead/ports.js';
import { err, ok, type Result } from '../result.js';
import { explainScore, type ScoreExplanation } from './explain.js';
import type { QualificationChange, RecomputeReport, ScoreRecomputer, ScoringRulesStore } from './ports.js';
import { defaultQualificationThresholds } from './qualification.js';
import { behaviorActivityTypes, validateScoringRules, type ScoringRules } from './rules.js';

export interface ScoringServiceDeps {
  rules: ScoringRulesStore;
  leads: LeadStore;
  recomputer: ScoreRecomputer;
  picklists: PicklistSource;
  customFields: CustomFieldSource;
  /** The enabled plugins' scorers (core's fit rules are explained from the rules themselves). */
  scorers?: () => readonly Scorer[];
  events?: LeadEventSink;
  onScorerError?: (failure: { scorer: string; error: unknown }) => void;
  now?: () => Date;
}

/** The scoring use cases: the rules, explanations, and recomputing every lead. */
export function createScoringService(deps: ScoringServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const pluginScorers = () => deps.scorers?.() ?? [];

  async function emitQualified(changes: readonly QualificationChange[], at: Date): Promise<void> {
    if (!deps.events) return;
    for (const { lead, from, to } of changes) await deps.events.emit('lead.qualified', { lead, actorId: null, at, from, to });
  }

  return {
    getRules(): Promise<ScoringRules> {
      return deps.rules.load();
    },

    /**
     * Validate and save a rule set. Stored leads keep their scores until they are rescored (on
     * their next change) or `recomputeAll` runs.
     */
    async setRules(raw: unknown, locale?: Locale): Promise<Result<ScoringRules, FieldError[]>> {
      const [picklists, customFieldKeys] = await Promise.all([deps.picklists.load(), deps.customFields.activeKeys()]);
      const checked = validateScoringRules(raw, { picklists, customFieldKeys, ...(locale ? { locale } : {}) });
      if (!checked.ok) return checked;
      await deps.rules.save(checked.value);
      return checked;
    },

    /** Each rule's contribution to a lead's score and the total, as scoring it now would give. */
    async explain(actor: Actor, id: string): Promise<Result<ScoreExplanation, LeadFailure>> {
      const lead = await deps.leads.get(leadScope(actor), id);
      if (!lead) return err({ code: 'NOT_FOUND', id });
      const rules = await deps.rules.load();
      const facts = await deps.leads.scoringFacts([id], behaviorActivityTypes(rules));
      const plugins = await scoreLead(lead, pluginScorers(), defaultQualificationThresholds);
      for (const failure of plugins.failed) deps.onScorerError?.(failure);
      return ok(
        explainScore({ lead, activities: facts.get(id)?.activities ?? [], rules, pluginReasons: plugins.reasons, now: now() }),
      );
    },

    /**
     * Score every lead again from the current rules, set-based and in batches, and tell the plugins
     * (`lead.qualified`) about each lead whose qualification changed. Plugin points stay as stored.
     */
    async recomputeAll(options: { batchSize?: number; signal?: AbortSignal } = {}): Promise<RecomputeReport> {
      const rules = await deps.rules.load({ fresh: true });
      const at = now();
      return deps.recomputer.recomputeAll(rules, {
        now: at,
        ...options,
        onQualified: (changes) => emitQualified(changes, at),
      });
    },
  };
}

export type ScoringService = ReturnType<typeof createScoringService>;
