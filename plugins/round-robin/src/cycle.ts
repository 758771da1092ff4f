/**
 * The order a weighted rotation goes through its members: each member appears as many times as
 * its weight, spread out (smooth weighted round robin), so a weight-2 member gets two turns per
 * cycle and never waits long between them, and at every point of the cycle each member has had
 * its proportional share within one turn. Deterministic: the same members and weights in the same
 * order give the same cycle in every server process.
 */
export function weightedCycle(members: readonly { id: string; weight: number }[]): string[] {
  const key = members.map((m) => `${m.id}*${m.weight}`).join(',');
  const cached = cache.get(key);
  if (cached) return cached;
  const weights = members.map((m) => Math.max(1, Math.floor(m.weight)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const current = weights.map(() => 0);
  const cycle: string[] = [];
  for (let turn = 0; turn < total; turn++) {
    let best = 0;
    for (let i = 0; i < weights.length; i++) {
      current[i]! += weights[i]!;
      if (current[i]! > current[best]!) best = i;
    }
    current[best]! -= total;
    cycle.push(members[best]!.id);
  }
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, cycle);
  return cycle;
}

const CACHE_SIZE = 256;
const cache = new Map<string, string[]>();
