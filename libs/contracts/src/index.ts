/**
 * The ledger HTTP API's request and response schemas (zod), shared by the ledger (which
 * validates and documents with them) and its clients (which type their calls with them).
 * Types are named after the wire (the OpenAPI component names).
 */
export * from './primitives.js';
export * from './human-text.js';
export * from './period.js';
export * from './api-error.js';
export * from './command-result.js';
export * from './accounts.js';
export * from './cards.js';
export * from './sales.js';
export * from './top-ups.js';
export * from './payments.js';
export * from './schools.js';
export * from './auth.js';
export * from './parent-access.js';
export * from './meals.js';
export * from './meal-syncs.js';
