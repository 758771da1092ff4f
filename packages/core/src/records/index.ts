export * from './records.js';
export * from './fields.js';
export * from './schema.js';
export * from './names.js';
