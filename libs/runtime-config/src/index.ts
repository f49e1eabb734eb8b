export * from './storage-env.js';
export * from './load-config-or-exit.js';
