/** What other parts of the repo (demo seeding, benchmarks, tests) use from the ledger app. */
export { createLedgerApp, JSON_BODY_LIMIT, IMPORT_BODY_LIMIT } from './create-app.js';
export { LedgerModule, type LedgerDependencies } from './app.module.js';
export { loadLedgerConfig, ConfigError, type LedgerConfig } from './config/ledger-config.js';
export { resolveTokenSecret } from './config/token-secret.js';
export { openLedgerStores, openIdentityStore, type LedgerStores } from './infrastructure/open-stores.js';
export { IdentityDirectory } from './identity/identity-directory.js';
export type {
  IdentityStore,
  IdentityStoreConfig,
  CheckpointStore,
  UserRecord,
  ApiKeyRecord,
} from './identity/store/identity-store.port.js';
export { createIdentityStore } from './identity/store/open-identity-store.js';
export { ROLES, type Role, type Principal } from './identity/principal.js';
export { API_KEY_PREFIX } from './identity/api-keys.js';
export { runCli } from './cli/run-cli.js';
export { createLogger } from './observability/logger.js';
export { LedgerMetrics } from './observability/metrics.js';
export { TransferReconciler } from './reconciler/transfer-reconciler.js';
export type { LedgerSettings, Clock } from './infrastructure/tokens.js';
