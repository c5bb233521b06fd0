export * from './enums.js';
export * from './errors.js';
export * from './events.js';
export * from './money.js';
export * from './schemas/health.js';
