import type Database from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS, pragmaRetryingBusy } from '@meals/sqlite-support';

/**
 * The events table. `position` is the global log position ($all): AUTOINCREMENT never
 * reuses a value, and writers are serialised by SQLite's write lock, so positions grow in
 * commit order. UNIQUE(stream_id, revision) is the last line of defence against two
 * writers claiming the same revision; UNIQUE(event_id) backs idempotency.
 */
export const EVENTS_TABLE_DDL = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id    TEXT    NOT NULL UNIQUE,
    stream_id   TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

/** Durable settings: WAL + synchronous=FULL means an acknowledged commit survives a crash or power loss. */
export function applyDurablePragmas(db: Database.Database, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): void {
  pragmaRetryingBusy(db, 'journal_mode = WAL', busyTimeoutMs);
  db.pragma('synchronous = FULL');
  // savepoint rollbacks of single appends keep their undo data in memory
  db.pragma('temp_store = MEMORY');
}

export function ensureEventsSchema(db: Database.Database): void {
  db.exec(EVENTS_TABLE_DDL);
}
