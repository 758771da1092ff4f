import type { ScoringRulesStore } from './ports.js';
import type { ScoringRules } from './rules.js';

export interface CachedRulesOptions {
  /** How long a loaded rule set is used before it is read again; default 5 seconds. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The rules, read at most once per `ttlMs`: capture reads them for every lead. A save in this
 * process applies at once; other server processes pick it up within `ttlMs`.
 */
export function cachedScoringRules(store: ScoringRulesStore, options: CachedRulesOptions = {}): ScoringRulesStore {
  const ttl = options.ttlMs ?? 5_000;
  const now = options.now ?? Date.now;
  let cached: { rules: Promise<ScoringRules>; at: number } | null = null;
  return {
    load(loadOptions) {
      if (loadOptions?.fresh || cached === null || now() - cached.at >= ttl) {
        const rules = store.load(loadOptions);
        const entry = { rules, at: now() };
        cached = entry;
        // A failed read is not kept: the next call tries again.
        rules.catch(() => {
          if (cached === entry) cached = null;
        });
        return rules;
      }
      return cached.rules;
    },
    async save(rules) {
      await store.save(rules);
      cached = { rules: Promise.resolve(structuredClone(rules)), at: now() };
    },
  };
}
