export { DEFAULT_BUSY_TIMEOUT_MS, pragmaRetryingBusy } from './pragma-retrying-busy.js';
