export * from './rules.js';
export * from './evaluate.js';
export * from './explain.js';
export * from './ports.js';
export * from './rescore.js';
export * from './cache.js';
export * from './service.js';
export { clampScore, MAX_SCORE } from './qualification.js';
