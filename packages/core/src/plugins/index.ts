/**
 * The plugin kernel: typed extension points, typed hooks, `definePlugin`, and the host that checks,
 * orders, boots and stops plugins. Pure TypeScript; the db, api and server layers plug into the
 * host's `onBeforeInit` and `onAfterSeal` slots and interpret a plugin's `migrations`, `router`,
 * `routes`, `jobs` and `admin` parts.
 */
export * from './errors.js';
export * from './extension-point.js';
export * from './hooks.js';
export * from './settings.js';
export * from './versions.js';
export * from './define-plugin.js';
export * from './host.js';
export * from './testing.js';
