export * from './ports.js';
export * from './failure.js';
export * from './contact-log.js';
