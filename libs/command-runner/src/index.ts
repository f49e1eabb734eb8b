export * from './command-context.js';
export * from './command-metrics.js';
export * from './command-runner.js';
export * from './event-ids.js';
export * from './keyed-mutex.js';
export * from './unique-key-claims.js';
