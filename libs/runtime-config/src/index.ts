export * from './storage-env.js';
