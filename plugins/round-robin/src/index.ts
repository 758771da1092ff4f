import { definePlugin, distributionStrategies } from '@sarnakh/plugin-sdk';
import { migrations } from './migrations.js';
import { roundRobinRouter } from './router.js';
import { roundRobinSettings } from './settings.js';
import { leastLoadedStrategy, roundRobinStrategy } from './strategies.js';

export { roundRobinSettings, type RoundRobinSettings } from './settings.js';
export { weekdays, isTimeZone, localTime, unavailability, type Availability, type Weekday, type WorkingWindow, type Leave } from './availability.js';
export { weightedCycle } from './cycle.js';
export type { Member, PoolState, UserRow } from './store.js';
export { roundRobinStrategy, leastLoadedStrategy, type StrategyDeps } from './strategies.js';

/**
 * Round robin and least-loaded distribution. Its state (rotation counters, daily counts, members'
 * weights, caps and availability) lives in PostgreSQL, so several server processes hand out leads
 * fairly together.
 */
export const roundRobinPlugin = definePlugin({
  id: 'round-robin',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: roundRobinSettings,
  migrations,

  // Registered in init, not provide: the strategies need the database, which init's services carry.
  // Nothing reads the strategies before the registry is sealed (the pipeline reads them per lead).
  init(ctx) {
    const deps = { database: ctx.services.database, defaultTimeZone: () => ctx.settings.defaultTimeZone };
    ctx.register(distributionStrategies, roundRobinStrategy(deps));
    ctx.register(distributionStrategies, leastLoadedStrategy(deps));
  },

  router: roundRobinRouter,

  admin: { entry: '@sarnakh/plugin-round-robin/admin' },
});

export default roundRobinPlugin;
