export * from './org-settings.js';
