import type { DistributionInput, DistributionStrategy } from '@sarnakh/plugin-sdk';
import { localTime, unavailability } from './availability.js';
import { weightedCycle } from './cycle.js';
import { advance, assignedOn, claim, membersOf, openLeads, type Db } from './store.js';

export interface StrategyDeps {
  /** The platform's database (known from `init`). */
  database: Db;
  /** The time zone of members without one of their own. */
  defaultTimeZone(): string;
  now?: () => Date;
}

/** A candidate who may take this lead now: available, under their cap, with their weight. */
interface Eligible {
  id: string;
  weight: number;
  /** The member's local day, for the daily cap. */
  day: string;
  dailyCap: number | null;
}

/**
 * The candidates who may take a lead now, in the rule's order: the distributor already dropped
 * inactive users; here go those on leave, outside their working hours, or at their daily cap.
 * Rule weights win over a member's own weight.
 */
async function eligible(deps: StrategyDeps, input: DistributionInput, at: Date): Promise<Eligible[]> {
  const raw = deps.database.raw;
  const candidates = [...new Set(input.candidates)];
  const members = await membersOf(raw, candidates);
  const available: Eligible[] = [];
  for (const id of candidates) {
    const member = members.get(id)!;
    const timeZone = member.timeZone ?? deps.defaultTimeZone();
    if (unavailability({ timeZone, workingHours: member.workingHours, leave: member.leave }, at) !== null) continue;
    available.push({ id, weight: input.weights?.[id] ?? member.weight, day: localTime(at, timeZone).day, dailyCap: member.dailyCap });
  }
  const capped = available.filter((c) => c.dailyCap !== null);
  const counts = await assignedOn(raw, capped.map((c) => ({ userId: c.id, day: c.day })));
  return available.filter((c) => c.dailyCap === null || (counts.get(c.id) ?? 0) < c.dailyCap);
}

/**
 * Give the lead to `choose(pool)`'s pick if their daily count takes one more (the conditional
 * upsert settles races for a last slot); a full member leaves the pool and the next is chosen.
 */
async function firstClaimed(
  deps: StrategyDeps,
  pool: Eligible[],
  choose: (pool: readonly Eligible[]) => Promise<Eligible>,
): Promise<string | null> {
  let left = pool;
  while (left.length > 0) {
    const chosen = await choose(left);
    if (await claim(deps.database.raw, chosen.id, chosen.day, chosen.dailyCap)) return chosen.id;
    left = left.filter((c) => c !== chosen);
  }
  return null;
}

const at = (deps: StrategyDeps) => (deps.now ?? (() => new Date()))();

/**
 * Strict rotation over the rule's candidates in their order, honoring weights (a weight-2 user gets
 * two turns per cycle). The rule's counter row is advanced with one atomic statement and the
 * position mapped onto the weighted cycle of those eligible now, so simultaneous leads on any number
 * of server processes each take the next turn: nobody is given two leads at once, nobody is skipped.
 */
export function roundRobinStrategy(deps: StrategyDeps): DistributionStrategy {
  return {
    id: 'round-robin',
    label: { fa: 'نوبتی (چرخشی)', ar: 'بالتناوب (دوري)', en: 'Round robin' },
    async pick(input) {
      const pool = await eligible(deps, input, at(deps));
      return firstClaimed(deps, pool, async (left) => {
        const cycle = weightedCycle(left);
        const position = await advance(deps.database.raw, input.rule);
        const id = cycle[(position - 1) % cycle.length]!;
        return left.find((c) => c.id === id)!;
      });
    },
  };
}

/**
 * The candidate with the fewest open leads (relative to weight: a weight-2 user carries twice as
 * many); ties rotate through the rule's counter, so a burst of simultaneous leads spreads over
 * equally loaded people instead of all going to the first.
 */
export function leastLoadedStrategy(deps: StrategyDeps): DistributionStrategy {
  return {
    id: 'least-loaded',
    label: { fa: 'کم‌بارترین', ar: 'الأقل حملًا', en: 'Least loaded' },
    async pick(input) {
      const pool = await eligible(deps, input, at(deps));
      if (pool.length === 0) return null;
      const loads = await openLeads(deps.database.raw, pool.map((c) => c.id));
      const load = (c: Eligible) => (loads.get(c.id) ?? 0) / c.weight;
      return firstClaimed(deps, pool, async (left) => {
        const least = Math.min(...left.map(load));
        const ties = left.filter((c) => load(c) === least);
        if (ties.length === 1) return ties[0]!;
        const position = await advance(deps.database.raw, input.rule);
        return ties[(position - 1) % ties.length]!;
      });
    },
  };
}
