export * from './calendar.js';
export * from './settings.js';
export * from './ports.js';
export * from './first-response.js';
export * from './service.js';
