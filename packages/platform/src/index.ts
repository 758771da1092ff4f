export { startPlatform, pluginLogger, pluginMigrationTable, type Platform, type PlatformOptions } from './platform.js';
export { createApp, type AppOptions } from './app.js';
export { issueSetupToken } from './setup.js';
export { pluginJobName } from './plugin-runtime.js';
