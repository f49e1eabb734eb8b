export {
  findRepoRoot,
  freePort,
  startLedgerProcesses,
  type LedgerProcesses,
  type LedgerProcessesOptions,
} from './ledger-processes.js';
export {
  DEFAULT_RESTART_POLICY,
  SupervisedProcess,
  type RestartPolicy,
  type SupervisedProcessOptions,
} from './supervised-process.js';
export { startRedisServer, type RedisServer, type RedisServerOptions } from './redis-process.js';
export { startWebProcess, type WebProcessOptions } from './web-process.js';
export { fetchHealth, isLive, isReady, waitForHealth, type HealthAnswer } from './health.js';
/** the start-up marker the ledger's health reads (`starting`, 503, while it exists) */
export { clearStarting, markStarting } from '@meals/runtime-config';
