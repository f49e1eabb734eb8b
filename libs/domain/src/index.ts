export * from './money.js';
export * from './events.js';
