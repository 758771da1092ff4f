export * from './template.js';
export * from './format.js';
export * from './render.js';
export * from './service.js';
