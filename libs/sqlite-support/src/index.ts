export { DEFAULT_BUSY_TIMEOUT_MS, pragmaRetryingBusy } from './pragma-retrying-busy.js';
export { asStorageFull, isStorageFullCause, StorageFullError } from './storage-full.js';
