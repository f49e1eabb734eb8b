export {
  LedgerClient,
  type HealthReport,
  type LedgerClientOptions,
  type LedgerMethod,
  type LedgerRequest,
  type PupilListFile,
  type StatementPeriod,
} from './ledger-client.js';
export { LedgerApiError } from './ledger-api-error.js';
