export * from './mapping.js';
export * from './plan.js';
export * from './ports.js';
export * from './service.js';
