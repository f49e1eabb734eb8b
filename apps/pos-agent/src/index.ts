/** What the repo's tools (launcher, bench, demo) may use of the till agent. */
export { startTill, type RunningTill } from './start-till.js';
export { readTillConfig, type TillConfig } from './till-config.js';
export { createLogger } from './logger.js';
export { encodeReceipt } from './receipts/escpos-receipt.js';
