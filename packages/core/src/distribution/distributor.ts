import type { DistributableLead, DistributionStrategy } from '../extensions/points.js';
import type { Assignment } from '../lead/ingest.js';
import { conditionsHold } from './match.js';
import { FALLBACK_RULE, type AssignmentPool, type AssignmentRules } from './rules.js';

/** Why a pool gave a lead nobody. */
export const skipReasons = [
  /** No rule's conditions held (and there is no fallback pool). */
  'no_rule_matched',
  /** Every user of the pool is inactive. */
  'no_active_candidates',
  /** The strategy is not installed, or its plugin is disabled. */
  'strategy_unavailable',
  /** The strategy answered nobody (everyone away, off hours or over their daily cap). */
  'nobody_eligible',
  /** The strategy threw. */
  'strategy_failed',
  /** The strategy answered someone outside the candidates; ignored. */
  'invalid_pick',
] as const;
export type SkipReason = (typeof skipReasons)[number];

/** Told when a pool assigns nobody: what was tried, why it failed and what happens next. */
export interface DistributionNotice {
  /** The rule (or `fallback`); null when no rule matched. */
  rule: string | null;
  strategy: string | null;
  reason: SkipReason;
  /** `fallback`: the fallback pool is tried next; `unassigned`: the lead stays without an owner. */
  then: 'fallback' | 'unassigned';
  error?: unknown;
}

export interface DistributorDeps {
  /** The current rules (read per lead, so a change applies to the next one, in every process). */
  loadRules(): Promise<AssignmentRules>;
  /** Which of these users are active (in any order). */
  activeUsers(ids: readonly string[]): Promise<readonly string[]>;
  /** Where a skipped pool or an unassigned lead is reported, e.g. the server log. */
  report?(notice: DistributionNotice): void;
}

type PoolOutcome = { ok: true; ownerId: string; candidates: string[] } | { ok: false; reason: SkipReason; error?: unknown };

/**
 * The ingest pipeline's `distribute`: the first rule whose conditions hold gives the pool; the
 * pool's active users are the candidates; the rule's strategy (among the enabled ones) picks one.
 * When no rule holds, or the pool assigns nobody, the fallback pool is tried; otherwise the lead
 * stays unassigned, and `report` says why.
 */
export function createDistributor(deps: DistributorDeps) {
  async function tryPool(
    lead: Readonly<DistributableLead>,
    rule: string,
    pool: AssignmentPool,
    strategies: readonly DistributionStrategy[],
    exclude: readonly string[],
  ): Promise<PoolOutcome> {
    const strategy = strategies.find((s) => s.id === pool.strategy);
    if (!strategy) return { ok: false, reason: 'strategy_unavailable' };
    const active = new Set(await deps.activeUsers(pool.userIds));
    const candidates = pool.userIds.filter((id) => active.has(id) && !exclude.includes(id));
    if (candidates.length === 0) return { ok: false, reason: 'no_active_candidates' };
    let picked: string | null;
    try {
      picked = await strategy.pick({ lead, candidates, ...(pool.weights ? { weights: pool.weights } : {}), rule });
    } catch (error) {
      return { ok: false, reason: 'strategy_failed', error };
    }
    if (picked === null) return { ok: false, reason: 'nobody_eligible' };
    if (!candidates.includes(picked)) return { ok: false, reason: 'invalid_pick' };
    return { ok: true, ownerId: picked, candidates };
  }

  /**
   * `exclude`: users who may not get the lead (its owner, when a missed response deadline
   * redistributes it). `rules`: rules already loaded (a batch of rows reads them once).
   */
  return async function distribute(
    lead: Readonly<DistributableLead>,
    strategies: readonly DistributionStrategy[],
    options: { exclude?: readonly string[]; rules?: AssignmentRules } = {},
  ): Promise<Assignment | null> {
    const exclude = options.exclude ?? [];
    const { rules, fallback } = options.rules ?? (await deps.loadRules());
    if (rules.length === 0 && fallback === null) return null;

    const matched = rules.find((rule) => conditionsHold(rule.conditions, lead));
    let fallbackFrom: { rule: string; reason: string } | undefined;
    if (matched) {
      const outcome = await tryPool(lead, matched.name, matched, strategies, exclude);
      if (outcome.ok) {
        return { ownerId: outcome.ownerId, reason: { rule: matched.name, strategy: matched.strategy, candidates: outcome.candidates } };
      }
      deps.report?.({
        rule: matched.name,
        strategy: matched.strategy,
        reason: outcome.reason,
        then: fallback ? 'fallback' : 'unassigned',
        ...(outcome.error === undefined ? {} : { error: outcome.error }),
      });
      fallbackFrom = { rule: matched.name, reason: outcome.reason };
    } else if (!fallback) {
      deps.report?.({ rule: null, strategy: null, reason: 'no_rule_matched', then: 'unassigned' });
    }
    if (!fallback) return null;

    const outcome = await tryPool(lead, FALLBACK_RULE, fallback, strategies, exclude);
    if (outcome.ok) {
      return {
        ownerId: outcome.ownerId,
        reason: { rule: FALLBACK_RULE, strategy: fallback.strategy, candidates: outcome.candidates, ...(fallbackFrom ? { fallbackFrom } : {}) },
      };
    }
    deps.report?.({
      rule: FALLBACK_RULE,
      strategy: fallback.strategy,
      reason: outcome.reason,
      then: 'unassigned',
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    });
    return null;
  };
}

export type Distribute = ReturnType<typeof createDistributor>;
