/**
 * Moved to the launcher (tools/launcher, `@meals/launcher`), which supervises the
 * processes; kept here for the bench code until it moves out of the app.
 */
export { findRepoRoot, freePort, startLedgerProcesses, type LedgerProcesses, type LedgerProcessesOptions } from '@meals/launcher';
