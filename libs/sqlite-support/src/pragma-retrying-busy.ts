import type Database from 'better-sqlite3';

/** how long a connection waits for another one's lock, unless told otherwise (ms) */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const RETRY_PAUSE_MS = 20;
const pause = new Int32Array(new SharedArrayBuffer(4));

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ['SQLITE_BUSY', 'SQLITE_LOCKED'].includes((error as { code?: string }).code ?? '');

/**
 * Runs a PRAGMA, retrying for up to `timeoutMs` while another connection holds a lock it
 * needs. Switching a fresh file to WAL takes an exclusive lock, and SQLite answers
 * SQLITE_BUSY at once, without its busy handler, when another process opens the same file
 * at that moment (both services starting on a new data directory). Startup only: the
 * pauses block the thread.
 */
export function pragmaRetryingBusy(db: Database.Database, pragma: string, timeoutMs: number): unknown {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return db.pragma(pragma);
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, RETRY_PAUSE_MS);
    }
  }
}
