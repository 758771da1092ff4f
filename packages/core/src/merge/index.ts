export * from './ports.js';
export * from './duplicates.js';
export * from './plan.js';
export * from './service.js';
