export * from './rules.js';
export * from './match.js';
export * from './distributor.js';
