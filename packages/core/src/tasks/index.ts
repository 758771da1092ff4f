export * from './task.js';
export * from './ports.js';
export * from './service.js';
export * from './reminders.js';
export * from './urgent.js';
