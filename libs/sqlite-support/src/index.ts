export { pragmaRetryingBusy } from './pragma-retrying-busy.js';
